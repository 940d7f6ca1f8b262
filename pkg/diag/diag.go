// Package diag defines findings: what validate and lint report, where, and
// how bad it is.
package diag

import (
	"fmt"
	"sort"
	"strings"

	"github.com/journey-maps/journey/pkg/model"
)

// Severity orders findings: Info < Warning < Error.
type Severity int

// The severities, lowest first.
const (
	Info Severity = iota + 1
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "off"
}

// ParseSeverity reads "info", "warning" or "error".
func ParseSeverity(s string) (Severity, error) {
	switch s {
	case "info":
		return Info, nil
	case "warning":
		return Warning, nil
	case "error":
		return Error, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning or info)", s)
}

// MarshalText writes the severity as its name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Rule ids of the format checks made by validate. Lint rules use the ids
// of docs/rules.md; docs/format.md lists these.
const (
	RuleFile         = "file"          // a file that cannot be read
	RuleSyntax       = "yaml-syntax"   // not YAML, or not one mapping document
	RuleSchema       = "schema"        // a type, range, enum, required field or date
	RuleUnknownKey   = "unknown-key"   // a key the format does not have
	RuleDuplicateKey = "duplicate-key" // the same key twice in one mapping
	RuleDuplicateID  = "duplicate-id"  // the same id twice for one kind of item
	RuleReference    = "reference"     // an id that names nothing
	RuleInclude      = "include"       // an include that cannot be followed
	RuleShareTotal   = "share-total"   // persona shares that add up to more than 1
)

// Diagnostic is one finding.
type Diagnostic struct {
	model.Pos
	Severity Severity `json:"severity"`
	Rule     string   `json:"rule"`
	Message  string   `json:"message"`
	// Item names the map element the finding is about, as a path of kinds
	// and ids ("stage:consideration/touchpoint:product-page"); it is how
	// findings are matched across versions of a file, where lines move.
	Item string `json:"item,omitempty"`
	// Fatal marks a file that could not be read or parsed: exit code 2.
	Fatal bool `json:"-"`
}

// String is the finding as the text report writes it, without a snippet:
// file:line:col, or only the file for a finding about the whole file.
func (d Diagnostic) String() string {
	if d.Line <= 0 {
		return fmt.Sprintf("%s: %s: %s [%s]", d.File, d.Severity, d.Message, d.Rule)
	}
	return fmt.Sprintf("%s:%d:%d: %s: %s [%s]", d.File, d.Line, d.Col, d.Severity, d.Message, d.Rule)
}

// Sort orders findings by file, line, column, rule and message, so output
// is stable whatever order they were found in.
func Sort(ds []Diagnostic) {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	})
}

// Dedup drops findings identical to one before them; callers sort first.
func Dedup(ds []Diagnostic) []Diagnostic {
	out := ds[:0]
	for i, d := range ds {
		if i > 0 && d == ds[i-1] {
			continue
		}
		out = append(out, d)
	}
	return out
}

// Max returns the highest severity among the findings, 0 for none.
func Max(ds []Diagnostic) Severity {
	var m Severity
	for _, d := range ds {
		if d.Severity > m {
			m = d.Severity
		}
	}
	return m
}

// AnyFatal reports whether a finding means a file could not be read or parsed.
func AnyFatal(ds []Diagnostic) bool {
	for _, d := range ds {
		if d.Fatal {
			return true
		}
	}
	return false
}

// Suggest returns the candidate closest to s by edit distance, or "" when
// none is close enough to be a likely typo.
func Suggest(s string, candidates []string) string {
	best, bestD := "", len(s)/2+2
	for _, c := range candidates {
		if d := distance(strings.ToLower(s), strings.ToLower(c)); d < bestD {
			best, bestD = c, d
		}
	}
	if best == "" && len(s) >= 3 {
		for _, c := range candidates {
			if strings.HasPrefix(c, s) || strings.HasPrefix(s, c) {
				return c
			}
		}
	}
	return best
}

// distance is the Levenshtein distance between two strings, in runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return 1 << 30 // not a typo of anything we know
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// UnmarshalText reads a severity name, so JSON reports can be read back.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// RuleDoc documents a finding id: for `journey explain` and for the
// output formats that list rules (SARIF).
type RuleDoc struct {
	ID       string
	Severity Severity // default severity
	Summary  string   // one line: what it finds
	Why      string   // why it matters
	Fix      string   // how to make the finding go away
	HelpURI  string   // where it is documented on the web
}

// Help is why the rule matters and how to fix it, as one text.
func (r RuleDoc) Help() string {
	switch {
	case r.Why == "" && r.Fix == "":
		return ""
	case r.Fix == "":
		return r.Why
	case r.Why == "":
		return r.Fix
	}
	return r.Why + "\n\n" + r.Fix
}

// Choice words what a value must be, with a did-you-mean when it is close
// to one: `want one of error, warning or info: did you mean "warning"?`.
func Choice(got string, allowed []string) string {
	var list string
	switch n := len(allowed); n {
	case 0:
	case 1:
		list = allowed[0]
	default:
		list = strings.Join(allowed[:n-1], ", ") + " or " + allowed[n-1]
	}
	msg := "want " + list
	if len(allowed) > 2 {
		msg = "want one of " + list
	}
	if s := Suggest(got, allowed); s != "" {
		msg += fmt.Sprintf(": did you mean %q?", s)
	}
	return msg
}
