package cli

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/lint"
	"github.com/journey-maps/journey/pkg/textfmt"
)

func newExplainCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "explain [RULE|TOPIC]",
		Short: "What a lint rule checks, why it matters and how to fix it",
		Long: `explain prints the documentation of a lint rule: what it finds, why it
matters for a journey map, how to fix it, its options and an example that
it reports and one it does not. With no argument it lists the rules and the
other topics (such as scoring).`,
		Example: `  journey explain
  journey explain goal-measurable
  journey explain scoring`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) > 1 {
				return usagef("explain takes one rule or topic, got %d", len(args))
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			w := a.env.Stdout
			if len(args) == 0 {
				fmt.Fprint(w, explainList())
				return nil
			}
			name := args[0]
			if r, ok := lint.Lookup(name); ok {
				fmt.Fprint(w, lint.Text(r))
				return nil
			}
			if topic, ok := explainTopics[name]; ok {
				text, err := topic(a)
				if err != nil {
					return err
				}
				fmt.Fprint(w, text)
				return nil
			}
			msg := fmt.Sprintf("unknown rule or topic %q", textfmt.Sanitize(name))
			if s := diag.Suggest(name, append(lint.IDs(), topicNames()...)); s != "" {
				msg += fmt.Sprintf(": did you mean %q?", s)
			}
			return usagef("%s (journey explain lists them)", msg)
		},
	}
}

func topicNames() []string { return slices.Sorted(maps.Keys(explainTopics)) }

// explainList lists the rules with their default severity and the topics.
func explainList() string {
	var b strings.Builder
	b.WriteString("Lint rules (journey explain RULE for details):\n\n")
	width := 0
	for _, id := range lint.IDs() {
		width = max(width, len(id))
	}
	for _, r := range lint.Rules() {
		fmt.Fprintf(&b, "  %-*s  %-7s  %s\n", width, r.ID, r.Severity, r.Summary)
	}
	if names := topicNames(); len(names) > 0 {
		b.WriteString("\nTopics:\n\n")
		for _, n := range names {
			fmt.Fprintf(&b, "  %s\n", n)
		}
	}
	b.WriteString("\nConfigure rules in .journeylint.yaml; docs/rules.md documents them all.\n")
	return b.String()
}
