package score

import (
	"io"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/journey-maps/journey/pkg/textfmt"
)

// WriteMarkdown writes the reports as markdown, for a pull-request
// comment or a job summary.
func WriteMarkdown(w io.Writer, rs []*Report, o WriteOptions) error {
	return write(w, markdownStyle{}, rs, o.Gate)
}

type markdownStyle struct{}

// esc makes map text inert in markdown: no table breakout, emphasis, code
// or HTML.
func (markdownStyle) esc(text string) string {
	text = flatten(textfmt.Sanitize(text))
	var b strings.Builder
	for _, r := range text {
		switch r {
		case '\\', '|', '[', ']', '*', '_', '`':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func (markdownStyle) code(text string) string {
	return "`" + strings.ReplaceAll(flatten(textfmt.Sanitize(text)), "`", "'") + "`"
}

// gap is empty: markdown blocks end with their own blank line.
func (markdownStyle) gap() string                  { return "" }
func (markdownStyle) strong(text string) string    { return "**" + text + "**" }
func (markdownStyle) indent() string               { return "↳ " }
func (markdownStyle) paragraph(text string) string { return text + "\n\n" }

func (markdownStyle) heading(level int, text string) string {
	return strings.Repeat("#", level+1) + " " + text + "\n\n"
}

func (markdownStyle) table(w io.Writer, header []string, rows [][]string, right []int) error {
	if err := writeTable(w, renderer.NewMarkdown(), header, rows, right); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// writeTable writes rows under a header with a tablewriter renderer; the
// columns listed in right are right-aligned (figures).
func writeTable(w io.Writer, rend tw.Renderer, header []string, rows [][]string, right []int) error {
	align := make(tw.Alignment, len(header))
	for i := range align {
		align[i] = tw.AlignLeft
	}
	for _, i := range right {
		align[i] = tw.AlignRight
	}
	t := tablewriter.NewTable(w,
		tablewriter.WithRenderer(rend),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		// Cells stay on one line: wrapping at a column width breaks words
		// and markdown cells cannot wrap at all.
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
		tablewriter.WithTrimSpace(tw.Off), // keeps the indent of touchpoints under their stage
		tablewriter.WithAlignment(align),
	)
	hs := make([]any, len(header))
	for i, h := range header {
		hs[i] = h
	}
	t.Header(hs...)
	for _, r := range rows {
		if err := t.Append(r); err != nil {
			return err
		}
	}
	return t.Render()
}
