package lint

import (
	"fmt"
	"strings"

	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/loader"
)

// Explain returns what `journey explain ID` prints for any finding id: a
// lint rule's documentation, or a format check's (loader.Checks).
func Explain(id string) (string, bool) {
	if r, ok := Lookup(id); ok {
		return Text(r), true
	}
	for _, c := range loader.Checks {
		if c.ID == id {
			return CheckText(c), true
		}
	}
	return "", false
}

// FindingIDs lists every id a finding of validate or lint can carry: the
// format checks, then the lint rules.
func FindingIDs() []string {
	ids := make([]string, 0, len(loader.Checks)+len(registry))
	for _, c := range loader.Checks {
		ids = append(ids, c.ID)
	}
	return append(ids, IDs()...)
}

// CheckText is the documentation of a format check, laid out as Text lays
// out a rule's.
func CheckText(c diag.RuleDoc) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (format check of journey validate, always %s)\n\n%s.\n", c.ID, c.Severity, c.Summary)
	fmt.Fprintf(&b, "\nWhy it matters\n%s", indent(c.Why, "  "))
	fmt.Fprintf(&b, "\nHow to fix it\n%s", indent(c.Fix, "  "))
	fmt.Fprintf(&b, "\nFormat checks cannot be turned off: lint, score, render and diff refuse a\nmap that fails them. %s\n", c.HelpURI)
	return b.String()
}

// Index lists the format checks, the rules with their default severity,
// and the other topics of `journey explain`.
func Index(topics []string) string {
	var b strings.Builder
	width := 0
	for _, id := range FindingIDs() {
		width = max(width, len(id))
	}
	b.WriteString("Lint rules (journey explain RULE for details):\n\n")
	for _, r := range registry {
		fmt.Fprintf(&b, "  %-*s  %-7s  %s\n", width, r.ID, r.Severity, r.Summary)
	}
	b.WriteString("\nFormat checks of journey validate (always errors):\n\n")
	for _, c := range loader.Checks {
		fmt.Fprintf(&b, "  %-*s  %s\n", width, c.ID, c.Summary)
	}
	if len(topics) > 0 {
		b.WriteString("\nTopics:\n\n")
		for _, n := range topics {
			fmt.Fprintf(&b, "  %s\n", n)
		}
	}
	b.WriteString("\nConfigure rules in .journeylint.yaml; docs/rules.md documents them all,\ndocs/format.md the format checks.\n")
	return b.String()
}
