// Package report writes the findings of validate and lint in each output
// format: one file per format, each registered here by name.
package report

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/journey-maps/journey/pkg/diag"
)

// Result is what a validate or lint run found.
type Result struct {
	Command string        // "validate" or "lint"
	Files   []FileSummary // every file checked, in order
	Diags   []diag.Diagnostic
	// Rules describes every rule that can appear in Diags (SARIF lists them).
	Rules []Rule
	// Source returns a file's content for snippets; it may return nil.
	Source func(path string) []byte
}

// FileSummary is one checked file.
type FileSummary struct {
	Path string `json:"path"`
	Kind string `json:"kind,omitempty"`
	ID   string `json:"id,omitempty"`
}

// Rule describes a rule for formats that list them.
type Rule struct {
	ID       string
	Summary  string // one line: what it finds
	Help     string // why it matters and how to fix it
	HelpURI  string
	Severity diag.Severity // default severity
}

// Options tune the output.
type Options struct {
	Color    bool   // ANSI colour (text)
	Snippets bool   // the source line and a caret under each finding (text)
	Version  string // the tool's version (SARIF)
}

// Formatter writes a result in one format.
type Formatter func(w io.Writer, r *Result, o Options) error

var formatters = map[string]Formatter{}

// Register adds a format; each format's file registers itself.
func Register(name string, f Formatter) { formatters[name] = f }

// Lookup returns the formatter of a format.
func Lookup(name string) (Formatter, bool) {
	f, ok := formatters[name]
	return f, ok
}

// Names lists the registered formats, sorted.
func Names() []string {
	out := make([]string, 0, len(formatters))
	for n := range formatters {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
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
	files := plural(len(r.Files), "file")
	if e+w+i == 0 {
		return fmt.Sprintf("no problems in %s", files)
	}
	var parts []string
	for _, c := range []struct {
		n    int
		name string
	}{{e, "error"}, {w, "warning"}, {i, "info"}} {
		if c.n > 0 {
			parts = append(parts, plural(c.n, c.name))
		}
	}
	return fmt.Sprintf("%s in %s", strings.Join(parts, ", "), files)
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	if word == "info" {
		return fmt.Sprintf("%d infos", n)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// Sanitize makes text from a map safe for a terminal: control characters
// (which could move the cursor or change colours) are shown escaped.
func Sanitize(s string) string {
	clean := true
	for _, r := range s {
		if isControl(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if isControl(r) {
			fmt.Fprintf(&b, "\\u%04x", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isControl(r rune) bool {
	return (r < 0x20 && r != '\t') || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0x2028 || r == 0x2029 ||
		(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) // bidi overrides
}
