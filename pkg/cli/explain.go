package cli

import (
	"fmt"

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
			return a.runExplain(args)
		},
	}
}

// explainTopic is a topic of journey explain besides the finding ids.
type explainTopic struct {
	name string
	text func() (string, error)
}

// explainTopics are the topics of journey explain besides the finding ids.
func (a *app) explainTopics() []explainTopic {
	return []explainTopic{{name: "scoring", text: a.scoringText}}
}

func topicNames(ts []explainTopic) []string {
	names := make([]string, len(ts))
	for i, t := range ts {
		names[i] = t.name
	}
	return names
}

func (a *app) runExplain(args []string) error {
	topics := a.explainTopics()
	w := a.env.Stdout
	if len(args) == 0 {
		fmt.Fprint(w, lint.Index(topicNames(topics)))
		return nil
	}
	name := args[0]
	if text, ok := lint.Explain(name); ok {
		fmt.Fprint(w, text)
		return nil
	}
	for _, t := range topics {
		if t.name == name {
			text, err := t.text()
			if err != nil {
				return err
			}
			fmt.Fprint(w, text)
			return nil
		}
	}
	msg := fmt.Sprintf("unknown rule or topic %q", textfmt.Sanitize(name))
	if s := diag.Suggest(name, append(lint.FindingIDs(), topicNames(topics)...)); s != "" {
		msg += fmt.Sprintf(": did you mean %q?", s)
	}
	return usagef("%s (journey explain lists them)", msg)
}
