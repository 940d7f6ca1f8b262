package schema

import (
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/journey-maps/journey/pkg/corpus"
	"github.com/journey-maps/journey/pkg/yamlx"
)

// BenchmarkValidate measures the schema walk alone over generated maps of
// about 600 lines, parsed beforehand: the largest part of loading a map
// after the parse.
func BenchmarkValidate(b *testing.B) {
	var roots []*yaml.Node
	size := 0
	for i := range 20 {
		src := corpus.Map(1, i)
		size += len(src)
		root, err := yamlx.Parse(src)
		if err != nil {
			b.Fatal(err)
		}
		roots = append(roots, root)
	}
	b.SetBytes(int64(size / len(roots)))
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if ds := Validate("gen.journey.yaml", roots[i%len(roots)], true); len(ds) > 0 {
			b.Fatal(ds[0])
		}
	}
}
