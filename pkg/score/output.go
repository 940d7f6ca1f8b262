package score

import (
	"fmt"
	"io"
	"strings"

	"github.com/journey-maps/journey/pkg/textfmt"
)

// Format is an output format of `journey score`.
type Format = textfmt.Format[func(w io.Writer, rs []*Report, o WriteOptions) error]

// Formats are the output formats of `journey score`, in the order help
// lists them: one file each.
var Formats = []Format{
	{Name: "text", Write: WriteText},
	{Name: "markdown", Write: WriteMarkdown},
	{Name: "json", Write: WriteJSON},
}

// WriteOptions tune the output of a run.
type WriteOptions struct {
	// Gate is --fail-under: each map's verdict is shown when it is on.
	Gate Gate
	// Width is the terminal width text tables fit; 0 does not wrap.
	Width int
}

// FormatNames lists the names of Formats.
func FormatNames() []string { return textfmt.Names(Formats) }

// LookupFormat returns the format of a name.
func LookupFormat(name string) (Format, bool) { return textfmt.Lookup(Formats, name) }

// style is what differs between the text and the markdown layout of a
// report. Every string taken from a map goes through esc or code, which
// make it safe for the target: no terminal control characters, and in
// markdown no table or HTML breakout.
type style interface {
	esc(text string) string  // map text
	code(text string) string // a path or id, shown literally
	heading(level int, text string) string
	paragraph(text string) string // a line, ended as the format ends a block
	gap() string                  // between blocks
	strong(text string) string
	indent() string // before a touchpoint, under its stage
	table(w io.Writer, header []string, rows [][]string, right []int) error
}

// write lays the reports out in a style: a section per map and, for
// several maps, a summary.
func write(w io.Writer, st style, rs []*Report, g Gate) error {
	s := &sink{w: w, st: st}
	for i, r := range rs {
		if i > 0 {
			s.gap()
		}
		s.mapSection(r, g)
	}
	if len(rs) > 1 {
		s.gap()
		s.summary(Summarize(rs, g), rs)
	}
	return s.err
}

// sink writes the blocks of a report in a style, keeping the first error.
type sink struct {
	w   io.Writer
	st  style
	err error
}

func (s *sink) printf(format string, args ...any) {
	if s.err == nil {
		_, s.err = fmt.Fprintf(s.w, format, args...)
	}
}

func (s *sink) gap()                           { s.printf("%s", s.st.gap()) }
func (s *sink) esc(text string) string         { return s.st.esc(text) }
func (s *sink) code(text string) string        { return s.st.code(text) }
func (s *sink) heading(level int, text string) { s.printf("%s", s.st.heading(level, text)) }

// line writes a line of text, a paragraph in markdown.
func (s *sink) line(format string, args ...any) {
	s.printf("%s", s.st.paragraph(fmt.Sprintf(format, args...)))
}

// table writes rows under a header; the columns listed in right are
// right-aligned (figures).
func (s *sink) table(header []string, rows [][]string, right ...int) {
	if s.err == nil {
		s.err = s.st.table(s.w, header, rows, right)
	}
}

// flatten puts a multi-line value on one line so it fits a table cell.
func flatten(text string) string {
	if !strings.ContainsAny(text, "\n\r\t") {
		return text
	}
	return strings.Join(strings.Fields(text), " ")
}
