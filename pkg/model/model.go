// Package model holds the in-memory form of journey maps and persona
// libraries. Every element remembers where it came from so that any
// command can point at the exact line and column of what it reports.
package model

import "time"

// Pos is a position in a source file. Line and Col are 1-based; Col counts
// Unicode code points, as yaml.v3 does.
type Pos struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Col  int    `json:"column"`
}

// IsZero reports whether the position is unset.
func (p Pos) IsZero() bool { return p.Line == 0 }

// Meta is what every element of a map carries besides its own fields.
type Meta struct {
	// Pos is where the element starts (the mapping node).
	Pos Pos `json:"-"`
	// Keys is where the keys written in the source are, and the entries
	// of list fields, so a finding about one can point at it. Empty when
	// the element is not a mapping.
	Keys Keys `json:"-"`
	// Ext holds the `x-` extension keys, kept verbatim and ignored by rules.
	Ext map[string]any `json:"-"`
}

// ItemAt returns the position of entry i of a list field of plain values
// (personas, metrics, next...), or of the field when there is no such
// entry.
func (m Meta) ItemAt(field string, i int) Pos {
	if at, ok := m.Keys.entry(field, i); ok {
		return m.pos(at)
	}
	return m.At(field)
}

// At returns the position of the named field, or of the element itself
// when the field is absent.
func (m Meta) At(field string) Pos {
	if at, ok := m.Keys.key(field); ok {
		return m.pos(at)
	}
	return m.Pos
}

// Has reports whether the field was written in the source.
func (m Meta) Has(field string) bool {
	_, ok := m.Keys.key(field)
	return ok
}

// Written reports whether the element has any key in the source.
func (m Meta) Written() bool { return m.Keys.written() }

func (m Meta) pos(at mark) Pos {
	return Pos{File: m.Pos.File, Line: int(at.line), Col: int(at.col)}
}

// Kinds of file.
const (
	KindJourney  = "Journey"
	KindPersonas = "Personas"
)

// Journey is one journey map with its includes resolved.
type Journey struct {
	Meta
	Kind            string
	Version         int
	ID              string
	Title           string
	Description     string
	Owner           string
	LastReviewed    time.Time // zero when absent
	ReviewEveryDays int       // default 90
	BrandValues     []string
	Tags            []string
	Include         []Include
	Goals           []*Goal
	Metrics         []*Metric
	Personas        []*Persona // the map's own personas
	Stages          []*Stage

	// Included holds the persona libraries named by Include, resolved
	// recursively, in the order they were first reached.
	Included []*PersonaLibrary
}

// PersonaLibrary is a `kind: Personas` file.
type PersonaLibrary struct {
	Meta
	Kind        string
	Version     int
	ID          string
	Title       string
	Description string
	Owner       string
	Tags        []string
	Include     []Include
	Personas    []*Persona
	Included    []*PersonaLibrary
}

// Include is one entry of `include`.
type Include struct {
	Path string // as written
	Pos  Pos
}

// Goal is a measurable goal of the map.
type Goal struct {
	Meta
	ID          string
	Title       string
	Description string
	Metric      string
	Baseline    *float64
	Target      *float64
	Due         time.Time
}

// Metric is something the team measures.
type Metric struct {
	Meta
	ID           string
	Name         string
	Description  string
	Kind         string
	Unit         string
	Direction    string // higher-is-better (default) | lower-is-better
	Baseline     *float64
	BaselineDate time.Time
	Current      *float64
	CurrentDate  time.Time
	Target       *float64
	Source       string
}

// LowerIsBetter reports whether the metric improves as it falls.
func (m *Metric) LowerIsBetter() bool { return m.Direction == "lower-is-better" }

// Persona is a customer archetype.
type Persona struct {
	Meta
	ID           string
	Name         string
	Share        *float64
	Demographics string
	Goals        []string
	PainPoints   []string
	Behaviors    []string
	Preferences  []string

	// From is the persona library the persona was included from, or nil
	// when it is the map's own.
	From *PersonaLibrary
}

// Stage is one step of the lifecycle.
type Stage struct {
	Meta
	ID          string
	Name        string
	Phase       string
	Description string
	Emotion     int // 0 when absent
	Touchpoints []*Touchpoint
}

// Touchpoint is a moment where the customer meets the business.
type Touchpoint struct {
	Meta
	ID          string
	Name        string
	Description string
	Channel     string
	Type        string // digital | physical, defaulted from Channel
	Owner       string
	// Personas the touchpoint serves. When the source names none, it holds
	// every persona of the map and PersonasExplicit is false.
	Personas         []string
	PersonasExplicit bool
	Doing            string
	Thinking         string
	Feeling          string
	Backstage        string
	Emotion          Emotion
	Metrics          []string
	Next             []string
	URL              string
	PainPoints       []*PainPoint

	Stage *Stage // the stage that holds it
}

// Emotion is either one value for everyone or a value per persona, on the
// 1..5 scale. The zero value means "not recorded".
type Emotion struct {
	Value      int              // 1..5, 0 when per persona or absent
	PerPersona []PersonaEmotion // in source order
}

// PersonaEmotion is one persona's emotion at a touchpoint.
type PersonaEmotion struct {
	Persona string
	Value   int
	Pos     Pos
}

// IsSet reports whether any emotion was recorded.
func (e Emotion) IsSet() bool { return e.Value != 0 || len(e.PerPersona) > 0 }

// For returns the emotion of one persona (the shared value when there is
// no per-persona one) and whether there is one.
func (e Emotion) For(persona string) (int, bool) {
	for _, pe := range e.PerPersona {
		if pe.Persona == persona {
			return pe.Value, true
		}
	}
	if e.Value != 0 {
		return e.Value, true
	}
	return 0, false
}

// PainPoint is a problem the customer meets at a touchpoint.
type PainPoint struct {
	Meta
	ID          string
	Description string
	Severity    string // low | medium | high | critical; empty when absent
	Evidence    []*Evidence
	Actions     []*Action

	Touchpoint *Touchpoint
}

// Evidence is data that backs a pain point.
type Evidence struct {
	Meta
	Source  string
	Summary string
	Date    time.Time
	Link    string
}

// Action is an improvement action.
type Action struct {
	Meta
	ID          string
	Title       string
	Description string
	Status      string // idea (default) | planned | in-progress | done | dropped
	Owner       string
	Due         time.Time
	Impact      int // 1..5, 0 when absent
	Ease        int
	Resources   int
	ROI         int
	Confidence  float64 // default 1
	Metrics     []string

	PainPoint *PainPoint
}

// Open reports whether the action is still to be done.
func (a *Action) Open() bool {
	switch a.Status {
	case "done", "dropped":
		return false
	}
	return true
}
