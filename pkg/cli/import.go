package cli

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/journey-maps/journey/pkg/atomicfile"
	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/loader"
	"github.com/journey-maps/journey/pkg/mermaid"
	"github.com/journey-maps/journey/pkg/textfmt"
)

func newImportCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "import FORMAT FILE",
		Short: "Turn a diagram from another tool into a journey map",
		Long: `import turns a diagram made with another tool into a journey map.

Formats:
  mermaid   a Mermaid journey diagram (journey render --format mermaid is its inverse)`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("import needs a format: journey import mermaid FILE")
			}
			return usagef("import: unknown format %q: %s", args[0], diag.Choice(args[0], []string{"mermaid"}))
		},
	}
	cmd.AddCommand(newImportMermaidCmd(a))
	return cmd
}

func newImportMermaidCmd(a *app) *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "mermaid FILE",
		Short: "Turn a Mermaid journey diagram into a journey map",
		Long: `mermaid reads a Mermaid journey diagram as Mermaid reads it and writes a
journey map that validates: each section becomes a stage (empty ones too),
each task a touchpoint, each actor a persona (ids are slugs of the names)
and each score the touchpoint's emotion, the nearest of 1..5 (Mermaid's 0
becomes 1, 6 becomes 5, 4.4 becomes 4; the YAML notes the score). The title
(front matter, title or accTitle) becomes the map's title and accDescr its
description. FILE may be a markdown or reStructuredText document: its first
mermaid block with a journey is read (fences of three or more backticks or
tildes, also in blockquotes; .. mermaid:: and .. code:: mermaid). With - the
diagram is read from standard input.

The map goes to standard output, or with -o to a file, written atomically;
-o never replaces the diagram it reads. It is in journey fmt's layout. What
Mermaid ignores or reads unexpectedly (a score that is not a number, text
after the actors, a %% after an actor) is reported as FILE:LINE: warning:
message. A diagram Mermaid rejects is reported as FILE:LINE: message with
exit code 2. docs/mermaid.md says how each construct is read.

Accepted syntax:

  journey
    title My working day
    accTitle: Accessible title
    accDescr { A description
               over several lines }
    section Go to work
      Make tea: 5: Me
      %% a comment, on a line of its own
      Do work: 1: Me, Cat`,
		Example: `  journey import mermaid day.mmd -o day.journey.yaml
  journey render checkout.journey.yaml --format mermaid | journey import mermaid -`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.importMermaid(args[0], out)
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "write the map to this file instead of standard output")
	_ = cmd.MarkFlagFilename("output", "yaml", "yml")
	return cmd
}

func (a *app) importMermaid(in, out string) error {
	size := int64(a.maxFileSize)
	name := in
	var src []byte
	var err error
	if in == "-" {
		name = loader.StdinPath
		src, err = loader.ReadLimited(a.env.Stdin, size)
	} else {
		src, err = loader.ReadFile(in, size)
	}
	if err != nil {
		return usagef("%s: %s", name, loader.ReadMessage(err))
	}
	res, err := mermaid.Import(src, mermaid.Options{Source: in})
	var syn *mermaid.SyntaxError
	if errors.As(err, &syn) {
		fmt.Fprintf(a.env.Stderr, "%s:%d: %s\n", textfmt.Sanitize(name), syn.Line, textfmt.Sanitize(syn.Msg))
		return exitCode(ExitUsage)
	}
	if err != nil {
		return err
	}
	for _, w := range res.Warnings {
		fmt.Fprintf(a.env.Stderr, "%s:%d: warning: %s\n", textfmt.Sanitize(name), w.Line, textfmt.Sanitize(w.Msg))
	}
	data := res.Map
	// The result must be a valid map: anything else is a bug here.
	if f := loader.New(loader.Options{}).LoadBytes("imported.journey.yaml", data); !f.Valid() {
		return fmt.Errorf("internal error: the imported map does not validate: %s", f.Diags[0])
	}
	if out == "" || out == "-" {
		_, err := a.env.Stdout.Write(data)
		return err
	}
	if in != "-" && samePath(in, out) {
		return usagef("-o %s is the diagram being read; choose another file", out)
	}
	if err := atomicfile.WriteBytes(out, data); err != nil {
		return err // names the file and why
	}
	fmt.Fprintf(a.env.Stderr, "wrote %s: %d stages, %d touchpoints, %d personas\nNext: journey lint %s\n",
		out, res.Stages, res.Touchpoints, res.Personas, out)
	return nil
}
