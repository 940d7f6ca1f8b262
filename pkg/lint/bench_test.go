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
