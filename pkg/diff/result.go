package diff

import (
	"encoding/json"
	"fmt"
	"math"
	"time"

	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/model"
	"github.com/journey-maps/journey/pkg/score"
)

// Version is one side of a comparison: a map and its findings (lint
// findings when linting, else the format findings of validate).
type Version struct {
	Journey  *model.Journey
	Findings []diag.Diagnostic
}

// Options tune a comparison.
type Options struct {
	// Lint lists the findings the change introduces and fixes.
	Lint bool
	// Today dates goals in the scores; the zero value means time.Now.
	Today time.Time
	// Weights of action priorities; the zero value means the defaults.
	Weights score.Weights
}

// File statuses.
const (
	StatusModified = "modified"
	StatusAdded    = "added"
	StatusDeleted  = "deleted"
)

// FileDiff is the comparison of two versions of one file.
type FileDiff struct {
	Path    string    `json:"path"`
	OldPath string    `json:"old_path,omitempty"` // when renamed
	Status  string    `json:"status"`
	Kind    string    `json:"kind,omitempty"` // Journey or Personas
	ID      string    `json:"id,omitempty"`
	Summary Summary   `json:"summary"`
	Changes []Change  `json:"changes"`
	Scores  *Scores   `json:"scores,omitempty"`   // journeys only
	Lint    *Findings `json:"findings,omitempty"` // with Options.Lint
	// Regressions say what got worse: a stage's experience or the health.
	Regressions []string `json:"regressions,omitempty"`

	// stageNames names the stages of both versions, for headings.
	stageNames map[string]string
}

// CompareFile compares two versions of a file; a nil Version is a file that
// does not exist on that side.
func CompareFile(path, oldPath string, old, new *Version, opts Options) *FileDiff {
	fd := &FileDiff{Path: path, Status: StatusModified}
	if oldPath != path {
		fd.OldPath = oldPath
	}
	var oj, nj *model.Journey
	if old != nil {
		oj = old.Journey
	}
	if new != nil {
		nj = new.Journey
	}
	switch {
	case old == nil:
		fd.Status = StatusAdded
	case new == nil:
		fd.Status = StatusDeleted
	}
	for _, j := range []*model.Journey{oj, nj} {
		if j != nil {
			fd.Kind, fd.ID = j.Kind, j.ID
		}
	}
	fd.stageNames = map[string]string{}
	for _, j := range []*model.Journey{oj, nj} {
		if j != nil {
			for _, st := range j.Stages {
				fd.stageNames[st.ID] = st.Name
			}
		}
	}
	fd.Changes = Compare(oj, nj)
	if fd.Changes == nil {
		fd.Changes = []Change{}
	}
	fd.Summary = Count(fd.Changes)
	if fd.Kind != model.KindPersonas {
		fd.Scores = compareScores(old, new, opts)
		fd.Regressions = fd.Scores.regressions()
	}
	if opts.Lint {
		var of, nf []diag.Diagnostic
		if old != nil {
			of = old.Findings
		}
		if new != nil {
			nf = new.Findings
		}
		fd.Lint = compareFindings(of, nf)
	}
	return fd
}

// Different reports whether the two versions differ in any item.
func (fd *FileDiff) Different() bool {
	return fd.Summary.Total() > 0 || fd.Status != StatusModified
}

// Delta is a figure before and after; Old or New is nil when there is no
// figure on that side (no such item, or no emotion recorded).
type Delta struct {
	Old, New *float64
}

// Change is New - Old, and whether both exist.
func (d Delta) Change() (float64, bool) {
	if d.Old == nil || d.New == nil {
		return 0, false
	}
	return *d.New - *d.Old, true
}

// Changed reports whether the figure differs, at the precision shown.
func (d Delta) Changed() bool {
	if (d.Old == nil) != (d.New == nil) {
		return true
	}
	c, ok := d.Change()
	return ok && math.Abs(c) >= 0.005
}

// MarshalJSON writes {"old": x, "new": y, "delta": y-x} with null for a
// missing side.
func (d Delta) MarshalJSON() ([]byte, error) { return json.Marshal(d.written()) }

// deltaJSON is a Delta as written: old, new and the change rounded to two
// places (nil when a side is missing). Embedded in another struct, its
// fields are flattened into that object.
type deltaJSON struct {
	Old   *float64 `json:"old"`
	New   *float64 `json:"new"`
	Delta *float64 `json:"delta"`
}

func (d Delta) written() deltaJSON {
	w := deltaJSON{Old: d.Old, New: d.New}
	if c, ok := d.Change(); ok {
		c = round(c, 2)
		w.Delta = &c
	}
	return w
}

// Scores are the figures of section 4 before and after.
type Scores struct {
	Experience Delta        `json:"experience"`
	Health     Delta        `json:"health"`
	Stages     []StageDelta `json:"stages"`     // stages whose experience changed
	Priorities []ItemDelta  `json:"priorities"` // open actions whose priority changed
}

// StageDelta is the experience of one stage before and after.
type StageDelta struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Delta
}

// MarshalJSON flattens the delta into the stage: id, name, old, new, delta.
func (s StageDelta) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		ID   string `json:"id"`
		Name string `json:"name"`
		deltaJSON
	}{s.ID, s.Name, s.written()})
}

// ItemDelta is an action's backlog priority (0..100) and rank before and
// after; a rank of 0 means not in the backlog (done, dropped or absent).
type ItemDelta struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	OldRank int    `json:"old_rank"`
	NewRank int    `json:"new_rank"`
	Delta
}

// MarshalJSON flattens the delta into the item: id, title, old, new,
// delta, old_rank, new_rank.
func (i ItemDelta) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		ID    string `json:"id"`
		Title string `json:"title"`
		deltaJSON
		OldRank int `json:"old_rank"`
		NewRank int `json:"new_rank"`
	}{i.ID, i.Title, i.written(), i.OldRank, i.NewRank})
}

func round(f float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(f*p) / p
}

func ptr(f float64) *float64 { return &f }

func compareScores(old, new *Version, opts Options) *Scores {
	so := score.Options{Today: opts.Today, Weights: opts.Weights}
	scoreOf := func(v *Version) *score.Report {
		if v == nil || v.Journey == nil {
			return nil
		}
		return score.Compute(v.Journey, v.Findings, so)
	}
	or, nr := scoreOf(old), scoreOf(new)
	s := &Scores{}
	s.Experience.Old, s.Health.Old = overall(or)
	s.Experience.New, s.Health.New = overall(nr)
	s.Stages = stageDeltas(or, nr)
	s.Priorities = priorityDeltas(or, nr)
	return s
}

// overall is a version's experience (nil when it records no emotion) and
// health; both nil for a side that does not exist.
func overall(r *score.Report) (experience, health *float64) {
	if r == nil {
		return nil, nil
	}
	if r.HasExperience {
		experience = ptr(round(r.Experience, 2))
	}
	return experience, ptr(float64(r.Health))
}

// stageDeltas lists the stages whose experience changed, in the order of
// the new version, then the stages only the old one has.
func stageDeltas(or, nr *score.Report) []StageDelta {
	var order []*StageDelta
	byID := map[string]*StageDelta{}
	get := func(ss score.StageScore) *StageDelta {
		if st := byID[ss.Stage.ID]; st != nil {
			return st
		}
		st := &StageDelta{ID: ss.Stage.ID, Name: ss.Stage.Name}
		byID[ss.Stage.ID] = st
		order = append(order, st)
		return st
	}
	for _, r := range []*score.Report{nr, or} {
		if r == nil {
			continue
		}
		for _, ss := range r.Stages {
			st := get(ss)
			if !ss.HasData {
				continue
			}
			if r == nr {
				st.New = ptr(round(ss.Experience, 2))
			} else {
				st.Old = ptr(round(ss.Experience, 2))
			}
		}
	}
	out := []StageDelta{}
	for _, st := range order {
		if st.Changed() {
			out = append(out, *st)
		}
	}
	return out
}

// priorityDeltas lists the backlog actions whose priority or rank
// changed, in the order of the new backlog, then those only the old one
// has.
func priorityDeltas(or, nr *score.Report) []ItemDelta {
	var order []*ItemDelta
	byID := map[string]*ItemDelta{}
	get := func(a *model.Action) *ItemDelta {
		if it := byID[a.ID]; it != nil {
			return it
		}
		it := &ItemDelta{ID: a.ID, Title: a.Title}
		byID[a.ID] = it
		order = append(order, it)
		return it
	}
	if nr != nil {
		for _, b := range nr.Backlog {
			it := get(b.Action)
			it.New, it.NewRank = ptr(b.Priority), b.Rank
		}
	}
	if or != nil {
		for _, b := range or.Backlog {
			it := get(b.Action)
			it.Old, it.OldRank = ptr(b.Priority), b.Rank
		}
	}
	out := []ItemDelta{}
	for _, it := range order {
		if it.Changed() {
			out = append(out, *it)
		}
	}
	return out
}

// regressions lists what the change made worse: a stage's experience that
// went down, and the health.
func (s *Scores) regressions() []string {
	var out []string
	for _, st := range s.Stages {
		if c, ok := st.Change(); ok && c <= -0.005 {
			out = append(out, fmt.Sprintf("stage %s experience %.2f → %.2f", st.ID, *st.Old, *st.New))
		}
	}
	if c, ok := s.Health.Change(); ok && c < 0 {
		out = append(out, fmt.Sprintf("health %.0f → %.0f", *s.Health.Old, *s.Health.New))
	}
	return out
}

// Findings are the lint findings a change introduces and fixes, matched by
// rule, item and message rather than by line, since lines move.
type Findings struct {
	Introduced []diag.Diagnostic `json:"introduced"`
	Fixed      []diag.Diagnostic `json:"fixed"`
}

func compareFindings(old, new []diag.Diagnostic) *Findings {
	key := func(d diag.Diagnostic) [3]string { return [3]string{d.Rule, d.Item, d.Message} }
	count := map[[3]string]int{}
	for _, d := range old {
		count[key(d)]++
	}
	f := &Findings{Introduced: []diag.Diagnostic{}, Fixed: []diag.Diagnostic{}}
	for _, d := range new {
		if count[key(d)] > 0 {
			count[key(d)]--
			continue
		}
		f.Introduced = append(f.Introduced, d)
	}
	count = map[[3]string]int{}
	for _, d := range new {
		count[key(d)]++
	}
	for _, d := range old {
		if count[key(d)] > 0 {
			count[key(d)]--
			continue
		}
		f.Fixed = append(f.Fixed, d)
	}
	return f
}

// Result is the comparison of every file named.
type Result struct {
	Files []*FileDiff `json:"files"`
	// Summary sums the changes of every file.
	Summary Summary `json:"summary"`
	// Different is true when any file differs in any item.
	Different bool `json:"different"`
	// Regression is true when any stage's experience or any map's health
	// went down.
	Regression bool `json:"regression"`
}

// NewResult sums up file comparisons.
func NewResult(files []*FileDiff) *Result {
	r := &Result{Files: files}
	if r.Files == nil {
		r.Files = []*FileDiff{}
	}
	for _, f := range files {
		r.Summary = r.Summary.Add(f.Summary)
		r.Different = r.Different || f.Different()
		r.Regression = r.Regression || len(f.Regressions) > 0
	}
	return r
}

// LibraryAsJourney views a persona library as a map that holds only
// personas, so libraries are compared like maps.
func LibraryAsJourney(l *model.PersonaLibrary) *model.Journey {
	if l == nil {
		return nil
	}
	return &model.Journey{Meta: l.Meta, Kind: l.Kind, Version: l.Version, ID: l.ID, Title: l.Title,
		Description: l.Description, Owner: l.Owner, Tags: l.Tags, Include: l.Include,
		Personas: l.Personas, Included: l.Included}
}
