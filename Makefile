# journey: build, test and check.
GO ?= go
PKGS := ./...

.PHONY: all build test vet fmt-check fuzz bench docs install clean e2e

all: build test

# journey and the journey-graphviz helper that draws its diagrams, linked
# statically: with cgo, pflag's import of net makes the binary load libc
# at every start, about 4 ms of each run (docs/performance.md).
build:
	CGO_ENABLED=0 $(GO) build -o bin/ ./cmd/journey ./cmd/journey-graphviz

install:
	CGO_ENABLED=0 $(GO) install ./cmd/...

# Every test: formatting, vet, and the race-checked test suite.
test: fmt-check vet
	$(GO) test -race -count=1 $(PKGS)

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

# Build journey and journey-graphviz, render the examples to the HTML
# report and open each page in headless Chromium (Debian: apt-get install
# chromium), failing on console messages, external loads or a blank
# screenshot; pages and screenshots are left in e2e-out/. Then the same
# for the site of the examples (journey site), whose search box, filters
# and sorting are worked in the browser.
e2e:
	$(GO) test -tags e2e -count=1 -v ./pkg/render/e2e
	$(GO) test -tags e2e -count=1 -v ./pkg/site/e2e
