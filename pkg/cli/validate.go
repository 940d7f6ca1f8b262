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
			formatFindings := func(f *loader.File) []diag.Diagnostic { return f.Diags }
			r, _ := report.Collect(a.newLoader(defaultArgs(args)), defaultArgs(args), formatFindings, a.keepsSnippets(outs))
			r.Command, r.Rules = "validate", loader.Checks
			if err := a.writeReport(outs, r); err != nil {
				return err
			}
			fmt.Fprintln(a.env.Stderr, r.Summary())
			return exitFor(r.Diags, diag.Error)
		},
	}
	addFormatFlag(cmd, &formats, checkFormats)
	return cmd
}
