package render

import (
	"bytes"
	"context"
	_ "embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"sort"

	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/render/canvas"
	"github.com/journey-maps/journey/pkg/render/palette"
	"github.com/journey-maps/journey/pkg/render/svgw"
)

// The html report is built from data by html/template, which escapes
// every value for where it lands. Its parts are exported so that another
// page (a static site) can lay out the same sections in its own frame:
//
//	rep, err := render.BuildReport(ctx, d, opts)
//	css := render.ReportCSS()              // the style sheet, fonts included
//	html := rep.Section("canvas").HTML()   // one section, heading and all
//
// Section ids: canvas, flow, emotions, matrix, personas, backlog,
// findings. WriteHTML writes the whole page.

//go:embed report.tmpl
var reportTmpl string

//go:embed report.css
var reportCSS string

var reportTemplates = template.Must(template.New("report").Parse(reportTmpl))

// Report is the html report as data.
type Report struct {
	Title     string
	Lead      string
	Facts     []Fact
	Sections  []*Section
	Generated string
}

// Fact is one figure of the report's header.
type Fact struct{ Name, Value string }

// Section is one part of the report: a heading and either a figure or a
// body of tables, cards and notes.
type Section struct {
	ID, Heading string
	Figure      *Figure
	// Body holds the section's content; exactly one of Figure and Body
	// is set.
	Body template.HTML
}

// Figure is a picture in parts (a header and bands of stages), shown at
// its natural size, with a caption; Note replaces a picture that could
// not be drawn.
type Figure struct {
	Caption string
	Parts   []template.HTML
	Note    string
}

// Section returns the section with an id, or nil.
func (r *Report) Section(id string) *Section {
	for _, s := range r.Sections {
		if s.ID == id {
			return s
		}
	}
	return nil
}

// HTML is the section as html: its heading and content.
func (s *Section) HTML() (template.HTML, error) {
	var b bytes.Buffer
	if err := reportTemplates.ExecuteTemplate(&b, "section", s); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil // built by html/template
}

// FontCSS declares the fonts the pictures were measured with, embedded,
// for a page that shows figures in a style sheet of its own.
func FontCSS() template.CSS { return template.CSS(svgw.FontFaceCSS()) } // our base64

// ReportCSS is the report's style sheet with the embedded fonts the
// pictures were measured with; it follows prefers-color-scheme and
// prints on A4 landscape.
func ReportCSS() template.CSS {
	return template.CSS(svgw.FontFaceCSS() + reportCSS) // constant text and our base64
}

// WriteHTML writes the report: one self-contained page. It makes no
// external request (a Content Security Policy forbids any), runs no
// script and prints on paper readably.
func WriteHTML(ctx context.Context, w io.Writer, d *Data, o Options) error {
	r, err := BuildReport(ctx, d, o)
	if err != nil {
		return err
	}
	return reportTemplates.ExecuteTemplate(w, "page", struct {
		*Report
		CSS template.CSS
	}{r, ReportCSS()})
}

// BuildReport works out every section of the report.
func BuildReport(ctx context.Context, d *Data, o Options) (*Report, error) {
	r := &Report{Title: oneLine(d.Title()), Lead: oneLine(d.J.Description), Facts: facts(d)}
	if d.Persona != nil {
		r.Title += " — " + oneLine(PersonaName(d.Persona))
	}
	if !d.In.Generated.IsZero() {
		r.Generated = d.In.Generated.Format("2 January 2006")
	}
	flow, err := FlowFigure(ctx, d, o)
	if err != nil {
		return nil, err
	}
	canvasFig, curveFig := Pictures(d, o)
	r.Sections = []*Section{
		{ID: "canvas", Heading: "Journey map", Figure: canvasFig},
		{ID: "flow", Heading: "Flow", Figure: flow},
		{ID: "emotions", Heading: "Emotion curve", Figure: curveFig},
	}
	for _, s := range []struct {
		id, heading string
		body        func(*Data) (template.HTML, error)
	}{
		{"matrix", "Matrix", matrixBody}, {"personas", "Personas", personasBody},
		{"backlog", "Improvement backlog", backlogBody}, {"findings", "Findings", findingsBody},
	} {
		body, err := s.body(d)
		if err != nil {
			return nil, err
		}
		r.Sections = append(r.Sections, &Section{ID: s.id, Heading: s.heading, Body: body})
	}
	return r, nil
}

func facts(d *Data) []Fact {
	var fs []Fact
	add := func(k, v string) {
		if v != "" {
			fs = append(fs, Fact{k, oneLine(v)})
		}
	}
	add("Owner", d.J.Owner)
	if !d.J.LastReviewed.IsZero() {
		add("Last reviewed", d.J.LastReviewed.Format("2 January 2006"))
	}
	add("Stages", fmt.Sprint(len(d.Stages)))
	add("Touchpoints", fmt.Sprint(len(d.Points)))
	add("Personas", fmt.Sprint(len(d.Personas)))
	if v, ok := d.overall(); ok {
		add("Experience", FormatEmotion(round1(v))+" / 5 ("+EmotionWord(v)+")")
	}
	if h, ok := d.Health(); ok {
		add("Map health", fmt.Sprintf("%d / 100", h))
	}
	add("Source", d.In.Source)
	return fs
}

// figureOf writes each part of a figure as an SVG of its own, so the page
// can scroll and print them band by band. The parts name the embedded
// fonts without carrying them: a page holding them links ReportCSS, or
// FontCSS, once.
func figureOf(f *svgw.Figure, caption string) *Figure {
	fig := &Figure{Caption: caption}
	for i := range f.Parts {
		fig.Parts = append(fig.Parts, template.HTML(f.Part(i))) // our own writer escapes every text
	}
	return fig
}

// Pictures are the figures journey draws itself, band by band, with their
// captions: the journey map canvas and the emotion curve.
func Pictures(d *Data, o Options) (canvasFig, curveFig *Figure) {
	m, co := canvasMap(d), canvas.Options{MaxWidth: o.MaxWidth}
	canvasFig = figureOf(canvas.Draw(m, co),
		"The journey map: stages as columns, lanes for what the customer does, thinks and feels, the emotion curve, pain points, actions and backstage.")
	curveFig = figureOf(canvas.DrawCurve(m, co),
		"The emotion curve: one line per persona and the share-weighted line of all of them, broken where a persona does not take part.")
	return canvasFig, curveFig
}

// missingLayout is an error saying no layout engine is installed.
type missingLayout interface{ LayoutMissing() bool }

// noFlowNote is what the report says in place of the flow when neither
// the helper nor dot is installed.
const noFlowNote = "The flow diagram needs the journey-graphviz helper (go install github.com/journey-maps/journey/cmd/...@latest) or Graphviz's dot; everything else on this page is drawn by journey itself."

// FlowFigure lays the flow out band by band. Without an engine it is a
// note; any other failure (a timeout, a broken helper) fails the report,
// which would otherwise pass for complete.
func FlowFigure(ctx context.Context, d *Data, o Options) (*Figure, error) {
	fig := &Figure{Caption: "The flow: touchpoints in order with their emotion and pain points; arrows follow next, dashed arrows loop back."}
	if o.Layout == nil {
		fig.Note = noFlowNote
		return fig, nil
	}
	for i, part := range flowBands(d, flowPerBand) {
		svg, err := DiagramSVG(ctx, part, ViewJourney, o)
		var ml missingLayout
		if errors.As(err, &ml) && ml.LayoutMissing() {
			return &Figure{Caption: fig.Caption, Note: noFlowNote}, nil
		}
		if err != nil {
			return nil, err
		}
		svg = prefixIDs(svg, fmt.Sprintf("flow%d-", i+1))
		fig.Parts = append(fig.Parts, template.HTML(svg)) // Graphviz escapes, flowSVG adds escaped text
	}
	return fig, nil
}

// prefixIDs makes the ids of one band's SVG its own: Graphviz numbers
// every graph's elements from 1 (graph0, node1, edge1), and the bands of
// a figure share one page, where an id must be unique. Both the ids and
// the references to them are renamed.
func prefixIDs(svg []byte, prefix string) []byte {
	for _, at := range []string{` id="`, `url(#`, `href="#`} {
		svg = bytes.ReplaceAll(svg, []byte(at), []byte(at+prefix))
	}
	return svg
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

func execute(name string, data any) (template.HTML, error) {
	var b bytes.Buffer
	if err := reportTemplates.ExecuteTemplate(&b, name, data); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil // built by html/template
}

// htmlTable is a table as the template shows it.
type htmlTable struct {
	Class  string
	Header []string
	Rows   [][]Cell
	// RowHeads makes the first cell of each row a header cell.
	RowHeads bool
}

func tableHTML(t *Table, class string, rowHeads bool) htmlTable {
	h := htmlTable{Class: class, RowHeads: rowHeads, Header: make([]string, len(t.Header))}
	for i, s := range t.Header {
		h.Header[i] = oneLine(s)
	}
	for _, r := range t.Rows {
		row := make([]Cell, len(r))
		for i, c := range r {
			row[i] = make(Cell, len(c))
			for k, l := range c {
				row[i][k] = oneLine(l)
			}
		}
		h.Rows = append(h.Rows, row)
	}
	return h
}

func matrixBody(d *Data) (template.HTML, error) {
	return execute("table", tableHTML(matrixTable(d), "matrix", true))
}

func backlogBody(d *Data) (template.HTML, error) {
	bt := backlogTable(d)
	done, dropped := 0, 0
	for _, a := range d.score.Closed {
		if pp := a.PainPoint; pp != nil && pp.Touchpoint != nil {
			if _, shown := d.index[pp.Touchpoint]; !shown {
				continue
			}
		}
		if a.Status == "done" {
			done++
		} else {
			dropped++
		}
	}
	return execute("backlog", struct {
		Table         htmlTable
		Open          int
		Done, Dropped int
	}{tableHTML(bt, "backlog", false), len(bt.Rows), done, dropped})
}

// personaCard is one persona as the template shows it.
type personaCard struct {
	Name, ID, Share, Demographics string
	Color                         string
	Lists                         []personaList
}

type personaList struct {
	Name  string
	Items []string
}

func personasBody(d *Data) (template.HTML, error) {
	var cards []personaCard
	for i, p := range d.Personas {
		c := personaCard{Name: oneLine(PersonaName(p)), ID: p.ID, Demographics: oneLine(p.Demographics), Color: palette.Persona(i).Color.Hex()}
		if p.Share != nil {
			c.Share = fmt.Sprintf("%.0f%% of customers", *p.Share*100)
		}
		for _, l := range []personaList{{"Goals", p.Goals}, {"Pain points", p.PainPoints}, {"Behaviours", p.Behaviors}, {"Preferences", p.Preferences}} {
			if len(l.Items) > 0 {
				items := make([]string, len(l.Items))
				for k, s := range l.Items {
					items[k] = oneLine(s)
				}
				c.Lists = append(c.Lists, personaList{l.Name, items})
			}
		}
		cards = append(cards, c)
	}
	return execute("personas", cards)
}

// finding is one lint finding as the template shows it.
type finding struct{ Severity, Where, Message, Rule string }

func findingsBody(d *Data) (template.HTML, error) {
	ds := append([]diag.Diagnostic(nil), d.In.Findings...)
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].Severity > ds[j].Severity })
	counts := map[diag.Severity]int{}
	var rows []finding
	for _, f := range ds {
		counts[f.Severity]++
		where := f.File
		if f.Line > 0 {
			where = fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Col)
		}
		rows = append(rows, finding{f.Severity.String(), oneLine(where), oneLine(f.Message), f.Rule})
	}
	return execute("findings", struct {
		Rows                   []finding
		Errors, Warnings, Info int
	}{rows, counts[diag.Error], counts[diag.Warning], counts[diag.Info]})
}
