package cli

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/journey-maps/journey/pkg/atomicfile"
	"github.com/journey-maps/journey/pkg/config"
	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/lint"
	"github.com/journey-maps/journey/pkg/loader"
	"github.com/journey-maps/journey/pkg/score"
	"github.com/journey-maps/journey/pkg/textfmt"
)

func init() {
	explainTopics["scoring"] = func(a *app) (string, error) {
		_, w, err := a.scoreConfig("")
		if err != nil {
			return "", err
		}
		return score.Explain(w), nil
	}
}

func newScoreCmd(a *app) *cobra.Command {
	var (
		formats    []string
		persona    string
		today      string
		configPath string
		failUnder  int
	)
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
			outs, err := parseOutputs(formats, score.Formats)
			if err != nil {
				return err
			}
			gate := score.Gate{On: cmd.Flags().Changed("fail-under"), FailUnder: failUnder}
			if gate.On && (failUnder < 0 || failUnder > 100) {
				return usagef("--fail-under %d: want a health between 0 and 100", failUnder)
			}
			day, err := a.scoreDay(today)
			if err != nil {
				return err
			}
			cfg, weights, err := a.scoreConfig(configPath)
			if err != nil {
				return err
			}
			// Maps stream through: each is scored by the worker that
			// loaded it, and only its report (with the model, which holds
			// no YAML) is kept, so memory grows by a report a map.
			type scored struct {
				report  *score.Report
				fatal   []diag.Diagnostic
				invalid bool
			}
			scoreFile := func(f *loader.File) scored {
				if diag.AnyFatal(f.Diags) {
					return scored{fatal: f.Diags}
				}
				if f.Journey == nil {
					return scored{} // a persona library: nothing to score on its own
				}
				r := score.Compute(f.Journey, scoreFindings(f, cfg, day), score.Options{Persona: persona, Today: day, Weights: weights})
				r.Path = f.Path
				return scored{report: r, invalid: !f.Valid()}
			}
			var reports []*score.Report
			var fatal []diag.Diagnostic
			problems := loader.Stream(a.newLoader(), defaultArgs(args), scoreFile, func(s scored) {
				fatal = append(fatal, s.fatal...)
				if s.invalid {
					fmt.Fprintf(a.env.Stderr, "journey: %s has format errors (journey validate lists them); its figures may be incomplete\n", textfmt.Sanitize(s.report.Path))
				}
				if s.report != nil {
					reports = append(reports, s.report)
				}
			})
			fatal = append(fatal, problems...)
			diag.Sort(fatal)
			for _, d := range diag.Dedup(fatal) {
				fmt.Fprintln(a.env.Stderr, textfmt.Sanitize(d.String()))
			}
			if len(reports) == 0 {
				if len(fatal) > 0 {
					return exitCode(ExitUsage)
				}
				return usagef("no journey map to score in %s", strings.Join(defaultArgs(args), " "))
			}
			if persona != "" && !scoreAnyPersona(reports) {
				return usagef("--persona %q: no map has this persona", persona)
			}
			if err := a.writeScore(outs, reports, gate); err != nil {
				return err
			}
			if len(fatal) > 0 {
				return exitCode(ExitUsage)
			}
			if sum := score.Summarize(reports, gate); !sum.Passed() {
				for _, r := range sum.Failed {
					fmt.Fprintf(a.env.Stderr, "journey: %s: health %d is below --fail-under %d\n", textfmt.Sanitize(r.Path), r.Health, failUnder)
				}
				return exitCode(ExitFindings)
			}
			return nil
		},
	}
	addFormatFlag(cmd, &formats, score.Formats)
	fl := cmd.Flags()
	fl.StringVar(&persona, "persona", "", "score one persona's view: its emotions and the actions at touchpoints it meets")
	fl.StringVar(&today, "today", "", "the date goals are judged on, YYYY-MM-DD (default today)")
	fl.StringVar(&configPath, "config", "", "configuration file (default .journeylint.yaml found from the current directory upward)")
	fl.IntVar(&failUnder, "fail-under", 0, "exit 1 when a map's health is below `N` (0..100)")
	return cmd
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

// writeScore writes the reports to every output; files atomically.
func (a *app) writeScore(outs []output, rs []*score.Report, g score.Gate) error {
	for _, o := range outs {
		if o.path == "" {
			if err := score.Write(a.env.Stdout, o.format, rs, g); err != nil {
				return err
			}
			continue
		}
		err := atomicfile.Write(o.path, func(w io.Writer) error { return score.Write(w, o.format, rs, g) })
		if err != nil {
			return fmt.Errorf("writing %s: %w", o.path, err)
		}
	}
	return nil
}
