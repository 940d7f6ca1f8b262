// Package render turns a journey map into what its readers see: the
// journey map canvas and the emotion curve (drawn here, package canvas),
// tables for the terminal, markdown and spreadsheets, a Mermaid journey
// diagram, DOT for Graphviz and a one-page HTML report.
//
// This package never calls Graphviz: DOT is written as text here, and the
// layout into SVG is passed in (Options.Layout): the journey-graphviz helper
// process through package engine, or go-graphviz in-process through the
// graphviz subpackage, which only the helper and tests link.
package render

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/model"
	"github.com/journey-maps/journey/pkg/score"
)

// Views (docs/render.md).
const (
	ViewJourney  = "journey"
	ViewMatrix   = "matrix"
	ViewPersonas = "personas"
	ViewBacklog  = "backlog"
	ViewEmotions = "emotions"
)

// Formats (docs/render.md).
const (
	FormatSVG      = "svg"
	FormatPNG      = "png"
	FormatDOT      = "dot"
	FormatMermaid  = "mermaid"
	FormatTable    = "table"
	FormatMarkdown = "markdown"
	FormatCSV      = "csv"
	FormatHTML     = "html"
)

// Views and Formats list the names in the order help text shows them.
var (
	Views   = []string{ViewJourney, ViewMatrix, ViewPersonas, ViewBacklog, ViewEmotions}
	Formats = []string{FormatSVG, FormatPNG, FormatDOT, FormatMermaid, FormatTable, FormatMarkdown, FormatCSV, FormatHTML}
)

// tableFormats are the formats every view can be written in as a table.
var tableFormats = []string{FormatTable, FormatMarkdown, FormatCSV}

// supported lists the formats of each view (docs/render.md explains why).
var supported = map[string][]string{
	ViewJourney:  {FormatSVG, FormatPNG, FormatDOT, FormatMermaid, FormatTable, FormatMarkdown, FormatCSV, FormatHTML},
	ViewEmotions: {FormatSVG, FormatPNG, FormatMermaid, FormatTable, FormatMarkdown, FormatCSV},
	ViewMatrix:   {FormatSVG, FormatPNG, FormatTable, FormatMarkdown, FormatCSV},
	ViewPersonas: tableFormats,
	ViewBacklog:  tableFormats,
}

// DefaultView is the view drawn when none is asked for: the canvas for a
// picture (svg, png), the journey table for text, as before the canvas
// existed, so scripts that print the table keep working.
func DefaultView(format string) string {
	if format == FormatSVG || format == FormatPNG {
		return ViewMatrix
	}
	return ViewJourney
}

// FormatsOf returns the formats a view can be rendered in.
func FormatsOf(view string) []string { return supported[view] }

// Check reports whether a view can be rendered in a format, with an error
// that says what to use instead.
func Check(view, format string) error {
	formats, ok := supported[view]
	if !ok {
		return fmt.Errorf("unknown view %q: %s", view, diag.Choice(view, Views))
	}
	if !contains(Formats, format) {
		return fmt.Errorf("unknown format %q: %s", format, diag.Choice(format, Formats))
	}
	if contains(formats, format) {
		return nil
	}
	var why string
	switch {
	case format == FormatHTML:
		why = "html is the whole report (diagram, emotion curve, matrix, personas, backlog, findings); leave out --view"
	case (view == ViewEmotions || view == ViewMatrix) && format == FormatDOT:
		why = "the " + view + " view is drawn by journey itself, not laid out as a graph; use svg or png"
	case format == FormatMermaid:
		why = "Mermaid's journey diagram shows the flow and its emotions; use --view journey"
	default:
		why = fmt.Sprintf("the %s view is a table", view)
	}
	return fmt.Errorf("--view %s cannot be rendered as %s: %s (formats for %s: %s)",
		view, format, why, view, strings.Join(formats, ", "))
}

// IsDiagram reports whether a format needs a layout (Graphviz or a chart).
func IsDiagram(format string) bool {
	return format == FormatSVG || format == FormatPNG || format == FormatHTML
}

// IsBinary reports whether a format is not text.
func IsBinary(format string) bool { return format == FormatPNG }

// Input is everything a rendering may show.
type Input struct {
	Journey *model.Journey
	// Persona filters to one persona's view; "" shows every persona.
	Persona string
	// Score is the map's `journey score` report for the same persona: the
	// emotion shown at each touchpoint, the ranked backlog and the health
	// come from it, so the figures agree with journey score. nil scores
	// the map here, with its health unknown.
	Score *score.Report
	// Findings are the lint findings shown in the report.
	Findings []diag.Diagnostic
	// Source names the file the map came from, for the report.
	Source string
	// Generated is when the report was made (shown in the html footer).
	Generated time.Time
}

// Data is a map seen through the persona filter: what every view draws.
type Data struct {
	In       *Input
	J        *model.Journey
	Persona  *model.Persona   // nil when not filtering
	Personas []*model.Persona // the personas shown
	Stages   []*StageData     // stages with at least one shown touchpoint
	Points   []*model.Touchpoint
	next     map[*model.Touchpoint][]*model.Touchpoint
	index    map[*model.Touchpoint]int
	score    *score.Report
	emotion  map[*model.Touchpoint]float64 // the score's, where it has one
}

// StageData is one stage and its shown touchpoints.
type StageData struct {
	Stage       *model.Stage
	Touchpoints []*model.Touchpoint
}

// Prepare applies the persona filter. It fails when the persona is unknown.
func Prepare(in *Input) (*Data, error) {
	j := in.Journey
	d := &Data{In: in, J: j, next: map[*model.Touchpoint][]*model.Touchpoint{}, index: map[*model.Touchpoint]int{}}
	all := j.AllPersonas()
	if in.Persona != "" {
		d.Persona = j.Persona(in.Persona)
		if d.Persona == nil {
			ids := make([]string, 0, len(all))
			for _, p := range all {
				ids = append(ids, p.ID)
			}
			known := "the map has no personas"
			if len(ids) > 0 {
				known = "known: " + strings.Join(ids, ", ")
			}
			return nil, fmt.Errorf("--persona %q: no such persona (%s)", in.Persona, known)
		}
		d.Personas = []*model.Persona{d.Persona}
	} else {
		d.Personas = all
	}
	for _, s := range j.Stages {
		sd := &StageData{Stage: s}
		for _, t := range s.Touchpoints {
			if d.Persona != nil && !contains(t.Personas, d.Persona.ID) {
				continue
			}
			sd.Touchpoints = append(sd.Touchpoints, t)
			d.index[t] = len(d.Points)
			d.Points = append(d.Points, t)
		}
		if len(sd.Touchpoints) > 0 {
			d.Stages = append(d.Stages, sd)
		}
	}
	for _, t := range d.Points {
		d.next[t] = d.resolveNext(t)
	}
	d.score = in.Score
	if d.score == nil {
		d.score = score.Compute(j, nil, score.Options{Persona: in.Persona})
	}
	d.emotion = map[*model.Touchpoint]float64{}
	for _, ts := range d.score.Touchpoints {
		if ts.HasData {
			d.emotion[ts.Touchpoint] = ts.Experience
		}
	}
	return d, nil
}

// resolveNext follows the flow from t to the shown touchpoints it reaches:
// a hidden touchpoint (another persona's) is passed through, so filtering
// does not cut the flow.
func (d *Data) resolveNext(t *model.Touchpoint) []*model.Touchpoint {
	var out []*model.Touchpoint
	seen := map[*model.Touchpoint]bool{t: true}
	var walk func(from *model.Touchpoint)
	walk = func(from *model.Touchpoint) {
		for _, id := range d.J.NextOf(from) {
			n := d.J.Touchpoint(id)
			if n == nil || seen[n] {
				continue
			}
			seen[n] = true
			if _, shown := d.index[n]; shown {
				out = append(out, n)
				continue
			}
			walk(n)
		}
	}
	walk(t)
	return out
}

// Next returns the shown touchpoints t flows to.
func (d *Data) Next(t *model.Touchpoint) []*model.Touchpoint { return d.next[t] }

// Emotion is the emotion shown for a touchpoint on the 1..5 scale: its
// experience as journey score computes it (the filtered persona's own,
// else the share-weighted mean of the personas it serves). A touchpoint
// with none takes its stage's. ok is false when nothing was recorded.
func (d *Data) Emotion(t *model.Touchpoint) (float64, bool) {
	if v, ok := d.emotion[t]; ok {
		return v, true
	}
	if t.Stage != nil && t.Stage.Emotion != 0 {
		return float64(t.Stage.Emotion), true
	}
	return 0, false
}

// PersonaEmotion is one persona's emotion at a touchpoint (its own, the
// shared value, or the stage's).
func (d *Data) PersonaEmotion(t *model.Touchpoint, persona string) (int, bool) {
	if !contains(t.Personas, persona) {
		return 0, false
	}
	if v, ok := t.Emotion.For(persona); ok {
		return v, true
	}
	if t.Stage != nil && t.Stage.Emotion != 0 {
		return t.Stage.Emotion, true
	}
	return 0, false
}

// StageEmotion is the mean shown emotion of a stage's touchpoints, or the
// stage's own when none has one.
func (d *Data) StageEmotion(sd *StageData) (float64, bool) {
	var sum float64
	n := 0
	for _, t := range sd.Touchpoints {
		if v, ok := d.Emotion(t); ok {
			sum += v
			n++
		}
	}
	if n > 0 {
		return sum / float64(n), true
	}
	if sd.Stage.Emotion != 0 {
		return float64(sd.Stage.Emotion), true
	}
	return 0, false
}

// Backlog returns the ranked actions whose touchpoints are shown.
func (d *Data) Backlog() []score.BacklogItem {
	var out []score.BacklogItem
	for _, r := range d.score.Backlog {
		if pp := r.Action.PainPoint; pp != nil && pp.Touchpoint != nil {
			if _, shown := d.index[pp.Touchpoint]; !shown {
				continue
			}
		}
		out = append(out, r)
	}
	return out
}

// Health is the map's health score 0..100; ok is false when the map was
// not scored with its findings (Input.Score nil).
func (d *Data) Health() (int, bool) {
	if d.In.Score == nil {
		return 0, false
	}
	return d.In.Score.Health, true
}

// Title is the map's title, or its id.
func (d *Data) Title() string {
	if d.J.Title != "" {
		return d.J.Title
	}
	return d.J.ID
}

// PersonaName is a persona's name, or its id.
func PersonaName(p *model.Persona) string {
	if p.Name != "" {
		return p.Name
	}
	return p.ID
}

// name returns the display name of an element with an optional name.
func name(n, id string) string {
	if n != "" {
		return n
	}
	return id
}

// FormatEmotion prints an emotion with one decimal only when needed.
func FormatEmotion(v float64) string {
	if v == math.Trunc(v) {
		return fmt.Sprintf("%d", int(v))
	}
	return fmt.Sprintf("%.1f", v)
}

// EmotionWord names a point of the 1..5 scale.
func EmotionWord(v float64) string {
	switch r := int(math.Round(v)); {
	case r <= 1:
		return "very negative"
	case r == 2:
		return "negative"
	case r == 3:
		return "neutral"
	case r == 4:
		return "positive"
	}
	return "very positive"
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
