package report

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"

	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/textfmt"
)

// GitHub writes GitHub Actions workflow commands: an annotation per
// finding (::error, ::warning or ::notice with file, line, col and the rule
// as title), then, because GitHub shows only ten annotations of each kind
// per step and the log line of an annotation has no location, every
// finding as a plain `path:line:col: severity: message [rule]` line in a
// collapsed group. The command prints the one-line summary on standard
// error, which the log shows too, so it is not repeated here. Paths are
// relative to the repository root, without a leading "./".
func GitHub(w io.Writer, r *Result, o Options) error {
	bw := bufio.NewWriter(w)
	paths := newRepoPaths(o)
	files := make([]string, len(r.Diags))
	for i, d := range r.Diags {
		files[i], _ = paths.rel(d.File)
		var props []string
		if d.File != "" && d.File != "<stdin>" {
			props = append(props, "file="+escapeProperty(files[i]))
		}
		if d.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d", d.Line))
			if d.Col > 0 {
				props = append(props, fmt.Sprintf("col=%d", d.Col))
			}
		}
		props = append(props, "title="+escapeProperty(d.Rule))
		fmt.Fprintf(bw, "::%s %s::%s\n", githubCommand(d.Severity), strings.Join(props, ","), escapeData(d.Message))
	}
	if len(r.Diags) > 0 {
		// The plain list is data, not commands: stop-commands makes the
		// runner ignore anything in it that looks like a command (a file
		// named "::error::x.yaml"); the token is a hash of the list, which
		// nothing in the list can contain.
		var list strings.Builder
		for i, d := range r.Diags {
			loc := files[i]
			if d.Line > 0 {
				loc = fmt.Sprintf("%s:%d:%d", loc, d.Line, d.Col)
			}
			fmt.Fprintf(&list, "%s: %s: %s [%s]\n", textfmt.Sanitize(loc), d.Severity, textfmt.Sanitize(d.Message), textfmt.Sanitize(d.Rule))
		}
		sum := sha256.Sum256([]byte(list.String()))
		token := "journey-" + hex.EncodeToString(sum[:16])
		fmt.Fprintf(bw, "::group::journey %s: all %s\n", r.Command, textfmt.Plural(len(r.Diags), "finding"))
		fmt.Fprintf(bw, "::stop-commands::%s\n", token)
		bw.WriteString(list.String())
		fmt.Fprintf(bw, "::%s::\n", token)
		fmt.Fprintln(bw, "::endgroup::")
	}
	return bw.Flush()
}

func githubCommand(s diag.Severity) string { return levelName(s, "notice") }

// escapeData escapes a workflow command's message as the runner unescapes
// it: "%" "\r" "\n" as %25 %0D %0A. Other control characters, which the
// log would render (ANSI colours) or hide, are shown as \uXXXX.
func escapeData(s string) string { return escapeCommand(s, false) }

// escapeProperty escapes a property value: as escapeData, and ":" "," as
// %3A %2C, which would otherwise end the value.
func escapeProperty(s string) string { return escapeCommand(s, true) }

func escapeCommand(s string, property bool) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '%':
			b.WriteString("%25")
		case r == '\r':
			b.WriteString("%0D")
		case r == '\n':
			b.WriteString("%0A")
		case property && r == ':':
			b.WriteString("%3A")
		case property && r == ',':
			b.WriteString("%2C")
		case textfmt.IsControl(r):
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
