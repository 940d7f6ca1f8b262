package render

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/journey-maps/journey/pkg/render/canvas"
)

// Layout turns DOT into SVG. It is passed in so that this package (and
// every table) never links Graphviz: the journey binary lays diagrams out
// through the journey-graphviz helper process (package engine), tests
// in-process with the graphviz subpackage.
type Layout func(ctx context.Context, dot []byte) ([]byte, error)

// Options tune one rendering.
type Options struct {
	// Width wraps terminal tables to this many columns; 0 does not wrap.
	Width int
	// Layout lays out the flow (svg and png of the journey view, and its
	// figure in the html report). The canvas and the emotion curve are
	// drawn here and need none.
	Layout Layout
	// MaxWidth is the widest a band of the canvas or the emotion curve
	// may be, in px; 0 is canvas.DefaultMaxWidth.
	MaxWidth float64
	// Rasterize turns SVG into PNG; required for png.
	Rasterize func(svg []byte) ([]byte, error)
}

// ErrNoLayout is returned when a diagram is asked for without a Layout.
var ErrNoLayout = errors.New("no Graphviz layout available")

// Render writes one view of the data in one format.
func Render(ctx context.Context, w io.Writer, d *Data, view, format string, o Options) error {
	if format == FormatHTML {
		return WriteHTML(ctx, w, d, o)
	}
	if err := Check(view, format); err != nil {
		return err
	}
	switch format {
	case FormatTable, FormatMarkdown, FormatCSV:
		t, err := TableOf(d, view)
		if err != nil {
			return err
		}
		switch format {
		case FormatTable:
			return WriteTerminal(w, t, o.Width)
		case FormatMarkdown:
			return WriteMarkdown(w, t)
		}
		return WriteCSV(w, t)
	case FormatMermaid:
		return WriteMermaid(w, d)
	case FormatDOT:
		return WriteDOT(w, d)
	case FormatSVG, FormatPNG:
		svg, err := DiagramSVG(ctx, d, view, o)
		if err != nil {
			return err
		}
		if format == FormatSVG {
			_, err = w.Write(svg)
			return err
		}
		if o.Rasterize == nil {
			return errors.New("png: no rasteriser available")
		}
		png, err := o.Rasterize(svg)
		if err != nil {
			return fmt.Errorf("png: %w", err)
		}
		_, err = w.Write(png)
		return err
	}
	return fmt.Errorf("format %q is not supported", format)
}

// DiagramSVG draws the journey diagram (through Graphviz), the canvas or
// the emotion curve (both drawn here) as SVG.
func DiagramSVG(ctx context.Context, d *Data, view string, o Options) ([]byte, error) {
	if view == ViewMatrix {
		var buf bytes.Buffer
		if err := canvas.Draw(canvasMap(d), canvas.Options{MaxWidth: o.MaxWidth}).WriteSVG(&buf, true); err != nil {
			return nil, err
		}
		return buf.Bytes(), nil
	}
	if view == ViewEmotions {
		var buf bytes.Buffer
		if err := canvas.DrawCurve(canvasMap(d), canvas.Options{MaxWidth: o.MaxWidth}).WriteSVG(&buf, true); err != nil {
			return nil, err
		}
		return buf.Bytes(), nil
	}
	if o.Layout == nil {
		return nil, ErrNoLayout
	}
	var dot bytes.Buffer
	if err := WriteDOT(&dot, d); err != nil {
		return nil, err
	}
	svg, err := o.Layout(ctx, dot.Bytes())
	if err != nil {
		return nil, err
	}
	return flowSVG(svg, d), nil
}
