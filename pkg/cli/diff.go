package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
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

// pair is the two versions of one file.
type pair struct {
	path, oldPath string
	old, new      *loader.File
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
	dash := cmd.ArgsLenAtDash()
	if dash < 0 && isDriverArgs(args) {
		// git dies when its external diff driver fails: always exit 0.
		if err := a.diffDriver(args, outs, f, today); err != nil {
			fmt.Fprintf(a.env.Stderr, "journey diff: %s\n", textfmt.Sanitize(err.Error()))
		}
		return nil
	}
	var pairs []pair
	switch {
	case dash < 0 && len(args) == 2 && isFileArg(args[0]) && isFileArg(args[1]):
		p, err := a.filePair(args[0], args[1])
		if err != nil {
			return err
		}
		pairs = []pair{p}
	default:
		revs, paths := args, []string(nil)
		if dash >= 0 {
			revs, paths = args[:dash], args[dash:]
		}
		if len(revs) > 2 {
			return usagef("diff takes two files, or at most two revisions before --; got %d arguments (paths go after --)", len(revs))
		}
		if len(revs) == 2 && dash < 0 && (isFileArg(revs[0]) || isFileArg(revs[1])) {
			for _, r := range revs {
				if !isFileArg(r) {
					return usagef("%s: no such file", r)
				}
			}
		}
		pairs, err = a.revPairs(revs, paths)
		if err != nil {
			return err
		}
	}
	res, fatal, err := a.compare(pairs, f, today, true)
	if err != nil {
		return err
	}
	if err := a.writeDiff(outs, res); err != nil {
		return err
	}
	switch {
	case fatal:
		return exitCode(ExitUsage)
	case f.exitCode && res.Different, f.failOnRegression && res.Regression:
		return exitCode(ExitFindings)
	}
	return nil
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

// isHash and isMode recognise the object hash (7 to 64 lowercase hex
// digits) and the file mode (6 octal digits) git passes a diff driver; git
// writes "." for both on a side that does not exist (an added or deleted
// file, whose file is /dev/null).
func isHash(s string) bool { return s == "." || allIn(s, 7, 64, "0123456789abcdef") }

func isMode(s string) bool { return s == "." || allIn(s, 6, 6, "01234567") }

// allIn reports whether s has least to most bytes, each one of digits.
func allIn(s string, least, most int, digits string) bool {
	if len(s) < least || len(s) > most {
		return false
	}
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(digits, s[i]) < 0 {
			return false
		}
	}
	return true
}

// isDriverArgs recognises the arguments git passes to an external diff
// driver: path old-file old-hex old-mode new-file new-hex new-mode, plus
// new-path and a rename message on a rename.
func isDriverArgs(args []string) bool {
	if len(args) != 7 && len(args) != 9 {
		return false
	}
	return isHash(args[2]) && isMode(args[3]) && isHash(args[5]) && isMode(args[6])
}

// diffDriver compares the two files git gives an external diff driver.
// git writes the old blob to a temporary file; it is loaded under its real
// path so that its includes resolve, from the working tree.
func (a *app) diffDriver(args []string, outs []output, f diffFlags, today time.Time) error {
	path, newPath := args[0], args[0]
	if len(args) == 9 {
		newPath = args[7]
	}
	size := int64(a.maxFileSize)
	load := func(file, as string) (*loader.File, error) {
		if file == "/dev/null" {
			return nil, nil
		}
		data, err := loader.ReadFile(file, size)
		if err != nil {
			return nil, fmt.Errorf("%s: %s", file, loader.ReadMessage(err))
		}
		l := loader.New(loader.Options{MaxFileSize: size, Roots: loader.DefaultRoots([]string{as})})
		return l.LoadBytes(as, data), nil
	}
	old, err := load(args[1], path)
	if err != nil {
		return err
	}
	nw, err := load(args[4], newPath)
	if err != nil {
		return err
	}
	res, _, err := a.compare([]pair{{path: newPath, oldPath: path, old: old, new: nw}}, f, today, false)
	if err != nil {
		return err
	}
	return a.writeDiff(outs, res)
}

func (a *app) filePair(oldPath, newPath string) (pair, error) {
	if oldPath == "-" && newPath == "-" {
		return pair{}, usagef("only one side can be read from standard input")
	}
	load := func(p string) (*loader.File, error) {
		l := a.newLoader()
		files, problems := l.Load([]string{p})
		if len(problems) > 0 {
			return nil, usagef("%s", problems[0].Message)
		}
		return files[0], nil
	}
	old, err := load(oldPath)
	if err != nil {
		return pair{}, err
	}
	nw, err := load(newPath)
	if err != nil {
		return pair{}, err
	}
	return pair{path: nw.Path, oldPath: old.Path, old: old, new: nw}, nil
}

// revPairs lists the journey files under paths (the whole repository when
// none) at the old revision and at the new one (the working tree when only
// one revision is given) and pairs them by path.
func (a *app) revPairs(revs, paths []string) ([]pair, error) {
	if len(revs) == 0 {
		revs = []string{"HEAD"}
	}
	size := int64(a.maxFileSize)
	wd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	repo, err := gitrev.Open(wd)
	if err != nil {
		return nil, usagef("%s: revisions need a git repository (or give two files)", err)
	}
	var rels []string
	for _, p := range paths {
		rel, err := repo.Rel(p)
		if err != nil {
			return nil, usagef("%s", err)
		}
		rels = append(rels, rel)
	}
	type version struct {
		files  map[string]bool
		loader *loader.Loader
	}
	var versions []*version
	for _, rev := range revs {
		commit, err := repo.Resolve(rev)
		if err != nil {
			return nil, usagef("%s", err)
		}
		listed, err := repo.ListFiles(commit, rels...)
		if err != nil {
			return nil, fmt.Errorf("listing files at %s: %w", rev, err)
		}
		v := &version{files: map[string]bool{}}
		for _, f := range listed {
			// A file named itself as a path is read whatever its name.
			if loader.IsJourneyFile(f) || slices.Contains(rels, f) {
				v.files[f] = true
			}
		}
		v.loader = loader.New(loader.Options{MaxFileSize: size, Roots: []string{repo.Dir}, ReadFile: repo.ReadFileFunc(commit, size)})
		versions = append(versions, v)
	}
	if len(versions) == 1 {
		v := &version{files: map[string]bool{}}
		v.loader = loader.New(loader.Options{MaxFileSize: size, Roots: []string{repo.Dir}})
		for _, f := range worktreeFiles(repo, rels) {
			v.files[f] = true
		}
		versions = append(versions, v)
	}
	all := map[string]bool{}
	for _, v := range versions {
		for f := range v.files {
			all[f] = true
		}
	}
	for _, rel := range rels {
		found := false
		for f := range all {
			if f == rel || strings.HasPrefix(f, rel+string(filepath.Separator)) || rel == "." {
				found = true
				break
			}
		}
		if !found {
			return nil, usagef("%s: no journey file there in either version", rel)
		}
	}
	sorted := make([]string, 0, len(all))
	for f := range all {
		sorted = append(sorted, f)
	}
	sort.Strings(sorted)
	realWd := wd
	if r, err := filepath.EvalSymlinks(wd); err == nil {
		realWd = r
	}
	var out []pair
	for _, rel := range sorted {
		shown := filepath.Join(repo.Dir, rel)
		if r, err := filepath.Rel(realWd, shown); err == nil {
			shown = r
		}
		p := pair{path: shown, oldPath: shown}
		if versions[0].files[rel] {
			p.old = versions[0].loader.LoadFile(shown)
		}
		if versions[1].files[rel] {
			p.new = versions[1].loader.LoadFile(shown)
		}
		out = append(out, p)
	}
	return out, nil
}

// worktreeFiles lists the journey files of the working tree under the
// repository-relative paths (everything when none), repository-relative.
func worktreeFiles(repo *gitrev.Repo, rels []string) []string {
	var args []string
	for _, r := range rels {
		abs := filepath.Join(repo.Dir, r)
		if _, err := os.Stat(abs); err == nil {
			args = append(args, abs)
		}
	}
	if len(rels) == 0 {
		args = []string{repo.Dir}
	}
	if len(args) == 0 {
		return nil
	}
	found, _ := loader.Expand(args)
	var out []string
	for _, f := range found {
		if rel, err := filepath.Rel(repo.Dir, f); err == nil {
			out = append(out, rel)
		}
	}
	return out
}

// compare loads both sides' findings and compares every pair. It reports
// the files that could not be read or parsed on stderr; fatal is true when
// there was one.
func (a *app) compare(pairs []pair, f diffFlags, today time.Time, onlyDifferent bool) (*diff.Result, bool, error) {
	lint, weights, err := a.diffLinter(f)
	if err != nil {
		return nil, false, err
	}
	fatal := false
	var files []*diff.FileDiff
	for _, p := range pairs {
		var versions [2]*diff.Version
		for i, lf := range []*loader.File{p.old, p.new} {
			if lf == nil {
				continue
			}
			if diag.AnyFatal(lf.Diags) {
				// Only what stops the comparison is printed: other findings
				// count in the health and, with --lint, in the findings.
				for _, d := range lf.Diags {
					if d.Fatal {
						fmt.Fprintf(a.env.Stderr, "%s\n", textfmt.Sanitize(d.String()))
					}
				}
				fatal = true
				continue
			}
			v := &diff.Version{Findings: lint(lf, today)}
			switch {
			case lf.Journey != nil:
				v.Journey = lf.Journey
			case lf.Personas != nil:
				v.Journey = diff.LibraryAsJourney(lf.Personas)
			}
			versions[i] = v
		}
		if (p.old != nil && versions[0] == nil) || (p.new != nil && versions[1] == nil) {
			continue // a side that could not be read is not compared
		}
		fd := diff.CompareFile(p.path, p.oldPath, versions[0], versions[1], diff.Options{Lint: f.lint, Today: today, Weights: weights})
		if onlyDifferent && len(pairs) > 1 && !fd.Different() {
			continue
		}
		files = append(files, fd)
	}
	return diff.NewResult(files), fatal, nil
}

// diffLinter returns what a version is judged on: its lint findings (the
// format findings and the practice rules of the configuration found from
// the current directory, or --config), which give the health and, with
// --lint, the findings introduced and fixed. It also returns the priority
// weights of the configuration.
func (a *app) diffLinter(f diffFlags) (func(*loader.File, time.Time) []diag.Diagnostic, score.Weights, error) {
	// A version is judged as journey score judges a map.
	cfg, w, err := a.scoreConfig(f.config)
	if err != nil {
		return nil, score.Weights{}, err
	}
	return func(file *loader.File, day time.Time) []diag.Diagnostic { return scoreFindings(file, cfg, day) }, w, nil
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
