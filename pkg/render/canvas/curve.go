package canvas

import (
	"fmt"
	"strconv"

	fm "github.com/journey-maps/journey/pkg/render/fontmetrics"
	"github.com/journey-maps/journey/pkg/render/palette"
	"github.com/journey-maps/journey/pkg/render/svgw"
)

// The emotion curve on its own (--view emotions): the same bands of
// stages as the canvas, narrower columns, a taller plot, each line's
// highest and lowest moment labelled where the label has room.
const (
	curveColW  = 120.0
	curveStepH = 36.0
	curveTop   = 18.0 // room for labels above 5
	curvePlotH = 4 * curveStepH
)

// curveSeries is one line of the chart.
type curveSeries struct {
	name  string
	style palette.Series
	value func(*Touchpoint) float64
	dy    float64
}

func curveSeriesOf(m *Map) []curveSeries {
	var out []curveSeries
	if m.Overall {
		out = append(out, curveSeries{name: "All personas", style: palette.Overall, value: func(t *Touchpoint) float64 { return t.Overall }})
	}
	for pi, p := range m.Personas {
		out = append(out, curveSeries{name: p.Name, style: p.Style, value: personaValue(pi), dy: nudge(pi, len(m.Personas))})
	}
	return out
}

// DrawCurve lays the emotion curve out as a figure: a header with the
// legend, then one part per band of stages.
func DrawCurve(m *Map, o Options) *svgw.Figure {
	maxW := o.MaxWidth
	if maxW <= 0 {
		maxW = DefaultMaxWidth
	}
	n := max(1, int((maxW-2*pad-laneW)/curveColW))
	bs := bands(m, n)
	widest := 1
	for _, b := range bs {
		widest = max(widest, len(b.cols))
	}
	width := 2*pad + laneW + float64(widest)*curveColW
	fig := &svgw.Figure{Title: m.Title + ", emotion curve", Desc: m.Desc, Gap: bandGap}
	hm := *m
	hm.Goals = nil
	fig.Parts = append(fig.Parts, curveHeader(&hm, width))
	ss := curveSeriesOf(m)
	ext := extremes(m, ss)
	for i, b := range bs {
		label := ""
		if len(bs) > 1 {
			label = fmt.Sprintf("part %d of %d", i+1, len(bs))
		}
		fig.Parts = append(fig.Parts, curveBand(m, b, ss, ext, width, label))
	}
	return fig
}

func curveHeader(m *Map, width float64) svgw.Part {
	var w svgw.Writer
	inner := width - 2*pad
	y := pad + block{text(m.Title+" — emotion curve", fTitle, inner)}.drawn(&w, pad, pad)
	if m.Subtitle != "" {
		y += block{text(m.Subtitle, fSubhead, inner)}.drawn(&w, pad, y)
	}
	if len(m.Personas) > 0 || m.Overall {
		y = personaLegend(&w, m, y+10, inner)
	}
	y += 6 + block{text("▲ highest and ▼ lowest moment of each line; a line breaks where its persona does not take part.", fMeta, inner)}.drawn(&w, pad, y+6)
	height := y + pad
	body := string(w.Bytes())
	return svgw.Part{Width: width, Height: height, Draw: func(w *svgw.Writer) {
		w.Rect(0, 0, width, height, 0, svgw.Style{Fill: palette.Paper.Hex(), Class: "box"})
		w.Raw(body)
	}}
}

// extreme marks the touchpoint of each line's highest and lowest moment.
type extreme struct{ hi, lo *Touchpoint }

func extremes(m *Map, ss []curveSeries) []extreme {
	out := make([]extreme, len(ss))
	for si, s := range ss {
		hv, lv := 0.0, 6.0
		for i := range m.Stages {
			for k := range m.Stages[i].Touchpoints {
				t := &m.Stages[i].Touchpoints[k]
				v := s.value(t)
				if v <= 0 {
					continue
				}
				if v > hv {
					hv, out[si].hi = v, t
				}
				if v < lv {
					lv, out[si].lo = v, t
				}
			}
		}
		if hv == lv {
			out[si] = extreme{}
		}
	}
	return out
}

func curveX(i int) float64 { return pad + laneW + float64(i)*curveColW }

// curveBand draws one band: stage names, the plot, touchpoint names.
func curveBand(m *Map, b band, ss []curveSeries, ext []extreme, width float64, label string) svgw.Part {
	head := 0.0
	for _, s := range b.segs {
		head = max(head, curveStage(m, s).height())
	}
	head += 2 * cellPad
	names := make([]block, len(b.cols))
	namesH := 0.0
	for ci, c := range b.cols {
		names[ci] = block{text(c.tp.Name, fText, curveColW-2*cellPad)}
		namesH = max(namesH, names[ci].height())
	}
	plotTop := pad + head
	namesTop := plotTop + curveTop + curvePlotH + 18
	height := namesTop + namesH + 2*cellPad + chipH + cellPad + pad
	return svgw.Part{Width: width, Height: height, Label: label, Draw: func(w *svgw.Writer) {
		for _, s := range b.segs {
			x, sw := curveX(s.from), float64(s.to-s.from)*curveColW
			w.Rect(x, plotTop, sw, height-pad-plotTop, 0, svgw.Style{Fill: stageFill(s.stage)})
			w.Rect(x, pad, sw, head, 0, svgw.Style{Fill: palette.Band.Hex(), Stroke: palette.Rule.Hex(), Width: 1, Class: "box"})
			curveStage(m, s).draw(w, x+cellPad, pad+cellPad)
		}
		w.Rect(pad, pad, laneW, height-2*pad, 0, svgw.Style{Fill: palette.Soft.Hex(), Stroke: palette.Line.Hex(), Width: 1, Class: "box"})
		block{text("Stage", fLabel, laneW-2*cellPad)}.draw(w, pad+cellPad, pad+cellPad)
		drawCurvePlot(w, b, ss, ext, plotTop+curveTop)
		w.Rect(curveX(0), namesTop-cellPad, curveX(len(b.cols))-curveX(0), namesH+2*cellPad+chipH+cellPad, 0,
			svgw.Style{Stroke: palette.Line.Hex(), Width: 1, Class: "box"})
		block{text("Touchpoint", fLabel, laneW-2*cellPad)}.draw(w, pad+cellPad, namesTop)
		for ci, c := range b.cols {
			names[ci].draw(w, curveX(ci)+cellPad, namesTop)
			drawCurveChip(w, c.tp, curveX(ci)+cellPad, namesTop+namesH+cellPad)
		}
	}}
}

func curveStage(m *Map, s segment) block {
	width := float64(s.to-s.from)*curveColW - 2*cellPad
	name := m.Stages[s.stage].Name
	if s.continued {
		name += " (continued)"
	}
	return block{text(name, fBold, width)}
}

func drawCurveChip(w *svgw.Writer, t *Touchpoint, x, y float64) {
	if t.Overall <= 0 {
		return
	}
	cw := curveColW - 2*cellPad
	fill := palette.Emotion(t.Overall)
	w.Rect(x, y, cw, chipH, chipH/2, svgw.Style{Fill: fill.Hex(), Stroke: palette.Rule.Hex(), Width: 1, Class: "box"})
	asc, _ := fm.Metrics()
	f := svgw.Font{Size: sizeMeta, Fill: palette.TextOn(fill).Hex(), Anchor: svgw.Middle}
	w.Text(x+cw/2, y+chipH/2+asc*sizeMeta/2-1, f, fm.Truncate(t.EmotionText, cw-8, sizeMeta, fm.Regular))
}

func curveLevel(top, v float64) float64 { return top + (5-v)*curveStepH }

// drawCurvePlot draws the scale, the lines, their markers and the labels
// of highs and lows. A label goes where it overlaps no marker and no
// other label, inside the plot; with no such place it is left out (the
// marker's tooltip and the chip still give the value).
func drawCurvePlot(w *svgw.Writer, b band, ss []curveSeries, ext []extreme, top float64) {
	right := curveX(len(b.cols))
	for v := 1; v <= 5; v++ {
		y := curveLevel(top, float64(v))
		w.Line(curveX(0), y, right, y, svgw.Style{Stroke: palette.Line.Hex(), Width: 1, Dash: "3 3"})
		w.Text(pad+laneW-cellPad, y+4, svgw.Font{Size: sizeMeta, Fill: muted, Anchor: svgw.End}, scaleWords[v-1])
	}
	x := func(i int) float64 { return curveX(i) + curveColW/2 }
	for _, s := range ss {
		drawRuns(w, b, s.style, s.value, x, func(v float64) float64 { return curveLevel(top, v) + s.dy })
	}
	var taken []box
	for _, s := range ss {
		for ci, c := range b.cols {
			if v := s.value(c.tp); v > 0 {
				taken = append(taken, box{x(ci) - 6, curveLevel(top, v) + s.dy - 6, x(ci) + 6, curveLevel(top, v) + s.dy + 6})
			}
		}
	}
	for _, s := range ss {
		for ci, c := range b.cols {
			v := s.value(c.tp)
			if v <= 0 {
				continue
			}
			r := 4.5
			if s.style.Width > 4 {
				r = 6
			}
			w.Mark(s.style.Marker, x(ci), curveLevel(top, v)+s.dy, r,
				svgw.Style{Fill: s.style.Color.Hex(), Stroke: palette.Paper.Hex(), Width: 1.2},
				s.name+" at "+c.tp.Name+": "+strconv.FormatFloat(v, 'f', -1, 64))
		}
	}
	for si, s := range ss {
		for ci, c := range b.cols {
			mark := ""
			switch c.tp {
			case ext[si].hi:
				mark = "▲ "
			case ext[si].lo:
				mark = "▼ "
			default:
				continue
			}
			v := s.value(c.tp)
			label := mark + strconv.FormatFloat(float64(int(v*10+0.5))/10, 'f', -1, 64)
			placeLabel(w, &taken, label, s.style.Color.Hex(), x(ci), curveLevel(top, v)+s.dy, curveX(0), right, top-curveTop, top+curvePlotH+16)
		}
	}
}

type box struct{ x0, y0, x1, y1 float64 }

func (a box) overlaps(b box) bool { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1 }

// placeLabel writes a label beside a point where it fits: above, below,
// right, left. Each label sits on a white box of its own, so it stays
// readable over the lines.
func placeLabel(w *svgw.Writer, taken *[]box, label, colour string, px, py, left, right, top, bottom float64) {
	f := svgw.Font{Size: sizeMeta, Style: fm.Bold, Fill: colour}
	tw := fm.Width(label, f.Size, f.Style) + 6
	th := fm.LineHeight(f.Size)
	for _, c := range [][2]float64{{-tw / 2, -th - 8}, {-tw / 2, 8}, {9, -th / 2}, {-tw - 9, -th / 2}, {-tw / 2, -2*th - 10}, {-tw / 2, th + 10}} {
		r := box{px + c[0], py + c[1], px + c[0] + tw, py + c[1] + th}
		if r.x0 < left || r.x1 > right || r.y0 < top || r.y1 > bottom {
			continue
		}
		clash := false
		for _, t := range *taken {
			if r.overlaps(t) {
				clash = true
				break
			}
		}
		if clash {
			continue
		}
		*taken = append(*taken, r)
		w.Rect(r.x0, r.y0, tw, th, 3, svgw.Style{Fill: palette.Paper.Hex(), Class: "box"})
		w.Lines(r.x0+3, r.y0, f, []string{label})
		return
	}
}
