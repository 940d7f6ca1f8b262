package lint

import (
	"fmt"
	"strings"
)

// Text is a rule's documentation for `journey explain RULE`.
func Text(r Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (default severity: %s)\n\n%s.\n", r.ID, r.Severity, r.Summary)
	fmt.Fprintf(&b, "\nWhy it matters\n%s", indent(r.Why, "  "))
	fmt.Fprintf(&b, "\nHow to fix it\n%s", indent(r.Fix, "  "))
	if len(r.Options) > 0 {
		b.WriteString("\nOptions (in .journeylint.yaml)\n")
		for _, o := range r.Options {
			fmt.Fprintf(&b, "  %s: %s (default %d)\n", o.Name, o.Doc, o.Default)
		}
		fmt.Fprintf(&b, "  rules:\n    %s: {severity: %s, %s: %d}\n", r.ID, r.Severity, r.Options[0].Name, r.Options[0].Default)
	}
	fmt.Fprintf(&b, "\nReported\n%s", indent(r.Bad, "  "))
	fmt.Fprintf(&b, "\nNot reported\n%s", indent(r.Good, "  "))
	fmt.Fprintf(&b, "\nTurn it off or change its severity in .journeylint.yaml (rules: {%s: off}),\nor suppress one finding with # journey:ignore %s -- reason.\n%s\n", r.ID, r.ID, HelpURI(r.ID))
	return b.String()
}

func indent(s, prefix string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = prefix + l
		}
	}
	return strings.Join(lines, "\n") + "\n"
}

// Markdown is docs/rules.md, generated from the registry.
func Markdown() string {
	var b strings.Builder
	b.WriteString(`# Lint rules

<!-- Generated from pkg/lint by: go test ./pkg/lint -run TestRulesDoc -update. Do not edit. -->

` + "`journey lint`" + ` runs ` + "`journey validate`" + `, then these rules on every map
without format errors. ` + "`journey explain RULE`" + ` prints the same text.

Configure them in ` + "`.journeylint.yaml`" + ` (found from the current directory upward,
or ` + "`--config`" + `):

` + "```yaml" + `
extends: recommended          # or strict: every rule at least warning
rules:
  touchpoint-has-owner: off   # off | info | warning | error
  evidence-stale: warning
  review-overdue: {severity: error, days: 120}
overrides:
  - files: ["legacy/**"]      # globs relative to the configuration file; ** spans directories
    rules:
      pain-point-has-evidence: off
score:
  weights: {impact: 3, ease: 2, resources: 1, roi: 2}
` + "```" + `

Suppress one finding with a comment on its line, or on the line above:
` + "`# journey:ignore rule-id[,rule-id] -- reason`" + `. A suppression that
suppresses nothing is reported by ` + "`unused-ignore`" + `.

Each finding names the item it is about (` + "`goal:cut-abandonment`" + `,
` + "`touchpoint:checkout-form`" + `, ` + "`pain-point:hidden-shipping/evidence:survey`" + `,
` + "`journey`" + ` for the map as a whole): ` + "`--new-from-rev`" + ` matches findings across
revisions by rule and item, not by line.

| rule | default | finds |
|---|---|---|
`)
	for _, r := range registry {
		fmt.Fprintf(&b, "| [`%s`](#%s) | %s | %s |\n", r.ID, r.ID, r.Severity, mdCell(r.Summary))
	}
	for _, r := range registry {
		fmt.Fprintf(&b, "\n## %s\n\nDefault severity: **%s**. %s.\n\n", r.ID, r.Severity, r.Summary)
		fmt.Fprintf(&b, "**Why it matters.** %s\n\n**How to fix it.** %s\n\n", oneParagraph(r.Why), oneParagraph(r.Fix))
		if len(r.Options) > 0 {
			b.WriteString("| option | type | default | meaning |\n|---|---|---|---|\n")
			for _, o := range r.Options {
				fmt.Fprintf(&b, "| `%s` | %s | %d | %s |\n", o.Name, o.Type, o.Default, mdCell(o.Doc))
			}
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "Reported:\n\n```yaml\n%s```\n\nNot reported:\n\n```yaml\n%s```\n", r.Bad, r.Good)
	}
	return b.String()
}

func oneParagraph(s string) string { return strings.Join(strings.Fields(s), " ") }

func mdCell(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
