package loader

import (
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/journey-maps/journey/pkg/corpus"
)

// generatedMaps returns 50 generated maps of about 600 lines and sets the
// benchmark's bytes per operation to their mean size.
func generatedMaps(b *testing.B) [][]byte {
	maps := make([][]byte, 50)
	size := 0
	for i := range maps {
		maps[i] = corpus.Map(1, i)
		size += len(maps[i])
	}
	b.SetBytes(int64(size / len(maps)))
	b.ReportAllocs()
	return maps
}

// BenchmarkLoad measures parse, schema validation, decoding and checks of
// one generated map of about 600 lines.
func BenchmarkLoad(b *testing.B) {
	maps := generatedMaps(b)
	l := New(Options{})
	for i := 0; b.Loop(); i++ {
		l.LoadBytes("gen.journey.yaml", maps[i%len(maps)])
	}
}

// BenchmarkParseFloor is what BenchmarkLoad is held to: only decoding the
// same maps into a yaml.Node, as the `journey-bench floor` program does.
func BenchmarkParseFloor(b *testing.B) {
	maps := generatedMaps(b)
	for i := 0; b.Loop(); i++ {
		var n yaml.Node
		if err := yaml.Unmarshal(maps[i%len(maps)], &n); err != nil {
			b.Fatal(err)
		}
	}
}
