package corpus

import (
	"bytes"
	"strings"
	"testing"

	"github.com/journey-maps/journey/pkg/loader"
)

func TestMapsAreValidRealisticAndRepeatable(t *testing.T) {
	total := 0
	for i := 0; i < 20; i++ {
		data := Map(7, i)
		if !bytes.Equal(data, Map(7, i)) {
			t.Fatal("the same seed must give the same map")
		}
		total += bytes.Count(data, []byte("\n"))
		f := loader.New(loader.Options{}).LoadBytes("gen.journey.yaml", data)
		for _, d := range f.Diags {
			t.Errorf("map %d: %s", i, d)
		}
		if n := len(f.Journey.Touchpoints()); n < 10 {
			t.Errorf("map %d has %d touchpoints", i, n)
		}
	}
	if avg := total / 20; avg < 300 || avg > 900 {
		t.Errorf("maps average %d lines, want about 600", avg)
	}
}

func TestLarge(t *testing.T) {
	f := loader.New(loader.Options{}).LoadBytes("large.journey.yaml", Large(300))
	if len(f.Diags) > 0 || len(f.Journey.Touchpoints()) != 300 || len(f.Journey.Stages) != 7 {
		t.Fatalf("%d touchpoints, %d stages, findings %v", len(f.Journey.Touchpoints()), len(f.Journey.Stages), f.Diags)
	}
	if !strings.Contains(string(Large(300)), "phase: advocacy") {
		t.Error("the large map should cover the whole lifecycle")
	}
}
