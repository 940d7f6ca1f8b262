// Package palette holds the colours, line styles and marks of every
// picture journey draws, chosen so that each reader can tell them apart:
// one diverging emotion scale from orange (1) to blue (5) that stays
// distinct under protanopia, deuteranopia and tritanopia; severity shown
// by shape and word rather than by an emotion hue; persona lines told
// apart by dash pattern and marker as well as colour; and text colours
// with a contrast of at least 4.5:1 on what they are drawn on. The tests
// simulate colour-vision deficiency and check the distances.
package palette

import "math"

// The colours of the page: ink for text, muted for secondary text (both
// at least 4.5:1 on Paper and Soft), lines for rules and borders.
var (
	Paper = hex("#ffffff")
	Soft  = hex("#f6f8fa")
	Band  = hex("#eef1f4") // every other stage column
	Line  = hex("#d0d7de")
	Rule  = hex("#8c959f") // axis and outline strokes
	Ink   = hex("#1f2328")
	Muted = hex("#57606a")
)

// emotionSteps is the scale 1..5: dark orange, light orange, light grey,
// light blue, dark blue.
var emotionSteps = [5]RGB{hex("#c2520c"), hex("#f4a15d"), hex("#e8e8e8"), hex("#8fbfe0"), hex("#2a6fb5")}

// NoEmotion fills where no emotion was recorded.
var NoEmotion = Paper

// Emotion is the colour of an emotion on the 1..5 scale. A mean takes
// the colour of the nearest whole point: five classes are easier to tell
// apart than a gradient, and text on every class reaches 4.5:1, which no
// continuous scale from dark to light can promise.
func Emotion(v float64) RGB {
	v = math.Max(1, math.Min(5, v))
	return emotionSteps[int(math.Round(v))-1]
}

// EmotionSteps returns the five colours of the scale, 1 first.
func EmotionSteps() [5]RGB { return emotionSteps }

// TextOn is the text colour with the higher contrast on a background:
// Ink or white.
func TextOn(bg RGB) RGB {
	if Contrast(Ink, bg) >= Contrast(Paper, bg) {
		return Ink
	}
	return Paper
}

// Overall styles the share-weighted line of all personas: wide and grey,
// drawn under the persona lines.
var Overall = Series{Color: hex("#6e7781"), Width: 5, Marker: MarkCircle}

// Series is how one line of an emotion curve is drawn.
type Series struct {
	Color  RGB
	Width  float64
	Dash   string // an SVG stroke-dasharray; "" is solid
	Marker Mark
}

// personaStyles: five colours apart under every simulated deficiency,
// each with its own dash pattern and marker, so lines stay apart in
// greyscale too.
var personaStyles = []Series{
	{Color: hex("#0072b2"), Width: 2.5, Marker: MarkCircle},
	{Color: hex("#c4500a"), Width: 2.5, Dash: "8 4", Marker: MarkSquare},
	{Color: hex("#9a2f7d"), Width: 2.5, Dash: "2 3", Marker: MarkTriangle},
	{Color: hex("#00805f"), Width: 2.5, Dash: "10 3 2 3", Marker: MarkDiamond},
	{Color: hex("#303030"), Width: 2.5, Dash: "4 4", Marker: MarkTriangleDown},
}

// Persona is the line style of the i-th persona; past five, colours and
// dashes repeat with the markers shifted, so neighbours still differ.
func Persona(i int) Series {
	n := len(personaStyles)
	s := personaStyles[i%n]
	if i >= n {
		s.Marker = Mark((int(s.Marker) + i/n) % int(markCount))
	}
	return s
}

// Mark is a marker shape.
type Mark int

// The marker shapes.
const (
	MarkCircle Mark = iota
	MarkSquare
	MarkTriangle
	MarkDiamond
	MarkTriangleDown
	markCount
)

// Severity is how a pain point's severity is shown: a shape and a word,
// in ink, never an emotion hue.
type Severity struct {
	Label  string
	Shape  Mark
	Filled bool
}

var severities = map[string]Severity{
	"low":      {"low", MarkCircle, false},
	"medium":   {"medium", MarkTriangle, false},
	"high":     {"high", MarkTriangle, true},
	"critical": {"critical", MarkDiamond, true},
}

// SeverityOf returns the mark of a severity; an unset one is an open
// square labelled "pain point".
func SeverityOf(sev string) Severity {
	if s, ok := severities[sev]; ok {
		return s
	}
	return Severity{"pain point", MarkSquare, false}
}
