// Package lint checks journey maps against the practice of customer
// journey mapping: the rules of docs/rules.md.
//
// Each rule lives in its own file (rule_<id>.go) and is listed once in
// registry.go with its id, default severity, options and documentation.
// Lint walks a map once and hands every element to the rules that are on
// for the file; the findings then go through inline suppressions
// (# journey:ignore rule-id -- reason).
package lint

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/journey-maps/journey/pkg/config"
	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/loader"
	"github.com/journey-maps/journey/pkg/model"
)

// Options tune one lint run.
type Options struct {
	// Today is the date dates are judged on (review-overdue,
	// evidence-stale); zero means the current date.
	Today time.Time
}

// Option is a setting of a rule, configured in .journeylint.yaml as
// `rule-id: {option: value}`.
type Option struct {
	Name    string
	Type    string // "days": a whole number of days
	Default int
	Min     int
	Doc     string
}

// Rule is one lint rule with its documentation.
type Rule struct {
	ID       string
	Severity diag.Severity // default severity
	Options  []Option
	// Summary is one line: what the rule finds.
	Summary string
	// Why it matters for a journey map.
	Why string
	// Fix says how to make the finding go away.
	Fix string
	// Bad is a map the rule reports; Good one it does not. Both are
	// checked by the tests, so the documentation cannot drift.
	Bad, Good string

	visit visitor
}

// visitor holds a rule's checks, one per kind of element; Lint calls
// those that are set as it walks the map.
type visitor struct {
	journey    func(c *Check, j *model.Journey)
	goal       func(c *Check, g *model.Goal)
	metric     func(c *Check, m *model.Metric)
	persona    func(c *Check, p *model.Persona)
	stage      func(c *Check, s *model.Stage)
	touchpoint func(c *Check, t *model.Touchpoint)
	painPoint  func(c *Check, p *model.PainPoint)
	evidence   func(c *Check, p *model.PainPoint, i int) // p.Evidence[i]
	action     func(c *Check, a *model.Action)
	// done runs after the walk, when Refs is complete.
	done func(c *Check)
}

// Check is a rule at work on one file: where it reports its findings.
type Check struct {
	rule *Rule
	eff  config.Effective
	run  *run
	// state is the rule's own memory for the file (stage-order keeps the
	// furthest phase seen).
	state any
}

// run is one file being linted.
type run struct {
	path    string
	today   time.Time
	journey *model.Journey
	refs    Refs
	diags   []diag.Diagnostic
}

// Refs are the references the map makes, gathered during the walk.
type Refs struct {
	personas idSet // named in a touchpoint's personas list or per-persona emotion
	metrics  idSet // named by goals, touchpoints and actions
	// NamedPersonas is set when some touchpoint lists its personas.
	NamedPersonas bool
}

// Persona reports whether a touchpoint names the persona, in its
// personas list or its per-persona emotion.
func (r *Refs) Persona(id string) bool { return r.personas.has(id) }

// Metric reports whether a goal, a touchpoint or an action names the
// metric.
func (r *Refs) Metric(id string) bool { return r.metrics.has(id) }

// idSet is a set of ids: a short list while it is short, as a map names a
// handful of personas and metrics (hashing each reference into a map was
// a fifth of the rules' time), and a map once it grows past fewIDs.
type idSet struct {
	few  []string
	many map[string]bool
}

const fewIDs = 32

func (s *idSet) add(id string) {
	switch {
	case s.has(id):
	case s.many != nil:
		s.many[id] = true
	case len(s.few) < fewIDs:
		s.few = append(s.few, id)
	default:
		s.many = make(map[string]bool, 2*fewIDs)
		for _, x := range s.few {
			s.many[x] = true
		}
		s.many[id] = true
		s.few = nil
	}
}

func (s *idSet) has(id string) bool {
	if s.many != nil {
		return s.many[id]
	}
	return slices.Contains(s.few, id)
}

// Report adds a finding of the rule at pos about item.
func (c *Check) Report(pos model.Pos, item, format string, args ...any) {
	if pos.File == "" {
		pos.File = c.run.path
	}
	c.run.diags = append(c.run.diags, diag.Diagnostic{
		Pos: pos, Severity: c.eff.Severity, Rule: c.rule.ID, Message: fmt.Sprintf(format, args...), Item: item,
	})
}

// Today is the date the run judges dates on.
func (c *Check) Today() time.Time { return c.run.today }

// daysSince counts whole days from a date to Today.
func (c *Check) daysSince(t time.Time) int { return int(c.run.today.Sub(t) / (24 * time.Hour)) }

// Int returns an option's value in force.
func (c *Check) Int(name string) int { return c.eff.Int(name) }

// Journey is the map being linted; nil for a persona library.
func (c *Check) Journey() *model.Journey { return c.run.journey }

// Refs are the map's references; complete in done.
func (c *Check) Refs() *Refs { return &c.run.refs }

// Lint checks a loaded file: its format findings, and when it has no
// format errors, the rules in force for it by the configuration (nil
// means the default one). Findings are sorted and suppressions applied.
func Lint(f *loader.File, cfg *config.Config, opts Options) []diag.Diagnostic {
	out := append([]diag.Diagnostic(nil), f.Diags...)
	if !f.Valid() || (f.Journey == nil && f.Personas == nil) {
		diag.Sort(out)
		return out
	}
	today := opts.Today
	if today.IsZero() {
		today = time.Now()
	}
	r := &run{path: f.Path, today: dateOnly(today), journey: f.Journey}
	fc := cfg.For(f.Path) // nil: the default configuration
	var checks []*Check
	specs := ruleSpecs()
	for i, rule := range registry {
		eff := fc.Rule(specs[i])
		if eff.On() {
			checks = append(checks, &Check{rule: rule, eff: eff, run: r})
		}
	}
	if f.Journey != nil {
		walkJourney(f.Journey, checks, &r.refs)
	} else {
		walkLibrary(f.Personas, checks)
	}
	for _, c := range checks {
		if c.rule.visit.done != nil {
			c.rule.visit.done(c)
		}
	}
	found := suppress(f, r.diags, fc.Rule(specOf(UnusedIgnore)))
	out = append(out, found...)
	diag.Sort(out)
	return diag.Dedup(out)
}

func dateOnly(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// walkJourney visits every element of a map once, in source order,
// gathering the references the map makes as it goes.
func walkJourney(j *model.Journey, checks []*Check, refs *Refs) {
	visit(checks, func(v *visitor) func(*Check, *model.Journey) { return v.journey }, j)
	for _, g := range j.Goals {
		if g.Metric != "" {
			refs.metrics.add(g.Metric)
		}
		visit(checks, func(v *visitor) func(*Check, *model.Goal) { return v.goal }, g)
	}
	for _, m := range j.Metrics {
		visit(checks, func(v *visitor) func(*Check, *model.Metric) { return v.metric }, m)
	}
	for _, p := range j.Personas {
		visit(checks, func(v *visitor) func(*Check, *model.Persona) { return v.persona }, p)
	}
	for _, s := range j.Stages {
		visit(checks, func(v *visitor) func(*Check, *model.Stage) { return v.stage }, s)
		for _, t := range s.Touchpoints {
			walkTouchpoint(t, checks, refs)
		}
	}
}

// walkTouchpoint visits a touchpoint, its pain points, their evidence and
// their actions.
func walkTouchpoint(t *model.Touchpoint, checks []*Check, refs *Refs) {
	if t.PersonasExplicit {
		refs.NamedPersonas = true
		for _, id := range t.Personas {
			refs.personas.add(id)
		}
	}
	for _, pe := range t.Emotion.PerPersona {
		refs.personas.add(pe.Persona)
	}
	for _, id := range t.Metrics {
		refs.metrics.add(id)
	}
	visit(checks, func(v *visitor) func(*Check, *model.Touchpoint) { return v.touchpoint }, t)
	for _, p := range t.PainPoints {
		visit(checks, func(v *visitor) func(*Check, *model.PainPoint) { return v.painPoint }, p)
		for i := range p.Evidence {
			for _, c := range checks {
				if v := c.rule.visit.evidence; v != nil {
					v(c, p, i)
				}
			}
		}
		for _, a := range p.Actions {
			for _, id := range a.Metrics {
				refs.metrics.add(id)
			}
			visit(checks, func(v *visitor) func(*Check, *model.Action) { return v.action }, a)
		}
	}
}

// visit hands an element to the checks whose rule visits its kind (of
// picks that kind's visitor).
func visit[T any](checks []*Check, of func(*visitor) func(*Check, T), x T) {
	for _, c := range checks {
		if v := of(&c.rule.visit); v != nil {
			v(c, x)
		}
	}
}

// walkLibrary visits a persona library: its own personas only (the
// libraries it includes are linted when they are named themselves).
func walkLibrary(l *model.PersonaLibrary, checks []*Check) {
	for _, p := range l.Personas {
		for _, c := range checks {
			if v := c.rule.visit.persona; v != nil {
				v(c, p)
			}
		}
	}
}

// Item paths name what a finding is about by kind and id (ids are unique
// per kind within a map), so findings match across versions of a file
// where lines move, and a touchpoint moved to another stage keeps its
// findings. Map-level findings use "journey".
const itemJourney = "journey"

func itemGoal(g *model.Goal) string             { return "goal:" + g.ID }
func itemMetric(m *model.Metric) string         { return "metric:" + m.ID }
func itemPersona(p *model.Persona) string       { return "persona:" + p.ID }
func itemStage(s *model.Stage) string           { return "stage:" + s.ID }
func itemTouchpoint(t *model.Touchpoint) string { return "touchpoint:" + t.ID }
func itemPainPoint(p *model.PainPoint) string   { return "pain-point:" + p.ID }
func itemAction(a *model.Action) string         { return "action:" + a.ID }

// itemEvidence names evidence i of a pain point by the pain point and the
// source (the n-th evidence of that source), which survives evidence of
// other sources added before it. It is worked out only for a finding.
func itemEvidence(p *model.PainPoint, i int) string {
	source, n := p.Evidence[i].Source, 0
	for _, e := range p.Evidence[:i+1] {
		if e.Source == source {
			n++
		}
	}
	s := fmt.Sprintf("%s/evidence:%s", itemPainPoint(p), source)
	if n > 1 {
		s += fmt.Sprintf("#%d", n)
	}
	return s
}

// orList joins the fields a finding says are missing: "a, b or c".
func orList(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}
