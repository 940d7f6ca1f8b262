package score

import (
	"io"
	"strings"

	"github.com/journey-maps/journey/pkg/textfmt"
)

// WriteText writes the reports for a terminal or a log: underlined
// headings and boxed tables.
func WriteText(w io.Writer, rs []*Report, o WriteOptions) error {
	return write(w, textStyle{width: o.Width}, rs, o.Gate)
}

// textStyle lays a report out for a terminal; tables fit width columns
// (0: no wrapping).
type textStyle struct{ width int }

func (textStyle) esc(text string) string  { return flatten(textfmt.Sanitize(text)) }
func (textStyle) code(text string) string { return flatten(textfmt.Sanitize(text)) }
func (textStyle) gap() string             { return "\n" }
func (textStyle) strong(text string) string {
	return text
}
func (textStyle) indent() string               { return "  " }
func (textStyle) paragraph(text string) string { return text + "\n" }

func (textStyle) heading(level int, text string) string {
	u := "="
	if level > 1 {
		u = "-"
	}
	return text + "\n" + strings.Repeat(u, max(3, len([]rune(text)))) + "\n"
}

func (s textStyle) table(w io.Writer, header []string, rows [][]string, right []int) error {
	t := textfmt.Table{Header: header, Right: right}
	for _, r := range rows {
		cells := make([][]string, len(r))
		for i, c := range r {
			cells[i] = []string{c}
		}
		t.Rows = append(t.Rows, cells)
	}
	return textfmt.WriteTable(w, t, s.width)
}
