package loader

import (
	"fmt"
	"math"
	"strings"
	"sync"

	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/model"
)

// checks holds the findings of the semantic checks of one file: what the
// schema cannot see, such as duplicate ids and ids that name nothing.
type checks struct {
	out []diag.Diagnostic
	// sets are the id sets ids has handed out; they outlive the file, so
	// a worker grows their tables once rather than for every map.
	sets []*ids
	used int
}

var checksPool = sync.Pool{New: func() any { return new(checks) }}

// newChecks returns empty checks, with the id sets of an earlier file.
func newChecks() *checks { return checksPool.Get().(*checks) }

// done returns the findings and gives the sets back emptied, so no set
// keeps a finished map alive.
func (c *checks) done() []diag.Diagnostic {
	out := c.out
	for _, s := range c.sets[:c.used] {
		clear(s.seen)
	}
	c.out, c.used = nil, 0
	checksPool.Put(c)
	return out
}

func (c *checks) add(p model.Pos, rule, format string, args ...any) {
	c.out = append(c.out, diag.Diagnostic{Pos: p, Severity: diag.Error, Rule: rule, Message: fmt.Sprintf(format, args...)})
}

// ids tracks the ids of one kind of item to find duplicates.
type ids struct {
	c    *checks
	kind string
	seen map[string]*model.Meta
}

// ids starts a set of ids of kind, with room for size of them when the
// count is at hand.
func (c *checks) ids(kind string, size int) *ids {
	if c.used < len(c.sets) {
		s := c.sets[c.used]
		c.used++
		s.kind = kind
		return s
	}
	s := &ids{c: c, kind: kind, seen: make(map[string]*model.Meta, size)}
	c.sets = append(c.sets, s)
	c.used++
	return s
}

func (s *ids) add(id string, m *model.Meta, name string) {
	if first, dup := s.seen[id]; dup {
		from := ""
		if !m.Has("id") {
			from = fmt.Sprintf(" (made from its %s; give it an id)", name)
		}
		where := fmt.Sprintf("line %d", first.Pos.Line)
		if first.Pos.File != m.Pos.File {
			where = fmt.Sprintf("%s:%d", first.Pos.File, first.Pos.Line)
		}
		s.c.add(m.At("id"), diag.RuleDuplicateID, "duplicate %s id %q%s: already used at %s", s.kind, id, from, where)
		return
	}
	s.seen[id] = m
}

func (s *ids) has(id string) bool { _, ok := s.seen[id]; return ok }

func (s *ids) list() []string {
	out := make([]string, 0, len(s.seen))
	for id := range s.seen {
		out = append(out, id)
	}
	return out
}

// origin names the item a reference is written in, spelled out only
// when the reference names nothing.
type origin struct {
	kind, id, field string
}

func (o origin) String() string { return fmt.Sprintf("%s %q%s", o.kind, o.id, o.field) }

// ref reports an id that names no item of the kind, at the position at
// returns: worked out only then, as nearly every reference names one.
func (s *ids) ref(id string, at func() model.Pos, from origin) {
	if id == "" || s.has(id) {
		return
	}
	msg := fmt.Sprintf("%s names %s %q, which does not exist", from, s.kind, id)
	if sug := diag.Suggest(id, s.list()); sug != "" {
		msg += fmt.Sprintf(": did you mean %q?", sug)
	} else if len(s.seen) == 0 {
		msg += fmt.Sprintf(" (the map has no %ss)", s.kind)
	}
	s.c.add(at(), diag.RuleReference, "%s", msg)
}

func checkJourney(j *model.Journey) []diag.Diagnostic {
	c := newChecks()
	// Included personas first, so a clash is reported at the map's own.
	all := j.AllPersonas()
	personas := c.ids("persona", len(all))
	for _, p := range append(all[len(j.Personas):len(all):len(all)], j.Personas...) {
		personas.add(p.ID, &p.Meta, "name")
	}
	metrics := c.ids("metric", len(j.Metrics))
	for _, m := range j.Metrics {
		metrics.add(m.ID, &m.Meta, "name")
	}
	goals := c.ids("goal", len(j.Goals))
	for _, g := range j.Goals {
		goals.add(g.ID, &g.Meta, "title")
		metrics.ref(g.Metric, func() model.Pos { return g.At("metric") }, origin{"goal", g.ID, ""})
	}
	stages, touchpoints, painPoints, actions := c.ids("stage", len(j.Stages)), c.ids("touchpoint", 0), c.ids("pain point", 0), c.ids("action", 0)
	for _, s := range j.Stages {
		stages.add(s.ID, &s.Meta, "name")
		for _, t := range s.Touchpoints {
			touchpoints.add(t.ID, &t.Meta, "name")
			for _, p := range t.PainPoints {
				painPoints.add(p.ID, &p.Meta, "description")
				for _, a := range p.Actions {
					actions.add(a.ID, &a.Meta, "title")
				}
			}
		}
	}
	c.shares(all)
	// References, now that every id is known.
	everyone := make([]string, 0, len(all))
	for _, p := range all {
		everyone = append(everyone, p.ID)
	}
	for _, s := range j.Stages {
		for _, t := range s.Touchpoints {
			from := origin{"touchpoint", t.ID, ""}
			for i, id := range t.Personas {
				personas.ref(id, func() model.Pos { return t.ItemAt("personas", i) }, from)
			}
			if !t.PersonasExplicit {
				t.Personas = everyone // default: every persona
			}
			for _, pe := range t.Emotion.PerPersona {
				personas.ref(pe.Persona, func() model.Pos { return pe.Pos }, origin{"touchpoint", t.ID, " emotion"})
			}
			for i, id := range t.Metrics {
				metrics.ref(id, func() model.Pos { return t.ItemAt("metrics", i) }, from)
			}
			for i, id := range t.Next {
				touchpoints.ref(id, func() model.Pos { return t.ItemAt("next", i) }, origin{"touchpoint", t.ID, " next"})
			}
			for _, p := range t.PainPoints {
				for _, a := range p.Actions {
					for i, id := range a.Metrics {
						metrics.ref(id, func() model.Pos { return a.ItemAt("metrics", i) }, origin{"action", a.ID, ""})
					}
				}
			}
		}
	}
	return c.done()
}

func checkLibrary(l *model.PersonaLibrary) []diag.Diagnostic {
	c := newChecks()
	personas := c.ids("persona", len(l.Personas))
	all := append([]*model.Persona(nil), l.Personas...)
	for _, lib := range model.Libraries(l.Included) {
		all = append(all, lib.Personas...)
	}
	for _, p := range all {
		personas.add(p.ID, &p.Meta, "name")
	}
	c.shares(all)
	return c.done()
}

// shares reports persona shares (fractions of the customers) that add up
// to more than 1, at the share that passes it: the report would print
// them as shares of customers, and the weighted figures would be wrong.
func (c *checks) shares(personas []*model.Persona) {
	const slack = 1e-9 // 0.1 + 0.2 + 0.7 is 1 to the reader
	total := 0.0
	var named []string
	for _, p := range personas {
		if p.Share == nil {
			continue
		}
		if *p.Share < 0 || *p.Share > 1 {
			return // the schema reports a share out of range
		}
		total += *p.Share
		named = append(named, fmt.Sprintf("%s %g", p.ID, *p.Share))
		if total > 1+slack {
			c.add(p.At("share"), diag.RuleShareTotal,
				"persona shares add up to %g, more than all customers (1): %s; a share is the fraction of customers the persona stands for",
				math.Round(total*1000)/1000, strings.Join(named, " + "))
			return
		}
	}
}
