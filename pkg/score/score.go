// Package score turns a journey map into the figures a team decides with
// (docs/scoring.md): the experience per touchpoint, stage and map, a
// prioritised improvement backlog, goal progress and the health of the map.
// The formulas are documented in docs/scoring.md and printed by
// `journey explain scoring` (Explain); keep the three in step.
package score

import (
	"maps"
	"math"
	"slices"
	"sort"
	"time"

	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/model"
)

// Options tune a computation.
type Options struct {
	// Persona, when set, scores one persona's view: only its emotions and
	// the actions at touchpoints it meets.
	Persona string
	// Today dates goals; the zero value means time.Now.
	Today time.Time
	// Weights of the priority; the zero value means DefaultWeights.
	Weights Weights
}

// Report is every figure of one map.
type Report struct {
	Journey *model.Journey
	// Path is the file the map was read from; Compute leaves it to the caller.
	Path string
	// Persona is the persona of a one-persona view ("" for everyone);
	// PersonaFound is false when the map does not have that persona.
	Persona      string
	PersonaFound bool
	Today        time.Time
	Weights      Weights

	Experience    float64 // overall, 1..5; valid only when HasExperience
	HasExperience bool
	Stages        []StageScore      // in map order
	Touchpoints   []TouchpointScore // in map order
	Backlog       []BacklogItem     // open actions ranked, highest priority first
	Closed        []*model.Action   // done and dropped, in map order
	Goals         []GoalProgress    // in map order
	Health        int               // 0..100 from findings
	Findings      Counts            // what Health was computed from
}

// StageScore is the experience of one stage.
type StageScore struct {
	Stage      *model.Stage
	Experience float64 // 1..5; valid only when HasData
	HasData    bool
	Lowest     bool
	// Derived is true when the figure is the mean of the stage's
	// touchpoints rather than the stage's own emotion.
	Derived bool
}

// TouchpointScore is the experience at one touchpoint.
type TouchpointScore struct {
	Touchpoint *model.Touchpoint
	Experience float64 // 1..5; valid only when HasData
	HasData    bool
	Lowest     bool
}

// BacklogItem is one open action and its place in the backlog.
type BacklogItem struct {
	Action   *model.Action
	Priority float64 // 0..100, rounded to one decimal
	Rank     int     // 1 for the first
	Factors  Factors // the normalised inputs of Priority
}

// Factors are an action's priority inputs, each normalised to 0..1 where
// 1 is what makes the action more worth doing. The fields are those of
// Weights, one factor a weight.
type Factors struct{ Impact, Ease, Resources, ROI, Confidence, Severity, Reach float64 }

// Get returns the factor of a key of WeightKeys. Factors has the fields
// of Weights, so the one lookup by key serves both.
func (f Factors) Get(key string) float64 { return Weights(f).Get(key) }

// Counts are findings by severity.
type Counts struct{ Errors, Warnings, Infos int }

// Health penalties per finding (docs/scoring.md).
const (
	ErrorPenalty   = 10
	WarningPenalty = 3
	InfoPenalty    = 1
)

// DueSoonDays is how close a due date must be to count as due soon.
const DueSoonDays = 30

// Compute scores one map. findings are the lint (or validate) findings of
// the map, which Health turns into the health score.
func Compute(j *model.Journey, findings []diag.Diagnostic, opts Options) *Report {
	w := opts.Weights
	if w == (Weights{}) {
		w = DefaultWeights()
	}
	today := opts.Today
	if today.IsZero() {
		today = time.Now()
	}
	r := &Report{Journey: j, Persona: opts.Persona, Today: today, Weights: w, Health: Health(findings), Findings: count(findings)}
	pw := personaWeights(j)
	if opts.Persona != "" {
		_, r.PersonaFound = pw[opts.Persona]
	}
	r.experience(pw)
	r.backlog(pw)
	r.goals()
	return r
}

// personaWeights weighs each persona by its share; a persona without one
// counts as much as the average persona with one, and when none has a
// share every persona counts 1.
func personaWeights(j *model.Journey) map[string]float64 {
	all := j.AllPersonas()
	sum, n := 0.0, 0
	for _, p := range all {
		if p.Share != nil {
			sum += *p.Share
			n++
		}
	}
	fill := 1.0
	if n > 0 {
		fill = sum / float64(n)
	}
	out := make(map[string]float64, len(all))
	for _, p := range all {
		if p.Share != nil {
			out[p.ID] = *p.Share
		} else {
			out[p.ID] = fill
		}
	}
	return out
}

// serves reports whether a touchpoint serves a persona, by its persona
// list or by a per-persona emotion.
func serves(t *model.Touchpoint, persona string) bool {
	for _, p := range t.Personas {
		if p == persona {
			return true
		}
	}
	for _, pe := range t.Emotion.PerPersona {
		if pe.Persona == persona {
			return true
		}
	}
	return false
}

// TouchpointExperience is the experience at a touchpoint: for one persona
// its emotion there, otherwise the emotions of the personas the
// touchpoint serves averaged by persona weight. ok is false when no
// emotion applies.
func touchpointExperience(t *model.Touchpoint, persona string, pw map[string]float64) (float64, bool) {
	if persona != "" {
		if !serves(t, persona) {
			return 0, false
		}
		v, ok := t.Emotion.For(persona)
		return float64(v), ok
	}
	ids := append([]string(nil), t.Personas...)
	for _, pe := range t.Emotion.PerPersona {
		if !contains(ids, pe.Persona) {
			ids = append(ids, pe.Persona)
		}
	}
	var vals, ws []float64
	for _, id := range ids {
		if v, ok := t.Emotion.For(id); ok {
			vals = append(vals, float64(v))
			ws = append(ws, pw[id])
		}
	}
	if len(vals) == 0 {
		if t.Emotion.Value != 0 { // a map without personas
			return float64(t.Emotion.Value), true
		}
		return 0, false
	}
	return weightedMean(vals, ws), true
}

// weightedMean falls back to the plain mean when the weights sum to 0
// (every persona involved has share 0), so data is never dropped.
func weightedMean(vals, ws []float64) float64 {
	sum, total := 0.0, 0.0
	for i, v := range vals {
		sum += v * ws[i]
		total += ws[i]
	}
	if total <= 0 {
		return mean(vals)
	}
	return sum / total
}

func mean(vals []float64) float64 {
	s := 0.0
	for _, v := range vals {
		s += v
	}
	return s / float64(len(vals))
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (r *Report) experience(pw map[string]float64) {
	// A persona the map does not have sees none of it, not even the
	// stages' own emotions.
	absent := r.Persona != "" && !r.PersonaFound
	var stageVals []float64
	for _, s := range r.Journey.Stages {
		var tvals []float64
		for _, t := range s.Touchpoints {
			v, ok := touchpointExperience(t, r.Persona, pw)
			r.Touchpoints = append(r.Touchpoints, TouchpointScore{Touchpoint: t, Experience: v, HasData: ok})
			if ok {
				tvals = append(tvals, v)
			}
		}
		ss := StageScore{Stage: s}
		switch {
		case absent:
		case s.Emotion != 0:
			ss.Experience, ss.HasData = float64(s.Emotion), true
		case len(tvals) > 0:
			ss.Experience, ss.HasData, ss.Derived = mean(tvals), true, true
		}
		if ss.HasData {
			stageVals = append(stageVals, ss.Experience)
		}
		r.Stages = append(r.Stages, ss)
	}
	if len(stageVals) > 0 {
		r.Experience, r.HasExperience = mean(stageVals), true
	}
	markLowest(len(r.Stages), func(i int) (float64, bool) { return r.Stages[i].Experience, r.Stages[i].HasData },
		func(i int) { r.Stages[i].Lowest = true })
	markLowest(len(r.Touchpoints), func(i int) (float64, bool) { return r.Touchpoints[i].Experience, r.Touchpoints[i].HasData },
		func(i int) { r.Touchpoints[i].Lowest = true })
}

// markLowest marks the items at the minimum; when every item with data
// has the same value there is no low point to show, so none is marked.
func markLowest(n int, get func(int) (float64, bool), mark func(int)) {
	lo, hi, any := math.Inf(1), math.Inf(-1), false
	for i := 0; i < n; i++ {
		if v, ok := get(i); ok {
			lo, hi, any = math.Min(lo, v), math.Max(hi, v), true
		}
	}
	if !any || hi-lo < eps {
		return
	}
	for i := 0; i < n; i++ {
		if v, ok := get(i); ok && v-lo < eps {
			mark(i)
		}
	}
}

const eps = 1e-9

func (r *Report) backlog(pw map[string]float64) {
	type entry struct {
		item  BacklogItem
		order int
	}
	var open []entry
	total := totalWeight(pw)
	for i, a := range r.Journey.Actions() {
		if !a.Open() {
			r.Closed = append(r.Closed, a)
			continue
		}
		var t *model.Touchpoint
		if a.PainPoint != nil {
			t = a.PainPoint.Touchpoint
		}
		if r.Persona != "" && (t == nil || !serves(t, r.Persona)) {
			continue
		}
		f := ActionFactors(a, reach(t, pw, total))
		open = append(open, entry{BacklogItem{Action: a, Priority: Priority(f, r.Weights), Factors: f}, i})
	}
	// Equal priorities keep map order, so the ranking never depends on
	// anything but the map.
	sort.SliceStable(open, func(x, y int) bool { return open[x].item.Priority > open[y].item.Priority })
	for i, e := range open {
		e.item.Rank = i + 1
		r.Backlog = append(r.Backlog, e.item)
	}
}

// totalWeight sums the persona weights in persona order: floating-point
// sums depend on their order, and a map's order is random, which moved
// priorities across a rounding boundary from one run to the next.
func totalWeight(pw map[string]float64) float64 {
	total := 0.0
	for _, id := range slices.Sorted(maps.Keys(pw)) {
		total += pw[id]
	}
	return total
}

// reach is the share of the map's customers a touchpoint serves, by
// persona weight (total is totalWeight(pw)); 1 in a map without personas.
func reach(t *model.Touchpoint, pw map[string]float64, total float64) float64 {
	if len(pw) == 0 || t == nil {
		return 1
	}
	served := 0.0
	seen := map[string]bool{}
	for _, p := range t.Personas {
		if w, ok := pw[p]; ok && !seen[p] {
			served += w
			seen[p] = true
		}
	}
	if total <= 0 { // every share is 0: count personas instead
		return float64(len(seen)) / float64(len(pw))
	}
	return served / total
}

// ActionFactors normalises an action's inputs to 0..1. A 1..5 factor that
// is not written counts as the middle of its scale (0.5), as does a pain
// point without severity: unknown is neither good nor bad.
func ActionFactors(a *model.Action, reach float64) Factors {
	scale := func(v int, invert bool) float64 {
		if v == 0 {
			return 0.5
		}
		if invert {
			return float64(5-v) / 4
		}
		return float64(v-1) / 4
	}
	sev := 0.5
	if a.PainPoint != nil {
		if i := model.SeverityIndex(a.PainPoint.Severity); i > 0 {
			sev = float64(i-1) / 3
		}
	}
	return Factors{
		Impact:     scale(a.Impact, false),
		Ease:       scale(a.Ease, false),
		Resources:  scale(a.Resources, true),
		ROI:        scale(a.ROI, false),
		Confidence: math.Max(0, math.Min(1, a.Confidence)),
		Severity:   sev,
		Reach:      math.Max(0, math.Min(1, reach)),
	}
}

// Priority is the weighted mean of the factors on 0..100, rounded to one
// decimal so that what is shown is what is ranked.
func Priority(f Factors, w Weights) float64 {
	if w.Sum() <= 0 {
		w = DefaultWeights()
	}
	s := 0.0
	for _, k := range WeightKeys {
		s += w.Get(k) * f.Get(k)
	}
	return math.Round(1000*s/w.Sum()) / 10
}

// Health is 100 less ErrorPenalty per error, WarningPenalty per warning
// and InfoPenalty per info, never below 0; a map that could not be read
// scores 0.
func Health(findings []diag.Diagnostic) int {
	if diag.AnyFatal(findings) {
		return 0
	}
	c := count(findings)
	return max(0, 100-ErrorPenalty*c.Errors-WarningPenalty*c.Warnings-InfoPenalty*c.Infos)
}

func count(findings []diag.Diagnostic) Counts {
	var c Counts
	for _, d := range findings {
		switch d.Severity {
		case diag.Error:
			c.Errors++
		case diag.Warning:
			c.Warnings++
		case diag.Info:
			c.Infos++
		}
	}
	return c
}
