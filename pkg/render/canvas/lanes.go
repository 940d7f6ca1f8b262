package canvas

import (
	"strings"

	fm "github.com/journey-maps/journey/pkg/render/fontmetrics"
	"github.com/journey-maps/journey/pkg/render/palette"
	"github.com/journey-maps/journey/pkg/render/svgw"
)

// item is a run of wrapped lines in one font, with an optional severity
// mark left of its first line.
type item struct {
	lines  []string
	font   svgw.Font
	indent float64
	mark   *palette.Severity
	gap    float64 // space above
}

// block is what one cell holds.
type block []item

func (b block) height() float64 {
	h := 0.0
	for _, it := range b {
		h += it.gap + float64(len(it.lines))*fm.LineHeight(it.font.Size)
	}
	return h
}

func (b block) draw(w *svgw.Writer, x, y float64) {
	for _, it := range b {
		y += it.gap
		if it.mark != nil {
			drawSeverity(w, *it.mark, x+5, y+fm.LineHeight(it.font.Size)/2)
		}
		y += w.Lines(x+it.indent, y, it.font, it.lines)
	}
}

// drawSeverity draws a severity's mark in ink: the shape tells it, with
// the word beside it, not a colour.
func drawSeverity(w *svgw.Writer, s palette.Severity, x, y float64) {
	st := svgw.Style{Stroke: ink, Width: 1.5}
	if s.Filled {
		st.Fill = ink
	} else {
		st.Fill = palette.Paper.Hex()
	}
	w.Mark(s.Shape, x, y, 5, st, "")
}

// text wraps s to width in a font.
func text(s string, f svgw.Font, width float64) item {
	return item{lines: fm.Wrap(svgw.Clean(s), width, f.Size, f.Style), font: f}
}

// lane is one row of the canvas.
type lane struct {
	name    string
	emotion bool
	cell    func(tp *Touchpoint) block
}

// lanes lists the rows with something to show; an empty lane is left out.
func lanes(m *Map) []lane {
	all := []lane{
		{name: "Touchpoint", cell: touchpointCell},
		{name: "Doing", cell: textCell(func(t *Touchpoint) string { return t.Doing })},
		{name: "Thinking", cell: textCell(func(t *Touchpoint) string { return quoted(t.Thinking) })},
		{name: "Feeling", cell: textCell(func(t *Touchpoint) string { return t.Feeling })},
		{name: "Emotion", emotion: true},
		{name: "Pain points", cell: painCell},
		{name: "Actions", cell: actionCell},
		{name: "Backstage", cell: textCell(func(t *Touchpoint) string { return t.Backstage })},
	}
	var out []lane
	for _, l := range all {
		if l.emotion && hasEmotion(m) {
			out = append(out, l)
			continue
		}
		if l.cell == nil {
			continue
		}
		for _, s := range m.Stages {
			if hasCell(s.Touchpoints, l) {
				out = append(out, l)
				break
			}
		}
	}
	return out
}

func hasCell(tps []Touchpoint, l lane) bool {
	for i := range tps {
		if len(l.cell(&tps[i])) > 0 {
			return true
		}
	}
	return false
}

func hasEmotion(m *Map) bool {
	for _, s := range m.Stages {
		for _, t := range s.Touchpoints {
			if t.Overall > 0 {
				return true
			}
			for _, v := range t.Emotions {
				if v > 0 {
					return true
				}
			}
		}
	}
	return false
}

func quoted(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	return "“" + strings.TrimSpace(s) + "”"
}

func textCell(get func(*Touchpoint) string) func(*Touchpoint) block {
	return func(t *Touchpoint) block {
		if strings.TrimSpace(get(t)) == "" {
			return nil
		}
		return block{text(get(t), fText, textW)}
	}
}

func touchpointCell(t *Touchpoint) block {
	b := block{text(t.Name, fBold, textW)}
	if t.Meta != "" {
		b = append(b, text(t.Meta, fMeta, textW))
	}
	if t.Only != "" {
		b = append(b, text(t.Only, fMeta, textW))
	}
	return b
}

// painCell lists pain points: a mark and the severity in words, then the
// description.
func painCell(t *Touchpoint) block {
	var b block
	for i, p := range t.Pains {
		sev := palette.SeverityOf(p.Severity)
		head := text(sev.Label, fLabel, textW-16)
		head.indent, head.mark = 16, &sev
		if i > 0 {
			head.gap = 8
		}
		b = append(b, head, text(p.Text, fText, textW))
	}
	return b
}

func actionCell(t *Touchpoint) block {
	var b block
	for i, a := range t.Actions {
		title := text(a.Title, fText, textW)
		if i > 0 {
			title.gap = 8
		}
		b = append(b, title)
		if a.Meta != "" {
			b = append(b, text(a.Meta, fMeta, textW))
		}
	}
	return b
}
