// Package report writes the findings of validate and lint in each output
// format, one file per format, listed in Formats.
package report

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/gitrev"
	"github.com/journey-maps/journey/pkg/loader"
	"github.com/journey-maps/journey/pkg/textfmt"
)

// Result is what a validate or lint run found.
type Result struct {
	Command string        // "validate" or "lint"
	Files   []FileSummary // every file checked, in order
	Diags   []diag.Diagnostic
	// Rules describes every rule that can appear in Diags (SARIF lists them).
	Rules []diag.RuleDoc
	// Source returns a file's content for snippets; it may return nil.
	Source func(path string) []byte
}

// FileSummary is one checked file.
type FileSummary struct {
	Path string `json:"path"`
	Kind string `json:"kind,omitempty"`
	ID   string `json:"id,omitempty"`
}

// Options tune the output.
type Options struct {
	Color    bool   // ANSI colour (text)
	Snippets bool   // the source line and a caret under each finding (text)
	Version  string // the tool's version (SARIF)
	// RepoRoot is the top of the repository SARIF and github paths are
	// relative to (gitrev.Root, worked out once by the command); "" means
	// the current directory.
	RepoRoot string
}

// Format is an output format of check results.
type Format = textfmt.Format[func(w io.Writer, r *Result, o Options) error]

// Formats are the output formats of validate and lint, in the order help
// lists them.
var Formats = []Format{
	{Name: "text", Write: Text},
	{Name: "json", Write: JSON},
	{Name: "sarif", Write: SARIF},
	{Name: "github", Write: GitHub},
	{Name: "junit", Write: JUnit},
}

// FormatNames lists the names of Formats.
func FormatNames() []string { return textfmt.Names(Formats) }

// LookupFormat returns the format of a name.
func LookupFormat(name string) (Format, bool) { return textfmt.Lookup(Formats, name) }

// Counts returns how many findings there are of each severity.
func (r *Result) Counts() (errors, warnings, infos int) {
	for _, d := range r.Diags {
		switch d.Severity {
		case diag.Error:
			errors++
		case diag.Warning:
			warnings++
		default:
			infos++
		}
	}
	return
}

// Summary is a one-line account of the run: "2 errors, 1 warning in 3
// files". A file named on the command line that could not be read counts
// as a file; a run that checked none says so.
func (r *Result) Summary() string {
	e, w, i := r.Counts()
	var parts []string
	for _, c := range []struct {
		n    int
		name string
	}{{e, "error"}, {w, "warning"}, {i, "info"}} {
		if c.n > 0 {
			parts = append(parts, textfmt.Plural(c.n, c.name))
		}
	}
	n := r.fileCount()
	switch {
	case n == 0 && len(parts) == 0:
		return "no journey file checked"
	case n == 0:
		return strings.Join(parts, ", ") + "; no journey file checked"
	case len(parts) == 0:
		return fmt.Sprintf("no problems in %s", textfmt.Plural(n, "file"))
	}
	return fmt.Sprintf("%s in %s", strings.Join(parts, ", "), textfmt.Plural(n, "file"))
}

// fileCount is the number of files checked, and of files named that could
// not be read (a directory with no journey file is not one).
func (r *Result) fileCount() int {
	files := map[string]bool{}
	for _, f := range r.Files {
		files[f.Path] = true
	}
	for _, d := range r.Diags {
		if d.Fatal && d.Rule == diag.RuleFile && d.Message != loader.NoJourneyFiles {
			files[d.File] = true
		}
	}
	return len(files)
}

// repoPaths turns the paths of findings into paths relative to the
// repository root (the current directory outside git), with forward
// slashes and no leading "./". It remembers the answer for each path, so
// symbolic links are resolved once a file, not once a finding.
type repoPaths struct {
	repo gitrev.Repo
	done map[string]relPath
}

type relPath struct {
	rel    string
	inRepo bool
}

func newRepoPaths(o Options) *repoPaths {
	root := o.RepoRoot
	if root == "" {
		root, _ = os.Getwd()
	}
	// Rel compares real paths: the root must be one too.
	if r, err := filepath.EvalSymlinks(root); err == nil {
		root = r
	}
	return &repoPaths{repo: gitrev.Repo{Dir: root}, done: map[string]relPath{}}
}

// rel returns the path relative to the repository root and true, or the
// cleaned path (slashes, no "./") and false when the file lies outside
// the root or is standard input.
func (p *repoPaths) rel(path string) (string, bool) {
	if path == "" || path == "<stdin>" {
		return path, false
	}
	r, ok := p.done[path]
	if !ok {
		r.rel, r.inRepo = p.resolve(path)
		p.done[path] = r
	}
	return r.rel, r.inRepo
}

func (p *repoPaths) resolve(path string) (string, bool) {
	rel, err := p.repo.Rel(path)
	if err != nil {
		return cleanSlash(path), false
	}
	return filepath.ToSlash(rel), true
}

// cleanSlash cleans a path, uses forward slashes and drops a leading "./".
func cleanSlash(path string) string {
	return strings.TrimPrefix(filepath.ToSlash(filepath.Clean(path)), "./")
}
