package lint

import (
	"sort"

	"github.com/journey-maps/journey/pkg/config"
	"github.com/journey-maps/journey/pkg/report"
)

// registry is every rule, each registered here once, in id order.
var registry = []*Rule{
	&actionHasOwner,
	&channelMix,
	&emotionRecorded,
	&emotionalLowUnaddressed,
	&evidenceStale,
	&goalMeasurable,
	&lifecycleCoverage,
	&measuredAfter,
	&metricHasTarget,
	&painPointHasAction,
	&painPointHasEvidence,
	&personaProfileComplete,
	&reviewOverdue,
	&stageHasTouchpoints,
	&stageOrder,
	&touchpointHasOwner,
	&unusedIgnore,
	&unusedMetric,
	&unusedPersona,
}

// init makes every rule known to configurations (config.Register panics
// on an id registered twice) and sorts the registry by id.
func init() {
	for _, r := range registry {
		spec := config.RuleSpec{ID: r.ID, Severity: r.Severity}
		for _, o := range r.Options {
			spec.Options = append(spec.Options, config.OptionSpec{Name: o.Name, Default: o.Default, Min: o.Min})
		}
		config.Register(spec)
	}
	sort.Slice(registry, func(i, j int) bool { return registry[i].ID < registry[j].ID })
}

// Rules returns every rule, sorted by id.
func Rules() []Rule {
	out := make([]Rule, len(registry))
	for i, r := range registry {
		out[i] = *r
	}
	return out
}

// Lookup returns the rule with the given id.
func Lookup(id string) (Rule, bool) {
	for _, r := range registry {
		if r.ID == id {
			return *r, true
		}
	}
	return Rule{}, false
}

// IDs lists the rule ids, sorted.
func IDs() []string {
	out := make([]string, len(registry))
	for i, r := range registry {
		out[i] = r.ID
	}
	return out
}

// DocsURL is where docs/rules.md is published; a rule's help is at
// DocsURL#rule-id.
const DocsURL = "https://github.com/journey-maps/journey/blob/main/docs/rules.md"

// HelpURI is the address of a rule's documentation.
func HelpURI(id string) string { return DocsURL + "#" + id }

// ReportRules describes the rules for output formats that list them (SARIF).
func ReportRules() []report.Rule {
	out := make([]report.Rule, len(registry))
	for i, r := range registry {
		out[i] = report.Rule{ID: r.ID, Summary: r.Summary, Help: r.Why + "\n\n" + r.Fix, HelpURI: HelpURI(r.ID), Severity: r.Severity}
	}
	return out
}
