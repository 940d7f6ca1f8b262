package render

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/journey-maps/journey/pkg/model"
)

// fontName is the font of every diagram label. Graphviz sizes boxes with
// built-in Helvetica metrics only when the name is exactly this; systems
// without Helvetica substitute a metric-compatible sans (Liberation Sans,
// Arial), and the report's style sheet names the fallbacks.
const fontName = "Helvetica"

// WriteDOT writes the journey view as a Graphviz digraph: stages left to
// right as clusters, touchpoints as nodes filled by emotion with channel
// and owner, pain points as notes coloured by severity under their
// touchpoint, the flow as edges and a legend.
//
// Node names are generated (t1, p1...), never taken from the map, and
// every label is an HTML-like label built from escaped text, so a map
// cannot add Graphviz attributes or statements.
func WriteDOT(w io.Writer, d *Data) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }

	p("digraph journey {\n")
	// Graph, node and edge labels default to "" so that a label set on one
	// subgraph or edge never becomes the default of the others.
	p("  graph [rankdir=LR, newrank=true, compound=true, fontname=%s, fontsize=12, label=\"\", labelloc=t, labeljust=l, nodesep=0.25, ranksep=0.45, pad=0.3, bgcolor=\"white\", outputorder=edgesfirst];\n", QuoteDOT(fontName))
	p("  node [fontname=%s, fontsize=11, shape=plain, label=\"\"];\n", QuoteDOT(fontName))
	p("  edge [fontname=%s, fontsize=9, color=\"#5b6770\", arrowsize=0.7, label=\"\"];\n", QuoteDOT(fontName))
	p("  label=<%s>;\n", titleLabel(d))

	ids := map[*model.Touchpoint]string{}
	for i, t := range d.Points {
		ids[t] = fmt.Sprintf("t%d", i+1)
	}
	pain := 0
	for si, sd := range d.Stages {
		p("  subgraph cluster_s%d {\n", si+1)
		p("    graph [label=<%s>, style=\"rounded,filled\", fillcolor=\"#f6f8fa\", color=\"#c8d1da\", penwidth=1, margin=12];\n", stageLabel(d, sd))
		for _, t := range sd.Touchpoints {
			p("    %s [label=<%s>%s];\n", ids[t], touchpointLabel(d, t), urlAttr(t.URL))
			var group []string
			for _, pp := range t.PainPoints {
				pain++
				pid := fmt.Sprintf("p%d", pain)
				fill, border := SeverityStyle(pp.Severity)
				p("    %s [shape=note, style=filled, fillcolor=%s, color=%s, margin=\"0.1,0.05\", label=<%s>];\n",
					pid, QuoteDOT(fill), QuoteDOT(border), painLabel(pp))
				p("    %s -> %s [style=dashed, arrowhead=none, color=%s];\n", ids[t], pid, QuoteDOT(border))
				group = append(group, pid)
			}
			if len(group) > 0 {
				// Same rank: in a left-to-right layout the notes sit in
				// the touchpoint's column instead of pushing the flow.
				p("    { rank=same; %s; %s; }\n", ids[t], strings.Join(group, "; "))
			}
		}
		p("  }\n")
	}
	for _, t := range d.Points {
		for _, n := range d.Next(t) {
			attrs := "penwidth=1.4"
			if d.index[n] <= d.index[t] {
				attrs += ", style=dashed, constraint=false" // a loop back
			}
			p("  %s -> %s [%s];\n", ids[t], ids[n], attrs)
		}
	}
	p("  subgraph cluster_legend {\n")
	p("    graph [label=<<B>Legend</B>>, style=\"rounded\", color=\"#c8d1da\", margin=10];\n")
	p("    legend [label=<%s>];\n", legendLabel())
	p("  }\n")
	if len(d.Points) > 0 {
		// Keep the legend after the last stage.
		p("  %s -> legend [style=invis];\n", ids[d.Points[len(d.Points)-1]])
	}
	p("}\n")
	return bw.Flush()
}

func titleLabel(d *Data) string {
	var b strings.Builder
	b.WriteString(`<FONT POINT-SIZE="18"><B>`)
	b.WriteString(EscapeDOTHTML(oneLine(d.Title())))
	b.WriteString(`</B></FONT>`)
	var sub []string
	if d.Persona != nil {
		sub = append(sub, "persona: "+PersonaName(d.Persona))
	}
	if d.J.Owner != "" {
		sub = append(sub, "owner: "+d.J.Owner)
	}
	if len(sub) > 0 {
		b.WriteString(`<BR/><FONT POINT-SIZE="11" COLOR="#5b6770">`)
		b.WriteString(EscapeDOTHTML(oneLine(strings.Join(sub, " · "))))
		b.WriteString(`</FONT>`)
	}
	return b.String()
}

func stageLabel(d *Data, sd *StageData) string {
	s := `<B>` + EscapeDOTHTML(oneLine(name(sd.Stage.Name, sd.Stage.ID))) + `</B>`
	var sub []string
	if sd.Stage.Phase != "" {
		sub = append(sub, sd.Stage.Phase)
	}
	if v, ok := d.StageEmotion(sd); ok {
		sub = append(sub, "emotion "+FormatEmotion(round1(v)))
	}
	if len(sub) > 0 {
		s += `<BR/><FONT POINT-SIZE="9" COLOR="#5b6770">` + EscapeDOTHTML(strings.Join(sub, " · ")) + `</FONT>`
	}
	return s
}

func touchpointLabel(d *Data, t *model.Touchpoint) string {
	fill := NoEmotionColor
	emotion := "no emotion recorded"
	if v, ok := d.Emotion(t); ok {
		fill = EmotionColor(v)
		emotion = "emotion " + FormatEmotion(round1(v)) + " · " + EmotionWord(v)
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="4" STYLE="ROUNDED" COLOR="#5b6770" BGCOLOR="%s">`, fill)
	fmt.Fprintf(&b, `<TR><TD><B>%s</B></TD></TR>`, wrapDOT(name(t.Name, t.ID), 24))
	meta := t.Channel
	if t.Type != "" {
		meta += " · " + t.Type
	}
	fmt.Fprintf(&b, `<TR><TD><FONT POINT-SIZE="9">%s</FONT></TD></TR>`, EscapeDOTHTML(oneLine(meta)))
	if t.Owner != "" {
		fmt.Fprintf(&b, `<TR><TD><FONT POINT-SIZE="9">owner: %s</FONT></TD></TR>`, EscapeDOTHTML(oneLine(t.Owner)))
	}
	fmt.Fprintf(&b, `<TR><TD><FONT POINT-SIZE="9"><I>%s</I></FONT></TD></TR>`, EscapeDOTHTML(emotion))
	if d.Persona == nil && len(t.Emotion.PerPersona) > 0 {
		var parts []string
		for _, pe := range t.Emotion.PerPersona {
			parts = append(parts, fmt.Sprintf("%s %d", pe.Persona, pe.Value))
		}
		fmt.Fprintf(&b, `<TR><TD><FONT POINT-SIZE="8">%s</FONT></TD></TR>`, wrapDOT(strings.Join(parts, " · "), 32))
	}
	b.WriteString(`</TABLE>`)
	return b.String()
}

func painLabel(pp *model.PainPoint) string {
	sev := pp.Severity
	if sev == "" {
		sev = "pain point"
	}
	return `<FONT POINT-SIZE="8"><B>` + EscapeDOTHTML(strings.ToUpper(sev)) + `</B></FONT><BR/>` +
		`<FONT POINT-SIZE="9">` + wrapDOT(name(pp.Description, pp.ID), 28) + `</FONT>`
}

func legendLabel() string {
	var b strings.Builder
	b.WriteString(`<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="2">`)
	b.WriteString(`<TR><TD COLSPAN="2" ALIGN="LEFT"><FONT POINT-SIZE="9"><B>Emotion</B></FONT></TD></TR>`)
	for v := 5; v >= 1; v-- {
		fmt.Fprintf(&b, `<TR><TD BGCOLOR="%s" BORDER="1" COLOR="#5b6770" WIDTH="18"> </TD><TD ALIGN="LEFT"><FONT POINT-SIZE="9">%d %s</FONT></TD></TR>`,
			EmotionColor(float64(v)), v, EmotionWord(float64(v)))
	}
	fmt.Fprintf(&b, `<TR><TD BGCOLOR="%s" BORDER="1" COLOR="#5b6770"> </TD><TD ALIGN="LEFT"><FONT POINT-SIZE="9">not recorded</FONT></TD></TR>`, NoEmotionColor)
	b.WriteString(`<TR><TD COLSPAN="2" ALIGN="LEFT"><FONT POINT-SIZE="9"><B>Pain point</B></FONT></TD></TR>`)
	for i := len(model.Severities) - 1; i >= 0; i-- {
		sev := model.Severities[i]
		fill, border := SeverityStyle(sev)
		fmt.Fprintf(&b, `<TR><TD BGCOLOR="%s" BORDER="1" COLOR="%s"> </TD><TD ALIGN="LEFT"><FONT POINT-SIZE="9">%s</FONT></TD></TR>`, fill, border, sev)
	}
	b.WriteString(`</TABLE>`)
	return b.String()
}

// urlAttr links a node to the touchpoint's page in SVG output, for
// absolute http(s) URLs only.
func urlAttr(raw string) string {
	u := SafeURL(raw)
	if u == "" {
		return ""
	}
	return ", URL=" + QuoteDOT(u) + `, target="_blank"`
}

// wrapDOT escapes text for an HTML-like label and breaks it into lines of
// about width characters at spaces.
func wrapDOT(s string, width int) string {
	lines := Wrap(oneLine(s), width)
	for i, l := range lines {
		lines[i] = EscapeDOTHTML(l)
	}
	return strings.Join(lines, `<BR/>`)
}

// Wrap breaks text into lines of at most width characters at spaces; a
// longer word is cut.
func Wrap(s string, width int) []string {
	var lines []string
	var cur strings.Builder
	n := 0
	for _, word := range strings.Fields(s) {
		for utf8.RuneCountInString(word) > width {
			if n > 0 {
				lines = append(lines, cur.String())
				cur.Reset()
				n = 0
			}
			r := []rune(word)
			lines = append(lines, string(r[:width]))
			word = string(r[width:])
		}
		wl := utf8.RuneCountInString(word)
		if n > 0 && n+1+wl > width {
			lines = append(lines, cur.String())
			cur.Reset()
			n = 0
		}
		if n > 0 {
			cur.WriteByte(' ')
			n++
		}
		cur.WriteString(word)
		n += wl
	}
	if n > 0 || len(lines) == 0 {
		lines = append(lines, cur.String())
	}
	return lines
}
