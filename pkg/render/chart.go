package render

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strings"
)

// The emotion curve is drawn here as plain SVG rather than through
// Graphviz: it is a chart with fixed axes, not a graph to lay out. It uses
// only rect, line, polyline, circle and text, which the PNG rasteriser
// draws too.

const (
	chartLeft   = 118.0 // room for the scale labels
	chartRight  = 30.0
	chartTop    = 104.0
	chartPlotH  = 230.0
	chartStep   = 112.0 // between touchpoints
	chartLabelH = 58.0  // touchpoint names under the plot
	chartFont   = "Helvetica, Arial, sans-serif"
)

type series struct {
	name    string
	color   string
	width   float64
	points  []chartPoint
	overall bool
}

type chartPoint struct {
	i int // touchpoint index
	v float64
}

func (d *Data) series() []series {
	var out []series
	for pi, p := range d.Personas {
		s := series{name: PersonaName(p), color: PersonaColor(pi), width: 2.5}
		for i, t := range d.Points {
			if v, ok := d.PersonaEmotion(t, p.ID); ok {
				s.points = append(s.points, chartPoint{i, float64(v)})
			}
		}
		if len(s.points) > 0 {
			out = append(out, s)
		}
	}
	if d.Persona == nil && len(out) != 1 {
		s := series{name: "Overall", color: "#8c959f", width: 5, overall: true}
		for i, t := range d.Points {
			if v, ok := d.Emotion(t); ok {
				s.points = append(s.points, chartPoint{i, v})
			}
		}
		if len(s.points) > 0 {
			out = append([]series{s}, out...) // drawn first, underneath
		}
	}
	return out
}

// WriteEmotionChart writes the emotion curve: touchpoints left to right
// under their stages, one line per persona (and the overall mean), the
// highest and lowest moment of each line labelled. standalone adds the XML
// declaration for a file of its own.
func WriteEmotionChart(w io.Writer, d *Data, standalone bool) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	n := len(d.Points)
	ss := d.series()
	legendRows := (len(ss) + 3) / 4
	width := chartLeft + float64(max(n, 1))*chartStep + chartRight
	height := chartTop + chartPlotH + chartLabelH + 24 + float64(legendRows)*20 + 16
	x := func(i int) float64 { return chartLeft + chartStep*(float64(i)+0.5) }
	y := func(v float64) float64 { return chartTop + (5-v)/4*chartPlotH }

	if standalone {
		p("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	}
	p(`<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" font-family="%s" role="img">`+"\n",
		width, height, width, height, chartFont)
	title := d.Title() + " — emotion curve"
	if d.Persona != nil {
		title += " (" + PersonaName(d.Persona) + ")"
	}
	p(`<title>%s</title>`+"\n", EscapeHTML(oneLine(title)))
	p(`<rect x="0" y="0" width="%.0f" height="%.0f" fill="#ffffff"/>`+"\n", width, height)
	p(`<text x="16" y="28" font-size="18" font-weight="bold" fill="#1f2328">%s</text>`+"\n", EscapeHTML(oneLine(title)))

	// Stage bands with their names above the plot.
	start := 0
	for si, sd := range d.Stages {
		x0 := chartLeft + chartStep*float64(start)
		bw := chartStep * float64(len(sd.Touchpoints))
		fill := "#f6f8fa"
		if si%2 == 1 {
			fill = "#eceff3"
		}
		p(`<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"/>`+"\n", x0, chartTop-56, bw, chartPlotH+56+chartLabelH, fill)
		label := Wrap(oneLine(name(sd.Stage.Name, sd.Stage.ID)), int(bw/7))[0]
		p(`<text x="%.1f" y="%.1f" font-size="12" font-weight="bold" fill="#1f2328" text-anchor="middle">%s</text>`+"\n",
			x0+bw/2, chartTop-38, EscapeHTML(label))
		start += len(sd.Touchpoints)
	}
	// The scale: a line and a label per point, tinted by the emotion colour.
	for v := 5; v >= 1; v-- {
		yy := y(float64(v))
		p(`<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#c8d1da" stroke-width="1"/>`+"\n", chartLeft, yy, width-chartRight, yy)
		p(`<rect x="12" y="%.1f" width="12" height="12" fill="%s" stroke="#5b6770" stroke-width="0.5"/>`+"\n", yy-6, EmotionColor(float64(v)))
		p(`<text x="30" y="%.1f" font-size="11" fill="#444c56">%d %s</text>`+"\n", yy+4, v, EmotionWord(float64(v)))
	}
	// Touchpoint names under the plot.
	for i, t := range d.Points {
		lines := Wrap(oneLine(name(t.Name, t.ID)), 17)
		if len(lines) > 3 {
			lines = append(lines[:2], lines[2]+"…")
		}
		for k, l := range lines {
			p(`<text x="%.1f" y="%.1f" font-size="11" fill="#1f2328" text-anchor="middle">%s</text>`+"\n",
				x(i), chartTop+chartPlotH+20+float64(k)*14, EscapeHTML(l))
		}
	}
	if n == 0 {
		p(`<text x="%.1f" y="%.1f" font-size="13" fill="#5b6770" text-anchor="middle">no touchpoints</text>`+"\n", width/2, y(3))
	}
	// Lines, then markers and the labels of highs and lows on top.
	// Persona lines are nudged apart by a few pixels so that equal
	// emotions show as parallel lines instead of hiding one another.
	personas := 0
	for _, s := range ss {
		if !s.overall {
			personas++
		}
	}
	nudge := make([]float64, len(ss))
	k := 0
	for i, s := range ss {
		if !s.overall {
			nudge[i] = (float64(k) - float64(personas-1)/2) * 3
			k++
		}
	}
	for si, s := range ss {
		var pts []string
		for _, pt := range s.points {
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", x(pt.i), y(pt.v)+nudge[si]))
		}
		p(`<polyline points="%s" fill="none" stroke="%s" stroke-width="%.1f" stroke-linejoin="round" stroke-linecap="round"/>`+"\n",
			strings.Join(pts, " "), s.color, s.width)
	}
	for si, s := range ss {
		hi, lo := extremes(s.points)
		for k, pt := range s.points {
			p(`<circle cx="%.1f" cy="%.1f" r="4.5" fill="%s" stroke="#ffffff" stroke-width="1.5"/>`+"\n", x(pt.i), y(pt.v)+nudge[si], s.color)
			var label string
			var dy float64
			switch {
			case k == hi && hi != lo:
				label, dy = "▲ "+FormatEmotion(round1(pt.v)), -10-float64(si)*12
			case k == lo && hi != lo:
				label, dy = "▼ "+FormatEmotion(round1(pt.v)), 20+float64(si)*12
			default:
				continue
			}
			lx, anchor := x(pt.i), "middle"
			if y(pt.v)+dy > chartTop+chartPlotH+4 {
				// Under a low at the bottom of the scale are the
				// touchpoint names: label it beside its marker.
				lx, anchor, dy = x(pt.i)+9, "start", 4-float64(si)*12
			}
			p(`<text x="%.1f" y="%.1f" font-size="11" font-weight="bold" fill="%s" text-anchor="%s">%s</text>`+"\n",
				lx, y(pt.v)+dy, s.color, anchor, EscapeHTML(label))
		}
	}
	// Legend.
	ly := chartTop + chartPlotH + chartLabelH + 30
	for i, s := range ss {
		lx := 16 + float64(i%4)*220
		yy := ly + float64(i/4)*20
		p(`<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="%.1f"/>`+"\n", lx, yy, lx+24, yy, s.color, s.width)
		label := Wrap(oneLine(s.name), 26)[0]
		p(`<text x="%.1f" y="%.1f" font-size="11" fill="#1f2328">%s</text>`+"\n", lx+30, yy+4, EscapeHTML(label))
	}
	p(`<text x="%.1f" y="%.1f" font-size="10" fill="#5b6770" text-anchor="end">▲ highest and ▼ lowest moment of each line</text>`+"\n",
		width-chartRight, height-8)
	p("</svg>\n")
	return bw.Flush()
}

// extremes returns the indexes of the first highest and first lowest point.
func extremes(pts []chartPoint) (hi, lo int) {
	hv, lv := math.Inf(-1), math.Inf(1)
	for i, pt := range pts {
		if pt.v > hv {
			hv, hi = pt.v, i
		}
		if pt.v < lv {
			lv, lo = pt.v, i
		}
	}
	return hi, lo
}
