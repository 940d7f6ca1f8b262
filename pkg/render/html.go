package render

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/journey-maps/journey/pkg/diag"
)

// WriteHTML writes the report: one self-contained page with the journey
// diagram, the emotion curve, the matrix, persona cards, the backlog and
// the lint findings. It makes no external request (a Content Security
// Policy forbids any), runs no script and prints on paper readably.
func WriteHTML(ctx context.Context, w io.Writer, d *Data, o Options) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	e := EscapeHTML
	title := d.Title()
	if d.Persona != nil {
		title += " — " + PersonaName(d.Persona)
	}

	p("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	p("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
	p("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	p("<title>%s</title>\n<style>%s</style>\n</head>\n<body>\n", e(oneLine(title)+" — journey map"), pageCSS)

	p("<header>\n<h1>%s</h1>\n", e(oneLine(title)))
	if d.J.Description != "" {
		p("<p class=\"lead\">%s</p>\n", e(oneLine(d.J.Description)))
	}
	p("<dl class=\"facts\">\n")
	fact := func(k, v string) {
		if v != "" {
			p("<div><dt>%s</dt><dd>%s</dd></div>\n", e(k), e(oneLine(v)))
		}
	}
	fact("Owner", d.J.Owner)
	if !d.J.LastReviewed.IsZero() {
		fact("Last reviewed", d.J.LastReviewed.Format("2 January 2006"))
	}
	fact("Stages", fmt.Sprint(len(d.Stages)))
	fact("Touchpoints", fmt.Sprint(len(d.Points)))
	fact("Personas", fmt.Sprint(len(d.Personas)))
	if v, ok := d.overall(); ok {
		fact("Experience", FormatEmotion(round1(v))+" / 5 ("+EmotionWord(v)+")")
	}
	if h, ok := d.Health(); ok {
		fact("Map health", fmt.Sprintf("%d / 100", h))
	}
	fact("Source", d.In.Source)
	p("</dl>\n")
	p("<nav><a href=\"#journey\">Journey</a> <a href=\"#emotions\">Emotion curve</a> <a href=\"#matrix\">Matrix</a> <a href=\"#personas\">Personas</a> <a href=\"#backlog\">Backlog</a> <a href=\"#findings\">Findings</a></nav>\n")
	p("</header>\n<main>\n")

	p("<section id=\"journey\">\n<h2>Journey</h2>\n")
	// A report without its diagram would pass for a complete one: a
	// layout that fails (no engine, a timeout) fails the report.
	svg, err := DiagramSVG(ctx, d, ViewJourney, o)
	if err != nil {
		return err
	}
	p("<figure class=\"diagram\">%s</figure>\n", inlineSVG(svg))
	p("</section>\n")

	p("<section id=\"emotions\">\n<h2>Emotion curve</h2>\n<figure class=\"diagram\">")
	var chart bytes.Buffer
	if err := WriteEmotionChart(&chart, d, false); err != nil {
		return err
	}
	bw.Write(chart.Bytes())
	p("</figure>\n</section>\n")

	p("<section id=\"matrix\">\n<h2>Matrix</h2>\n")
	writeHTMLTable(bw, matrixTable(d), "matrix")
	p("</section>\n")

	p("<section id=\"personas\">\n<h2>Personas</h2>\n")
	if len(d.Personas) == 0 {
		p("<p class=\"note\">The map names no personas.</p>\n")
	}
	p("<div class=\"cards\">\n")
	for i, per := range d.Personas {
		p("<article class=\"card\" style=\"border-top-color:%s\">\n<h3>%s <small>%s</small></h3>\n", PersonaColor(i), e(oneLine(PersonaName(per))), e(per.ID))
		if per.Share != nil {
			p("<p class=\"share\">%.0f%% of customers</p>\n", *per.Share*100)
		}
		if per.Demographics != "" {
			p("<p>%s</p>\n", e(oneLine(per.Demographics)))
		}
		for _, l := range []struct {
			k     string
			items []string
		}{{"Goals", per.Goals}, {"Pain points", per.PainPoints}, {"Behaviours", per.Behaviors}, {"Preferences", per.Preferences}} {
			if len(l.items) == 0 {
				continue
			}
			p("<h4>%s</h4>\n<ul>", l.k)
			for _, it := range l.items {
				p("<li>%s</li>", e(oneLine(it)))
			}
			p("</ul>\n")
		}
		p("</article>\n")
	}
	p("</div>\n</section>\n")

	p("<section id=\"backlog\">\n<h2>Improvement backlog</h2>\n")
	bt := backlogTable(d)
	if len(bt.Rows) == 0 {
		p("<p class=\"note\">No improvement actions recorded.</p>\n")
	} else {
		writeHTMLTable(bw, bt, "backlog")
	}
	p("</section>\n")

	p("<section id=\"findings\">\n<h2>Findings</h2>\n")
	writeFindings(bw, d.In.Findings)
	p("</section>\n</main>\n")
	p("<footer>Rendered by journey")
	if !d.In.Generated.IsZero() {
		p(" on %s", e(d.In.Generated.Format("2 January 2006")))
	}
	p(".</footer>\n</body>\n</html>\n")
	return bw.Flush()
}

// overall is the mean emotion across the shown touchpoints.
func (d *Data) overall() (float64, bool) {
	var sum float64
	n := 0
	for _, t := range d.Points {
		if v, ok := d.Emotion(t); ok {
			sum += v
			n++
		}
	}
	if n == 0 {
		return 0, false
	}
	return sum / float64(n), true
}

// inlineSVG drops the XML declaration, doctype and comments Graphviz
// writes before the <svg> element, which cannot appear inside HTML.
func inlineSVG(svg []byte) []byte {
	if i := bytes.Index(svg, []byte("<svg")); i >= 0 {
		svg = svg[i:]
	}
	return svg
}

func writeHTMLTable(w io.Writer, t *Table, class string) {
	fmt.Fprintf(w, "<div class=\"scroll\"><table class=\"%s\">\n<thead><tr>", class)
	for _, h := range t.Header {
		fmt.Fprintf(w, "<th>%s</th>", EscapeHTML(oneLine(h)))
	}
	fmt.Fprint(w, "</tr></thead>\n<tbody>\n")
	for _, r := range t.Rows {
		fmt.Fprint(w, "<tr>")
		for i, c := range r {
			tag := "td"
			if i == 0 && class == "matrix" {
				tag = "th"
			}
			lines := make([]string, len(c))
			for k, l := range c {
				lines[k] = EscapeHTML(oneLine(l))
			}
			fmt.Fprintf(w, "<%s>%s</%s>", tag, strings.Join(lines, "<br>"), tag)
		}
		fmt.Fprint(w, "</tr>\n")
	}
	fmt.Fprint(w, "</tbody></table></div>\n")
}

func writeFindings(w io.Writer, ds []diag.Diagnostic) {
	if len(ds) == 0 {
		fmt.Fprint(w, "<p class=\"note ok\">No findings: the map passes every rule.</p>\n")
		return
	}
	ds = append([]diag.Diagnostic(nil), ds...)
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].Severity > ds[j].Severity })
	counts := map[diag.Severity]int{}
	for _, d := range ds {
		counts[d.Severity]++
	}
	fmt.Fprintf(w, "<p>%d errors, %d warnings, %d infos.</p>\n", counts[diag.Error], counts[diag.Warning], counts[diag.Info])
	fmt.Fprint(w, "<div class=\"scroll\"><table class=\"findings\">\n<thead><tr><th>Severity</th><th>Where</th><th>Finding</th><th>Rule</th></tr></thead>\n<tbody>\n")
	for _, d := range ds {
		where := d.File
		if d.Line > 0 {
			where = fmt.Sprintf("%s:%d:%d", d.File, d.Line, d.Col)
		}
		fmt.Fprintf(w, "<tr><td><span class=\"sev %s\">%s</span></td><td><code>%s</code></td><td>%s</td><td><code>%s</code></td></tr>\n",
			d.Severity, d.Severity, EscapeHTML(oneLine(where)), EscapeHTML(oneLine(d.Message)), EscapeHTML(d.Rule))
	}
	fmt.Fprint(w, "</tbody></table></div>\n")
}

const pageCSS = `
:root { --ink:#1f2328; --muted:#5b6770; --line:#d0d7de; --soft:#f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); background: #fff; }
header, main, footer { max-width: 1400px; margin: 0 auto; padding: 0 32px; }
header { padding-top: 28px; border-bottom: 1px solid var(--line); }
h1 { font-size: 28px; margin: 0 0 6px; }
h2 { font-size: 20px; margin: 36px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
h3 { font-size: 16px; margin: 0 0 6px; }
h3 small { color: var(--muted); font-weight: normal; font-size: 12px; }
h4 { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: 12px 0 2px; }
.lead { font-size: 17px; color: var(--muted); margin: 0 0 12px; }
.facts { display: flex; flex-wrap: wrap; gap: 8px 28px; margin: 0 0 14px; }
.facts div { min-width: 90px; }
.facts dt { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
.facts dd { margin: 0; font-weight: 600; }
nav { padding: 8px 0 12px; }
nav a { color: #0969da; text-decoration: none; margin-right: 16px; font-size: 14px; }
figure.diagram { margin: 0; overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; padding: 12px; background: #fff; }
figure.diagram svg { max-width: 100%; height: auto; display: block; margin: 0 auto; }
figure.diagram svg text { font-family: Helvetica, Arial, "Liberation Sans", sans-serif; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
thead th { background: var(--soft); }
table.matrix tbody th { background: var(--soft); white-space: nowrap; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); gap: 16px; }
.card { border: 1px solid var(--line); border-top: 4px solid; border-radius: 6px; padding: 14px 16px; break-inside: avoid; }
.card p { margin: 4px 0; }
.card ul { margin: 0; padding-left: 18px; }
.share { color: var(--muted); font-size: 13px; }
.note { color: var(--muted); font-style: italic; }
.note.ok { color: #1a7f37; font-style: normal; }
.sev { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px; font-weight: 600; }
.sev.error { background: #ffebe9; color: #a40e26; }
.sev.warning { background: #fff8c5; color: #7d4e00; }
.sev.info { background: #ddf4ff; color: #0550ae; }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
footer { color: var(--muted); font-size: 12px; padding-top: 24px; padding-bottom: 32px; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { font-size: 11px; }
  header, main, footer { max-width: none; padding: 0; }
  nav { display: none; }
  section { break-inside: auto; }
  h2 { break-after: avoid; }
  figure.diagram { border: none; padding: 0; overflow: visible; break-inside: avoid; }
  .scroll { overflow: visible; }
  tr, .card { break-inside: avoid; }
  th, td { padding: 3px 5px; }
  a { color: inherit; text-decoration: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`
