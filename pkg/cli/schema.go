package cli

import (
	"github.com/spf13/cobra"

	"github.com/journey-maps/journey/schemas"
)

func newSchemaCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of the journey file format",
		Long: `schema prints the JSON Schema (2020-12) that validate enforces. Point your
editor at it with a modeline on the first line of a map:

  # yaml-language-server: $schema=https://journey-maps.github.io/journey/schemas/journey.schema.json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := a.env.Stdout.Write(schemas.Journey)
			return err
		},
	}
}
