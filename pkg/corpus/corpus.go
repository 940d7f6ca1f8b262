// Package corpus generates realistic journey maps for benchmarks: the same
// maps for the same seed, each about 600 lines, with every kind of element.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

var (
	phases   = []string{"awareness", "consideration", "decision", "purchase", "post-purchase", "loyalty", "advocacy"}
	channels = []string{"website", "mobile-app", "email", "sms", "chat", "social-media", "search", "phone", "call-centre", "in-person", "store", "delivery", "packaging", "review-site"}
	sources  = []string{"analytics", "heatmap", "survey", "interview", "support-tickets", "usability-test", "crm"}
	statuses = []string{"idea", "planned", "in-progress", "done"}
	severity = []string{"low", "medium", "high", "critical"}
	teams    = []string{"web-team", "crm-team", "logistics-team", "support-team", "retail-team", "growth-team"}
	verbs    = []string{"Compares", "Reads", "Checks", "Waits for", "Asks about", "Looks for", "Pays for", "Returns"}
	things   = []string{"delivery options", "the price", "reviews", "the order status", "a refund", "the size guide", "opening hours", "a discount code"}
)

// Map returns map number i of the corpus for a seed: 5 to 7 stages of 2 to
// 6 touchpoints, personas, metrics, goals, pain points with evidence and
// actions. It always validates and lints without errors.
func Map(seed uint64, i int) []byte {
	r := rand.New(rand.NewPCG(seed, uint64(i)))
	stages := 5 + r.IntN(3)
	return build(r, fmt.Sprintf("Journey %d", i), stages, func(int) int { return 2 + r.IntN(5) })
}

// Large returns one map with the given number of touchpoints, spread over
// the seven lifecycle stages.
func Large(touchpoints int) []byte {
	r := rand.New(rand.NewPCG(1, 1))
	per := touchpoints / 7
	return build(r, "Large journey", 7, func(s int) int {
		if s == 6 {
			return touchpoints - per*6
		}
		return per
	})
}

func build(r *rand.Rand, title string, stages int, touchpoints func(stage int) int) []byte {
	g := &generator{r: r}
	g.header(title)
	g.goalsMetricsPersonas()
	g.w(0, "stages:")
	tp := 0
	for s := 0; s < stages; s++ {
		g.w(1, "- id: stage-%d", s)
		g.w(2, "name: Stage %d", s)
		g.w(2, "phase: %s", phases[s*len(phases)/stages])
		g.w(2, "description: What the customer does in stage %d.", s)
		g.w(2, "touchpoints:")
		for range touchpoints(s) {
			g.touchpoint(tp)
			tp++
		}
	}
	return []byte(g.b.String())
}

// generator writes a map line by line; its random choices are made in
// the order the lines are written, so a seed gives the same map.
type generator struct {
	r *rand.Rand
	b strings.Builder
}

func (g *generator) w(indent int, format string, args ...any) {
	g.b.WriteString(strings.Repeat("  ", indent))
	fmt.Fprintf(&g.b, format, args...)
	g.b.WriteByte('\n')
}

func (g *generator) header(title string) {
	r := g.r
	g.w(0, "# yaml-language-server: $schema=../../schemas/journey.schema.json")
	g.w(0, "kind: Journey")
	g.w(0, "version: 1")
	g.w(0, "title: %s", title)
	g.w(0, "description: A generated map for benchmarks.")
	g.w(0, "owner: %s", pick(r, teams))
	g.w(0, "last_reviewed: 2026-%02d-%02d", 1+r.IntN(12), 1+r.IntN(28))
	g.w(0, "review_every_days: 90")
	g.w(0, "tags: [generated, benchmark]")
}

func (g *generator) goalsMetricsPersonas() {
	r := g.r
	g.w(0, "goals:")
	for i := 0; i < 2; i++ {
		g.w(1, "- id: goal-%d", i)
		g.w(2, "title: Improve metric %d", i)
		g.w(2, "metric: metric-%d", i)
		g.w(2, "target: %d", 40+r.IntN(40))
		g.w(2, "due: 2027-%02d-28", 1+r.IntN(12))
	}
	g.w(0, "metrics:")
	for m := 0; m < 3; m++ {
		g.w(1, "- id: metric-%d", m)
		g.w(2, "name: Metric %d", m)
		g.w(2, "kind: %s", pick(r, []string{"csat", "conversion-rate", "churn", "cart-abandonment"}))
		g.w(2, "unit: percent")
		g.w(2, "direction: %s", pick(r, []string{"higher-is-better", "lower-is-better"}))
		g.w(2, "baseline: %d", 20+r.IntN(60))
		g.w(2, "baseline_date: 2026-01-31")
		g.w(2, "current: %d", 20+r.IntN(60))
		g.w(2, "current_date: 2026-06-30")
		g.w(2, "target: %d", 20+r.IntN(60))
		g.w(2, "source: %s", pick(r, sources))
	}
	g.w(0, "personas:")
	for p := 0; p < 3; p++ {
		g.w(1, "- id: persona-%d", p)
		g.w(2, "name: Persona %d", p)
		g.w(2, "share: 0.%d", 2+p)
		g.w(2, "demographics: Adult, %d-%d, urban", 20+10*p, 29+10*p)
		g.w(2, "goals: [Save time, Pay a fair price]")
		g.w(2, "pain_points: [Hidden costs]")
		g.w(2, "behaviors: [Compares three shops, Reads reviews]")
		g.w(2, "preferences: [Mobile, Email updates]")
	}
}

func (g *generator) touchpoint(tp int) {
	r := g.r
	g.w(3, "- id: touchpoint-%d", tp)
	g.w(4, "name: Touchpoint %d", tp)
	g.w(4, "channel: %s", pick(r, channels))
	g.w(4, "owner: %s", pick(r, teams))
	g.w(4, "doing: %s %s", pick(r, verbs), pick(r, things))
	g.w(4, "thinking: Is this worth it?")
	g.w(4, "feeling: Curious")
	emotion := 1 + r.IntN(5)
	if r.IntN(3) == 0 {
		g.w(4, "emotion: {persona-0: %d, persona-1: %d, persona-2: %d}", emotion, 1+r.IntN(5), 1+r.IntN(5))
	} else {
		g.w(4, "emotion: %d", emotion)
	}
	g.w(4, "metrics: [metric-%d]", r.IntN(3))
	if emotion <= 2 || r.IntN(2) == 0 {
		g.painPoint(tp)
	}
}

func (g *generator) painPoint(tp int) {
	r := g.r
	g.w(4, "pain_points:")
	g.w(5, "- id: pain-%d", tp)
	g.w(6, "description: Customers struggle with %s", pick(r, things))
	g.w(6, "severity: %s", pick(r, severity))
	g.w(6, "evidence:")
	g.w(7, "- source: %s", pick(r, sources))
	g.w(8, "summary: %d%% of sessions end here", 5+r.IntN(40))
	g.w(8, "date: 2026-%02d-15", 1+r.IntN(10))
	g.w(6, "actions:")
	g.w(7, "- id: action-%d", tp)
	g.w(8, "title: Fix %s", pick(r, things))
	g.w(8, "status: %s", pick(r, statuses))
	g.w(8, "owner: %s", pick(r, teams))
	g.w(8, "impact: %d", 1+r.IntN(5))
	g.w(8, "ease: %d", 1+r.IntN(5))
	g.w(8, "resources: %d", 1+r.IntN(5))
	g.w(8, "roi: %d", 1+r.IntN(5))
	g.w(8, "confidence: 0.%d", 5+r.IntN(5))
	g.w(8, "metrics: [metric-%d]", r.IntN(3))
}

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

// WriteDir writes n maps of a seed into dir as map-NNNN.journey.yaml, for
// benchmarks, and returns how many bytes they are.
func WriteDir(dir string, seed uint64, n int) (int64, error) {
	var size int64
	for i := 0; i < n; i++ {
		data := Map(seed, i)
		size += int64(len(data))
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("map-%04d.journey.yaml", i)), data, 0o644); err != nil {
			return size, err
		}
	}
	return size, nil
}
