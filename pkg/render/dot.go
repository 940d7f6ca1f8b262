package render

import (
	"bufio"
	"fmt"
	"html"
	"io"
	"math"
	"strings"

	"github.com/journey-maps/journey/pkg/model"
	"github.com/journey-maps/journey/pkg/render/palette"
	"github.com/journey-maps/journey/pkg/textfmt"
)

// fontName is the font of every diagram label. Graphviz sizes boxes with
// built-in Helvetica metrics only when the name is exactly this; systems
// without Helvetica substitute a metric-compatible sans (Liberation Sans,
// Arial), and the report's style sheet names the fallbacks.
const fontName = "Helvetica"

// The smallest text of the flow is 11 units; the report shows Graphviz's
// points as px (flowSVG), so it is never drawn under 11 px.
const (
	dotText  = 12
	dotSmall = 11
)

// WriteDOT writes the journey view as a Graphviz digraph: stages left to
// right as clusters, touchpoints as cards filled by emotion with channel,
// owner and their pain points, the flow as edges and a legend under the
// title.
//
// Touchpoint nodes are named by their (quoted, escaped) names so that
// the SVG's tooltips show names; every label is an HTML-like label built
// from escaped text, so a map cannot add Graphviz attributes or
// statements. All touchpoints share one group, which keeps the flow on
// one straight line and the stages on one baseline.
func WriteDOT(w io.Writer, d *Data) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }

	p("digraph %s {\n", quoteID(oneLine(d.Title())+", flow"))
	// Graph, node and edge labels default to "" so that a label set on one
	// subgraph or edge never becomes the default of the others.
	p("  graph [rankdir=LR, newrank=true, compound=true, fontname=%s, fontsize=%d, label=\"\", labelloc=t, labeljust=l, nodesep=0.3, ranksep=0.5, pad=0.3, bgcolor=\"white\", outputorder=edgesfirst];\n", QuoteDOT(fontName), dotText)
	p("  node [fontname=%s, fontsize=%d, shape=none, margin=0, label=\"\", group=flow];\n", QuoteDOT(fontName), dotText)
	p("  edge [fontname=%s, fontsize=%d, color=\"#57606a\", arrowsize=0.8, label=\"\"];\n", QuoteDOT(fontName), dotSmall)
	p("  label=<%s>;\n", titleLabel(d))

	ids := nodeNames(d)
	height := cardHeight(d)
	for si, sd := range d.Stages {
		p("  subgraph %s {\n", quoteID(fmt.Sprintf("cluster_%d %s", si+1, oneLine(name(sd.Stage.Name, sd.Stage.ID)))))
		p("    graph [label=<%s>, style=\"rounded,filled\", fillcolor=%s, color=%s, penwidth=1, margin=12];\n",
			stageLabel(d, sd), QuoteDOT(palette.Soft.Hex()), QuoteDOT(palette.Rule.Hex()))
		for _, t := range sd.Touchpoints {
			p("    %s [label=<%s>, height=%.2f%s];\n", ids[t], touchpointLabel(d, t), height, urlAttr(t.URL))
		}
		p("  }\n")
	}
	for _, t := range d.Points {
		for _, n := range d.Next(t) {
			if ids[n] == "" {
				continue // in another band of the report
			}
			attrs := "penwidth=1.4, weight=4"
			if d.index[n] <= d.index[t] {
				attrs = "penwidth=1.4, style=dashed, constraint=false" // a loop back
			}
			p("  %s -> %s [%s];\n", ids[t], ids[n], attrs)
		}
	}
	p("}\n")
	return bw.Flush()
}

// nodeNames names each touchpoint's node by its name, quoted, with a
// number when two share a name.
func nodeNames(d *Data) map[*model.Touchpoint]string {
	ids := map[*model.Touchpoint]string{}
	seen := map[string]int{}
	for _, t := range d.Points {
		n := oneLine(name(t.Name, t.ID))
		seen[n]++
		if seen[n] > 1 {
			n = fmt.Sprintf("%s (%d)", n, seen[n])
		}
		ids[t] = quoteID(n)
	}
	return ids
}

// quoteID quotes a node, graph or cluster name. Entities keep markup out
// of the DOT; Graphviz writes them as they are into the SVG's <title>,
// where they read as the text.
func quoteID(s string) string { return QuoteDOT(html.EscapeString(s)) }

// cardHeight is the height, in inches, of the tallest touchpoint card as
// Graphviz will size it; every card gets it, so cards and stages line up.
func cardHeight(d *Data) float64 {
	rows := 0
	for _, t := range d.Points {
		n := 3 + len(wrapLines(name(t.Name, t.ID), 24))
		for _, pp := range t.PainPoints {
			n += 1 + len(wrapLines(name(pp.Description, pp.ID), 28))
		}
		rows = max(rows, n)
	}
	return math.Ceil(float64(rows)*16+16) / 72
}

func titleLabel(d *Data) string {
	var b strings.Builder
	b.WriteString(`<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2">`)
	b.WriteString(`<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="20"><B>`)
	b.WriteString(EscapeDOTHTML(oneLine(d.Title())))
	b.WriteString(`</B></FONT></TD></TR>`)
	var sub []string
	if d.Persona != nil {
		sub = append(sub, "as "+PersonaName(d.Persona)+" sees it")
	}
	if d.J.Owner != "" {
		sub = append(sub, "owner: "+d.J.Owner)
	}
	if len(sub) > 0 {
		fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="%d" COLOR="%s">%s</FONT></TD></TR>`,
			dotText, palette.Muted.Hex(), EscapeDOTHTML(oneLine(strings.Join(sub, " · "))))
	}
	b.WriteString(`<TR><TD ALIGN="LEFT">`)
	b.WriteString(legendLabel())
	b.WriteString(`</TD></TR></TABLE>`)
	return b.String()
}

func stageLabel(d *Data, sd *StageData) string {
	s := `<FONT POINT-SIZE="14"><B>` + EscapeDOTHTML(oneLine(name(sd.Stage.Name, sd.Stage.ID))) + `</B></FONT>`
	var sub []string
	if sd.Stage.Phase != "" {
		sub = append(sub, sd.Stage.Phase)
	}
	if v, ok := d.StageEmotion(sd); ok {
		sub = append(sub, "emotion "+FormatEmotion(round1(v)))
	}
	if len(sub) > 0 {
		s += fmt.Sprintf(`<BR/><FONT POINT-SIZE="%d" COLOR="%s">%s</FONT>`, dotSmall, palette.Muted.Hex(), EscapeDOTHTML(strings.Join(sub, " · ")))
	}
	return s
}

// severityGlyph is the severity's shape as a character, as the canvas
// draws it: ○ low, △ medium, ▲ high, ◆ critical.
func severityGlyph(sev string) string {
	switch sev {
	case "low":
		return "○"
	case "medium":
		return "△"
	case "high":
		return "▲"
	case "critical":
		return "◆"
	}
	return "□"
}

func touchpointLabel(d *Data, t *model.Touchpoint) string {
	fill := palette.NoEmotion
	emotion := "no emotion recorded"
	if v, ok := d.Emotion(t); ok {
		fill = palette.Emotion(v)
		emotion = "emotion " + FormatEmotion(round1(v)) + " · " + EmotionWord(v)
	}
	ink := palette.TextOn(fill).Hex()
	var b strings.Builder
	fmt.Fprintf(&b, `<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="0" CELLPADDING="4" STYLE="ROUNDED" COLOR="%s" BGCOLOR="white">`, palette.Rule.Hex())
	fmt.Fprintf(&b, `<TR><TD BGCOLOR="%s" ALIGN="LEFT"><FONT COLOR="%s"><B>%s</B><BR ALIGN="LEFT"/>%s<BR ALIGN="LEFT"/></FONT></TD></TR>`,
		fill.Hex(), ink, wrapDOT(name(t.Name, t.ID), 24), EscapeDOTHTML(emotion))
	meta := t.Channel
	if t.Owner != "" {
		meta += " · " + t.Owner
	}
	fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="%d" COLOR="%s">%s</FONT></TD></TR>`, dotSmall, palette.Muted.Hex(), EscapeDOTHTML(oneLine(meta)))
	if d.Persona == nil && len(t.Emotion.PerPersona) > 0 {
		var parts []string
		for _, pe := range t.Emotion.PerPersona {
			pname := pe.Persona
			if p := d.J.Persona(pe.Persona); p != nil {
				pname = PersonaName(p)
			}
			parts = append(parts, fmt.Sprintf("%s %d", pname, pe.Value))
		}
		fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="%d">%s</FONT></TD></TR>`, dotSmall, wrapDOT(strings.Join(parts, " · "), 30))
	}
	for _, pp := range t.PainPoints {
		sev := pp.Severity
		if sev == "" {
			sev = "pain point"
		}
		fmt.Fprintf(&b, `<TR><TD ALIGN="LEFT" BALIGN="LEFT"><FONT POINT-SIZE="%d"><B>%s %s</B><BR/>%s</FONT></TD></TR>`,
			dotSmall, severityGlyph(pp.Severity), EscapeDOTHTML(sev), wrapDOT(name(pp.Description, pp.ID), 28))
	}
	b.WriteString(`</TABLE>`)
	return b.String()
}

// legendLabel is one row under the title: the emotion scale and the
// severity marks, so the legend is never taller than the map.
func legendLabel() string {
	var b strings.Builder
	b.WriteString(`<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="4" CELLPADDING="3"><TR>`)
	fmt.Fprintf(&b, `<TD><FONT POINT-SIZE="%d"><B>Emotion</B></FONT></TD>`, dotSmall)
	for v := 1; v <= 5; v++ {
		c := palette.Emotion(float64(v))
		fmt.Fprintf(&b, `<TD BGCOLOR="%s" BORDER="1" COLOR="%s" STYLE="ROUNDED"><FONT POINT-SIZE="%d" COLOR="%s">%d %s</FONT></TD>`,
			c.Hex(), palette.Rule.Hex(), dotSmall, palette.TextOn(c).Hex(), v, EmotionWord(float64(v)))
	}
	fmt.Fprintf(&b, `<TD><FONT POINT-SIZE="%d">  <B>Pain point</B></FONT></TD>`, dotSmall)
	for _, sev := range model.Severities {
		fmt.Fprintf(&b, `<TD><FONT POINT-SIZE="%d">%s %s</FONT></TD>`, dotSmall, severityGlyph(sev), sev)
	}
	b.WriteString(`</TR></TABLE>`)
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
	lines := wrapLines(s, width)
	for i, l := range lines {
		lines[i] = EscapeDOTHTML(l)
	}
	return strings.Join(lines, `<BR ALIGN="LEFT"/>`)
}

func wrapLines(s string, width int) []string { return Wrap(oneLine(s), width) }

// Wrap breaks text into lines of at most width characters at spaces; a
// longer word is cut (textfmt.WrapBy, linear in the text: a label of
// 200,000 characters once took 39 s when each cut copied the rest of the
// word).
func Wrap(s string, width int) []string {
	return textfmt.WrapBy(s, width, func(rune) int { return 1 })
}
