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
			r := &report.Result{Command: "validate", Files: c.files, Diags: ds, Source: c.source(l), Rules: loader.Checks}
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
