package textfmt

import (
	"io"
	"strings"

	"github.com/mattn/go-runewidth"
	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// Table is a table for the terminal: a header and rows of cells, each
// cell one or more lines. Text must already be safe for the terminal
// (Sanitize).
type Table struct {
	Header []string
	Rows   [][][]string
	// Right lists the right-aligned columns: figures, which keep their
	// width when the table is fitted.
	Right []int
}

// minColumn is the narrowest a text column is made, breaking words, when
// even its longest words do not fit the width.
const minColumn = 5

// WriteTable writes the table with box borders. With width > 0 it fits
// the width: the widest text columns give way first and cells wrap at
// word boundaries. When even the longest words of the columns do not fit
// side by side, each row is written as a record instead (a header and
// its value on each line, as psql's expanded display), so no word is
// broken. With width 0 (output to a pipe or a file) nothing wraps.
func WriteTable(w io.Writer, t Table, width int) error {
	cols, fits := fitColumns(t, width)
	if !fits {
		return writeRecords(w, t, width)
	}
	align := make(tw.Alignment, len(t.Header))
	for i := range align {
		align[i] = tw.AlignLeft
	}
	for _, i := range t.Right {
		if i < len(align) {
			align[i] = tw.AlignRight
		}
	}
	tb := tablewriter.NewTable(w,
		tablewriter.WithRenderer(renderer.NewBlueprint()),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
		tablewriter.WithTrimSpace(tw.Off), // keeps indents
		tablewriter.WithAlignment(align),
	)
	hdr := make([]string, len(t.Header))
	for i, h := range t.Header {
		hdr[i] = wrapCell([]string{h}, cols, i)
	}
	tb.Header(hdr)
	for _, r := range t.Rows {
		row := make([]string, len(r))
		for i, c := range r {
			row[i] = wrapCell(c, cols, i)
		}
		if err := tb.Append(row); err != nil {
			return err
		}
	}
	return tb.Render()
}

func wrapCell(lines []string, cols []int, i int) string {
	if cols == nil || i >= len(cols) {
		return strings.Join(lines, "\n")
	}
	var out []string
	for _, l := range lines {
		out = append(out, Wrap(l, cols[i])...)
	}
	return strings.Join(out, "\n")
}

// fitColumns returns the width of each column so the table fits width
// (nil when it need not be fitted), and false when it cannot fit without
// breaking words.
func fitColumns(t Table, width int) ([]int, bool) {
	if width <= 0 || len(t.Header) == 0 {
		return nil, true
	}
	n := len(t.Header)
	natural, longestWord := make([]int, n), make([]int, n)
	measure := func(i int, s string) {
		natural[i] = max(natural[i], runewidth.StringWidth(s))
		for _, word := range strings.Fields(s) {
			longestWord[i] = max(longestWord[i], runewidth.StringWidth(word))
		}
	}
	for i, h := range t.Header {
		measure(i, h)
	}
	for _, r := range t.Rows {
		for i, c := range r {
			for _, l := range c {
				if i < n {
					measure(i, l)
				}
			}
		}
	}
	fixed := make([]bool, n)
	for _, i := range t.Right {
		if i < n {
			fixed[i] = true
		}
	}
	cols := append([]int(nil), natural...)
	budget := width - (3*n + 1) // "│ " + " │ " between + " │"
	shrink(cols, fixed, budget, func(i int) int { return max(longestWord[i], minColumn) })
	sum := 0
	for _, c := range cols {
		sum += c
	}
	return cols, sum <= budget
}

// writeRecords writes each row as a block of "header  value" lines, the
// values wrapped to what the width leaves them.
func writeRecords(w io.Writer, t Table, width int) error {
	label := 0
	for _, h := range t.Header {
		label = max(label, runewidth.StringWidth(h))
	}
	valueWidth := max(width-label-2, minColumn)
	var b strings.Builder
	for i, r := range t.Rows {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(strings.Repeat("─", min(width, label+2+valueWidth)) + "\n")
		for j, c := range r {
			if j >= len(t.Header) {
				break
			}
			var lines []string
			for _, l := range c {
				lines = append(lines, Wrap(strings.TrimSpace(l), valueWidth)...)
			}
			for k, l := range lines {
				name := ""
				if k == 0 {
					name = t.Header[j]
				}
				b.WriteString(name + strings.Repeat(" ", label+2-runewidth.StringWidth(name)) + l + "\n")
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// shrink narrows the widest column that may still give way, one cell at
// a time, until the columns fit the budget or none may give way.
func shrink(cols []int, fixed []bool, budget int, floor func(int) int) {
	for {
		sum, widest := 0, -1
		for i, c := range cols {
			sum += c
			if !fixed[i] && c > floor(i) && (widest < 0 || c > cols[widest]) {
				widest = i
			}
		}
		if sum <= budget || widest < 0 {
			return
		}
		cols[widest]--
	}
}

// Wrap breaks a line into lines of at most width terminal cells, at spaces;
// a word wider than width is broken. Leading spaces (an indent) start
// every line.
func Wrap(s string, width int) []string {
	if width <= 0 || runewidth.StringWidth(s) <= width {
		return []string{s}
	}
	indent := s[:len(s)-len(strings.TrimLeft(s, " "))]
	if len(indent) >= width {
		indent = ""
	}
	lines := wrapWords(s, width-len(indent))
	for i := range lines {
		lines[i] = indent + lines[i]
	}
	return lines
}

func wrapWords(s string, width int) []string { return WrapBy(s, width, runewidth.RuneWidth) }

// WrapBy breaks text into lines of at most width, each rune as wide as
// runeWidth says, at spaces; a word longer than a line fills the line it
// starts on and goes on in the next. It is linear in the length of the
// text, a label of 200,000 characters and all.
func WrapBy(s string, width int, runeWidth func(rune) int) []string {
	width = max(width, 1)
	var lines []string
	var cur strings.Builder
	n := 0
	flush := func() {
		lines = append(lines, cur.String())
		cur.Reset()
		n = 0
	}
	for word := range strings.FieldsSeq(s) {
		ww := 0
		for _, r := range word {
			ww += runeWidth(r)
		}
		if n > 0 && n+1+ww > width {
			flush()
		}
		if n > 0 {
			cur.WriteByte(' ')
			n++
		}
		for _, r := range word {
			rw := runeWidth(r)
			if n+rw > width && n > 0 {
				flush()
			}
			cur.WriteRune(r)
			n += rw
		}
	}
	if n > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}
