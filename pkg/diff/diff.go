// Package diff compares two versions of a journey map item by item
// (docs/diff.md). Items are matched by id within their kind, so a touchpoint
// that changes stage is a move, not a removal and an addition. The format
// of its results is documented in docs/diff.md.
package diff

import (
	"reflect"
	"sort"

	"github.com/journey-maps/journey/pkg/model"
)

// Kinds of item, as they appear in Change.Kind.
const (
	KindMap        = "map"
	KindPersona    = "persona"
	KindGoal       = "goal"
	KindMetric     = "metric"
	KindStage      = "stage"
	KindTouchpoint = "touchpoint"
	KindPainPoint  = "pain-point"
	KindEvidence   = "evidence"
	KindAction     = "action"
)

// Ops of a change.
const (
	Added   = "added"
	Removed = "removed"
	Moved   = "moved" // possibly with changed fields as well
	Changed = "changed"
)

// Change is one item that differs between the two versions.
type Change struct {
	Kind string `json:"kind"`
	// ID of the item; evidence has none and is named by Name.
	ID   string `json:"id,omitempty"`
	Name string `json:"name,omitempty"` // name, title or description, for people
	Op   string `json:"change"`
	// Stage is the id of the stage that holds the item: in the new version,
	// or in the old one for a removed item. Empty for map-level items.
	Stage string `json:"stage,omitempty"`
	// Parent is the id of the item that holds this one: the touchpoint of a
	// pain point, the pain point of evidence or an action.
	Parent string `json:"parent,omitempty"`
	// Move says where a moved item was and is.
	Move *Move `json:"moved,omitempty"`
	// Fields are the fields whose values differ, in schema order.
	Fields []Field `json:"fields,omitempty"`
}

// Move is where an item was and where it is: its parent (the stage of a
// touchpoint, the touchpoint of a pain point, the pain point of an action)
// and its 1-based position among its siblings (stages and touchpoints).
type Move struct {
	FromParent   string `json:"from_parent,omitempty"`
	ToParent     string `json:"to_parent,omitempty"`
	FromPosition int    `json:"from_position,omitempty"`
	ToPosition   int    `json:"to_position,omitempty"`
}

// Field is one field whose value differs. Old or New is nil when the field
// is absent from that version. Values are strings, numbers, string lists
// or, for a per-persona emotion and x- extensions, maps.
type Field struct {
	Name string `json:"field"`
	Old  any    `json:"old"`
	New  any    `json:"new"`
}

// Compare lists the items that differ between two versions of a map. A nil
// version stands for a file that does not exist: every item of the other
// is added or removed. Unchanged items are not listed.
func Compare(old, new *model.Journey) []Change {
	c := &comparer{}
	if old == nil {
		old = &model.Journey{}
	}
	if new == nil {
		new = &model.Journey{}
	}
	c.mapFields(old, new)
	c.personas(old.AllPersonas(), new.AllPersonas())
	c.goals(old.Goals, new.Goals)
	c.metrics(old.Metrics, new.Metrics)
	c.stages(old, new)
	return c.out
}

type comparer struct{ out []Change }

func (c *comparer) add(ch Change) { c.out = append(c.out, ch) }

// pair reports an item present in both versions as changed when any field
// differs, and returns whether it did.
func (c *comparer) pair(base Change, old, new []value) {
	base.Fields = fieldChanges(old, new)
	switch {
	case base.Move != nil:
		base.Op = Moved
	case len(base.Fields) > 0:
		base.Op = Changed
	default:
		return
	}
	c.add(base)
}

// value is one field of an item, normalised so that an absent field is nil
// and equal data compares equal.
type value struct {
	name string
	v    any
}

func fieldChanges(old, new []value) []Field {
	var out []Field
	// Known fields come in the same order on both sides; extension keys
	// may differ and are merged by name.
	oldByName := map[string]any{}
	for _, v := range old {
		oldByName[v.name] = v.v
	}
	seen := map[string]bool{}
	for _, v := range new {
		seen[v.name] = true
		if o := oldByName[v.name]; !reflect.DeepEqual(o, v.v) {
			out = append(out, Field{Name: v.name, Old: o, New: v.v})
		}
	}
	for _, v := range old {
		if !seen[v.name] && v.v != nil {
			out = append(out, Field{Name: v.name, Old: v.v, New: nil})
		}
	}
	return out
}

func (c *comparer) mapFields(old, new *model.Journey) {
	if !old.Written() && !new.Written() && old.Kind == "" && new.Kind == "" {
		return
	}
	id := new.ID
	if id == "" {
		id = old.ID
	}
	name := new.Title
	if name == "" {
		name = old.Title
	}
	ch := Change{Kind: KindMap, ID: id, Name: name}
	// A file that is added or removed as a whole is reported by its items.
	if old.Kind == "" || new.Kind == "" {
		return
	}
	c.pair(ch, journeyValues(old), journeyValues(new))
}

// matchList reports the additions, removals and changes of a flat list of
// items with ids (personas, goals, metrics).
func matchList[T any](c *comparer, kind string, old, new []T, id func(T) string, name func(T) string, values func(T) []value) {
	oldByID := map[string]T{}
	for _, o := range old {
		if _, dup := oldByID[id(o)]; !dup {
			oldByID[id(o)] = o
		}
	}
	newIDs := map[string]bool{}
	for _, n := range new {
		if newIDs[id(n)] {
			continue // a duplicate id is a format error; compare the first
		}
		newIDs[id(n)] = true
		o, ok := oldByID[id(n)]
		if !ok {
			c.add(Change{Kind: kind, ID: id(n), Name: name(n), Op: Added})
			continue
		}
		c.pair(Change{Kind: kind, ID: id(n), Name: name(n)}, values(o), values(n))
	}
	removed := map[string]bool{}
	for _, o := range old {
		if !newIDs[id(o)] && !removed[id(o)] {
			removed[id(o)] = true
			c.add(Change{Kind: kind, ID: id(o), Name: name(o), Op: Removed})
		}
	}
}

func (c *comparer) personas(old, new []*model.Persona) {
	matchList(c, KindPersona, old, new, func(p *model.Persona) string { return p.ID },
		func(p *model.Persona) string { return p.Name }, personaValues)
}

func (c *comparer) goals(old, new []*model.Goal) {
	matchList(c, KindGoal, old, new, func(g *model.Goal) string { return g.ID },
		func(g *model.Goal) string { return g.Title }, goalValues)
}

func (c *comparer) metrics(old, new []*model.Metric) {
	matchList(c, KindMetric, old, new, func(m *model.Metric) string { return m.ID },
		func(m *model.Metric) string { return m.Name }, metricValues)
}

// index of the items of one version of a map, by id.
type index struct {
	stages      map[string]*model.Stage
	stagePos    map[string]int
	touchpoints map[string]*model.Touchpoint
	tpPos       map[string]int // position within its stage, 1-based
	painPoints  map[string]*model.PainPoint
	actions     map[string]*model.Action
}

func indexOf(j *model.Journey) *index {
	ix := &index{
		stages: map[string]*model.Stage{}, stagePos: map[string]int{},
		touchpoints: map[string]*model.Touchpoint{}, tpPos: map[string]int{},
		painPoints: map[string]*model.PainPoint{}, actions: map[string]*model.Action{},
	}
	for i, s := range j.Stages {
		if _, dup := ix.stages[s.ID]; dup {
			continue
		}
		ix.stages[s.ID], ix.stagePos[s.ID] = s, i+1
		for k, t := range s.Touchpoints {
			if _, dup := ix.touchpoints[t.ID]; dup {
				continue
			}
			ix.touchpoints[t.ID], ix.tpPos[t.ID] = t, k+1
			for _, p := range t.PainPoints {
				if _, dup := ix.painPoints[p.ID]; dup {
					continue
				}
				ix.painPoints[p.ID] = p
				for _, a := range p.Actions {
					if _, dup := ix.actions[a.ID]; !dup {
						ix.actions[a.ID] = a
					}
				}
			}
		}
	}
	return ix
}

// stages walks the new map in order, reporting each stage and what it
// holds, then the items removed from it; stages that are gone come last.
func (c *comparer) stages(old, new *model.Journey) {
	oi, ni := indexOf(old), indexOf(new)
	stageMoved := movedByOrder(ids(old.Stages, func(s *model.Stage) string { return s.ID }),
		ids(new.Stages, func(s *model.Stage) string { return s.ID }))
	// Touchpoints that stay in their stage but change place among those
	// that also stay.
	tpMoved := map[string]bool{}
	for _, s := range new.Stages {
		os := oi.stages[s.ID]
		if os == nil || ni.stages[s.ID] != s {
			continue
		}
		stay := func(list []*model.Touchpoint, stage string, ix *index) []string {
			var out []string
			for _, t := range list {
				if ix.touchpoints[t.ID] == t && oi.touchpoints[t.ID] != nil && ni.touchpoints[t.ID] != nil &&
					oi.touchpoints[t.ID].Stage != nil && oi.touchpoints[t.ID].Stage.ID == stage &&
					ni.touchpoints[t.ID].Stage != nil && ni.touchpoints[t.ID].Stage.ID == stage {
					out = append(out, t.ID)
				}
			}
			return out
		}
		for id := range movedByOrder(stay(os.Touchpoints, s.ID, oi), stay(s.Touchpoints, s.ID, ni)) {
			tpMoved[id] = true
		}
	}

	done := map[string]bool{}
	for _, s := range new.Stages {
		if done[s.ID] {
			continue
		}
		done[s.ID] = true
		base := Change{Kind: KindStage, ID: s.ID, Name: s.Name, Stage: s.ID}
		os := oi.stages[s.ID]
		if os == nil {
			base.Op = Added
			c.add(base)
		} else {
			if stageMoved[s.ID] {
				base.Move = &Move{FromPosition: oi.stagePos[s.ID], ToPosition: ni.stagePos[s.ID]}
			}
			c.pair(base, stageValues(os), stageValues(s))
		}
		for _, t := range s.Touchpoints {
			if ni.touchpoints[t.ID] != t {
				continue
			}
			c.touchpoint(oi, ni, s, t, tpMoved[t.ID])
		}
		if os != nil {
			c.removedUnder(os, oi, ni)
		}
	}
	for _, s := range old.Stages {
		if ni.stages[s.ID] == nil && oi.stages[s.ID] == s {
			c.add(Change{Kind: KindStage, ID: s.ID, Name: s.Name, Op: Removed, Stage: s.ID})
			c.removedUnder(s, oi, ni)
		}
	}
}

func (c *comparer) touchpoint(oi, ni *index, s *model.Stage, t *model.Touchpoint, reordered bool) {
	base := Change{Kind: KindTouchpoint, ID: t.ID, Name: t.Name, Stage: s.ID, Parent: s.ID}
	ot := oi.touchpoints[t.ID]
	if ot == nil {
		base.Op = Added
		c.add(base)
	} else {
		from := s.ID
		if ot.Stage != nil {
			from = ot.Stage.ID
		}
		if from != s.ID || reordered {
			base.Move = &Move{FromParent: from, ToParent: s.ID, FromPosition: oi.tpPos[t.ID], ToPosition: ni.tpPos[t.ID]}
		}
		c.pair(base, touchpointValues(ot), touchpointValues(t))
	}
	for _, p := range t.PainPoints {
		if ni.painPoints[p.ID] != p {
			continue
		}
		c.painPoint(oi, ni, s, t, p)
	}
	if ot != nil {
		// Pain points that left this touchpoint and are nowhere now.
		for _, op := range ot.PainPoints {
			if ni.painPoints[op.ID] == nil && oi.painPoints[op.ID] == op {
				c.removedPainPoint(s.ID, t.ID, op, ni)
			}
		}
	}
}

func (c *comparer) painPoint(oi, ni *index, s *model.Stage, t *model.Touchpoint, p *model.PainPoint) {
	base := Change{Kind: KindPainPoint, ID: p.ID, Name: p.Description, Stage: s.ID, Parent: t.ID}
	op := oi.painPoints[p.ID]
	if op == nil {
		base.Op = Added
		c.add(base)
	} else {
		if op.Touchpoint != nil && op.Touchpoint.ID != t.ID {
			base.Move = &Move{FromParent: op.Touchpoint.ID, ToParent: t.ID}
		}
		c.pair(base, painPointValues(op), painPointValues(p))
	}
	var oldEvidence []*model.Evidence
	if op != nil {
		oldEvidence = op.Evidence
	}
	c.evidence(s.ID, p.ID, oldEvidence, p.Evidence)
	for _, a := range p.Actions {
		if ni.actions[a.ID] != a {
			continue
		}
		base := Change{Kind: KindAction, ID: a.ID, Name: a.Title, Stage: s.ID, Parent: p.ID}
		oa := oi.actions[a.ID]
		if oa == nil {
			base.Op = Added
			c.add(base)
			continue
		}
		if oa.PainPoint != nil && oa.PainPoint.ID != p.ID {
			base.Move = &Move{FromParent: oa.PainPoint.ID, ToParent: p.ID}
		}
		c.pair(base, actionValues(oa), actionValues(a))
	}
	if op != nil {
		for _, oa := range op.Actions {
			if ni.actions[oa.ID] == nil && oi.actions[oa.ID] == oa {
				c.add(Change{Kind: KindAction, ID: oa.ID, Name: oa.Title, Op: Removed, Stage: s.ID, Parent: p.ID})
			}
		}
	}
}

// removedUnder reports what an old stage held that is nowhere in the new
// map: touchpoints, and pain points and actions of touchpoints that are
// gone. Items that moved elsewhere are reported where they are now.
func (c *comparer) removedUnder(os *model.Stage, oi, ni *index) {
	for _, t := range os.Touchpoints {
		if ni.touchpoints[t.ID] != nil || oi.touchpoints[t.ID] != t {
			continue
		}
		c.add(Change{Kind: KindTouchpoint, ID: t.ID, Name: t.Name, Op: Removed, Stage: os.ID, Parent: os.ID})
		for _, p := range t.PainPoints {
			if ni.painPoints[p.ID] == nil && oi.painPoints[p.ID] == p {
				c.removedPainPoint(os.ID, t.ID, p, ni)
			}
		}
	}
}

func (c *comparer) removedPainPoint(stage, tp string, p *model.PainPoint, ni *index) {
	c.add(Change{Kind: KindPainPoint, ID: p.ID, Name: p.Description, Op: Removed, Stage: stage, Parent: tp})
	for _, e := range p.Evidence {
		c.add(Change{Kind: KindEvidence, Name: evidenceName(e), Op: Removed, Stage: stage, Parent: p.ID})
	}
	for _, a := range p.Actions {
		if ni.actions[a.ID] == nil {
			c.add(Change{Kind: KindAction, ID: a.ID, Name: a.Title, Op: Removed, Stage: stage, Parent: p.ID})
		}
	}
}

// evidence compares the evidence of one pain point. Evidence has no id: an
// entry is the same when its source and summary are; entries left over on
// both sides are paired by their order, so an edited summary is a change
// rather than a removal and an addition.
func (c *comparer) evidence(stage, painPoint string, old, new []*model.Evidence) {
	key := func(e *model.Evidence) [2]string { return [2]string{e.Source, e.Summary} }
	usedOld := make([]bool, len(old))
	match := make([]int, len(new))
	for i, n := range new {
		match[i] = -1
		for k, o := range old {
			if !usedOld[k] && key(o) == key(n) {
				usedOld[k], match[i] = true, k
				break
			}
		}
	}
	var leftOld []int
	for k := range old {
		if !usedOld[k] {
			leftOld = append(leftOld, k)
		}
	}
	for i := range new {
		if match[i] < 0 && len(leftOld) > 0 {
			match[i], leftOld = leftOld[0], leftOld[1:]
			usedOld[match[i]] = true
		}
	}
	for i, n := range new {
		base := Change{Kind: KindEvidence, Name: evidenceName(n), Stage: stage, Parent: painPoint}
		if match[i] < 0 {
			base.Op = Added
			c.add(base)
			continue
		}
		c.pair(base, evidenceValues(old[match[i]]), evidenceValues(n))
	}
	for k, o := range old {
		if !usedOld[k] {
			c.add(Change{Kind: KindEvidence, Name: evidenceName(o), Op: Removed, Stage: stage, Parent: painPoint})
		}
	}
}

func evidenceName(e *model.Evidence) string {
	switch {
	case e.Source == "":
		return e.Summary
	case e.Summary == "":
		return e.Source
	}
	return e.Source + ": " + e.Summary
}

func ids[T any](list []T, id func(T) string) []string {
	out := make([]string, 0, len(list))
	seen := map[string]bool{}
	for _, x := range list {
		if !seen[id(x)] {
			seen[id(x)] = true
			out = append(out, id(x))
		}
	}
	return out
}

// movedByOrder returns the ids, present on both sides, that are not part
// of a longest common subsequence of the two orders: the fewest items whose
// moving explains the new order. Inserting or removing an item moves
// nothing.
func movedByOrder(old, new []string) map[string]bool {
	inNew := map[string]bool{}
	for _, id := range new {
		inNew[id] = true
	}
	var a []string
	for _, id := range old {
		if inNew[id] {
			a = append(a, id)
		}
	}
	inA := map[string]bool{}
	for _, id := range a {
		inA[id] = true
	}
	var b []string
	for _, id := range new {
		if inA[id] {
			b = append(b, id)
		}
	}
	keep := lcs(a, b)
	moved := map[string]bool{}
	for _, id := range b {
		if !keep[id] {
			moved[id] = true
		}
	}
	return moved
}

// lcs returns the members of a longest common subsequence of a and b,
// which hold the same distinct ids.
func lcs(a, b []string) map[string]bool {
	n, m := len(a), len(b)
	t := make([][]int, n+1)
	for i := range t {
		t[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				t[i][j] = t[i+1][j+1] + 1
			} else {
				t[i][j] = max(t[i+1][j], t[i][j+1])
			}
		}
	}
	keep := map[string]bool{}
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case a[i] == b[j]:
			keep[a[i]] = true
			i, j = i+1, j+1
		case t[i][j+1] >= t[i+1][j]:
			// On a tie the item that comes earlier in the new order is the
			// one that moved: moving an item up reads as that item's move.
			j++
		default:
			i++
		}
	}
	return keep
}

// Summary counts the changes by op.
type Summary struct {
	Added   int `json:"added"`
	Removed int `json:"removed"`
	Moved   int `json:"moved"`
	Changed int `json:"changed"`
}

// Count sums changes by op.
func Count(changes []Change) Summary {
	var s Summary
	for _, c := range changes {
		switch c.Op {
		case Added:
			s.Added++
		case Removed:
			s.Removed++
		case Moved:
			s.Moved++
		case Changed:
			s.Changed++
		}
	}
	return s
}

// Total is the number of changes.
func (s Summary) Total() int { return s.Added + s.Removed + s.Moved + s.Changed }

// Add sums two summaries.
func (s Summary) Add(o Summary) Summary {
	return Summary{s.Added + o.Added, s.Removed + o.Removed, s.Moved + o.Moved, s.Changed + o.Changed}
}

// sortedKeys returns a map's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
