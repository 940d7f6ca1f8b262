package palette

import (
	"fmt"
	"testing"
)

// CIEDE2000 against the first pair of Sharma, Wu and Dalal's test data.
func TestDeltaE2000(t *testing.T) {
	if got := deltaE2000(lab{50, 2.6772, -79.7751}, lab{50, 0, -82.7485}); got < 2.0424 || got > 2.0426 {
		t.Errorf("ΔE00 = %.4f, want 2.0425", got)
	}
	if DeltaE(Ink, Ink) != 0 {
		t.Error("a colour differs from itself")
	}
}

// Simulation keeps greys grey and makes the red–green pair the old scale
// used (red 1, green 5) hard to tell apart for deuteranopes: the check
// below is not blind.
func TestSimulationSeesTheOldProblem(t *testing.T) {
	grey := RGB{128, 128, 128}
	for _, d := range Deficiencies {
		if g := Simulate(grey, d); DeltaE(g, grey) > 1 {
			t.Errorf("%s moves grey to %s", d, g.Hex())
		}
	}
	oldRed, oldGreen := hex("#f8696b"), hex("#63be7b")
	if e := DeltaE(Simulate(oldRed, Deuteranopia), Simulate(oldGreen, Deuteranopia)); e > 12 {
		t.Errorf("the old red and green stay %.1f apart under deuteranopia: the simulation is off", e)
	}
}

func minDistance(cs []RGB, see func(RGB) RGB) (float64, string) {
	best, pair := 1e9, ""
	for i := range cs {
		for j := i + 1; j < len(cs); j++ {
			if e := DeltaE(see(cs[i]), see(cs[j])); e < best {
				best, pair = e, fmt.Sprintf("%d and %d", i+1, j+1)
			}
		}
	}
	return best, pair
}

// Every two points of the emotion scale stay clearly apart (CIEDE2000
// over 15) for normal vision and under each simulated dichromacy.
func TestEmotionScaleForEveryReader(t *testing.T) {
	steps := EmotionSteps()
	const want = 15
	if e, pair := minDistance(steps[:], func(c RGB) RGB { return c }); e < want {
		t.Errorf("emotions %s are %.1f apart", pair, e)
	}
	for _, d := range Deficiencies {
		if e, pair := minDistance(steps[:], func(c RGB) RGB { return Simulate(c, d) }); e < want {
			t.Errorf("under %s emotions %s are %.1f apart", d, pair, e)
		}
	}
	// Diverging: lightest in the middle, darker toward both ends.
	if !(steps[0].Luminance() < steps[1].Luminance() && steps[1].Luminance() < steps[2].Luminance() &&
		steps[4].Luminance() < steps[3].Luminance() && steps[3].Luminance() < steps[2].Luminance()) {
		t.Error("the scale is not diverging around 3")
	}
	if Emotion(1) != steps[0] || Emotion(5) != steps[4] || Emotion(9) != steps[4] || Emotion(2.4) != steps[1] || Emotion(3.6) != steps[3] {
		t.Error("Emotion does not follow the steps")
	}
}

// Text on any emotion fill, and the page's own text, reach 4.5:1.
func TestTextContrast(t *testing.T) {
	for v := 1.0; v <= 5; v += 0.1 {
		bg := Emotion(v)
		if c := Contrast(TextOn(bg), bg); c < 4.5 {
			t.Errorf("text on emotion %.1f (%s): %.2f:1", v, bg.Hex(), c)
		}
	}
	for _, bg := range []RGB{Paper, Soft, Band} {
		for name, fg := range map[string]RGB{"ink": Ink, "muted": Muted} {
			if c := Contrast(fg, bg); c < 4.5 {
				t.Errorf("%s on %s: %.2f:1", name, bg.Hex(), c)
			}
		}
		// Lines are graphics: 3:1 (WCAG 1.4.11).
		for i := range 5 {
			if c := Contrast(Persona(i).Color, bg); c < 3 {
				t.Errorf("persona %d on %s: %.2f:1", i, bg.Hex(), c)
			}
		}
		if c := Contrast(Overall.Color, bg); c < 3 {
			t.Errorf("overall line on %s: %.2f:1", bg.Hex(), c)
		}
	}
}

// Persona lines differ by colour (over 7 apart under every simulation),
// and each by dash pattern and marker too.
func TestPersonaLinesApart(t *testing.T) {
	var cs []RGB
	dashes, marks := map[string]bool{}, map[Mark]bool{}
	for i := range 5 {
		s := Persona(i)
		cs = append(cs, s.Color)
		dashes[s.Dash], marks[s.Marker] = true, true
	}
	if len(dashes) != 5 || len(marks) != 5 {
		t.Errorf("%d dash patterns and %d markers for 5 personas", len(dashes), len(marks))
	}
	for _, d := range Deficiencies {
		if e, pair := minDistance(cs, func(c RGB) RGB { return Simulate(c, d) }); e < 7 {
			t.Errorf("under %s personas %s are %.1f apart", d, pair, e)
		}
	}
	if a, b := Persona(0), Persona(5); a.Color == b.Color && a.Marker == b.Marker {
		t.Error("persona 6 looks like persona 1")
	}
	if e := DeltaE(Overall.Color, Persona(4).Color); e < 10 {
		t.Errorf("the overall line is %.1f from persona 5", e)
	}
}

// Severity is shape and word, each severity its own.
func TestSeverityMarks(t *testing.T) {
	seen := map[Severity]bool{}
	for _, s := range []string{"low", "medium", "high", "critical", ""} {
		m := SeverityOf(s)
		if seen[m] || m.Label == "" {
			t.Errorf("severity %q: %+v not distinct", s, m)
		}
		seen[m] = true
	}
}

func TestHex(t *testing.T) {
	for _, c := range []struct {
		rgb  RGB
		want string
	}{{RGB{0, 0, 0}, "#000000"}, {RGB{255, 255, 255}, "#ffffff"}, {RGB{0xc2, 0x52, 0x0c}, "#c2520c"}} {
		if got := c.rgb.Hex(); got != c.want {
			t.Errorf("%v.Hex() = %q, want %q", c.rgb, got, c.want)
		}
	}
}
