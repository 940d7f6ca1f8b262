package site

import (
	"bytes"
	"context"
	"html/template"

	"github.com/journey-maps/journey/pkg/render"
)

// This file is the one place a map page takes the report from package
// render: its pictures and tables, through render's public API, shown in
// the site's own layout. Swap it when the report exposes its sections.

// section is one part of a map's report: an anchor, a heading and the
// HTML under it.
type section struct {
	ID, Title string
	// Caption says in words what a figure shows; "" for tables.
	Caption string
	// Figure is trusted markup drawn by package render (SVG), which
	// escapes every label from the map.
	Figure template.HTML
	Table  *render.Table
	Rows   template.HTML // Table's rows
	// Wide tables keep their first column in view as they scroll.
	Wide bool
	// Note replaces an empty table.
	Note string
}

// reportSections draws a map's report: the flow diagram when a layout is
// given, the emotion curve, the matrix and the ranked backlog.
func reportSections(ctx context.Context, d *render.Data, o render.Options) ([]section, error) {
	var out []section
	if o.Layout != nil {
		svg, err := render.DiagramSVG(ctx, d, render.ViewJourney, o)
		if err != nil {
			return nil, err
		}
		out = append(out, section{ID: "flow", Title: "Flow", Figure: inlineSVG(svg),
			Caption: "Stages left to right; each touchpoint coloured by its emotion, pain points attached."})
	}
	var chart bytes.Buffer
	if err := render.WriteEmotionChart(&chart, d, false); err != nil {
		return nil, err
	}
	out = append(out, section{ID: "emotions", Title: "Emotion curve", Figure: inlineSVG(chart.Bytes()),
		Caption: "Emotion at each touchpoint, 1 (very negative) to 5 (very positive), one line per persona; highs and lows labelled."})
	for _, v := range []struct{ view, id, title, empty string }{
		{render.ViewMatrix, "matrix", "Matrix", "The map has no touchpoints."},
		{render.ViewBacklog, "backlog", "Improvement backlog", "No open improvement actions."},
	} {
		t, err := render.TableOf(d, v.view)
		if err != nil {
			return nil, err
		}
		s := section{ID: v.id, Title: v.title, Table: t, Wide: v.view == render.ViewMatrix}
		s.Rows = tableRows(t, s.Wide)
		if len(t.Rows) == 0 {
			s.Table, s.Note = nil, v.empty
		}
		out = append(out, s)
	}
	return out, nil
}

// inlineSVG drops what a standalone SVG file has before its <svg>
// element (XML declaration, doctype, comments), which HTML cannot hold.
func inlineSVG(svg []byte) template.HTML {
	if i := bytes.Index(svg, []byte("<svg")); i >= 0 {
		svg = svg[i:]
	}
	return template.HTML(svg) //nolint:gosec // drawn by package render, which escapes map text
}

// tableRows writes the rows of one of render's tables: a cell's lines
// one under another, the first cell of a wide table as its row's header.
func tableRows(t *render.Table, wide bool) template.HTML {
	var f frag
	for _, r := range t.Rows {
		f.tag("<tr>")
		for i, c := range r {
			open, end := "<td>", "</td>"
			if wide && i == 0 {
				open, end = `<th scope="row">`, "</th>"
			}
			f.tag(open)
			for k, l := range c {
				if k > 0 {
					f.tag("<br>")
				}
				f.text(l)
			}
			f.tag(end)
		}
		f.tag("</tr>\n")
	}
	return f.html()
}
