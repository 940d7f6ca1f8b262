package canvas

import (
	fm "github.com/journey-maps/journey/pkg/render/fontmetrics"
	"github.com/journey-maps/journey/pkg/render/palette"
	"github.com/journey-maps/journey/pkg/render/svgw"
)

var (
	fTitle   = svgw.Font{Size: 22, Style: fm.Bold, Fill: ink}
	fLead    = svgw.Font{Size: sizeHead, Fill: ink}
	fSubhead = svgw.Font{Size: sizeHead, Fill: muted}
)

// flow places boxes left to right, wrapping to a new row at the right
// edge: the legends of the header.
type flow struct {
	left, right, x, y, rowH float64
}

func (f *flow) place(width, height float64) (x, y float64) {
	if f.x > f.left && f.x+width > f.right {
		f.x, f.y, f.rowH = f.left, f.y+f.rowH+6, 0
	}
	x, y = f.x, f.y
	f.x += width + 20
	f.rowH = max(f.rowH, height)
	return x, y
}

func (f *flow) end() float64 { return f.y + f.rowH }

// header draws the title, scenario, personas, goals and the legends; it
// is drawn once into its own buffer, which also gives its height.
func header(m *Map, width float64) svgw.Part {
	var w svgw.Writer
	inner := width - 2*pad
	y := pad
	y += block{text(m.Title, fTitle, inner)}.drawn(&w, pad, y)
	if m.Subtitle != "" {
		y += block{text(m.Subtitle, fSubhead, inner)}.drawn(&w, pad, y)
	}
	if m.Description != "" {
		y += 4 + block{text(m.Description, fLead, inner)}.drawn(&w, pad, y+4)
	}
	if len(m.Personas) > 0 || m.Overall {
		y = personaLegend(&w, m, y+12, inner)
	}
	if len(m.Goals) > 0 {
		y += 12 + block{text("Goals", fLabel, inner)}.drawn(&w, pad, y+12)
		for _, g := range m.Goals {
			it := text(g, fText, inner-14)
			it.indent = 14
			w.Text(pad+2, y+fm.LineHeight(sizeText)-4, fText, "•")
			y += block{it}.drawn(&w, pad, y)
		}
	}
	y = legends(&w, y+12, inner)
	height := y + pad
	body := string(w.Bytes())
	return svgw.Part{Width: width, Height: height, Draw: func(w *svgw.Writer) {
		w.Rect(0, 0, width, height, 0, svgw.Style{Fill: palette.Paper.Hex(), Class: "box"})
		w.Raw(body)
	}}
}

// drawn draws the block and returns its height.
func (b block) drawn(w *svgw.Writer, x, y float64) float64 {
	b.draw(w, x, y)
	return b.height()
}

// personaLegend shows each persona's line: colour, dash and marker.
func personaLegend(w *svgw.Writer, m *Map, y, inner float64) float64 {
	y += block{text("Emotion curve", fLabel, inner)}.drawn(w, pad, y)
	f := flow{left: pad, right: pad + inner, x: pad, y: y + 2}
	entry := func(s palette.Series, name, note string) {
		label := name
		if note != "" {
			label += " · " + note
		}
		it := text(label, fText, inner-44)
		x, yy := f.place(44+maxWidth(it), block{it}.height())
		mid := yy + lineH/2
		w.Line(x, mid, x+36, mid, svgw.Style{Stroke: s.Color.Hex(), Width: s.Width, Dash: s.Dash})
		w.Mark(s.Marker, x+18, mid, 4.5, svgw.Style{Fill: s.Color.Hex(), Stroke: palette.Paper.Hex(), Width: 1.2}, "")
		block{it}.draw(w, x+44, yy)
	}
	if m.Overall {
		entry(palette.Overall, "All personas", "weighted by share")
	}
	for _, p := range m.Personas {
		entry(p.Style, p.Name, p.Note)
	}
	return f.end()
}

func maxWidth(it item) float64 {
	wd := 0.0
	for _, l := range it.lines {
		wd = max(wd, fm.Width(l, it.font.Size, it.font.Style))
	}
	return wd
}

// legends explains the emotion colours and the severity marks.
func legends(w *svgw.Writer, y, inner float64) float64 {
	f := flow{left: pad, right: pad + inner, x: pad, y: y}
	label := func(s string) {
		it := text(s, fLabel, inner)
		x, yy := f.place(maxWidth(it), lineH)
		block{it}.draw(w, x, yy+1)
	}
	label("Emotion")
	for v := 1; v <= 5; v++ {
		c := palette.Emotion(float64(v))
		s := scaleWords[v-1]
		cw := fm.Width(s, sizeMeta, fm.Regular) + 16
		x, yy := f.place(cw, chipH)
		w.Rect(x, yy, cw, chipH, chipH/2, svgw.Style{Fill: c.Hex(), Stroke: palette.Rule.Hex(), Width: 1, Class: "box"})
		asc, _ := fm.Metrics()
		w.Text(x+cw/2, yy+chipH/2+asc*sizeMeta/2-1, svgw.Font{Size: sizeMeta, Fill: palette.TextOn(c).Hex(), Anchor: svgw.Middle}, s)
	}
	f.x += 12
	label("Pain point")
	for _, sev := range []string{"low", "medium", "high", "critical"} {
		m := palette.SeverityOf(sev)
		tw := fm.Width(m.Label, sizeText, fm.Regular)
		x, yy := f.place(16+tw, chipH)
		drawSeverity(w, m, x+5, yy+chipH/2)
		w.Lines(x+16, yy+(chipH-lineH)/2, fText, []string{m.Label})
	}
	return f.end()
}
