package site

import (
	"context"
	"html/template"

	"github.com/journey-maps/journey/pkg/render"
)

// This file is the one place a map page takes the report from package
// render: the canvas, the flow and the emotion curve as render draws them
// for its own report (render.Pictures, render.FlowFigure), and the matrix
// and the backlog as render's tables, shown in the site's own layout.

// section is one part of a map's report: an anchor, a heading and the
// HTML under it.
type section struct {
	ID, Title string
	// Figure is a picture drawn by package render, in parts (bands of
	// stages) of trusted markup: render escapes every label of the map.
	Figure *render.Figure
	Table  *render.Table
	Rows   template.HTML // Table's rows
	// Wide tables keep their first column in view as they scroll.
	Wide bool
	// Note replaces an empty table, or a figure that could not be drawn.
	Note string
}

// reportSections draws a map's report: the journey map canvas, the flow
// when a layout is given, the emotion curve, the matrix and the ranked
// backlog.
func reportSections(ctx context.Context, d *render.Data, o render.Options) ([]section, error) {
	canvasFig, curveFig := render.Pictures(d, o)
	out := []section{{ID: "canvas", Title: "Journey map", Figure: canvasFig}}
	if o.Layout != nil {
		flow, err := render.FlowFigure(ctx, d, o)
		if err != nil {
			return nil, err
		}
		out = append(out, section{ID: "flow", Title: "Flow", Figure: flow, Note: flow.Note})
	}
	out = append(out, section{ID: "emotions", Title: "Emotion curve", Figure: curveFig})
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
