package site

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/journey-maps/journey/pkg/corpus"
	"github.com/journey-maps/journey/pkg/loader"
)

// benchCorpus writes n generated maps (pkg/corpus, about 600 lines each)
// into a temporary folder.
func benchCorpus(b *testing.B, n int) string {
	b.Helper()
	dir := b.TempDir()
	var size int64
	for i := 0; i < n; i++ {
		data := corpus.Map(1, i)
		size += int64(len(data))
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("map-%04d.journey.yaml", i)), data, 0o644); err != nil {
			b.Fatal(err)
		}
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
