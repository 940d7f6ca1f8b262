package site

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/journey-maps/journey/pkg/config"
	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/lint"
	"github.com/journey-maps/journey/pkg/loader"
	"github.com/journey-maps/journey/pkg/model"
	"github.com/journey-maps/journey/pkg/render"
	"github.com/journey-maps/journey/pkg/score"
	"github.com/journey-maps/journey/pkg/textfmt"
)

// Options configure a build. The same options give the same bytes.
type Options struct {
	// Config is the lint configuration maps are judged under; nil is the
	// default one.
	Config *config.Config
	// Weights of the backlog priority; the zero value is the default.
	Weights score.Weights
	// Today is the day reviews, goals and evidence are judged on.
	Today time.Time
	// Dated prints Today on the pages. Leave it off unless Today was
	// fixed (journey site --today), so a build does not change by the day.
	Dated bool
	// Layout lays out the flow diagram of each map (Graphviz); nil leaves
	// the diagram out.
	Layout render.Layout
	// Rules say what each rule finds, for the findings page.
	Rules []Rule
}

// Rule is a rule as the findings page introduces it.
type Rule struct{ ID, Summary, URL string }

// Prepared is one file made into its page and its summary, in the worker
// that loaded it, so the file itself can be let go.
type Prepared struct {
	e    *entry
	page []byte
	err  error
}

// Path is the file the page was made from.
func (p *Prepared) Path() string { return p.e.Path }

// Err is a failure to draw the page (a flow diagram that could not be
// laid out).
func (p *Prepared) Err() error { return p.err }

// Findings are the file's lint and format findings.
func (p *Prepared) Findings() []diag.Diagnostic {
	out := make([]diag.Diagnostic, len(p.e.Findings))
	for i, f := range p.e.Findings {
		out[i] = f.Diagnostic
	}
	return out
}

// Valid reports whether the file has no format errors: its page shows
// what it holds, not only what is wrong with it.
func (p *Prepared) Valid() bool { return p.e.Drawn }

// Libraries are the absolute paths of the persona libraries the map
// includes.
func (p *Prepared) Libraries() []string { return p.e.Libs }

// Prepare lints, scores and draws one loaded file into its page. It is
// safe to call from several goroutines.
func Prepare(ctx context.Context, f *loader.File, o Options) *Prepared {
	findings := lint.Lint(f, o.Config, lint.Options{Today: o.Today})
	e := &entry{Path: f.Path, Abs: absPath(f.Path), Kind: kindOf(f), ID: idOf(f)}
	e.Row.Title = titleOf(f)
	if f.Journey != nil {
		e.Row.Owner = f.Journey.Owner // shown for a map not drawn too
	}
	e.Findings = anchored(f.Path, findings)
	for _, d := range findings {
		switch d.Severity {
		case diag.Error:
			e.Row.Errors++
		case diag.Warning:
			e.Row.Warnings++
		case diag.Info:
			e.Row.Infos++
		}
	}
	data := &mapPage{pageBase: pageBase{Root: "../", Title: e.Row.Title, Dated: dated(o)}, Kind: e.Kind, Path: f.Path}
	var err error
	switch {
	case e.Kind == kindMap && f.Valid():
		err = drawMap(ctx, e, f, findings, o, data)
	case e.Kind == kindLibrary && f.Valid():
		describeLibrary(e, f, data)
	default:
		e.NotDrawn = notDrawn(findings)
		data.NotDrawn = e.NotDrawn
	}
	data.Drawn = e.Drawn
	data.Findings = findingList{Root: data.Root, Items: e.Findings}
	data.Contents = contents(data)
	if err != nil {
		return &Prepared{e: e, err: fmt.Errorf("%s: %w", f.Path, err)}
	}
	page, err := openPage(data)
	return &Prepared{e: e, page: page, err: err}
}

func drawMap(ctx context.Context, e *entry, f *loader.File, findings []diag.Diagnostic, o Options, data *mapPage) error {
	j := f.Journey
	rep := score.Compute(j, findings, score.Options{Today: o.Today, Weights: o.Weights})
	d, err := render.Prepare(&render.Input{Journey: j, Score: rep, Findings: findings, Source: f.Path})
	if err != nil {
		return err
	}
	sections, err := reportSections(ctx, d, render.Options{Layout: o.Layout})
	if err != nil {
		return err
	}
	e.Drawn = true
	summarize(e, d, rep, o.Today)
	for _, lib := range model.Libraries(j.Included) {
		e.Libs = append(e.Libs, absPath(lib.Pos.File))
	}
	data.Description, data.Tags = oneLine(j.Description), j.Tags
	data.Facts = mapFacts(e.Row)
	data.Sections = sections
	data.Figures = true
	data.Goals = goalRows(j, rep)
	data.Personas = e.Personas
	return nil
}

func describeLibrary(e *entry, f *loader.File, data *mapPage) {
	lib := f.Personas
	e.Drawn = true
	data.Description = oneLine(lib.Description)
	data.Tags = lib.Tags
	for _, p := range lib.Personas {
		e.Personas = append(e.Personas, personaUse{ID: p.ID, Profile: profileOf(p)})
	}
	data.Personas = e.Personas
	data.Facts = []fact{{Label: "Personas", Value: fmt.Sprint(len(lib.Personas))}}
	if lib.Owner != "" {
		data.Facts = append([]fact{{Label: "Owner", Value: lib.Owner}}, data.Facts...)
	}
	e.Row.Owner = lib.Owner
}

// notDrawn says why a file is listed but not drawn.
func notDrawn(ds []diag.Diagnostic) string {
	if diag.AnyFatal(ds) {
		return "The file could not be read as YAML; the findings below say where."
	}
	n := 0
	for _, d := range ds {
		if d.Severity == diag.Error {
			n++
		}
	}
	return fmt.Sprintf("The file has %s (journey validate lists them); it is drawn once they are fixed.", textfmt.Plural(n, "format error"))
}

// dated is the day shown on the pages, when it is fixed.
func dated(o Options) string {
	if !o.Dated {
		return ""
	}
	return o.Today.Format("2 January 2006")
}

func kindOf(f *loader.File) string {
	switch {
	case f.Journey != nil:
		return kindMap
	case f.Personas != nil:
		return kindLibrary
	case strings.HasSuffix(f.Path, ".personas.yaml") || strings.HasSuffix(f.Path, ".personas.yml"):
		return kindLibrary
	}
	return kindBroken
}

func idOf(f *loader.File) string {
	switch {
	case f.Journey != nil:
		return f.Journey.ID
	case f.Personas != nil:
		return f.Personas.ID
	}
	return ""
}

func titleOf(f *loader.File) string {
	var t string
	switch {
	case f.Journey != nil:
		t = nameOr(f.Journey.Title, f.Journey.ID)
	case f.Personas != nil:
		t = nameOr(f.Personas.Title, f.Personas.ID)
	}
	if t = oneLine(t); t != "" {
		return t
	}
	return baseName(f.Path)
}

// baseName is a file's name without its journey suffix.
func baseName(path string) string {
	b := filepath.Base(path)
	for _, s := range []string{".journey.yaml", ".journey.yml", ".personas.yaml", ".personas.yml", ".yaml", ".yml"} {
		if t, ok := strings.CutSuffix(b, s); ok {
			return t
		}
	}
	return b
}

func absPath(p string) string {
	if p == loader.StdinPath {
		return p
	}
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

// anchored gives each finding in the file itself the id of its line
// (L12, the first finding of a line), and the others (in included
// files) one of their own, so the findings page can link to each.
func anchored(path string, ds []diag.Diagnostic) []finding {
	out := make([]finding, len(ds))
	lines := map[int]bool{}
	for i, d := range ds {
		out[i].Diagnostic = d
		switch {
		case d.File == path && d.Line > 0 && !lines[d.Line]:
			lines[d.Line] = true
			out[i].Anchor = fmt.Sprintf("L%d", d.Line)
		case d.File != path || d.Line <= 0:
			out[i].Anchor = fmt.Sprintf("F%d", i+1)
		}
	}
	return out
}

// anchorOf is the anchor a link to a finding goes to on its page.
func anchorOf(fs []finding, d diag.Diagnostic) string {
	for _, f := range fs {
		if f.Diagnostic == d {
			if f.Anchor != "" {
				return f.Anchor
			}
			return fmt.Sprintf("L%d", d.Line)
		}
	}
	return "findings"
}
