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
	var (
		formats    []string
		today      string
		failOn     string
		configPath string
		newFromRev string
	)
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
			outs, err := parseOutputs(formats, checkFormats)
			if err != nil {
				return err
			}
			fail, err := diag.ParseSeverity(failOn)
			if err != nil {
				return usagef("--fail-on %q: want error, warning or info", failOn)
			}
			day, err := a.scoreDay(today)
			if err != nil {
				return err
			}
			cfg, err := a.lintConfig(configPath)
			if err != nil {
				return err
			}
			if strings.HasPrefix(newFromRev, "-") {
				return usagef("--new-from-rev %q: a revision cannot start with '-'", newFromRev)
			}
			l := a.newLoader()
			// Files stream through: each is linted by the worker that
			// loaded it and let go, so memory does not grow with the number
			// of maps.
			opts := lint.Options{Today: day}
			var c checked
			var revPaths []string // what --new-from-rev reads again at REV
			snippets := a.keepsSnippets(outs)
			lintFile := func(f *loader.File) checkedFile { return checkFile(f, lint.Lint(f, cfg, opts), snippets) }
			problems := loader.Stream(l, defaultArgs(args), lintFile, func(r checkedFile) {
				c.add(r)
				if r.summary.Path != loader.StdinPath && !r.fatal {
					revPaths = append(revPaths, r.summary.Path)
				}
			})
			ds := c.findings(problems)
			dropped := 0
			if cmd.Flags().Changed("new-from-rev") {
				ds, dropped, err = a.newFromRev(newFromRev, revPaths, ds, cfg, opts)
				if err != nil {
					return err
				}
			}
			r := &report.Result{Command: "lint", Files: c.files, Diags: ds, Source: c.source(l), Rules: lintRules()}
			if err := a.writeReport(outs, r); err != nil {
				return err
			}
			summary := r.Summary()
			if dropped > 0 {
				summary += fmt.Sprintf(" (%s also at %s not reported)", textfmt.Plural(dropped, "finding"), newFromRev)
			}
			fmt.Fprintln(a.env.Stderr, summary)
			return exitFor(ds, fail)
		},
	}
	addFormatFlag(cmd, &formats, checkFormats)
	fl := cmd.Flags()
	fl.StringVar(&today, "today", "", "the date dates are judged on, YYYY-MM-DD (default today), for reproducible runs")
	fl.StringVar(&failOn, "fail-on", "error", "exit 1 on findings of this severity or above: error, warning or info")
	fl.StringVar(&configPath, "config", "", "configuration file (default .journeylint.yaml found from the current directory upward)")
	fl.StringVar(&newFromRev, "new-from-rev", "", "report only findings not already present at git revision `REV` (matched by rule and item, not line)")
	return cmd
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
		return nil, usageError{textfmt.Sanitize(err.Error())}
	}
	a.config = cfg
	return cfg, nil
}

// configSchema is what .journeylint.yaml is checked against: the lint
// rules and the score weights.
func configSchema() config.Schema {
	return config.Schema{Rules: lint.ConfigRules(), Weights: score.WeightKeys, CheckWeights: score.CheckWeights}
}

// newFromRev drops the findings that already exist at a git revision: the
// same files are read from git at rev, linted with the same configuration,
// and a current finding is dropped when one with the same file, rule and
// item (the message for findings without an item) was there. It returns
// the findings kept and how many were dropped.
func (a *app) newFromRev(rev string, paths []string, ds []diag.Diagnostic, cfg *config.Config, opts lint.Options) ([]diag.Diagnostic, int, error) {
	if rev == "" {
		return nil, 0, usagef("--new-from-rev: want a git revision such as origin/main or HEAD~1")
	}
	wd, err := os.Getwd()
	if err != nil {
		return nil, 0, usagef("--new-from-rev: %v", err)
	}
	repo, err := gitrev.Open(wd)
	if err != nil {
		return nil, 0, usagef("--new-from-rev: %v", err)
	}
	commit, err := repo.Resolve(rev)
	if err != nil {
		return nil, 0, usagef("--new-from-rev: %v", err)
	}
	size := int64(a.maxFileSize)
	old := map[[3]string]int{}
	if len(paths) > 0 {
		ol := loader.New(loader.Options{MaxFileSize: size, Roots: []string{repo.Dir}, ReadFile: repo.ReadFileFunc(commit, size)})
		lintOld := func(f *loader.File) []diag.Diagnostic {
			if diag.AnyFatal(f.Diags) {
				return nil // not in that revision (or unreadable there): all is new
			}
			return lint.Lint(f, cfg, opts)
		}
		loader.Stream(ol, paths, lintOld, func(ds []diag.Diagnostic) {
			for _, d := range ds {
				old[findingKey(d)]++
			}
		})
	}
	kept := ds[:0]
	dropped := 0
	for _, d := range ds {
		k := findingKey(d)
		if !d.Fatal && old[k] > 0 {
			old[k]--
			dropped++
			continue
		}
		kept = append(kept, d)
	}
	return kept, dropped, nil
}

// findingKey identifies a finding across revisions: file, rule and item,
// or the message when the finding names no item (format findings).
func findingKey(d diag.Diagnostic) [3]string {
	id := d.Item
	if id == "" {
		id = "message:" + d.Message
	}
	return [3]string{d.File, d.Rule, id}
}
