package cli

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/diff"
	"github.com/journey-maps/journey/pkg/gitrev"
	"github.com/journey-maps/journey/pkg/loader"
	"github.com/journey-maps/journey/pkg/score"
	"github.com/journey-maps/journey/pkg/textfmt"
)

type diffFlags struct {
	formats          []string
	lint             bool
	exitCode         bool
	failOnRegression bool
	today            string
	config           string
}

func newDiffCmd(a *app) *cobra.Command {
	var f diffFlags
	cmd := &cobra.Command{
		Use:   "diff OLD NEW | diff [REV [REV]] [-- PATH...]",
		Short: "Semantic diff of two versions of a map: items, scores and findings",
		Long: `diff compares two versions of journey maps item by item. Items are matched
by id within their kind (personas, goals, metrics, stages, touchpoints, pain
points, actions; evidence by source and summary), so a touchpoint that changes
stage is a move. It reports added, removed, moved and changed items with the
old and new value of each changed field, the change in experience (overall and
per stage), in backlog priorities and in health, and with --lint the findings
the change introduces and fixes.

Inputs:
  journey diff OLD NEW             two files
  journey diff REV [-- PATH...]    the working tree against git revision REV
  journey diff REV1 REV2 [-- ...]  two git revisions
  journey diff                     the working tree against HEAD
Maps at a revision are read from git, includes at the same revision. Given
the seven (or nine) arguments git passes to an external diff driver, diff
prints the comparison and always exits 0, so git diff can use it: see
docs/diff.md.

--exit-code exits 1 when any item differs; --fail-on-regression exits 1 when a
stage's experience or a map's health goes down.`,
		Example: `  journey diff old.journey.yaml new.journey.yaml
  journey diff main -- examples/
  journey diff --format markdown --lint origin/main HEAD
  journey diff --fail-on-regression main`,
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runDiff(cmd, args, f)
		},
	}
	fl := cmd.Flags()
	addFormatFlag(cmd, &f.formats, diff.FormatNames())
	fl.BoolVar(&f.lint, "lint", false, "list the lint findings the change introduces and fixes")
	fl.BoolVar(&f.exitCode, "exit-code", false, "exit 1 when any item differs")
	fl.BoolVar(&f.failOnRegression, "fail-on-regression", false, "exit 1 when a stage's experience or a map's health goes down")
	fl.StringVar(&f.today, "today", "", "the date goals and reviews are judged on (YYYY-MM-DD)")
	fl.StringVar(&f.config, "config", "", "lint configuration file (default: .journeylint.yaml found from the current directory upward)")
	return cmd
}

func (a *app) runDiff(cmd *cobra.Command, args []string, f diffFlags) error {
	outs, err := parseOutputs(f.formats, diff.FormatNames())
	if err != nil {
		return err
	}
	today, err := a.renderToday(f.today)
	if err != nil {
		return err
	}
	judge, weights, err := a.diffLinter(f, today)
	if err != nil {
		return err
	}
	opts := diff.CompareOptions{Options: diff.Options{Lint: f.lint, Today: today, Weights: weights}, Judge: judge}
	dash := cmd.ArgsLenAtDash()
	if dash < 0 && diff.IsDriverArgs(args) {
		// git dies when its external diff driver fails: always exit 0.
		if err := a.diffDriver(args, outs, opts); err != nil {
			fmt.Fprintf(a.env.Stderr, "journey diff: %s\n", textfmt.Sanitize(err.Error()))
		}
		return nil
	}
	pairs, err := a.diffPairs(args, dash)
	if err != nil {
		return err
	}
	opts.OnlyDifferent = true
	res, refused := diff.ComparePairs(pairs, opts)
	if err := a.writeDiff(outs, res); err != nil {
		return err
	}
	switch {
	case len(refused) > 0:
		return a.refuse("diff", refused, pairSource(pairs))
	case f.exitCode && res.Different, f.failOnRegression && res.Regression:
		return exitCode(ExitFindings)
	}
	return nil
}

// diffPairs reads the arguments: two files, or revisions and paths.
func (a *app) diffPairs(args []string, dash int) ([]diff.Pair, error) {
	if dash < 0 && len(args) == 2 && isFileArg(args[0]) && isFileArg(args[1]) {
		p, err := diff.FilePair(args[0], args[1], func(p string) *loader.Loader { return a.newLoader([]string{p}) })
		if err != nil {
			return nil, usageError{msg: err.Error()}
		}
		return []diff.Pair{p}, nil
	}
	revs, paths := args, []string(nil)
	if dash >= 0 {
		revs, paths = args[:dash], args[dash:]
	}
	if len(revs) > 2 {
		return nil, usagef("diff takes two files, or at most two revisions before --; got %d arguments (paths go after --)", len(revs))
	}
	if len(revs) == 2 && dash < 0 && (isFileArg(revs[0]) || isFileArg(revs[1])) {
		for _, r := range revs {
			if !isFileArg(r) {
				return nil, usagef("%s: no such file", r)
			}
		}
	}
	wd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	repo, err := gitrev.Open(wd)
	if err != nil {
		return nil, usagef("%s: revisions need a git repository (or give two files)", err)
	}
	pairs, err := diff.RevisionPairs(diff.Revisions{Repo: repo, Revs: revs, Paths: paths, WorkDir: wd, MaxFileSize: int64(a.maxFileSize)})
	if err != nil {
		return nil, usageError{msg: err.Error()}
	}
	return pairs, nil
}

// isFileArg reports whether an argument names a file (or stdin), not a
// revision.
func isFileArg(s string) bool {
	if s == "-" {
		return true
	}
	st, err := os.Stat(s)
	return err == nil && !st.IsDir()
}

// diffDriver compares the two files git gives an external diff driver.
func (a *app) diffDriver(args []string, outs []output, opts diff.CompareOptions) error {
	p, err := diff.DriverPair(args, int64(a.maxFileSize))
	if err != nil {
		return err
	}
	res, refused := diff.ComparePairs([]diff.Pair{p}, opts)
	if len(refused) == 0 {
		return a.writeDiff(outs, res)
	}
	// git shows what the driver prints on standard output: why the map
	// cannot be compared, then the plain line diff, so the reviewer still
	// sees the change.
	w := a.env.Stdout
	fmt.Fprintf(w, "journey diff: %s cannot be compared as a map:\n", textfmt.Sanitize(p.Path))
	for _, d := range refused {
		fmt.Fprintln(w, textfmt.Sanitize(d.String()))
	}
	return diff.LineDiff(w, "a/"+p.OldPath, "b/"+p.Path, sourceOf(p.Old), sourceOf(p.New))
}

// sourceOf is the bytes of a side, nil for one that does not exist.
func sourceOf(f *loader.File) []byte {
	if f == nil {
		return nil
	}
	return f.Source
}

// pairSource finds the bytes of a file of the pairs, for snippets.
func pairSource(pairs []diff.Pair) func(string) []byte {
	return func(path string) []byte {
		for _, p := range pairs {
			for _, f := range []*loader.File{p.New, p.Old} {
				if f != nil && f.Path == path {
					return f.Source
				}
			}
		}
		return nil
	}
}

// diffLinter returns what a version is judged on: its lint findings (the
// format findings and the practice rules of the configuration found from
// the current directory, or --config), which give the health and, with
// --lint, the findings introduced and fixed. It also returns the priority
// weights of the configuration.
func (a *app) diffLinter(f diffFlags, day time.Time) (func(*loader.File) []diag.Diagnostic, score.Weights, error) {
	// A version is judged as journey score judges a map.
	cfg, w, err := a.scoreConfig(f.config)
	if err != nil {
		return nil, score.Weights{}, err
	}
	return func(file *loader.File) []diag.Diagnostic { return scoreFindings(file, cfg, day) }, w, nil
}

// writeDiff writes the comparison to every output.
func (a *app) writeDiff(outs []output, res *diff.Result) error {
	color, err := a.useColor(a.env.Stdout)
	if err != nil {
		return err
	}
	return a.writeOutputs(outs, func(w io.Writer, o output, stdout bool) error {
		f, ok := diff.LookupFormat(o.format)
		if !ok {
			return usagef("--format %q is not available", o.format)
		}
		return f.Write(w, res, diff.WriteOptions{Color: color && stdout})
	})
}
