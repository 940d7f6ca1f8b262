package cli

import (
	"bytes"
	"errors"
	"fmt"
	"slices"

	"github.com/spf13/cobra"

	"github.com/journey-maps/journey/pkg/atomicfile"
	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/format"
	"github.com/journey-maps/journey/pkg/loader"
	"github.com/journey-maps/journey/pkg/model"
	"github.com/journey-maps/journey/pkg/textfmt"
	"github.com/journey-maps/journey/pkg/yamlx"
)

func newFmtCmd(a *app) *cobra.Command {
	var write, check bool
	cmd := &cobra.Command{
		Use:   "fmt [FILE|DIR|-]...",
		Short: "Write maps in the canonical layout, comments kept",
		Long: `fmt writes journey files in their canonical layout: keys in the order of the
JSON Schema (x- and unknown keys after them, in their order), two-space
indentation, block style, lists of short scalars in flow style where they fit
on a line, a blank line before each top-level section and between stages.
Comments and x- keys are kept, and the data never changes: each file is
loaded before and after and the two compared. The comments above the first
key (a yaml-language-server modeline, a licence) stay at the top of the file.

With no flag the formatted files go to standard output; -w rewrites them in
place (atomically; a symbolic link is kept and the file it points to is
rewritten); --check lists the files that are not formatted and exits 1. A
file that cannot be read or parsed is refused (exit 2) and left untouched;
one that is not a regular file (a named pipe, a device) is refused unread.`,
		Example: `  journey fmt -w examples/
  journey fmt --check .
  journey fmt - < map.journey.yaml`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if write && check {
				return usagef("-w and --check do not go together: --check only reports")
			}
			// Refused before any file is rewritten, not when "-" comes up.
			if write && slices.Contains(args, "-") {
				return usagef("-w cannot rewrite standard input")
			}
			return a.runFmt(defaultArgs(args), write, check)
		},
	}
	cmd.Flags().BoolVarP(&write, "write", "w", false, "rewrite the files in place (through symbolic links, which are kept)")
	cmd.Flags().BoolVar(&check, "check", false, "list the files that are not formatted and exit 1 if there are any")
	return cmd
}

func (a *app) runFmt(args []string, write, check bool) error {
	size := int64(a.maxFileSize)
	paths, problems := loader.Expand(args)
	failed := len(problems) > 0
	for _, p := range problems {
		fmt.Fprintln(a.env.Stderr, textfmt.Sanitize(p.String()))
	}
	unformatted := false
	for _, path := range paths {
		var src []byte
		var err error
		shown := path
		if path == "-" {
			shown = loader.StdinPath
			src, err = loader.ReadLimited(a.env.Stdin, size)
		} else {
			src, err = loader.ReadFile(path, size)
		}
		if err != nil {
			fmt.Fprintln(a.env.Stderr, textfmt.Sanitize(diag.Diagnostic{Pos: model.Pos{File: shown}, Severity: diag.Error, Rule: diag.RuleFile, Message: "cannot read: " + loader.ReadMessage(err)}.String()))
			failed = true
			continue
		}
		out, err := format.Source(src)
		if err != nil {
			d := diag.Diagnostic{Pos: model.Pos{File: shown, Line: 1, Col: 1}, Severity: diag.Error, Rule: diag.RuleSyntax, Message: err.Error()}
			var pe *yamlx.Error
			if errors.As(err, &pe) {
				d.Line, d.Col, d.Message = pe.Line, pe.Col, "cannot format: "+pe.Msg
			}
			fmt.Fprintln(a.env.Stderr, textfmt.Sanitize(d.String()))
			failed = true
			continue
		}
		same := bytes.Equal(src, out)
		switch {
		case check:
			if !same {
				unformatted = true
				fmt.Fprintln(a.env.Stdout, textfmt.Sanitize(shown))
			}
		case write:
			if !same {
				if err := atomicfile.WriteBytes(path, out); err != nil {
					fmt.Fprintf(a.env.Stderr, "journey: %s\n", textfmt.Sanitize(err.Error())) // names the file and why
					failed = true
				}
			}
		default:
			if _, err := a.env.Stdout.Write(out); err != nil {
				return err
			}
		}
	}
	switch {
	case failed:
		return exitCode(ExitUsage)
	case unformatted:
		return exitCode(ExitFindings)
	}
	return nil
}
