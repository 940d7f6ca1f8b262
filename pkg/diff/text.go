package diff

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/textfmt"
)

var opMark = map[string]string{Added: "+", Removed: "-", Moved: ">", Changed: "~"}
var opColor = map[string]string{Added: ansiGreen, Removed: ansiRed, Moved: ansiCyan, Changed: ansiYellow}

// WriteText writes the result for a terminal or a log, in ANSI colours
// when o.Color is set.
func WriteText(w io.Writer, r *Result, o WriteOptions) error {
	paint := func(code, s string) string {
		if !o.Color {
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
