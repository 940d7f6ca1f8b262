// Package canvas draws the journey map as practitioners draw it: a header
// with the map's title, scenario, personas and goals, then the stages as
// columns left to right and the lanes as rows (touchpoints with channel
// and owner, doing, thinking, feeling, the emotion curve, pain points,
// actions and backstage). Every touchpoint has a column of its own under
// its stage; past a readable width the columns wrap into a new band of
// stages, so a map of any size stays readable on screen and on paper.
//
// It draws plain values (Map), not the journey model: package render
// decides what is shown and in which words. Text is wrapped with the
// metrics of the embedded Go fonts (package fontmetrics), so every box is
// as tall as its text and nothing is clipped.
package canvas

import (
	"github.com/journey-maps/journey/pkg/render/palette"
)

// Map is what the canvas shows.
type Map struct {
	Title       string
	Subtitle    string // the persona filter, when there is one
	Description string
	// Desc says in words what the picture shows, for screen readers.
	Desc     string
	Personas []Persona
	// Overall adds the share-weighted line of all personas.
	Overall bool
	Goals   []string
	Stages  []Stage
}

// Persona is one line of the emotion curve and its legend entry.
type Persona struct {
	Name  string
	Note  string // "60% of customers"
	Style palette.Series
}

// Stage is one column group.
type Stage struct {
	Name string
	Meta string // phase and mean emotion
	// Touchpoints are the stage's columns, in map order.
	Touchpoints []Touchpoint
}

// Touchpoint is one column.
type Touchpoint struct {
	Name                                string
	Meta                                string // channel and owner
	Only                                string // the personas it serves, when not all
	Doing, Thinking, Feeling, Backstage string
	// Overall is the emotion shown for everyone (1..5), 0 when none;
	// EmotionText says it in words.
	Overall     float64
	EmotionText string
	// Emotions holds each persona's emotion, in the order of
	// Map.Personas; 0 where the persona does not take part or recorded
	// none, which leaves a gap in its line.
	Emotions []float64
	Pains    []Pain
	Actions  []Action
}

// Pain is a pain point.
type Pain struct {
	Severity string // low, medium, high, critical or ""
	Text     string
}

// Action is an improvement action.
type Action struct {
	Title string
	Meta  string // status and priority
}

// Options tune the layout.
type Options struct {
	// MaxWidth is the widest a band of stages may be, in px; 0 is
	// DefaultMaxWidth. A band holds at least one touchpoint.
	MaxWidth float64
}

// DefaultMaxWidth keeps a band readable on a laptop and, printed on A4
// landscape, its smallest text (11 px) at 7 pt or more.
const DefaultMaxWidth = 1200
