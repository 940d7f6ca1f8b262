package cli

import (
	"io"
	"path/filepath"
	"testing"
	"time"

	"github.com/journey-maps/journey/pkg/corpus"
)

// The command benchmarks run the whole command in-process over generated
// maps of about 600 lines (pkg/corpus); `make bench` runs them beside the
// whole-process comparison with the parse floor.

const benchMaps = 100

// benchCorpus writes n generated maps into a temporary directory.
func benchCorpus(b *testing.B, n int) string {
	b.Helper()
	dir := b.TempDir()
	size, err := corpus.WriteDir(dir, 1, n)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	return dir
}

// runBench runs one command line per iteration and fails on a usage error.
func runBench(b *testing.B, args ...string) {
	b.Helper()
	env := Env{
		Stdout: io.Discard,
		Stderr: io.Discard,
		Getenv: func(string) string { return "" },
		Now:    func() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) },
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if code := Run(args, env); code > 1 {
			b.Fatalf("journey %v: exit %d", args, code)
		}
	}
}

func BenchmarkValidate(b *testing.B) {
	runBench(b, "validate", benchCorpus(b, benchMaps))
}

func BenchmarkLint(b *testing.B) {
	runBench(b, "lint", "--today", "2026-11-23", benchCorpus(b, benchMaps))
}

func BenchmarkScore(b *testing.B) {
	runBench(b, "score", "--today", "2026-11-23", benchCorpus(b, benchMaps))
}

// BenchmarkRenderMatrix draws the matrix table of one map (no Graphviz).
func BenchmarkRenderMatrix(b *testing.B) {
	dir := benchCorpus(b, 1)
	runBench(b, "render", "--view", "matrix", "--format", "markdown", filepath.Join(dir, "map-0000.journey.yaml"))
}

// BenchmarkDiff compares two different generated maps: every kind of change.
func BenchmarkDiff(b *testing.B) {
	dir := benchCorpus(b, 2)
	runBench(b, "diff", filepath.Join(dir, "map-0000.journey.yaml"), filepath.Join(dir, "map-0001.journey.yaml"))
}
