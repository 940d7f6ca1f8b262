package diff

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/journey-maps/journey/pkg/textfmt"
)

// Format is an output format of a diff.
type Format = textfmt.Format[func(w io.Writer, r *Result, o WriteOptions) error]

// Formats are the output formats of a diff, in the order help lists them:
// one file each.
var Formats = []Format{
	{Name: "text", Write: WriteText},
	{Name: "markdown", Write: WriteMarkdown},
	{Name: "json", Write: WriteJSON},
}

// WriteOptions tune the output.
type WriteOptions struct {
	Color bool // ANSI colours (text)
}

// FormatNames lists the names of Formats.
func FormatNames() []string { return textfmt.Names(Formats) }

// LookupFormat returns the format of a name.
func LookupFormat(name string) (Format, bool) { return textfmt.Lookup(Formats, name) }

// FormatNumber writes a number as short as it reads: 3, 0.8, 72.5.
func FormatNumber(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// formatValue writes a field value; quote wraps strings for text output.
func formatValue(v any, quote bool) string {
	q := func(s string) string {
		if quote {
			return strconv.Quote(s)
		}
		return s
	}
	switch x := v.(type) {
	case nil:
		return "(none)"
	case string:
		return q(x)
	case float64:
		return FormatNumber(x)
	case int:
		return strconv.Itoa(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case bool:
		return strconv.FormatBool(x)
	case []string:
		parts := make([]string, len(x))
		for i, s := range x {
			parts[i] = q(s)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case []any:
		parts := make([]string, len(x))
		for i, s := range x {
			parts[i] = formatValue(s, quote)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]int:
		parts := make([]string, 0, len(x))
		for _, k := range sortedKeys(x) {
			parts = append(parts, k+": "+strconv.Itoa(x[k]))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case map[string]any:
		parts := make([]string, 0, len(x))
		for _, k := range sortedKeys(x) {
			parts = append(parts, k+": "+formatValue(x[k], quote))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return q(fmt.Sprint(v))
}

// group is the changes of one part of a map: the map itself (map-level
// fields, personas, goals, metrics) or one stage.
type group struct {
	stage   string // "" for the map
	name    string
	changes []Change
}

// groups splits changes by stage, in the order the stages come.
func groups(changes []Change, names map[string]string) []group {
	var out []group
	at := map[string]int{}
	for _, c := range changes {
		i, ok := at[c.Stage]
		if !ok {
			i = len(out)
			at[c.Stage] = i
			out = append(out, group{stage: c.Stage, name: names[c.Stage]})
		}
		out[i].changes = append(out[i].changes, c)
	}
	// The map's own changes come first.
	sort.SliceStable(out, func(a, b int) bool { return out[a].stage == "" && out[b].stage != "" })
	return out
}

func summaryText(s Summary) string {
	if s.Total() == 0 {
		return "no item changed"
	}
	var parts []string
	for _, p := range []struct {
		n    int
		word string
	}{{s.Added, Added}, {s.Removed, Removed}, {s.Moved, Moved}, {s.Changed, Changed}} {
		if p.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", p.n, p.word))
		}
	}
	return strings.Join(parts, ", ")
}

// deltaText writes "3.2 → 3.5 (+0.3)" with places decimals.
func deltaText(d Delta, places int, minus string) string {
	s := figure(d.Old, places) + " → " + figure(d.New, places)
	if c, ok := changeText(d, places, minus); ok {
		s += " (" + c + ")"
	}
	return s
}

// changeText writes the change with places decimals and a sign, minus
// for a fall; false when a side is missing.
func changeText(d Delta, places int, minus string) (string, bool) {
	c, ok := d.Change()
	if !ok {
		return "", false
	}
	sign := "+"
	if c < 0 {
		sign, c = minus, -c
	}
	return sign + strconv.FormatFloat(c, 'f', places, 64), true
}

// figure writes a number with places decimals, or a dash when there is
// none.
func figure(p *float64, places int) string {
	if p == nil {
		return "–"
	}
	return strconv.FormatFloat(*p, 'f', places, 64)
}

// parentKind names what holds an item of a kind, for moves.
var parentKind = map[string]string{KindTouchpoint: "stage", KindPainPoint: "touchpoint", KindAction: "pain point"}

// moveText says where a moved item went.
func moveText(c Change) string {
	m := c.Move
	switch {
	case m == nil:
		return ""
	case c.Kind == KindStage, m.FromParent == m.ToParent:
		return fmt.Sprintf("position %d → %d", m.FromPosition, m.ToPosition)
	}
	return fmt.Sprintf("%s %s → %s", parentKind[c.Kind], m.FromParent, m.ToParent)
}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
)
