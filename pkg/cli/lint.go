package cli

import (
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/journey-maps/journey/pkg/config"
	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/gitrev"
	"github.com/journey-maps/journey/pkg/lint"
	"github.com/journey-maps/journey/pkg/loader"
	"github.com/journey-maps/journey/pkg/report"
	"github.com/journey-maps/journey/pkg/score"
	"github.com/journey-maps/journey/pkg/textfmt"
)

func newLintCmd(a *app) *cobra.Command {
	var f lintFlags
	cmd := &cobra.Command{
		Use:   "lint [FILE|DIR|-]...",
		Short: "Validate, then check the journey-mapping practice rules",
		Long: `lint runs validate and then, on every map without format errors, the rules
of good journey-mapping practice: measurable goals, complete personas,
evidence and actions for pain points, emotions, owners, lifecycle coverage,
regular reviews. journey explain lists them; docs/rules.md documents them.

Rules are configured in .journeylint.yaml, found from the current directory
upward (or --config): extends recommended|strict, per-rule off|info|warning|
error and options, overrides by file glob. A finding is suppressed by a
comment on its line or the line above:
  # journey:ignore rule-id[,rule-id] -- reason

Exit codes: 0 clean; 1 findings at or above --fail-on; 2 usage and
configuration errors, files that cannot be read or parsed.`,
		Example: `  journey lint examples/
  journey lint --today 2026-11-23 --fail-on warning checkout.journey.yaml
  journey lint --format sarif=lint.sarif --format junit=lint.xml maps/
  journey lint --new-from-rev origin/main maps/`,
		RunE: func(cmd *cobra.Command, args []string) error {
			f.baseline = cmd.Flags().Changed("new-from-rev")
			return a.runLint(defaultArgs(args), f)
		},
	}
	addFormatFlag(cmd, &f.formats, checkFormats)
	fl := cmd.Flags()
	fl.StringVar(&f.today, "today", "", "the date dates are judged on, YYYY-MM-DD (default today), for reproducible runs")
	fl.StringVar(&f.failOn, "fail-on", "error", "exit 1 on findings of this severity or above: error, warning or info")
	fl.StringVar(&f.config, "config", "", "configuration file (default .journeylint.yaml found from the current directory upward)")
	fl.StringVar(&f.newFromRev, "new-from-rev", "", "report only findings not already present at git revision `REV` (matched by rule and item, not line)")
	return cmd
}

// failOnValues are the values of --fail-on.
var failOnValues = []string{"error", "warning", "info"}

type lintFlags struct {
	formats                           []string
	today, failOn, config, newFromRev string
	baseline                          bool // --new-from-rev was given
}

func (a *app) runLint(args []string, f lintFlags) error {
	outs, err := parseOutputs(f.formats, checkFormats)
	if err != nil {
		return err
	}
	fail, err := diag.ParseSeverity(f.failOn)
	if err != nil {
		return usagef("--fail-on %q: %s", f.failOn, diag.Choice(f.failOn, failOnValues))
	}
	day, err := a.scoreDay(f.today)
	if err != nil {
		return err
	}
	cfg, err := a.lintConfig(f.config)
	if err != nil {
		return err
	}
	var base *lint.Baseline
	if f.baseline {
		if base, err = a.baseline(f.newFromRev); err != nil {
			return err
		}
	}
	// Files stream through: each is linted by the worker that loaded it
	// and let go, so memory does not grow with the number of maps.
	opts := lint.Options{Today: day}
	lintFile := func(file *loader.File) []diag.Diagnostic { return lint.Lint(file, cfg, opts) }
	r, read := report.Collect(a.newLoader(args), args, lintFile, a.keepsSnippets(outs))
	r.Command, r.Rules = "lint", lintRules()
	dropped := 0
	if base != nil {
		r.Diags, dropped = base.Drop(read, r.Diags, cfg, opts)
	}
	if err := a.writeReport(outs, r); err != nil {
		return err
	}
	summary := r.Summary()
	if dropped > 0 {
		summary += fmt.Sprintf(" (%s also at %s not reported)", textfmt.Plural(dropped, "finding"), f.newFromRev)
	}
	fmt.Fprintln(a.env.Stderr, summary)
	return exitFor(r.Diags, fail)
}

// lintRules documents every id a lint finding can carry: the format
// checks and the lint rules, for formats that list rules (SARIF).
func lintRules() []diag.RuleDoc {
	return append(slices.Clip(loader.Checks), lint.Docs()...)
}

// lintConfig loads the configuration: the file given, else
// .journeylint.yaml from the current directory upward, else the default.
// A configuration that cannot be read or has mistakes is a usage error.
// The one loaded last is kept, so the commands that need it more than once
// (score) read it once.
func (a *app) lintConfig(path string) (*config.Config, error) {
	if a.config != nil && path == "" {
		return a.config, nil
	}
	wd, err := os.Getwd()
	if err != nil {
		return nil, usagef("cannot find the current directory: %v", err)
	}
	cfg, err := config.Discover(path, wd, configSchema())
	if err != nil {
		return nil, usageError{msg: textfmt.Sanitize(err.Error())}
	}
	a.config = cfg
	return cfg, nil
}

// configSchema is what .journeylint.yaml is checked against: the lint
// rules and the score weights.
func configSchema() config.Schema {
	return config.Schema{Rules: lint.ConfigRules(), Weights: score.WeightKeys, CheckWeights: score.CheckWeights}
}

// baseline resolves --new-from-rev in the repository of the current
// directory.
func (a *app) baseline(rev string) (*lint.Baseline, error) {
	if rev == "" || strings.HasPrefix(rev, "-") {
		return nil, usagef("--new-from-rev %q: want a git revision such as origin/main or HEAD~1", rev)
	}
	wd, err := os.Getwd()
	if err != nil {
		return nil, usagef("--new-from-rev: %v", err)
	}
	repo, err := gitrev.Open(wd)
	if err != nil {
		return nil, usagef("--new-from-rev: %v", err)
	}
	commit, err := repo.Resolve(rev)
	if err != nil {
		return nil, usagef("--new-from-rev: %v", err)
	}
	return &lint.Baseline{Repo: repo, Commit: commit, MaxFileSize: int64(a.maxFileSize)}, nil
}
