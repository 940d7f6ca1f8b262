package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/journey-maps/journey/pkg/atomicfile"
	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/format"
	"github.com/journey-maps/journey/pkg/loader"
	"github.com/journey-maps/journey/pkg/templates"
)

func newInitCmd(a *app) *cobra.Command {
	var tmpl, dir, today string
	var lines []string
	for _, t := range templates.All() {
		lines = append(lines, fmt.Sprintf("  %-10s %s (%s)", t.Name, t.Summary, t.FileName))
	}
	cmd := &cobra.Command{
		Use:   "init [--template NAME] [--dir DIR]",
		Short: "Write a starter journey map",
		Long: `init writes a starter journey map into DIR (default: the current directory):
the seven lifecycle stages (awareness, consideration, decision, purchase,
post-purchase, loyalty, advocacy), a persona, a measurable goal with its
metric, and example touchpoints with owners and emotions. The map is written
in the canonical layout of journey fmt. The example templates pass lint
without findings; the blank one passes lint, and its warnings list what to
fill in.

Templates:
` + strings.Join(lines, "\n") + `

Dates (last_reviewed, evidence, goal due dates) are set relative to today.
init never overwrites a file: if the map already exists it stops with exit
code 2.`,
		Example: `  journey init
  journey init --template saas --dir maps/`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error { return a.runInit(tmpl, dir, today) },
	}
	fl := cmd.Flags()
	fl.StringVar(&tmpl, "template", "ecommerce", "starter map: "+strings.Join(templates.Names(), ", "))
	fl.StringVar(&dir, "dir", ".", "directory to write the map into (created if missing)")
	fl.StringVar(&today, "today", "", "the date the map's dates are relative to (YYYY-MM-DD; default today)")
	_ = cmd.RegisterFlagCompletionFunc("template", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		var out []string
		for _, t := range templates.All() {
			out = append(out, t.Name+"\t"+t.Summary)
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	})
	_ = cmd.MarkFlagDirname("dir")
	return cmd
}

// runInit writes the template's map into dir, canonical, never over a
// file, and says what to run next.
func (a *app) runInit(tmpl, dir, today string) error {
	t, ok := templates.Lookup(tmpl)
	if !ok {
		return usagef("--template %q: %s", tmpl, diag.Choice(tmpl, templates.Names()))
	}
	day, err := a.renderToday(today)
	if err != nil {
		return err
	}
	data, err := templates.Render(t.Name, day)
	if err != nil {
		return err
	}
	// What init writes passes `journey fmt --check` (docs/format.md).
	if data, err = format.Source(data); err != nil {
		return fmt.Errorf("template %s: %w", t.Name, err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return usagef("--dir: %v", err)
	}
	path := filepath.Join(dir, t.FileName)
	if err := atomicfile.Create(path, data); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return usagef("%s already exists; init never overwrites a file (remove it or choose another --dir)", path)
		}
		return err // names the file and why
	}
	f := loader.New(loader.Options{}).LoadBytes(path, data)
	stages, points := 0, 0
	if j := f.Journey; j != nil {
		stages, points = len(j.Stages), len(j.Touchpoints())
	}
	out := a.env.Stdout
	fmt.Fprintf(out, "wrote %s (%s template: %d stages, %d touchpoints)\n\n", path, t.Name, stages, points)
	stem := strings.TrimSuffix(path, ".journey.yaml")
	fmt.Fprintf(out, "Next:\n")
	if t.Name == "blank" {
		fmt.Fprintf(out, "  $EDITOR %s\n", path)
	}
	fmt.Fprintf(out, "  journey lint %s\n", path)
	fmt.Fprintf(out, "  journey score %s\n", path)
	fmt.Fprintf(out, "  journey render %s --format html -o %s.html\n", path, stem)
	return nil
}
