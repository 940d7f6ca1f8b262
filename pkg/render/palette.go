package render

import (
	"fmt"
	"math"
)

// The emotion scale runs from red (1) through yellow (3) to green (5),
// light enough that dark text stays readable on every step.
var emotionStops = [5][3]float64{
	{0xf8, 0x69, 0x6b},
	{0xfb, 0xaa, 0x77},
	{0xff, 0xe0, 0x84},
	{0xb1, 0xd5, 0x80},
	{0x63, 0xbe, 0x7b},
}

// NoEmotionColor fills a touchpoint with no emotion recorded.
const NoEmotionColor = "#e8e8e8"

// EmotionColor is the fill for an emotion on the 1..5 scale, interpolated
// between the steps for a mean.
func EmotionColor(v float64) string {
	v = math.Max(1, math.Min(5, v))
	i := int(math.Floor(v)) - 1
	if i >= 4 {
		i = 3
	}
	f := v - float64(i+1)
	var c [3]int
	for k := 0; k < 3; k++ {
		c[k] = int(math.Round(emotionStops[i][k] + f*(emotionStops[i+1][k]-emotionStops[i][k])))
	}
	return fmt.Sprintf("#%02x%02x%02x", c[0], c[1], c[2])
}

// severityStyle is the fill and border of a pain point of a severity.
type severityStyle struct{ Fill, Border string }

var severityStyles = map[string]severityStyle{
	"low":      {"#fff8d6", "#c9a400"},
	"medium":   {"#ffe6cc", "#e07b00"},
	"high":     {"#ffd6d6", "#d32f2f"},
	"critical": {"#f4a3a3", "#8b0000"},
	"":         {"#f0f0f0", "#888888"},
}

// SeverityStyle returns the colours of a severity ("" when unset).
func SeverityStyle(sev string) (fill, border string) {
	s, ok := severityStyles[sev]
	if !ok {
		s = severityStyles[""]
	}
	return s.Fill, s.Border
}

// personaColors tell the lines of the emotion curve apart; they are
// distinguishable in print and for the common colour-vision deficiencies.
var personaColors = []string{"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22"}

// PersonaColor is the line colour of the i-th persona.
func PersonaColor(i int) string { return personaColors[i%len(personaColors)] }
