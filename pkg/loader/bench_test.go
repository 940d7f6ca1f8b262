package loader

import (
	"testing"

	"github.com/journey-maps/journey/pkg/corpus"
)

// BenchmarkLoad measures parse, schema validation, decoding and checks of
// one generated map of about 600 lines.
func BenchmarkLoad(b *testing.B) {
	maps := make([][]byte, 50)
	size := 0
	for i := range maps {
		maps[i] = corpus.Map(1, i)
		size += len(maps[i])
	}
	b.SetBytes(int64(size / len(maps)))
	l := New(Options{})
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		l.LoadBytes("gen.journey.yaml", maps[i%len(maps)])
	}
}
