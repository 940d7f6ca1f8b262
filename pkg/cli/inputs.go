package cli

import (
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/journey-maps/journey/pkg/atomicfile"
	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/gitrev"
	"github.com/journey-maps/journey/pkg/loader"
	"github.com/journey-maps/journey/pkg/report"
	"github.com/journey-maps/journey/pkg/textfmt"
)

// byteSize is the --max-file-size flag: 8MiB, 512KiB, 10MB, 4096 and
// similar, read once when the flag is parsed.
type byteSize int64

func (b *byteSize) String() string { return loader.FormatSize(int64(*b)) }

func (b *byteSize) Type() string { return "size" }

func (b *byteSize) Set(s string) error {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"GIB", 1 << 30}, {"MIB", 1 << 20}, {"KIB", 1 << 10}, {"GB", 1e9}, {"MB", 1e6}, {"KB", 1e3}, {"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(t, 10, 64)
	if err != nil || n <= 0 || n > math.MaxInt64/mult {
		return fmt.Errorf("want a size such as 8MiB, 512KiB or 1048576")
	}
	*b = byteSize(n * mult)
	return nil
}

// newLoader makes a loader for the arguments with the global flags
// applied: includes may not leave the current directory, the first
// argument's directory or the repository holding it (repoRoot).
func (a *app) newLoader(args []string) *loader.Loader {
	return loader.New(loader.Options{MaxFileSize: int64(a.maxFileSize), Stdin: a.env.Stdin, Roots: loader.DefaultRoots(args, a.repoRoot(args))})
}

// repoRoot is the top of the repository holding the first argument (the
// current directory without one), worked out once a command: includes may
// not leave it, and SARIF and github paths are relative to it. "" outside
// git.
func (a *app) repoRoot(args []string) string {
	if !a.rootKnown {
		dir := loader.FirstDir(args)
		if dir == "" {
			dir = "."
		}
		a.root, a.rootKnown = gitrev.Root(dir), true
	}
	return a.root
}

// defaultArgs: with no arguments, commands read the current directory.
func defaultArgs(args []string) []string {
	if len(args) == 0 {
		return []string{"."}
	}
	return args
}

// output is one destination of a report: a format and a file ("" = stdout).
type output struct {
	format string
	path   string
}

// parseOutputs reads repeated --format values: FMT prints to stdout,
// FMT=FILE writes to a file. At most one goes to stdout; default text.
func parseOutputs(values []string, allowed []string) ([]output, error) {
	var outs []output
	stdout := 0
	for _, v := range values {
		f, path, hasPath := strings.Cut(v, "=")
		if hasPath && path == "" {
			return nil, usagef("--format %q: a file name must follow =", v)
		}
		if !slices.Contains(allowed, f) {
			return nil, usagef("--format %q: %s (optionally FMT=FILE)", f, diag.Choice(f, allowed))
		}
		if !hasPath {
			stdout++
		}
		outs = append(outs, output{format: f, path: path})
	}
	if stdout > 1 {
		return nil, usagef("--format: only one format can go to standard output; write the others with FMT=FILE")
	}
	if stdout == 0 {
		outs = append([]output{{format: "text"}}, outs...)
	}
	return outs, nil
}

// writeOutputs writes a result to every output: standard output, or a
// file written atomically. write is told whether it writes to standard
// output, where colour and snippets may go.
func (a *app) writeOutputs(outs []output, write func(w io.Writer, o output, stdout bool) error) error {
	for _, o := range outs {
		if o.path == "" {
			if err := write(a.env.Stdout, o, true); err != nil {
				return err
			}
			continue
		}
		err := atomicfile.Write(o.path, func(w io.Writer) error { return write(w, o, false) })
		if err != nil {
			return err // names the file and why
		}
	}
	return nil
}

// writeReport writes check results to every output.
func (a *app) writeReport(outs []output, r *report.Result) error {
	color, err := a.useColor(a.env.Stdout)
	if err != nil {
		return err
	}
	return a.writeOutputs(outs, func(w io.Writer, o output, stdout bool) error {
		f, ok := report.LookupFormat(o.format)
		if !ok {
			return usagef("--format %q is not available", o.format)
		}
		opts := report.Options{Version: versionString(), RepoRoot: a.repoRoot(nil)}
		if stdout {
			opts.Color, opts.Snippets = color, a.showsSnippets(o)
		}
		return f.Write(w, r, opts)
	})
}

// showsSnippets reports whether an output shows the source line under
// each finding: text on a terminal.
func (a *app) showsSnippets(o output) bool {
	return o.format == "text" && o.path == "" && a.env.IsTerminal(a.env.Stdout)
}

// keepsSnippets reports whether a run must keep the lines its findings
// point at: one of its outputs shows them.
func (a *app) keepsSnippets(outs []output) bool {
	return slices.ContainsFunc(outs, a.showsSnippets)
}

// tableWidth is the column count tables on standard output fit: --width,
// else the terminal's, else $COLUMNS; 0 (no wrapping, for a pipe or a
// file) when none is known.
func (a *app) tableWidth(flag int) int {
	if flag > 0 {
		return flag
	}
	if a.env.IsTerminal(a.env.Stdout) {
		if w := terminalWidth(a.env.Stdout); w > 0 {
			return w
		}
	}
	if n, err := strconv.Atoi(a.env.Getenv("COLUMNS")); err == nil && n > 0 {
		return n
	}
	return 0
}

// refuse prints the format findings of the maps a command will not
// compute from, as validate prints them, and says so: figures, pictures
// and diffs of a map that breaks its format would be wrong. It returns the
// exit code: 2 when a file could not be read or parsed, else 1.
func (a *app) refuse(command string, ds []diag.Diagnostic, source func(string) []byte) error {
	color, err := a.useColor(a.env.Stderr)
	if err != nil {
		return err
	}
	snippets := a.env.IsTerminal(a.env.Stderr)
	r := &report.Result{Command: command, Diags: ds, Source: source}
	if err := report.Text(a.env.Stderr, r, report.Options{Color: color, Snippets: snippets}); err != nil {
		return err
	}
	files := map[string]bool{}
	for _, d := range ds {
		if !d.Fatal && d.Severity == diag.Error {
			files[d.File] = true
		}
	}
	if len(files) > 0 {
		fmt.Fprintf(a.env.Stderr, "journey: %s: %s with format errors not used: fix the errors above first\n",
			command, textfmt.Plural(len(files), "map"))
	}
	return exitFor(ds, diag.Error)
}

// sourceFrom finds a file's bytes in sources, else in the loader (an
// included file).
func sourceFrom(sources map[string][]byte, l *loader.Loader) func(string) []byte {
	return func(path string) []byte {
		if s, ok := sources[path]; ok {
			return s
		}
		return l.Source(path)
	}
}

// exitFor is the exit code of a run: 2 when a file could not be read or
// parsed, 1 when a finding reaches the failing severity, else 0.
func exitFor(ds []diag.Diagnostic, failOn diag.Severity) error {
	switch {
	case diag.AnyFatal(ds):
		return exitCode(ExitUsage)
	case diag.Max(ds) >= failOn:
		return exitCode(ExitFindings)
	}
	return nil
}

// addFormatFlag registers the repeatable --format flag.
func addFormatFlag(cmd *cobra.Command, target *[]string, allowed []string) {
	cmd.Flags().StringArrayVarP(target, "format", "f", nil,
		fmt.Sprintf("output format: %s; FMT=FILE writes that format to a file (repeatable)", strings.Join(allowed, ", ")))
}

// samePath reports whether two paths name the same file (through links
// too, when both exist).
func samePath(a, b string) bool {
	sa, errA := os.Stat(a)
	sb, errB := os.Stat(b)
	if errA == nil && errB == nil {
		return os.SameFile(sa, sb)
	}
	aa, errA := filepath.Abs(a)
	bb, errB := filepath.Abs(b)
	return errA == nil && errB == nil && aa == bb
}
