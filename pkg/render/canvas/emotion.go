package canvas

import (
	"strconv"

	fm "github.com/journey-maps/journey/pkg/render/fontmetrics"
	"github.com/journey-maps/journey/pkg/render/palette"
	"github.com/journey-maps/journey/pkg/render/svgw"
)

// The emotion lane: the lane name, the plot of 1..5, then a chip per
// touchpoint with its emotion in words.
const (
	plotTop  = 34.0 // below the lane name
	stepH    = 26.0 // between two points of the scale
	chipTop  = plotTop + 4*stepH + 14
	chipH    = 22.0
	emotionH = chipTop + chipH + cellPad
)

// The scale's words, by the lane name.
var scaleWords = [5]string{"1 very negative", "2 negative", "3 neutral", "4 positive", "5 very positive"}

func levelY(top, v float64) float64 { return top + plotTop + (5-v)*stepH }

// nudge moves persona line i of n a few px up or down, so lines with the
// same emotions run side by side instead of hiding one another.
func nudge(i, n int) float64 { return (float64(i) - float64(n-1)/2) * 3 }

func drawEmotionLane(w *svgw.Writer, m *Map, b band, top float64) {
	right := colX(len(b.cols))
	for v := 1; v <= 5; v++ {
		y := levelY(top, float64(v))
		w.Line(colX(0), y, right, y, svgw.Style{Stroke: palette.Line.Hex(), Width: 1, Dash: "3 3"})
		w.Text(pad+laneW-cellPad, y+4, svgw.Font{Size: sizeMeta, Fill: muted, Anchor: svgw.End}, scaleWords[v-1])
	}
	x := func(i int) float64 { return colX(i) + colW/2 }
	if m.Overall {
		drawRuns(w, b, palette.Overall, func(t *Touchpoint) float64 { return t.Overall }, x, func(v float64) float64 { return levelY(top, v) })
	}
	for pi, p := range m.Personas {
		dy := nudge(pi, len(m.Personas))
		drawRuns(w, b, p.Style, personaValue(pi), x, func(v float64) float64 { return levelY(top, v) + dy })
	}
	for ci, c := range b.cols {
		if c.tp.Overall > 0 && m.Overall {
			w.Mark(palette.MarkCircle, x(ci), levelY(top, c.tp.Overall), 6,
				svgw.Style{Fill: palette.Emotion(c.tp.Overall).Hex(), Stroke: ink, Width: 1.2},
				"All personas at "+c.tp.Name+": "+c.tp.EmotionText)
		}
	}
	for pi, p := range m.Personas {
		for ci, c := range b.cols {
			v := personaValue(pi)(c.tp)
			if v <= 0 {
				continue
			}
			w.Mark(p.Style.Marker, x(ci), levelY(top, v)+nudge(pi, len(m.Personas)), 4.5,
				svgw.Style{Fill: p.Style.Color.Hex(), Stroke: palette.Paper.Hex(), Width: 1.2},
				p.Name+" at "+c.tp.Name+": "+strconv.FormatFloat(v, 'f', -1, 64))
		}
	}
	for ci, c := range b.cols {
		drawChip(w, c.tp, colX(ci)+cellPad, top+chipTop)
	}
}

func personaValue(pi int) func(*Touchpoint) float64 {
	return func(t *Touchpoint) float64 {
		if pi < len(t.Emotions) {
			return t.Emotions[pi]
		}
		return 0
	}
}

// drawRuns draws a line through the touchpoints that have a value, at
// the height y gives it, broken where one has none: a gap, not a line
// through a touchpoint the persona never meets.
func drawRuns(w *svgw.Writer, b band, s palette.Series, value func(*Touchpoint) float64, x func(int) float64, y func(float64) float64) {
	st := svgw.Style{Stroke: s.Color.Hex(), Width: s.Width, Dash: s.Dash}
	var run []float64
	flush := func() {
		if len(run) >= 4 {
			w.Polyline(run, st)
		}
		run = run[:0]
	}
	for ci, c := range b.cols {
		v := value(c.tp)
		if v <= 0 {
			flush()
			continue
		}
		run = append(run, x(ci), y(v))
	}
	flush()
}

// drawChip writes the touchpoint's emotion in words on its colour.
func drawChip(w *svgw.Writer, t *Touchpoint, x, y float64) {
	f := svgw.Font{Size: sizeMeta, Anchor: svgw.Middle}
	fill := palette.Paper
	label := "no emotion recorded"
	if t.Overall > 0 {
		fill = palette.Emotion(t.Overall)
		label = t.EmotionText
	}
	f.Fill = palette.TextOn(fill).Hex()
	if t.Overall <= 0 {
		f.Fill = muted
	}
	label = fm.Truncate(label, textW-8, f.Size, f.Style)
	w.Rect(x, y, textW, chipH, chipH/2, svgw.Style{Fill: fill.Hex(), Stroke: palette.Rule.Hex(), Width: 1, Class: "box"})
	asc, _ := fm.Metrics()
	w.Text(x+textW/2, y+chipH/2+asc*f.Size/2-1, f, label)
}
