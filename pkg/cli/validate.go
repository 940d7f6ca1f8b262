package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/loader"
	"github.com/journey-maps/journey/pkg/report"
)

// checkFormats are the output formats of validate and lint.
var checkFormats = report.FormatNames()

func newValidateCmd(a *app) *cobra.Command {
	var formats []string
	cmd := &cobra.Command{
		Use:   "validate [FILE|DIR|-]...",
		Short: "Check the format: YAML, schema, ids, references and includes",
		Long: `validate checks that files follow the journey format: YAML syntax, the
JSON Schema (keys, types, ranges, enums, dates, URLs), duplicate keys and ids,
references to personas, metrics and touchpoints that do not exist, and
includes. With no arguments it reads the current directory.`,
		Example: `  journey validate examples/
  journey validate --format json checkout.journey.yaml
  cat map.journey.yaml | journey validate -`,
		RunE: func(cmd *cobra.Command, args []string) error {
			outs, err := parseOutputs(formats, checkFormats)
			if err != nil {
				return err
			}
			l := a.newLoader()
			var c checked
			snippets := a.keepsSnippets(outs)
			problems := loader.Stream(l, defaultArgs(args), func(f *loader.File) checkedFile { return checkFile(f, f.Diags, snippets) }, c.add)
			ds := c.findings(problems)
			r := &report.Result{Command: "validate", Files: c.files, Diags: ds, Source: c.source(l), Rules: FormatRules()}
			if err := a.writeReport(outs, r); err != nil {
				return err
			}
			fmt.Fprintln(a.env.Stderr, r.Summary())
			return exitFor(ds, diag.Error)
		},
	}
	addFormatFlag(cmd, &formats, checkFormats)
	return cmd
}

// FormatRules describes the format checks validate makes, for formats
// that list rules (SARIF).
func FormatRules() []report.Rule {
	return []report.Rule{
		{ID: diag.RuleFile, Summary: "A file that cannot be read", Severity: diag.Error},
		{ID: diag.RuleSyntax, Summary: "Not valid YAML, or not one mapping document", Severity: diag.Error},
		{ID: diag.RuleSchema, Summary: "A value of the wrong type, out of range, not in the allowed list, a missing key or an impossible date", Severity: diag.Error},
		{ID: diag.RuleUnknownKey, Summary: "A key the journey format does not have", Severity: diag.Error},
		{ID: diag.RuleDuplicateKey, Summary: "The same key twice in one mapping", Severity: diag.Error},
		{ID: diag.RuleDuplicateID, Summary: "The same id twice for one kind of item", Severity: diag.Error},
		{ID: diag.RuleReference, Summary: "An id that names no persona, metric or touchpoint", Severity: diag.Error},
		{ID: diag.RuleInclude, Summary: "An include that is missing, leaves the tree, makes a cycle or nests too deep", Severity: diag.Error},
	}
}
