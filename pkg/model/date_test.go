package model

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// ParseDate must agree with time.Parse(time.DateOnly) on every string:
// every day of several years (leap and not), then strings near dates.
func TestParseDateAgreesWithTimeParse(t *testing.T) {
	check := func(s string) {
		t.Helper()
		want, err := time.Parse(time.DateOnly, s)
		got, ok := ParseDate(s)
		if ok != (err == nil) || !got.Equal(want) || got.Location() != want.Location() {
			t.Errorf("ParseDate(%q) = %v, %v; time.Parse = %v, %v", s, got, ok, want, err)
		}
	}
	for _, year := range []int{0, 1, 1900, 1999, 2000, 2024, 2026, 2100, 2400, 9999} {
		for m := 0; m <= 13; m++ {
			for d := 0; d <= 32; d++ {
				check(fmt.Sprintf("%04d-%02d-%02d", year, m, d))
			}
		}
	}
	for _, s := range []string{"", "2026-1-02", "2026-01-2", "26-01-02", "2026/01/02", "2026-01-02 ", " 2026-01-02",
		"+026-01-02", "-026-01-02", "2026-+1-02", "2026-01-+2", "2026-0a-02", "２026-01-02", "2026-01-02T00:00:00Z", "20260102"} {
		check(s)
	}
	r := rand.New(rand.NewPCG(3, 4))
	const alphabet = "0123456789-+ /x"
	for range 200000 {
		b := []byte("2026-06-15")
		for range 1 + r.IntN(3) {
			b[r.IntN(len(b))] = alphabet[r.IntN(len(alphabet))]
		}
		check(string(b))
	}
}
