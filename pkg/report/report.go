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
	// RepoRoot returns the root of the repository holding directory dir,
	// or "" when dir is not in one; SARIF and github paths are relative to
	// it. Nil means GitRoot. Tests set it to stay independent of git.
	RepoRoot func(dir string) string
}

// Format is an output format of check results.
type Format struct {
	Name  string
	Write func(w io.Writer, r *Result, o Options) error
}

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
func FormatNames() []string {
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = f.Name
	}
	return names
}

// LookupFormat returns the format of a name.
func LookupFormat(name string) (Format, bool) {
	for _, f := range Formats {
		if f.Name == name {
			return f, true
		}
	}
	return Format{}, false
}

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

// Summary is a one-line account of the run: "2 errors, 1 warning in 3 files".
func (r *Result) Summary() string {
	e, w, i := r.Counts()
	files := textfmt.Plural(len(r.Files), "file")
	if e+w+i == 0 {
		return fmt.Sprintf("no problems in %s", files)
	}
	var parts []string
	for _, c := range []struct {
		n    int
		name string
	}{{e, "error"}, {w, "warning"}, {i, "info"}} {
		if c.n > 0 {
			parts = append(parts, textfmt.Plural(c.n, c.name))
		}
	}
	return fmt.Sprintf("%s in %s", strings.Join(parts, ", "), files)
}

// GitRoot returns the real path of the root of the repository holding
// directory dir, or "" when dir is not in a repository.
func GitRoot(dir string) string {
	repo, err := gitrev.Open(dir)
	if err != nil {
		return ""
	}
	return repo.Dir
}

// repoPaths turns the paths of findings into paths relative to the root of
// their repository (the current directory outside git), with forward
// slashes and no leading "./". It remembers the real root of each
// directory and the answer for each path, so git runs and symbolic links
// are resolved once a directory and once a file, not per finding.
type repoPaths struct {
	root  func(dir string) string
	cwd   string
	roots map[string]*gitrev.Repo
	done  map[string]relPath
}

type relPath struct {
	rel    string
	inRepo bool
}

func newRepoPaths(o Options) *repoPaths {
	root := o.RepoRoot
	if root == nil {
		root = GitRoot
	}
	cwd, _ := os.Getwd()
	return &repoPaths{root: root, cwd: cwd, roots: map[string]*gitrev.Repo{}, done: map[string]relPath{}}
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
	abs, err := filepath.Abs(path)
	if err != nil {
		return cleanSlash(path), false
	}
	dir := filepath.Dir(abs)
	repo, ok := p.roots[dir]
	if !ok {
		root := p.root(dir)
		if root == "" {
			root = p.cwd
		}
		// Rel compares real paths: the root must be one too.
		if r, err := filepath.EvalSymlinks(root); err == nil {
			root = r
		}
		repo = &gitrev.Repo{Dir: root}
		p.roots[dir] = repo
	}
	rel, err := repo.Rel(abs)
	if err != nil {
		return cleanSlash(path), false
	}
	return filepath.ToSlash(rel), true
}

// cleanSlash cleans a path, uses forward slashes and drops a leading "./".
func cleanSlash(path string) string {
	return strings.TrimPrefix(filepath.ToSlash(filepath.Clean(path)), "./")
}
