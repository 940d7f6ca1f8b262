package report

import (
	"bytes"
	"slices"
	"strings"

	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/loader"
)

// Collect loads the files args name and checks each in the worker that
// loaded it (loader.Stream), keeping only what a report needs: a summary
// of every file, the findings, and — with keepLines, for snippets — the
// lines the findings point at. Memory does not grow with clean files, so
// a run over thousands of maps holds a few lines of each. It returns the
// result of the run and the paths of the files that were read, in order.
func Collect(l *loader.Loader, args []string, check func(*loader.File) []diag.Diagnostic, keepLines bool) (*Result, []string) {
	var c collector
	var read []string
	problems := loader.Stream(l, args, func(f *loader.File) fileResult {
		return newFileResult(f, check(f), keepLines)
	}, func(r fileResult) {
		c.add(r)
		if r.summary.Path != loader.StdinPath && !r.fatal {
			read = append(read, r.summary.Path)
		}
	})
	return &Result{Files: c.files, Diags: c.findings(problems), Source: c.source(l)}, read
}

// Summarize is the summary of a loaded file.
func Summarize(f *loader.File) FileSummary {
	s := FileSummary{Path: f.Path, Kind: f.Kind}
	switch {
	case f.Journey != nil:
		s.ID = f.Journey.ID
	case f.Personas != nil:
		s.ID = f.Personas.ID
	}
	return s
}

// collector gathers what a streaming run keeps of each file once it is
// done with it. Findings and snippet lines are kept in forms the garbage
// collector need not scan: a run may hold thousands until the report.
type collector struct {
	files   []FileSummary
	diags   diag.Packed
	sources map[string]snippet
}

// fileResult is what a run keeps of one file. It is made in the worker
// that loaded the file, which can then let the file go.
type fileResult struct {
	summary FileSummary
	diags   []diag.Diagnostic
	snippet snippet // the lines diags point at
	fatal   bool    // the file could not be read or parsed
}

func newFileResult(f *loader.File, ds []diag.Diagnostic, keepLines bool) fileResult {
	r := fileResult{summary: Summarize(f), diags: ds, fatal: diag.AnyFatal(f.Diags)}
	if len(ds) > 0 && keepLines {
		r.snippet = snippetOf(f.Source, f.Path, ds)
	}
	return r
}

func (c *collector) add(r fileResult) {
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

// findings returns every finding, with the argument problems, sorted.
func (c *collector) findings(problems []diag.Diagnostic) []diag.Diagnostic {
	ds := c.diags.AppendTo(make([]diag.Diagnostic, 0, c.diags.Len()+len(problems)))
	ds = append(ds, problems...)
	c.diags = diag.Packed{}
	diag.Sort(ds)
	return diag.Dedup(ds)
}

// source finds a file's bytes: a checked file, else an included one.
func (c *collector) source(l *loader.Loader) func(string) []byte {
	return func(path string) []byte {
		if s, ok := c.sources[path]; ok {
			return s.source()
		}
		return l.Source(path)
	}
}

// snippet is what a run keeps of a source with findings: only the lines
// the findings point at.
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
