package diff

import (
	"fmt"
	"io"
	"strings"

	"github.com/journey-maps/journey/pkg/textfmt"
)

// WriteMarkdown writes the result as a pull-request comment: a summary
// line, then for each file its changes by stage, its score deltas and, when
// linting, the findings it introduces and fixes. Text from the maps is
// escaped so that it cannot add markup, links or HTML to the comment.
func WriteMarkdown(w io.Writer, r *Result, _ WriteOptions) error {
	b := &strings.Builder{}
	b.WriteString("## Journey diff\n\n")
	changed, regressions := 0, 0
	for _, f := range r.Files {
		if f.Different() {
			changed++
		}
		regressions += len(f.Regressions)
	}
	if changed == 0 {
		b.WriteString("No journey map changed.\n")
	} else {
		fmt.Fprintf(b, "**%s changed**: %s", textfmt.Plural(changed, "map"), summaryText(r.Summary))
		if regressions > 0 {
			fmt.Fprintf(b, " · :warning: **%s**", textfmt.Plural(regressions, "regression"))
		}
		b.WriteString("\n")
	}
	for _, f := range r.Files {
		if !f.Different() && (f.Lint == nil || len(f.Lint.Introduced)+len(f.Lint.Fixed) == 0) {
			continue
		}
		writeMarkdownFile(b, f)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeMarkdownFile(b *strings.Builder, f *FileDiff) {
	title := code(f.Path)
	if f.OldPath != "" {
		title = code(f.OldPath) + " → " + title
	}
	if f.Status != StatusModified {
		title += " (" + f.Status + ")"
	}
	fmt.Fprintf(b, "\n### %s\n\n", title)
	line := summaryText(f.Summary)
	if s := f.Scores; s != nil {
		if s.Experience.Changed() {
			line += " · experience " + deltaText(s.Experience, 2, "−")
		}
		if s.Health.Changed() {
			line += " · health " + deltaText(s.Health, 0, "−")
		}
	}
	b.WriteString(line + "\n")
	if len(f.Regressions) > 0 {
		b.WriteString("\n> [!WARNING]\n> This change makes the journey worse:\n")
		for _, r := range f.Regressions {
			fmt.Fprintf(b, "> - %s\n", escape(r))
		}
	}
	for _, g := range groups(f.Changes, f.stageNames) {
		if g.stage == "" {
			b.WriteString("\n#### Map\n\n")
		} else {
			heading := "Stage " + code(g.stage)
			if g.name != "" {
				heading = "Stage " + escape(g.name) + " (" + code(g.stage) + ")"
			}
			fmt.Fprintf(b, "\n#### %s\n\n", heading)
		}
		for _, c := range g.changes {
			fmt.Fprintf(b, "- **%s** %s\n", c.Op, markdownItem(c))
			for _, fc := range c.Fields {
				fmt.Fprintf(b, "  - %s: %s → %s\n", code(fc.Name), code(formatValue(fc.Old, false)), code(formatValue(fc.New, false)))
			}
		}
	}
	writeMarkdownScores(b, f.Scores)
	if f.Lint != nil && len(f.Lint.Introduced)+len(f.Lint.Fixed) > 0 {
		b.WriteString("\n#### Findings\n\n")
		for _, d := range f.Lint.Introduced {
			fmt.Fprintf(b, "- **introduced** %s %s: %s%s\n", d.Severity, code(d.Rule), escape(d.Message), itemSuffix(d.Item))
		}
		for _, d := range f.Lint.Fixed {
			fmt.Fprintf(b, "- **fixed** %s %s: %s%s\n", d.Severity, code(d.Rule), escape(d.Message), itemSuffix(d.Item))
		}
	}
}

func itemSuffix(item string) string {
	if item == "" {
		return ""
	}
	return " (" + code(item) + ")"
}

func markdownItem(c Change) string {
	s := c.Kind
	if c.Kind == KindMap {
		return s
	}
	if c.Name != "" {
		s += " " + escape(short(c.Name))
	}
	if c.ID != "" {
		s += " (" + code(c.ID) + ")"
	}
	if c.Parent != "" && (c.Kind == KindPainPoint || c.Kind == KindAction || c.Kind == KindEvidence) {
		s += " in " + code(c.Parent)
	}
	if c.Move != nil {
		m := c.Move
		switch {
		case c.Kind == KindStage, m.FromParent == m.ToParent:
			s += fmt.Sprintf(": position %d → %d", m.FromPosition, m.ToPosition)
		default:
			s += fmt.Sprintf(": from %s %s", parentKind[c.Kind], code(m.FromParent))
		}
	}
	return s
}

func writeMarkdownScores(b *strings.Builder, s *Scores) {
	if s == nil {
		return
	}
	type row struct{ label, before, after, change string }
	var rows []row
	add := func(label string, d Delta, places int) {
		before, after, change := cells(d, places)
		rows = append(rows, row{label, before, after, change})
	}
	if s.Experience.Changed() {
		add("experience", s.Experience, 2)
	}
	for _, st := range s.Stages {
		label := "stage " + codeCell(st.ID)
		if st.Name != "" {
			label = "stage " + escape(st.Name)
		}
		add(label, st.Delta, 2)
	}
	if s.Health.Changed() {
		add("health", s.Health, 0)
	}
	if len(rows) > 0 {
		b.WriteString("\n#### Scores\n\n| | before | after | change |\n|---|---:|---:|---:|\n")
		for _, r := range rows {
			fmt.Fprintf(b, "| %s | %s | %s | %s |\n", r.label, r.before, r.after, r.change)
		}
	}
	if len(s.Priorities) > 0 {
		b.WriteString("\n#### Backlog priorities\n\n| action | before | after | change | rank |\n|---|---:|---:|---:|---|\n")
		for _, it := range s.Priorities {
			label := codeCell(it.ID)
			if it.Title != "" {
				label = escape(it.Title) + " (" + codeCell(it.ID) + ")"
			}
			before, after, change := cells(it.Delta, 1)
			fmt.Fprintf(b, "| %s | %s | %s | %s | %s → %s |\n", label, before, after, change, rank(it.OldRank), rank(it.NewRank))
		}
	}
}

// cells writes a figure before and after, with places decimals, and its
// change with a typographic minus, for a table row.
func cells(d Delta, places int) (before, after, change string) {
	change, ok := changeText(d, places, "−")
	if !ok {
		change = "–"
	}
	return figure(d.Old, places), figure(d.New, places), change
}

// escape makes text from a map inert in markdown: markup characters get a
// backslash, HTML is written as entities and newlines become spaces.
func escape(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '#', '.', '|', '~', '@', ':':
			// Text is never at the start of a line here, so list and
			// heading markers (-, +, 1.) need no escape; '.' and ':' break
			// autolinks (www., https:), '@' mentions, '#' issue links.
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// codeCell is a code span in a table cell, where a pipe would end the cell
// (escape already turns a pipe in text into \|).
func codeCell(s string) string { return strings.ReplaceAll(code(s), "|", "\\|") }

// code writes text as a code span, which shows it verbatim: the fence is
// longer than any run of backticks inside.
func code(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return "` `"
	}
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") || longest > 0 {
		s = " " + s + " "
	}
	return fence + s + fence
}
