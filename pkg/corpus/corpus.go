// Package corpus generates realistic journey maps for benchmarks: the same
// maps for the same seed, each about 600 lines, with every kind of element.
package corpus

import (
	"fmt"
	"math/rand/v2"
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
	var b strings.Builder
	w := func(indent int, format string, args ...any) {
		b.WriteString(strings.Repeat("  ", indent))
		fmt.Fprintf(&b, format, args...)
		b.WriteByte('\n')
	}
	w(0, "# yaml-language-server: $schema=../../schemas/journey.schema.json")
	w(0, "kind: Journey")
	w(0, "version: 1")
	w(0, "title: %s", title)
	w(0, "description: A generated map for benchmarks.")
	w(0, "owner: %s", pick(r, teams))
	w(0, "last_reviewed: 2026-%02d-%02d", 1+r.IntN(12), 1+r.IntN(28))
	w(0, "review_every_days: 90")
	w(0, "tags: [generated, benchmark]")
	w(0, "goals:")
	for g := 0; g < 2; g++ {
		w(1, "- id: goal-%d", g)
		w(2, "title: Improve metric %d", g)
		w(2, "metric: metric-%d", g)
		w(2, "target: %d", 40+r.IntN(40))
		w(2, "due: 2027-%02d-28", 1+r.IntN(12))
	}
	w(0, "metrics:")
	for m := 0; m < 3; m++ {
		w(1, "- id: metric-%d", m)
		w(2, "name: Metric %d", m)
		w(2, "kind: %s", pick(r, []string{"csat", "conversion-rate", "churn", "cart-abandonment"}))
		w(2, "unit: percent")
		w(2, "direction: %s", pick(r, []string{"higher-is-better", "lower-is-better"}))
		w(2, "baseline: %d", 20+r.IntN(60))
		w(2, "baseline_date: 2026-01-31")
		w(2, "current: %d", 20+r.IntN(60))
		w(2, "current_date: 2026-06-30")
		w(2, "target: %d", 20+r.IntN(60))
		w(2, "source: %s", pick(r, sources))
	}
	w(0, "personas:")
	for p := 0; p < 3; p++ {
		w(1, "- id: persona-%d", p)
		w(2, "name: Persona %d", p)
		w(2, "share: 0.%d", 2+p)
		w(2, "demographics: Adult, %d-%d, urban", 20+10*p, 29+10*p)
		w(2, "goals: [Save time, Pay a fair price]")
		w(2, "pain_points: [Hidden costs]")
		w(2, "behaviors: [Compares three shops, Reads reviews]")
		w(2, "preferences: [Mobile, Email updates]")
	}
	w(0, "stages:")
	tp := 0
	for s := 0; s < stages; s++ {
		w(1, "- id: stage-%d", s)
		w(2, "name: Stage %d", s)
		w(2, "phase: %s", phases[s*len(phases)/stages])
		w(2, "description: What the customer does in stage %d.", s)
		w(2, "touchpoints:")
		n := touchpoints(s)
		for t := 0; t < n; t++ {
			w(3, "- id: touchpoint-%d", tp)
			w(4, "name: Touchpoint %d", tp)
			w(4, "channel: %s", pick(r, channels))
			w(4, "owner: %s", pick(r, teams))
			w(4, "doing: %s %s", pick(r, verbs), pick(r, things))
			w(4, "thinking: Is this worth it?")
			w(4, "feeling: Curious")
			emotion := 1 + r.IntN(5)
			if r.IntN(3) == 0 {
				w(4, "emotion: {persona-0: %d, persona-1: %d, persona-2: %d}", emotion, 1+r.IntN(5), 1+r.IntN(5))
			} else {
				w(4, "emotion: %d", emotion)
			}
			w(4, "metrics: [metric-%d]", r.IntN(3))
			if emotion <= 2 || r.IntN(2) == 0 {
				w(4, "pain_points:")
				w(5, "- id: pain-%d", tp)
				w(6, "description: Customers struggle with %s", pick(r, things))
				w(6, "severity: %s", pick(r, severity))
				w(6, "evidence:")
				w(7, "- source: %s", pick(r, sources))
				w(8, "summary: %d%% of sessions end here", 5+r.IntN(40))
				w(8, "date: 2026-%02d-15", 1+r.IntN(10))
				w(6, "actions:")
				w(7, "- id: action-%d", tp)
				w(8, "title: Fix %s", pick(r, things))
				w(8, "status: %s", pick(r, statuses))
				w(8, "owner: %s", pick(r, teams))
				w(8, "impact: %d", 1+r.IntN(5))
				w(8, "ease: %d", 1+r.IntN(5))
				w(8, "resources: %d", 1+r.IntN(5))
				w(8, "roi: %d", 1+r.IntN(5))
				w(8, "confidence: 0.%d", 5+r.IntN(5))
				w(8, "metrics: [metric-%d]", r.IntN(3))
			}
			tp++
		}
	}
	return []byte(b.String())
}

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }
