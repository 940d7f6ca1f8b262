package fontmetrics

import (
	"strings"
	"sync"
	"testing"
	"time"
)

func TestWidthScalesAndAddsUp(t *testing.T) {
	a, b := Width("Checkout", 12, Regular), Width("Checkout", 24, Regular)
	if a <= 0 || b < 1.99*a || b > 2.01*a {
		t.Errorf("width at 12 = %v, at 24 = %v", a, b)
	}
	if Width("Checkout", 12, Bold) <= a {
		t.Error("bold is not wider than regular")
	}
	if w := Width("ab", 10, Regular); w != Width("a", 10, Regular)+Width("b", 10, Regular) {
		t.Errorf("advances do not add up: %v", w)
	}
	asc, desc := Metrics()
	if asc < 0.7 || asc > 1.2 || desc < 0.1 || desc > 0.4 {
		t.Errorf("ascent %v, descent %v", asc, desc)
	}
}

func TestWrapFitsAndKeepsWords(t *testing.T) {
	for _, c := range []struct {
		s     string
		width float64
	}{
		{"Types address and card details on a phone while the bus shakes", 120},
		{"Supercalifragilisticexpialidocious-and-then-some word", 60},
		{"   ", 50},
		{"日本語のテキストも折り返す", 40},
		{"x", 1},
	} {
		lines := Wrap(c.s, c.width, 12, Regular)
		if len(lines) == 0 {
			t.Fatalf("%q: no lines", c.s)
		}
		for _, l := range lines {
			if w := Width(l, 12, Regular); w > c.width && len([]rune(l)) > 1 {
				t.Errorf("%q: line %q is %.1f wide, over %.0f", c.s, l, w, c.width)
			}
		}
		if got, want := strings.Join(strings.Fields(strings.Join(lines, "")), ""), strings.Join(strings.Fields(c.s), ""); got != want {
			t.Errorf("%q: text lost or changed: %q", c.s, got)
		}
	}
	if got := Wrap("one two three", 1000, 12, Regular); len(got) != 1 || got[0] != "one two three" {
		t.Errorf("a short text is wrapped: %q", got)
	}
}

// A 200,000-character label once took 39 s to wrap: wrapping is linear.
// The bound is far above the expected cost (milliseconds): a quadratic
// wrap fails it, a slow machine does not.
func TestWrapIsLinear(t *testing.T) {
	long := strings.Repeat("a", 200000) + " " + strings.Repeat("word ", 40000)
	start := time.Now()
	lines := Wrap(long, 150, 12, Regular)
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("wrapping 400,000 characters took %v", d)
	}
	if len(lines) < 1000 {
		t.Errorf("%d lines", len(lines))
	}
}

func TestTruncate(t *testing.T) {
	s := Truncate("A very long stage name that does not fit", 80, 12, Bold)
	if !strings.HasSuffix(s, "…") || Width(s, 12, Bold) > 80 {
		t.Errorf("Truncate = %q (%.1f)", s, Width(s, 12, Bold))
	}
	if Truncate("Short", 80, 12, Bold) != "Short" {
		t.Error("a short text was cut")
	}
}

// Pictures are drawn on every core at once (journey site): measuring is
// safe from many goroutines (run with -race).
func TestWidthConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	want := Width("Checkout form — ✓ 日本", 12, Bold)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				if got := Width("Checkout form — ✓ 日本", 12, Bold); got != want {
					t.Errorf("width %v, want %v", got, want)
					return
				}
				Wrap("a journey map drawn by many workers at once", 80, 12, Style(i%4))
			}
		}()
	}
	wg.Wait()
}
