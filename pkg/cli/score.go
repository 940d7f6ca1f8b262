package cli

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/journey-maps/journey/pkg/config"
	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/lint"
	"github.com/journey-maps/journey/pkg/loader"
	"github.com/journey-maps/journey/pkg/score"
	"github.com/journey-maps/journey/pkg/textfmt"
)

// scoringText is journey explain scoring: the formulas and the weights
// in force.
func (a *app) scoringText() (string, error) {
	_, w, err := a.scoreConfig("")
	if err != nil {
		return "", err
	}
	return score.Explain(w), nil
}

func newScoreCmd(a *app) *cobra.Command {
	var f scoreFlags
	cmd := &cobra.Command{
		Use:   "score [FILE|DIR|-]...",
		Short: "Experience, a prioritised improvement backlog, goal progress and map health",
		Long: `score prints, for each map: the experience per touchpoint, stage and map
(emotions weighted by persona share, lowest moments marked); the open
improvement actions ranked by priority (0..100); the progress of each goal
from baseline to target; and the health of the map (0..100) from its lint
findings. Several maps get a section each and a summary.

The formulas and the weights in force: journey explain scoring. Weights are
set in .journeylint.yaml under score.weights.`,
		Example: `  journey score examples/ecommerce/checkout.journey.yaml
  journey score --persona busy-pro --today 2026-12-01 checkout.journey.yaml
  journey score --fail-under 80 --format markdown=score.md maps/`,
		RunE: func(cmd *cobra.Command, args []string) error {
			f.gate = cmd.Flags().Changed("fail-under")
			return a.runScore(defaultArgs(args), f)
		},
	}
	addFormatFlag(cmd, &f.formats, score.FormatNames())
	fl := cmd.Flags()
	fl.StringVar(&f.persona, "persona", "", "score one persona's view: its emotions and the actions at touchpoints it meets")
	fl.StringVar(&f.today, "today", "", "the date goals are judged on, YYYY-MM-DD (default today)")
	fl.StringVar(&f.config, "config", "", "configuration file (default .journeylint.yaml found from the current directory upward)")
	fl.IntVar(&f.width, "width", 0, "fit text tables to this many columns (default: the terminal's width, or $COLUMNS; no wrapping in a pipe or file)")
	fl.IntVar(&f.failUnder, "fail-under", 0, "exit 1 when a map's health is below `N` (0..100)")
	return cmd
}

type scoreFlags struct {
	formats                []string
	persona, today, config string
	failUnder, width       int
	gate                   bool // --fail-under was given
}

func (a *app) runScore(args []string, f scoreFlags) error {
	outs, err := parseOutputs(f.formats, score.FormatNames())
	if err != nil {
		return err
	}
	gate := score.Gate{On: f.gate, FailUnder: f.failUnder}
	if gate.On && (f.failUnder < 0 || f.failUnder > 100) {
		return usagef("--fail-under %d: want a health between 0 and 100", f.failUnder)
	}
	day, err := a.scoreDay(f.today)
	if err != nil {
		return err
	}
	cfg, weights, err := a.scoreConfig(f.config)
	if err != nil {
		return err
	}
	judge := func(file *loader.File) []diag.Diagnostic { return scoreFindings(file, cfg, day) }
	l := a.newLoader(args)
	run := score.Files(l, args, judge, score.Options{Persona: f.persona, Today: day, Weights: weights})
	if len(run.Reports) == 0 && len(run.Refused) == 0 {
		return usagef("no journey map to score in %s", strings.Join(args, " "))
	}
	if f.persona != "" && len(run.Reports) > 0 && !scoreAnyPersona(run.Reports) {
		return usagef("--persona %q: no map has this persona", f.persona)
	}
	if f.width < 0 {
		return usagef("--width %d: want a number of columns", f.width)
	}
	if len(run.Reports) > 0 {
		if err := a.writeScore(outs, run.Reports, score.WriteOptions{Gate: gate, Width: a.tableWidth(f.width)}); err != nil {
			return err
		}
	}
	if len(run.Refused) > 0 {
		return a.refuse("score", run.Refused, sourceFrom(run.Sources, l))
	}
	if sum := score.Summarize(run.Reports, gate); !sum.Passed() {
		for _, r := range sum.Failed {
			fmt.Fprintf(a.env.Stderr, "journey: %s: health %d is below --fail-under %d\n", textfmt.Sanitize(r.Path), r.Health, f.failUnder)
		}
		return exitCode(ExitFindings)
	}
	return nil
}

func scoreAnyPersona(rs []*score.Report) bool {
	for _, r := range rs {
		if r.PersonaFound {
			return true
		}
	}
	return false
}

// scoreDay reads --today; without it, today by the environment's clock.
func (a *app) scoreDay(s string) (time.Time, error) {
	if s == "" {
		return a.env.Now(), nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, usagef("--today %q: want a date as YYYY-MM-DD", s)
	}
	return t, nil
}

// scoreFindings are the findings a map's health is computed from: its
// lint findings under the configuration in force.
func scoreFindings(f *loader.File, cfg *config.Config, day time.Time) []diag.Diagnostic {
	return lint.Lint(f, cfg, lint.Options{Today: day})
}

// scoreConfig loads the configuration a map is judged under (the file
// given, else the one found from the current directory) and its
// score.weights. A configuration with mistakes is a usage error.
func (a *app) scoreConfig(path string) (*config.Config, score.Weights, error) {
	cfg, err := a.lintConfig(path)
	if err != nil {
		return nil, score.Weights{}, err
	}
	w, err := score.WeightsFrom(cfg.Weights) // the defaults when the file sets none
	if err != nil {
		return nil, score.Weights{}, usagef("%s: %v", cfg.Path, err)
	}
	return cfg, w, nil
}

// writeScore writes the reports to every output.
func (a *app) writeScore(outs []output, rs []*score.Report, opts score.WriteOptions) error {
	return a.writeOutputs(outs, func(w io.Writer, o output, stdout bool) error {
		f, ok := score.LookupFormat(o.format)
		if !ok {
			return usagef("--format %q is not available", o.format)
		}
		fo := opts
		if !stdout {
			fo.Width = 0 // a file is not wrapped
		}
		return f.Write(w, rs, fo)
	})
}
