# journey: build, test and check.
GO ?= go
PKGS := ./...

.PHONY: all build test vet fmt-check fuzz bench docs install clean

all: build test

build:
	$(GO) build -o bin/journey ./cmd/journey

install:
	$(GO) install ./cmd/...

# Every test: formatting, vet, and the race-checked test suite.
test: fmt-check vet
	$(GO) test -race -count=1 $(PKGS)

vet:
	$(GO) vet $(PKGS)

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

# Short fuzzing of every parser; FUZZTIME=5m for a longer run.
FUZZTIME ?= 20s
fuzz:
	$(GO) test ./pkg/loader -run '^$$' -fuzz '^FuzzLoad$$' -fuzztime $(FUZZTIME)

clean:
	rm -rf bin
