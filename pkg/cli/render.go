package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/journey-maps/journey/pkg/atomicfile"
	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/loader"
	"github.com/journey-maps/journey/pkg/model"
	"github.com/journey-maps/journey/pkg/render"
	"github.com/journey-maps/journey/pkg/render/engine"
	"github.com/journey-maps/journey/pkg/textfmt"
)

type renderFlags struct {
	format, view, persona, out, today string
	width                             int
	maxWidth                          float64
}

func newRenderCmd(a *app) *cobra.Command {
	var f renderFlags
	cmd := &cobra.Command{
		Use:   "render FILE --format F [--view V] [--persona ID] [-o OUT]",
		Short: "Draw a map: diagrams, tables, Mermaid, CSV and an HTML report",
		Long: `render draws one journey map for the people who read it.

Views (--view):
  matrix    the journey map as practitioners draw it: stages as columns,
            lanes for touchpoints, doing, thinking, feeling, the emotion
            curve, pain points, actions and backstage (the default picture)
  journey   the flow: touchpoints in order, coloured by emotion, with their
            pain points and next edges (the default text table)
  personas  the persona profiles
  backlog   the improvement actions, ranked by priority
  emotions  the emotion curve across the touchpoints, one line per persona

Formats (--format):
  svg, png  pictures. The canvas (matrix) and the emotion curve are drawn
            by journey itself. The flow (--view journey) is laid out by
            Graphviz: it needs the journey-graphviz helper (installed with
            go install github.com/journey-maps/journey/cmd/...@latest) or
            Graphviz's dot.
  dot       the flow as Graphviz source
  mermaid   a Mermaid journey diagram GitHub renders in markdown (journey, emotions)
  table     a table for the terminal, wrapped to its width (every view; default)
  markdown  a markdown table (every view)
  csv       a spreadsheet (every view)
  html      one self-contained page: the canvas, the flow, the emotion
            curve, matrix, personas, backlog and lint findings (no --view).
            Without journey-graphviz or dot the flow is replaced by a note.

Without --view, svg and png draw the canvas and text formats print the
journey table. Wide maps wrap into bands of stages at --max-width px.
Text formats go to standard output unless -o is given; png needs -o or a
pipe. -o writes atomically and never overwrites the map it reads.`,
		Example: `  journey render checkout.journey.yaml
  journey render checkout.journey.yaml --view matrix --format markdown
  journey render checkout.journey.yaml --format svg -o checkout.svg
  journey render checkout.journey.yaml --view journey --format svg -o flow.svg
  journey render checkout.journey.yaml --view emotions --persona student --format png -o student.png
  journey render checkout.journey.yaml --format html -o checkout.html`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runRender(cmd, args, f)
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.format, "format", "f", render.FormatTable, "output format: "+strings.Join(render.Formats, ", "))
	fl.StringVar(&f.view, "view", "", "what to draw: "+strings.Join(render.Views, ", ")+" (default: matrix, the canvas, for svg and png; journey otherwise)")
	fl.StringVar(&f.persona, "persona", "", "show one persona's view (a persona id)")
	fl.StringVarP(&f.out, "output", "o", "", "write to this file (atomically) instead of standard output")
	fl.Float64Var(&f.maxWidth, "max-width", 0, "the widest a band of stages may be in the canvas and the emotion curve, in px (default 1200); wider maps wrap into bands")
	fl.IntVar(&f.width, "width", 0, "wrap terminal tables to this many columns (default: the terminal's width, or $COLUMNS)")
	fl.StringVar(&f.today, "today", "", "the date lint findings in the html report are judged on (YYYY-MM-DD)")
	return cmd
}

func (a *app) runRender(cmd *cobra.Command, args []string, f renderFlags) error {
	if err := a.checkRenderFlags(cmd, &f); err != nil {
		return err
	}
	today, err := a.renderToday(f.today)
	if err != nil {
		return err
	}
	file, files, err := a.loadOneMap(defaultArgs(args))
	if err != nil {
		return err
	}
	if f.out != "" {
		if err := refuseInput(f.out, files); err != nil {
			return err
		}
	}
	in := &render.Input{Journey: file.Journey, Persona: f.persona, Source: file.Path, Generated: today}
	if err := a.renderExtras(in, file, f, today); err != nil {
		return err
	}
	d, err := render.Prepare(in)
	if err != nil {
		return usageError{msg: err.Error()}
	}
	out, err := a.draw(cmd.Context(), d, f)
	if err != nil {
		return err
	}
	if f.out == "" {
		_, err := a.env.Stdout.Write(out)
		return err
	}
	return atomicfile.WriteBytes(f.out, out) // an error names the file and why
}

// checkRenderFlags fills in the default view and refuses flags that do
// not go together.
func (a *app) checkRenderFlags(cmd *cobra.Command, f *renderFlags) error {
	if !cmd.Flags().Changed("view") {
		f.view = render.DefaultView(f.format)
	}
	switch {
	case f.maxWidth < 0:
		return usagef("--max-width %v: want a width in px", f.maxWidth)
	case f.width < 0:
		return usagef("--width %d: want a number of columns", f.width)
	case f.format == render.FormatHTML && cmd.Flags().Changed("view"):
		return usagef("--format html renders the whole report (diagram, emotion curve, matrix, personas, backlog, findings); leave out --view")
	}
	if f.format != render.FormatHTML {
		if err := render.Check(f.view, f.format); err != nil {
			return usageError{msg: err.Error()}
		}
	}
	if render.IsBinary(f.format) && f.out == "" && a.env.IsTerminal(a.env.Stdout) {
		return usagef("--format %s is binary: write it to a file with -o FILE, or pipe it", f.format)
	}
	return nil
}

// loadOneMap loads the arguments, which must hold exactly one journey map
// without format errors (and any persona libraries), and returns it with
// every file loaded.
func (a *app) loadOneMap(args []string) (*loader.File, []*loader.File, error) {
	l := a.newLoader(args)
	files, problems := l.Load(args)
	ds := problems
	for _, fl := range files {
		ds = append(ds, fl.Diags...)
	}
	diag.Sort(ds)
	ds = diag.Dedup(ds)
	if diag.AnyFatal(ds) || diag.Max(ds) >= diag.Error {
		// A map with format errors may have dangling references: show
		// what is wrong instead of drawing something misleading.
		return nil, nil, a.refuse("render", ds, l.Source)
	}
	var maps []string
	var file *loader.File
	for _, fl := range files {
		if fl.Journey != nil {
			maps, file = append(maps, fl.Path), fl
		}
	}
	switch {
	case len(maps) == 0:
		return nil, nil, usagef("render: no journey map in %s (persona libraries are drawn through the maps that include them)", strings.Join(args, " "))
	case len(maps) > 1:
		return nil, nil, usagef("render draws one map at a time; got %d: %s", len(maps), strings.Join(maps, ", "))
	}
	return file, files, nil
}

// draw renders the prepared map in the view and format asked for. The
// injected engine, else the helper process (or Graphviz's dot), is looked
// for only when the first diagram is drawn, and started once.
func (a *app) draw(ctx context.Context, d *render.Data, f renderFlags) ([]byte, error) {
	eng := a.env.Graphviz
	if eng == nil {
		auto := &engine.Auto{Lookup: engine.Lookup{Getenv: a.env.Getenv}}
		defer func() { _ = auto.Close() }() // a helper that fails to stop has drawn what it drew
		eng = auto
	}
	opts := render.Options{Width: a.tableWidth(f.width), Layout: eng.SVG, Rasterize: rasterize, MaxWidth: f.maxWidth}
	var buf bytes.Buffer
	if err := render.Render(ctx, &buf, d, f.view, f.format, opts); err != nil {
		var nf *engine.NotFoundError
		if errors.As(err, &nf) {
			return nil, a.noEngine(nf)
		}
		return nil, fmt.Errorf("render: %w", err)
	}
	return buf.Bytes(), nil
}

// noEngine explains how to get a diagram engine; exit 2, as for any
// run that cannot do what was asked.
func (a *app) noEngine(nf *engine.NotFoundError) error {
	fmt.Fprintf(a.env.Stderr, `journey: render: drawing a diagram needs the %s helper or Graphviz's dot; neither was found.
  looked in: %s
  install the helper beside journey:  %s
  or set %s to the helper's path, or install Graphviz (Debian: apt-get install graphviz).
  Tables, markdown, csv, mermaid and dot output need neither.
`, engine.HelperName, textfmt.Sanitize(strings.Join(nf.Looked, "; ")), engine.InstallLine, engine.EnvVar)
	return exitCode(ExitUsage)
}

// refuseInput stops -o from replacing a file the map was read from.
func refuseInput(out string, files []*loader.File) error {
	check := func(path string) error {
		if path != "" && path != loader.StdinPath && samePath(path, out) {
			return usagef("-o %s would overwrite the map it renders; choose another file", out)
		}
		return nil
	}
	for _, fl := range files {
		if err := check(fl.Path); err != nil {
			return err
		}
		if fl.Journey == nil {
			continue
		}
		// Libraries include libraries: check every one the map reads.
		for _, lib := range model.Libraries(fl.Journey.Included) {
			if err := check(lib.Pos.File); err != nil {
				return err
			}
		}
	}
	return nil
}
