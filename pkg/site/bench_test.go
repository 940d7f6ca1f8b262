package site

import (
	"context"
	"testing"

	"github.com/journey-maps/journey/pkg/corpus"
	"github.com/journey-maps/journey/pkg/loader"
)

// benchCorpus writes n generated maps (pkg/corpus, about 600 lines each)
// into a temporary folder.
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

// BenchmarkBuild builds the site of 100 maps into memory.
func BenchmarkBuild(b *testing.B) {
	dir := benchCorpus(b, 100)
	o := testOptions()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Build(context.Background(), loader.New(loader.Options{}), []string{dir}, o, MemSink{}); err != nil {
			b.Fatal(err)
		}
	}
}
