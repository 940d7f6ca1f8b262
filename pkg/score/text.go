package score

import (
	"io"
	"strings"

	"github.com/olekukonko/tablewriter/renderer"

	"github.com/journey-maps/journey/pkg/textfmt"
)

// WriteText writes the reports for a terminal or a log: underlined
// headings and boxed tables.
func WriteText(w io.Writer, rs []*Report, o WriteOptions) error {
	return write(w, textStyle{}, rs, o.Gate)
}

type textStyle struct{}

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

func (textStyle) table(w io.Writer, header []string, rows [][]string, right []int) error {
	return writeTable(w, renderer.NewBlueprint(), header, rows, right)
}
