package report

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/mattn/go-runewidth"

	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/textfmt"
)

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiBlue   = "\x1b[34m"
	ansiGrey   = "\x1b[90m"
)

// Text writes `path:line:col: severity: message [rule]`, one finding a
// line, with the source line and a caret under it when o.Snippets is set.
func Text(w io.Writer, r *Result, o Options) error {
	bw := bufio.NewWriter(w)
	paint := func(code, s string) string {
		if !o.Color {
			return s
		}
		return code + s + ansiReset
	}
	var lines [][]byte
	linesOf := "" // the file lines holds
	for _, d := range r.Diags {
		sev := d.Severity.String()
		switch d.Severity {
		case diag.Error:
			sev = paint(ansiRed+ansiBold, sev)
		case diag.Warning:
			sev = paint(ansiYellow+ansiBold, sev)
		default:
			sev = paint(ansiBlue, sev)
		}
		loc := textfmt.Sanitize(d.File)
		if d.Line > 0 {
			loc = fmt.Sprintf("%s:%d:%d", loc, d.Line, d.Col)
		}
		fmt.Fprintf(bw, "%s: %s: %s %s\n", paint(ansiBold, loc), sev, textfmt.Sanitize(d.Message), paint(ansiGrey, "["+d.Rule+"]"))
		if !o.Snippets || d.Line <= 0 || r.Source == nil {
			continue
		}
		// Findings come sorted by file: keep the lines of one file at a
		// time, so a run over thousands of maps does not hold them all.
		if d.File != linesOf {
			lines, linesOf = bytes.Split(r.Source(d.File), []byte("\n")), d.File
		}
		if d.Line > len(lines) {
			continue
		}
		writeSnippet(bw, string(lines[d.Line-1]), d.Line, d.Col, paint)
	}
	return bw.Flush()
}

// writeSnippet prints the line with a caret under column col (code points).
func writeSnippet(w io.Writer, line string, n, col int, paint func(code, s string) string) {
	line = strings.TrimRight(line, "\r")
	runes := []rune(line)
	if len(runes) > 200 { // keep long lines readable: show a window
		start := max(0, min(col-1-100, len(runes)-200))
		runes = runes[start:min(len(runes), start+200)]
		col -= start
	}
	shown := strings.ReplaceAll(textfmt.Sanitize(string(runes)), "\t", " ")
	prefix := ""
	if col-1 <= len(runes) && col > 0 {
		prefix = strings.ReplaceAll(textfmt.Sanitize(string(runes[:col-1])), "\t", " ")
	}
	gutter := fmt.Sprintf("%5d | ", n)
	fmt.Fprintf(w, "%s%s\n", paint(ansiGrey, gutter), shown)
	fmt.Fprintf(w, "%s%s%s\n", paint(ansiGrey, strings.Repeat(" ", 6)+"| "), strings.Repeat(" ", runewidth.StringWidth(prefix)), paint(ansiRed+ansiBold, "^"))
}
