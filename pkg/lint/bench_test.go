package lint

import (
	"testing"

	"github.com/journey-maps/journey/pkg/config"
	"github.com/journey-maps/journey/pkg/corpus"
	"github.com/journey-maps/journey/pkg/loader"
)

// BenchmarkLintLarge lints a map of 2,000 touchpoints already loaded: the
// rules walk the model once, without parsing again.
func BenchmarkLintLarge(b *testing.B) {
	f := loader.New(loader.Options{}).LoadBytes("large.journey.yaml", corpus.Large(2000))
	if !f.Valid() {
		b.Fatalf("corpus map has format errors: %v", f.Diags[:1])
	}
	cfg := config.Default()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Lint(f, cfg, Options{Today: today})
	}
}

// BenchmarkLintMap lints generated maps of about 600 lines, already
// loaded: what lint adds to each map's load.
func BenchmarkLintMap(b *testing.B) {
	l := loader.New(loader.Options{})
	var files []*loader.File
	for i := range 20 {
		files = append(files, l.LoadBytes("gen.journey.yaml", corpus.Map(1, i)))
	}
	cfg := config.Default()
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		Lint(files[i%len(files)], cfg, Options{Today: today})
	}
}
