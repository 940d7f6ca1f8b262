package cli

import (
	"github.com/spf13/cobra"

	"github.com/journey-maps/journey/schemas"
)

func newSchemaCmd(a *app) *cobra.Command {
	var config bool
	cmd := &cobra.Command{
		Use:   "schema [--config]",
		Short: "Print the JSON Schema of the journey file format",
		Long: `schema prints the JSON Schema (2020-12) that validate enforces, the same
bytes as schemas/journey.schema.json. Point your editor at it with a modeline
on the first line of a map:

  # yaml-language-server: $schema=https://journey-maps.github.io/journey/schemas/journey.schema.json

With --config it prints the schema of the .journeylint.yaml configuration
(schemas/journeylint.schema.json) instead.`,
		Example: `  journey schema > .vscode/journey.schema.json
  journey schema --config > .vscode/journeylint.schema.json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			out := schemas.Journey
			if config {
				out = schemas.Journeylint
			}
			_, err := a.env.Stdout.Write(out)
			return err
		},
	}
	cmd.Flags().BoolVar(&config, "config", false, "print the schema of .journeylint.yaml instead")
	return cmd
}
