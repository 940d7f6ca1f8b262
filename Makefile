# journey: build, test and check.
GO ?= go
PKGS := ./...

.PHONY: all build test vet fmt-check lint tools fuzz bench bench-canvas docs install clean e2e mermaid-deps

# The linters, at pinned versions, built once into bin/tools.
TOOLS := $(CURDIR)/bin/tools
STATICCHECK_VERSION := v0.8.2
GOLANGCI_LINT_VERSION := v2.15.0

all: build test

# journey and the journey-graphviz helper that draws its diagrams, linked
# statically: with cgo, pflag's import of net makes the binary load libc
# at every start, about 4 ms of each run (docs/performance.md).
build:
	CGO_ENABLED=0 $(GO) build -o bin/ ./cmd/journey ./cmd/journey-graphviz

install:
	CGO_ENABLED=0 $(GO) install ./cmd/...

# Every test: formatting, vet, the linters and the race-checked test suite
# (with the real Mermaid parser the conformance tests run).
test: fmt-check vet lint mermaid-deps
	$(GO) test -race -count=1 $(PKGS)

# staticcheck with its default checks, and golangci-lint with the linters
# of .golangci.yml (errcheck where it matters, revive, misspell, ...).
lint: tools
	$(TOOLS)/staticcheck -tags bench,e2e $(PKGS)
	$(TOOLS)/golangci-lint run $(PKGS)

tools: $(TOOLS)/staticcheck-$(STATICCHECK_VERSION) $(TOOLS)/golangci-lint-$(GOLANGCI_LINT_VERSION)

$(TOOLS)/staticcheck-$(STATICCHECK_VERSION):
	GOBIN=$(TOOLS) $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)
	touch $@

$(TOOLS)/golangci-lint-$(GOLANGCI_LINT_VERSION):
	GOBIN=$(TOOLS) $(GO) install github.com/golangci/golangci-lint/v2/cmd/golangci-lint@$(GOLANGCI_LINT_VERSION)
	touch $@

# The real Mermaid parser (npm mermaid, jsdom and js-yaml at the versions
# testdata/mermaid/conformance/package-lock.json pins) that pkg/mermaid's
# conformance tests run, installed once into a cache folder outside the
# repository. Where npm cannot reach its registry (exit 3) the tests skip
# and say so.
mermaid-deps:
	@sh testdata/mermaid/conformance/install.sh >/dev/null || [ $$? -eq 3 ]

# -tags bench includes the developer tool cmd/journey-bench, which is kept
# behind that tag so `go install ./cmd/...` installs only what users run.
vet:
	$(GO) vet -tags bench $(PKGS)

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

# Short fuzzing of every parser; FUZZTIME=5m for a longer run.
FUZZTIME ?= 20s
fuzz:
	$(GO) test ./pkg/loader -run '^$$' -fuzz '^FuzzLoad$$' -fuzztime $(FUZZTIME)
	$(GO) test ./pkg/mermaid -run '^$$' -fuzz '^FuzzImportMermaid$$' -fuzztime $(FUZZTIME)
	$(GO) test ./pkg/mermaid -run '^$$' -fuzz '^FuzzWriteMermaid$$' -fuzztime $(FUZZTIME)
	$(GO) test ./pkg/format -run '^$$' -fuzz '^FuzzFormat$$' -fuzztime $(FUZZTIME)
	$(GO) test ./pkg/diff -run '^$$' -fuzz '^FuzzDiff$$' -fuzztime $(FUZZTIME)
	$(GO) test ./pkg/config -run '^$$' -fuzz '^FuzzConfig$$' -fuzztime $(FUZZTIME)
	$(GO) test ./pkg/yamlx -run '^$$' -fuzz '^FuzzParseDocuments$$' -fuzztime $(FUZZTIME)
	$(GO) test ./pkg/serve -run '^$$' -fuzz '^FuzzSiteName$$' -fuzztime $(FUZZTIME)

clean:
	rm -rf bin

# Regenerate the command reference (docs/cli/*.md) and the man pages
# (docs/man/*.1) from the cobra commands; TestDocsUpToDate fails when the
# committed ones are stale.
docs:
	$(GO) test ./pkg/cli -run '^TestDocsUpToDate$$' -count=1 -update

# Benchmarks: the Go benchmarks of every package (load, validate, lint,
# score, render, diff), then whole processes side by side on 2,000
# generated maps: journey lint against the parse floor (and yamllint,
# native dot where installed). BENCH_MAPS=500 for a quicker run. The Go
# benchmarks run with GOGC=400, the target journey's main sets
# (pkg/gctune) while the live heap is under 4 MB.
BENCH_MAPS ?= 2000
BENCHTIME ?= 1s
bench: build
	CGO_ENABLED=0 $(GO) build -tags bench -o bin/journey-bench ./cmd/journey-bench
	GOGC=400 $(GO) test -run '^$$' -bench . -benchtime $(BENCHTIME) -benchmem $(PKGS)
	bin/journey-bench compare -journey bin/journey -n $(BENCH_MAPS)
	@$(MAKE) --no-print-directory bench-canvas

# The canvas of the 300-touchpoint map as whole processes: svg, png, and
# rsvg-convert (Debian: librsvg2-bin) on the same svg, best of 3, with
# peak memory (docs/performance.md, The canvas).
bench-canvas: build
	@dir=$$(mktemp -d); $(GO) test ./pkg/render -run '^TestWriteLarge$$' -count=1 -args -large-out=$$dir/large.journey.yaml >/dev/null && \
	for what in svg png; do for i in 1 2 3; do /usr/bin/time -f "journey render --format $$what: %e s, %M KB" bin/journey render $$dir/large.journey.yaml --format $$what -o $$dir/large.$$what; done; done; \
	if command -v rsvg-convert >/dev/null; then for i in 1 2 3; do /usr/bin/time -f "rsvg-convert on that svg: %e s, %M KB" rsvg-convert $$dir/large.svg -o $$dir/rsvg.png; done; \
	else echo "rsvg-convert not installed (Debian: apt-get install librsvg2-bin)"; fi; rm -rf $$dir

# Build journey and journey-graphviz, render the examples and maps of 40
# and 300 touchpoints to the HTML report and open each page in headless
# Chromium (Debian: apt-get install chromium poppler-utils) at 1440x900,
# 390x844 and in print, failing on console messages, external loads, a
# blank screenshot, text under 11 px (7 pt printed) or outside its box;
# pages, screenshots and PDFs are left in e2e-out/. Then the same for the
# site of the examples (journey site), whose search box, filters and
# sorting are worked in the browser.
e2e:
	$(GO) test -tags e2e -count=1 -v ./pkg/render/e2e
	$(GO) test -tags e2e -count=1 -v ./pkg/site/e2e
