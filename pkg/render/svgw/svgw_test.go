package svgw

import (
	"math/rand/v2"
	"strconv"
	"testing"
)

// Num writes what strconv's shortest float writes for the value rounded
// half away from zero to tenths (its first form), without strconv's cost.
func TestNumAsShortestFloat(t *testing.T) {
	ref := func(v float64) string {
		h := 0.5
		if v < 0 {
			h = -0.5
		}
		v = float64(int64(v*10+h)) / 10
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	r := rand.New(rand.NewPCG(3, 4))
	cases := []float64{0, 0.04, -0.04, 0.05, -0.05, 1, -1, 12.25, 12.35, 99.95, -99.95, 1e6 + 0.06}
	for range 100000 {
		cases = append(cases, (r.Float64()-0.5)*20000)
	}
	for _, v := range cases {
		want := ref(v)
		if want == "-0" {
			want = "0"
		}
		if got := string(Num(nil, v)); got != want {
			t.Fatalf("Num(%v) = %q, want %q", v, got, want)
		}
	}
}
