package score

import (
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/loader"
	"github.com/journey-maps/journey/pkg/model"
)

// load reads a map from YAML through the real loader, so defaults
// (touchpoint personas, confidence, status) are those users get.
func load(t *testing.T, src string) *model.Journey {
	t.Helper()
	f := loader.New(loader.Options{}).LoadBytes("t.journey.yaml", []byte(src))
	if !f.Valid() || f.Journey == nil {
		t.Fatalf("test map does not load: %v", f.Diags)
	}
	return f.Journey
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

var today = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

const backlogMap = `kind: Journey
version: 1
id: backlog
title: Backlog
personas:
  - {id: a, name: A}
  - {id: b, name: B}
stages:
  - id: s
    name: S
    touchpoints:
      - id: narrow
        name: Narrow
        channel: website
        personas: [a]
        emotion: 2
        pain_points:
          - id: meh
            description: Meh
            severity: medium
            actions:
              - {id: middling, title: Middling, impact: 3, ease: 3, resources: 3, roi: 3, confidence: 0.5}
              - {id: shipped, title: Shipped, status: done, impact: 5}
      - id: wide
        name: Wide
        channel: email
        emotion: 3
        pain_points:
          - id: unknown
            description: Nothing known
            actions:
              - {id: vague, title: Vague}
              - {id: abandoned, title: Abandoned, status: dropped}
          - id: awful
            description: Awful
            severity: critical
            actions:
              - {id: dominant, title: Dominant, status: in-progress, impact: 5, ease: 5, resources: 1, roi: 5, confidence: 1}
`

func TestDominantActionRanksFirst(t *testing.T) {
	r := Compute(load(t, backlogMap), nil, Options{Today: today})
	// Worked by hand with the default weights (impact 3, ease 2,
	// resources 1, roi 2, confidence 1, severity 2, reach 1; sum 12):
	// dominant: every factor at its best            -> 100
	// vague: 1..5 factors and severity unknown = 0.5, confidence 1, reach 1
	//   (3*.5 + 2*.5 + 1*.5 + 2*.5 + 1*1 + 2*.5 + 1*1) / 12 = 7/12  -> 58.3
	// middling: factors 0.5, confidence 0.5, severity medium = 1/3,
	//   reach 1 of 2 personas = 0.5
	//   (3*.5 + 2*.5 + .5 + 2*.5 + .5 + 2/3 + .5) / 12 = 5.6667/12 -> 47.2
	want := []struct {
		id       string
		priority float64
	}{{"dominant", 100}, {"vague", 58.3}, {"middling", 47.2}}
	if len(r.Backlog) != len(want) {
		t.Fatalf("backlog has %d items, want %d", len(r.Backlog), len(want))
	}
	for i, w := range want {
		got := r.Backlog[i]
		if got.Action.ID != w.id || !near(got.Priority, w.priority) || got.Rank != i+1 {
			t.Errorf("rank %d: got %s %.2f (rank %d), want %s %.1f", i+1, got.Action.ID, got.Priority, got.Rank, w.id, w.priority)
		}
	}
	var closed []string
	for _, a := range r.Closed {
		closed = append(closed, a.ID)
	}
	if strings.Join(closed, ",") != "shipped,abandoned" {
		t.Errorf("closed = %v, want shipped and abandoned in map order", closed)
	}
}

func TestTiesKeepMapOrder(t *testing.T) {
	src := `kind: Journey
version: 1
id: ties
title: Ties
stages:
  - id: s
    name: S
    touchpoints:
      - id: t
        name: T
        channel: website
        pain_points:
          - id: p
            description: P
            actions:
              - {id: zebra, title: Z, impact: 2}
              - {id: alpha, title: A, impact: 2}
              - {id: better, title: B, impact: 3}
`
	for range 5 {
		r := Compute(load(t, src), nil, Options{Today: today})
		var got []string
		for _, it := range r.Backlog {
			got = append(got, it.Action.ID)
		}
		if strings.Join(got, ",") != "better,zebra,alpha" {
			t.Fatalf("order = %v, want better then zebra before alpha (map order)", got)
		}
	}
}

func TestWeightsChangeTheRanking(t *testing.T) {
	// Only ease counts: middling (ease 3 -> 0.5) beats vague (ease unknown
	// -> 0.5)? They tie at 50 and keep map order; dominant (ease 5) is 100.
	w, err := WeightsFrom(map[string]float64{"impact": 0, "ease": 1, "resources": 0, "roi": 0, "confidence": 0, "severity": 0, "reach": 0})
	if err != nil {
		t.Fatal(err)
	}
	r := Compute(load(t, backlogMap), nil, Options{Today: today, Weights: w})
	got := map[string]float64{}
	for _, it := range r.Backlog {
		got[it.Action.ID] = it.Priority
	}
	if got["dominant"] != 100 || got["middling"] != 50 || got["vague"] != 50 {
		t.Errorf("ease-only priorities = %v, want dominant 100, middling 50, vague 50", got)
	}
	if r.Backlog[1].Action.ID != "middling" {
		t.Errorf("tie between middling and vague should keep map order, got %s second", r.Backlog[1].Action.ID)
	}

	// Reach only: middling's touchpoint serves 1 of 2 personas.
	w, _ = WeightsFrom(map[string]float64{"impact": 0, "ease": 0, "resources": 0, "roi": 0, "confidence": 0, "severity": 0, "reach": 5})
	r = Compute(load(t, backlogMap), nil, Options{Today: today, Weights: w})
	for _, it := range r.Backlog {
		want := 100.0
		if it.Action.ID == "middling" {
			want = 50
		}
		if it.Priority != want {
			t.Errorf("reach-only priority of %s = %v, want %v", it.Action.ID, it.Priority, want)
		}
	}
}

func TestWeightsFrom(t *testing.T) {
	w, err := WeightsFrom(map[string]float64{"impact": 5, "reach": 0})
	if err != nil {
		t.Fatal(err)
	}
	want := DefaultWeights()
	want.Impact, want.Reach = 5, 0
	if w != want {
		t.Errorf("partial weights = %+v, want defaults with impact 5 and reach 0: %+v", w, want)
	}
	for _, c := range []struct {
		in   map[string]float64
		want string
	}{
		{map[string]float64{"impcat": 1}, `did you mean "impact"`},
		{map[string]float64{"cost": 1}, "want one of impact, ease"},
		{map[string]float64{"ease": -1}, "ease"},
		{map[string]float64{"ease": math.NaN()}, "ease"},
		{map[string]float64{"impact": 0, "ease": 0, "resources": 0, "roi": 0, "confidence": 0, "severity": 0, "reach": 0}, "at least one"},
	} {
		_, err := WeightsFrom(c.in)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("WeightsFrom(%v) error = %v, want one mentioning %q", c.in, err, c.want)
		}
	}
}

const emotionMap = `kind: Journey
version: 1
id: emotions
title: Emotions
personas:
  - {id: pro, name: Pro, share: 0.75}
  - {id: student, name: Student, share: 0.25}
stages:
  - id: browse
    name: Browse
    touchpoints:
      - id: product
        name: Product
        channel: website
        emotion: {pro: 2, student: 4}
      - id: showroom
        name: Showroom
        channel: store
        personas: [student]
        emotion: 5
  - id: buy
    name: Buy
    emotion: 4
    touchpoints:
      - id: checkout
        name: Checkout
        channel: website
        emotion: 1
      - id: receipt
        name: Receipt
        channel: email
`

func TestPersonaShareWeightsExperience(t *testing.T) {
	r := Compute(load(t, emotionMap), nil, Options{Today: today})
	tp := touchpoints(r)
	// product: 2*0.75 + 4*0.25 = 2.5 (an unweighted mean would be 3).
	if !tp["product"].HasData || !near(tp["product"].Experience, 2.5) {
		t.Errorf("product = %+v, want 2.5", tp["product"])
	}
	if !near(tp["showroom"].Experience, 5) || !near(tp["checkout"].Experience, 1) {
		t.Errorf("showroom, checkout = %v, %v, want 5 and 1", tp["showroom"].Experience, tp["checkout"].Experience)
	}
	if tp["receipt"].HasData {
		t.Errorf("receipt has no emotion but scored %v", tp["receipt"].Experience)
	}
	// browse is the mean of its touchpoints (2.5+5)/2 = 3.75; buy has its
	// own emotion 4, which wins over checkout's 1. Overall (3.75+4)/2.
	if s := r.Stages[0]; !s.Derived || !near(s.Experience, 3.75) || !s.Lowest {
		t.Errorf("browse = %+v, want 3.75 from touchpoints, lowest", s)
	}
	if s := r.Stages[1]; s.Derived || !near(s.Experience, 4) || s.Lowest {
		t.Errorf("buy = %+v, want its own 4, not lowest", s)
	}
	if !r.HasExperience || !near(r.Experience, 3.875) {
		t.Errorf("overall = %v, want 3.875", r.Experience)
	}
	if !tp["checkout"].Lowest || tp["product"].Lowest {
		t.Errorf("checkout (1) should be the one lowest touchpoint")
	}

	// Without shares every persona counts the same: product becomes 3.
	even := strings.NewReplacer(", share: 0.75", "", ", share: 0.25", "").Replace(emotionMap)
	r = Compute(load(t, even), nil, Options{Today: today})
	if got := touchpoints(r)["product"].Experience; !near(got, 3) {
		t.Errorf("product without shares = %v, want 3", got)
	}

	// One share given: the other persona counts as the average share.
	one := strings.Replace(emotionMap, ", share: 0.25", "", 1)
	r = Compute(load(t, one), nil, Options{Today: today})
	if got := touchpoints(r)["product"].Experience; !near(got, 3) {
		t.Errorf("product with one share = %v, want 3 (0.75 each)", got)
	}
}

func TestPersonaView(t *testing.T) {
	r := Compute(load(t, emotionMap), nil, Options{Today: today, Persona: "pro"})
	tp := touchpoints(r)
	if !r.PersonaFound {
		t.Error("persona pro not found")
	}
	if !near(tp["product"].Experience, 2) || tp["showroom"].HasData || !near(tp["checkout"].Experience, 1) {
		t.Errorf("pro's view: product %v, showroom %v, checkout %v; want 2, none, 1",
			tp["product"].Experience, tp["showroom"].HasData, tp["checkout"].Experience)
	}
	if !near(r.Stages[0].Experience, 2) {
		t.Errorf("pro's browse = %v, want 2", r.Stages[0].Experience)
	}

	r = Compute(load(t, emotionMap), nil, Options{Today: today, Persona: "student"})
	if got := touchpoints(r)["product"].Experience; !near(got, 4) {
		t.Errorf("student's product = %v, want 4", got)
	}
	if !near(r.Stages[0].Experience, 4.5) {
		t.Errorf("student's browse = %v, want (4+5)/2", r.Stages[0].Experience)
	}

	r = Compute(load(t, backlogMap), nil, Options{Today: today, Persona: "b"})
	for _, it := range r.Backlog {
		if it.Action.ID == "middling" {
			t.Error("persona b's backlog holds an action at a touchpoint only a meets")
		}
	}
	if len(r.Backlog) != 2 {
		t.Errorf("persona b's backlog has %d actions, want 2", len(r.Backlog))
	}

	r = Compute(load(t, emotionMap), nil, Options{Today: today, Persona: "nobody"})
	if r.PersonaFound || r.HasExperience || r.Stages[1].HasData || len(r.Backlog) != 0 {
		t.Errorf("a persona the map lacks got figures: found %v, experience %v, stage buy %v",
			r.PersonaFound, r.HasExperience, r.Stages[1].HasData)
	}
}

func TestNoLowestWhenAllEqual(t *testing.T) {
	src := `kind: Journey
version: 1
id: flat
title: Flat
stages:
  - id: s
    name: S
    touchpoints:
      - {id: a, name: A, channel: website, emotion: 3}
      - {id: b, name: B, channel: website, emotion: 3}
`
	r := Compute(load(t, src), nil, Options{Today: today})
	for _, ts := range r.Touchpoints {
		if ts.Lowest {
			t.Errorf("%s marked lowest though every touchpoint is at 3", ts.Touchpoint.ID)
		}
	}
}

func touchpoints(r *Report) map[string]TouchpointScore {
	out := map[string]TouchpointScore{}
	for _, ts := range r.Touchpoints {
		out[ts.Touchpoint.ID] = ts
	}
	return out
}

const goalMap = `kind: Journey
version: 1
id: goals
title: Goals
goals:
  - {id: faster, title: Faster, metric: wait, target: 60, due: 2027-03-31}
  - {id: worse, title: Worse, metric: wait-up, target: 60, due: 2026-12-10}
  - {id: happier, title: Happier, metric: csat, baseline: 3, due: 2026-11-01}
  - {id: done, title: Done, metric: conversion, due: 2026-01-01}
  - {id: unmeasured, title: Unmeasured, metric: nps, target: 40, due: 2026-12-23}
  - {id: later-unmeasured, title: Later, metric: nps, target: 40, due: 2027-12-23}
  - {id: no-baseline, title: No baseline, metric: reach, due: 2027-12-23}
metrics:
  - {id: wait, name: Wait, kind: response-time, direction: lower-is-better, baseline: 240, current: 95}
  - {id: wait-up, name: Wait, kind: response-time, direction: lower-is-better, baseline: 240, current: 260}
  - {id: csat, name: CSAT, kind: csat, baseline: 2, current: 3.5, target: 4.5}
  - {id: conversion, name: Conversion, kind: conversion-rate, baseline: 2, current: 3.1, target: 3}
  - {id: nps, name: NPS, kind: nps, baseline: 10}
  - {id: reach, name: Reach, kind: custom, current: 5, target: 9}
stages:
  - id: s
    name: S
    touchpoints:
      - {id: t, name: T, channel: website, metrics: [wait, wait-up, csat, conversion, nps, reach]}
`

func TestGoalProgress(t *testing.T) {
	r := Compute(load(t, goalMap), nil, Options{Today: today})
	g := map[string]GoalProgress{}
	for _, gp := range r.Goals {
		g[gp.Goal.ID] = gp
	}
	// Lower is better: 240 down to 95 of the way to 60 is 145/180.
	if p := g["faster"]; !p.HasProgress || !near(p.Progress, 100*145.0/180) || p.Met || p.DueState != DueOnTrack {
		t.Errorf("faster = %+v, want 80.56%% on track", p)
	}
	if got := math.Round(g["faster"].Progress*10) / 10; got != 80.6 {
		t.Errorf("faster shown as %.1f%%, want 80.6%%", got)
	}
	// Lower is better and the number rose: 20 the wrong way of 180.
	if p := g["worse"]; !near(p.Progress, -100*20.0/180) || p.DueState != DueSoon || p.DaysLeft != 17 {
		t.Errorf("worse = %+v, want -11.1%%, due soon in 17 days", p)
	}
	// The goal's own baseline (3) wins over the metric's (2):
	// (3.5-3)/(4.5-3) = 33.3%; due 22 days ago.
	if p := g["happier"]; !near(p.Progress, 100*0.5/1.5) || p.DueState != DueOverdue || p.DaysLeft != -22 {
		t.Errorf("happier = %+v, want 33.3%% overdue by 22 days", p)
	}
	// Past the target: above 100% and met, whatever the date.
	if p := g["done"]; !near(p.Progress, 110) || !p.Met || p.DueState != DueMet {
		t.Errorf("done = %+v, want 110%% and met", p)
	}
	// Without a progress figure a goal is not measured, never on track or
	// due soon, whatever the date; the days left are still counted.
	if p := g["unmeasured"]; p.HasProgress || p.Missing != "not measured yet" || p.DueState != DueNotMeasured || p.DaysLeft != 30 {
		t.Errorf("unmeasured = %+v, want no progress, not measured, 30 days left", p)
	}
	if p := g["later-unmeasured"]; p.HasProgress || p.Missing != "not measured yet" || p.DueState != DueNotMeasured {
		t.Errorf("later-unmeasured = %+v, want not measured, not on track", p)
	}
	if p := g["no-baseline"]; p.HasProgress || p.Missing != "no baseline" || p.DueState != DueNotMeasured {
		t.Errorf("no-baseline = %+v, want not measured", p)
	}
}

func TestHealth(t *testing.T) {
	var ds []diag.Diagnostic
	add := func(n int, s diag.Severity) {
		for range n {
			ds = append(ds, diag.Diagnostic{Severity: s, Rule: "r"})
		}
	}
	if Health(nil) != 100 {
		t.Errorf("a clean map scores %d, want 100", Health(nil))
	}
	add(2, diag.Error)
	add(3, diag.Warning)
	add(4, diag.Info)
	if got := Health(ds); got != 100-20-9-4 {
		t.Errorf("2 errors, 3 warnings, 4 infos = %d, want 67", got)
	}
	add(10, diag.Error)
	if got := Health(ds); got != 0 {
		t.Errorf("health went below 0: %d", got)
	}
	if got := Health([]diag.Diagnostic{{Severity: diag.Error, Fatal: true}}); got != 0 {
		t.Errorf("an unreadable map scores %d, want 0", got)
	}
	r := Compute(load(t, goalMap), ds[:5], Options{Today: today})
	if r.Health != 71 || r.Findings != (Counts{Errors: 2, Warnings: 3}) {
		t.Errorf("report health %d, counts %+v; want 71 from 2 errors and 3 warnings", r.Health, r.Findings)
	}
}

// TestEveryTestMapScores runs every map of the loader and validate test
// data, broken ones included, through Compute and every format: a map
// that loads at all must score without a panic.
func TestEveryTestMapScores(t *testing.T) {
	var paths []string
	for _, pat := range []string{"../../testdata/*/*.yaml", "../../testdata/*/*/*.yaml", "../../examples/*/*.yaml"} {
		m, _ := filepath.Glob(pat)
		paths = append(paths, m...)
	}
	if len(paths) < 10 {
		t.Fatalf("found only %d maps", len(paths))
	}
	l := loader.New(loader.Options{})
	n := 0
	for _, p := range paths {
		f := l.LoadFile(p)
		if f.Journey == nil {
			continue
		}
		n++
		for _, persona := range []string{"", "busy-pro", "nobody"} {
			r := Compute(f.Journey, f.Diags, Options{Today: today, Persona: persona})
			for _, format := range Formats {
				if err := format.Write(io.Discard, []*Report{r, r}, WriteOptions{Gate: Gate{On: true, FailUnder: 50}}); err != nil {
					t.Errorf("%s %s: %v", p, format.Name, err)
				}
			}
		}
	}
	if n < 5 {
		t.Errorf("only %d journey maps scored", n)
	}
}

// A touchpoint's reach divides by the sum of persona weights; summed in a
// map's random order its last bits, and so priorities near a rounding
// boundary, changed from one run to the next.
func TestReachDoesNotDependOnMapOrder(t *testing.T) {
	pw := map[string]float64{}
	for i, w := range []float64{0.1, 0.2, 0.3, 0.7, 1e-16, 0.15, 0.05, 3e-17} {
		pw[fmt.Sprintf("p%d", i)] = w
	}
	tp := &model.Touchpoint{Personas: []string{"p0", "p3"}}
	first := reach(tp, pw, totalWeight(pw))
	for range 200 {
		if got := reach(tp, pw, totalWeight(pw)); got != first {
			t.Fatalf("reach = %v, then %v", first, got)
		}
	}
}
