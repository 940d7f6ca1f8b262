package diff

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/textfmt"
)

// Formats are the output formats of a diff.
var Formats = []string{"text", "markdown", "json"}

// Write writes the result in a format: text, markdown or json. color adds
// ANSI colours to text.
func Write(w io.Writer, r *Result, format string, color bool) error {
	switch format {
	case "text":
		return WriteText(w, r, color)
	case "markdown":
		return WriteMarkdown(w, r)
	case "json":
		return WriteJSON(w, r)
	}
	return fmt.Errorf("unknown format %q", format)
}

// WriteJSON writes the result as indented JSON (shape in docs/diff.md).
func WriteJSON(w io.Writer, r *Result) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}

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

var opMark = map[string]string{Added: "+", Removed: "-", Moved: ">", Changed: "~"}
var opColor = map[string]string{Added: ansiGreen, Removed: ansiRed, Moved: ansiCyan, Changed: ansiYellow}

// WriteText writes the result for a terminal or a log.
func WriteText(w io.Writer, r *Result, color bool) error {
	paint := func(code, s string) string {
		if !color {
			return s
		}
		return code + s + ansiReset
	}
	b := &strings.Builder{}
	if len(r.Files) == 0 {
		b.WriteString("no journey files to compare\n")
	}
	for i, f := range r.Files {
		if i > 0 {
			b.WriteString("\n")
		}
		title := textfmt.Sanitize(f.Path)
		if f.OldPath != "" {
			title = textfmt.Sanitize(f.OldPath) + " → " + title
		}
		status := ""
		if f.Status != StatusModified {
			status = " (" + f.Status + ")"
		}
		fmt.Fprintf(b, "%s%s: %s\n", paint(ansiBold, title), status, summaryText(f.Summary))
		for _, g := range groups(f.Changes, f.stageNames) {
			if g.stage == "" {
				fmt.Fprintf(b, "  %s\n", paint(ansiBold, "map"))
			} else {
				fmt.Fprintf(b, "  %s\n", paint(ansiBold, "stage "+textfmt.Sanitize(g.stage)+nameSuffix(g.name)))
			}
			for _, c := range g.changes {
				line := opMark[c.Op] + " " + c.Kind
				if c.ID != "" {
					line += " " + textfmt.Sanitize(c.ID)
				}
				if c.Kind != KindMap && (c.Name != "" && c.Name != c.ID || c.ID == "") {
					line += " " + strconv.Quote(short(c.Name))
				}
				if c.Parent != "" && (c.Kind == KindPainPoint || c.Kind == KindAction || c.Kind == KindEvidence) {
					line += " (in " + textfmt.Sanitize(c.Parent) + ")"
				}
				if m := moveText(c); m != "" {
					line += ": " + m
				}
				fmt.Fprintf(b, "    %s\n", paint(opColor[c.Op], line))
				for _, fc := range c.Fields {
					fmt.Fprintf(b, "        %s: %s → %s\n", textfmt.Sanitize(fc.Name), formatValue(fc.Old, true), formatValue(fc.New, true))
				}
			}
		}
		writeTextScores(b, f, paint)
		if f.Lint != nil && len(f.Lint.Introduced)+len(f.Lint.Fixed) > 0 {
			fmt.Fprintf(b, "  %s\n", paint(ansiBold, "findings"))
			for _, d := range f.Lint.Introduced {
				fmt.Fprintf(b, "    %s %s\n", paint(ansiRed, "introduced"), findingText(d))
			}
			for _, d := range f.Lint.Fixed {
				fmt.Fprintf(b, "    %s %s\n", paint(ansiGreen, "fixed"), findingText(d))
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeTextScores(b *strings.Builder, f *FileDiff, paint func(string, string) string) {
	s := f.Scores
	if s == nil {
		return
	}
	var lines []string
	worse := func(d Delta) string {
		if c, ok := d.Change(); ok && c <= -0.005 {
			return "  " + paint(ansiRed, "regression")
		}
		return ""
	}
	if s.Experience.Changed() {
		lines = append(lines, "experience "+deltaText(s.Experience, 2, "-"))
	}
	for _, st := range s.Stages {
		lines = append(lines, "stage "+textfmt.Sanitize(st.ID)+" experience "+deltaText(st.Delta, 2, "-")+worse(st.Delta))
	}
	if s.Health.Changed() {
		lines = append(lines, "health "+deltaText(s.Health, 0, "-")+worse(s.Health))
	}
	for _, it := range s.Priorities {
		lines = append(lines, "priority "+textfmt.Sanitize(it.ID)+" "+deltaText(it.Delta, 1, "-")+", rank "+rank(it.OldRank)+" → "+rank(it.NewRank))
	}
	if len(lines) == 0 {
		return
	}
	fmt.Fprintf(b, "  %s\n", paint(ansiBold, "scores"))
	for _, l := range lines {
		fmt.Fprintf(b, "    %s\n", l)
	}
}

func rank(r int) string {
	if r == 0 {
		return "–"
	}
	return strconv.Itoa(r)
}

func nameSuffix(name string) string {
	if name == "" {
		return ""
	}
	return " " + strconv.Quote(short(name))
}

func findingText(d diag.Diagnostic) string {
	s := fmt.Sprintf("%s: %s [%s]", d.Severity, textfmt.Sanitize(d.Message), d.Rule)
	if d.Item != "" {
		s += " at " + textfmt.Sanitize(d.Item)
	}
	return s
}

// short cuts long names (pain point descriptions) for one-line display.
func short(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 72 {
		return string(r[:71]) + "…"
	}
	return s
}
