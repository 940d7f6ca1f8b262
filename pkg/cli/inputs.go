package cli

import (
	"bytes"
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
	"github.com/journey-maps/journey/pkg/loader"
	"github.com/journey-maps/journey/pkg/report"
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

// newLoader makes a loader with the global flags applied.
func (a *app) newLoader() *loader.Loader {
	return loader.New(loader.Options{MaxFileSize: int64(a.maxFileSize), Stdin: a.env.Stdin})
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
			return nil, usagef("--format %q: want one of %s (optionally FMT=FILE)", f, strings.Join(allowed, ", "))
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
			return fmt.Errorf("writing %s: %w", o.path, err)
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
		opts := report.Options{Version: versionString()}
		if stdout {
			opts.Color, opts.Snippets = color, a.showsSnippets(o)
		}
		return f.Write(w, r, opts)
	})
}

// checked gathers what a streaming run keeps of each file once it is
// done with it: a summary, the findings, and the source only of files
// with findings (for snippets), so memory does not grow with clean files.
// Findings and snippet lines are kept in forms the garbage collector need
// not scan: a run may hold thousands until the report.
type checked struct {
	files   []report.FileSummary
	diags   diag.Packed
	sources map[string]snippet
}

// checkedFile is what a run keeps of one file. It is made in the worker
// that loaded the file (loader.Stream), which can then let the file go.
type checkedFile struct {
	summary report.FileSummary
	diags   []diag.Diagnostic
	snippet snippet // the lines diags point at
	fatal   bool    // the file could not be read or parsed
}

// checkFile keeps of a file what the report needs of it with findings
// ds: the lines they point at only when a report shows snippets.
func checkFile(f *loader.File, ds []diag.Diagnostic, snippets bool) checkedFile {
	r := checkedFile{summary: summaryOf(f), diags: ds, fatal: diag.AnyFatal(f.Diags)}
	if len(ds) > 0 && snippets {
		r.snippet = snippetOf(f.Source, f.Path, ds)
	}
	return r
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

func (c *checked) add(r checkedFile) {
	c.files = append(c.files, r.summary)
	if len(r.diags) == 0 {
		return
	}
	c.diags.Add(r.diags...)
	if len(r.snippet.numbers) == 0 {
		// No lines kept (no snippets are shown, or no finding has a
		// line): the report asks for none of this file's, and an entry
		// per file would be a map the collector marks every cycle.
		return
	}
	if c.sources == nil {
		c.sources = map[string]snippet{}
	}
	c.sources[r.summary.Path] = r.snippet
}

// snippet is what a run keeps of a source with findings: only the lines
// the findings point at, so a run over thousands of maps holds a few
// lines of each.
type snippet struct {
	numbers []int  // ascending
	text    string // the lines, each ended by a newline
}

// snippetOf keeps the lines of src that findings in path point at.
func snippetOf(src []byte, path string, ds []diag.Diagnostic) snippet {
	var want []int
	for _, d := range ds {
		if d.File == path && d.Line > 0 {
			want = append(want, d.Line)
		}
	}
	slices.Sort(want)
	want = slices.Compact(want)
	s := snippet{numbers: make([]int, 0, len(want))}
	var text []byte
	for line := 1; len(src) > 0 && len(want) > 0; line++ {
		end := bytes.IndexByte(src, '\n')
		if end < 0 {
			end = len(src)
		}
		if want[0] == line {
			s.numbers = append(s.numbers, line)
			text = append(append(text, src[:end]...), '\n')
			want = want[1:]
		}
		src = src[min(end+1, len(src)):]
	}
	s.text = string(text)
	return s
}

// source spells the kept lines out at their line numbers, the lines
// between them empty, for the reports.
func (s snippet) source() []byte {
	var out []byte
	line := 1
	text := s.text
	for _, n := range s.numbers {
		for ; line < n; line++ {
			out = append(out, '\n')
		}
		end := strings.IndexByte(text, '\n')
		out = append(out, text[:end]...)
		text = text[end+1:]
	}
	return out
}

// findings returns every finding, with the argument problems, sorted.
func (c *checked) findings(problems []diag.Diagnostic) []diag.Diagnostic {
	ds := c.diags.AppendTo(make([]diag.Diagnostic, 0, c.diags.Len()+len(problems)))
	ds = append(ds, problems...)
	c.diags = diag.Packed{}
	diag.Sort(ds)
	return diag.Dedup(ds)
}

// source finds a file's bytes: a checked file, else an included one.
func (c *checked) source(l *loader.Loader) func(string) []byte {
	return func(path string) []byte {
		if s, ok := c.sources[path]; ok {
			return s.source()
		}
		return l.Source(path)
	}
}

// fileSummaries lists the loaded files for reports.
func fileSummaries(files []*loader.File) []report.FileSummary {
	out := make([]report.FileSummary, 0, len(files))
	for _, f := range files {
		out = append(out, summaryOf(f))
	}
	return out
}

func summaryOf(f *loader.File) report.FileSummary {
	s := report.FileSummary{Path: f.Path, Kind: f.Kind}
	switch {
	case f.Journey != nil:
		s.ID = f.Journey.ID
	case f.Personas != nil:
		s.ID = f.Personas.ID
	}
	return s
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
