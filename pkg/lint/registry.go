package lint

import (
	"sync"

	"github.com/journey-maps/journey/pkg/config"
	"github.com/journey-maps/journey/pkg/diag"
)

// registry is every rule, each listed here once, in id order (a test
// keeps it so).
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

// ConfigRules describes the rules for configurations (config.Schema): a
// configuration that names an unknown rule or option is an error.
func ConfigRules() []config.RuleSpec { return ruleSpecs() }

// ruleSpecs are the rules' configuration specs, in registry order, made
// once: Lint asks the configuration about every rule for every file.
var ruleSpecs = sync.OnceValue(func() []config.RuleSpec {
	specs := make([]config.RuleSpec, len(registry))
	for i, r := range registry {
		specs[i] = config.RuleSpec{ID: r.ID, Severity: r.Severity}
		for _, o := range r.Options {
			specs[i].Options = append(specs[i].Options, config.OptionSpec{Name: o.Name, Default: o.Default, Min: o.Min})
		}
	}
	return specs
})

// specOf returns the configuration spec of a rule id.
func specOf(id string) config.RuleSpec {
	for _, s := range ruleSpecs() {
		if s.ID == id {
			return s
		}
	}
	return config.RuleSpec{ID: id}
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

// Docs documents the rules for output formats that list them (SARIF).
func Docs() []diag.RuleDoc {
	out := make([]diag.RuleDoc, len(registry))
	for i, r := range registry {
		out[i] = diag.RuleDoc{ID: r.ID, Severity: r.Severity, Summary: r.Summary, Why: r.Why, Fix: r.Fix, HelpURI: HelpURI(r.ID)}
	}
	return out
}
