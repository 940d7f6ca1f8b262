package render

import (
	"html"
	"net/url"
	"strings"
	"unicode"
)

// Every label from a map goes through one of these before it reaches an
// output, so a map cannot inject markup, scripts, Graphviz attributes or
// spreadsheet formulas.

// clean replaces control characters (and bidi overrides, which could make
// a label read differently than it is) with spaces.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t':
			return ' '
		case unicode.IsControl(r), r == 0x2028, r == 0x2029,
			r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0xfeff:
			if r == '\n' {
				return r
			}
			return ' '
		}
		return r
	}, strings.ReplaceAll(s, "\r\n", "\n"))
}

// oneLine folds a label onto one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(clean(s)), " ")
}

// EscapeDOTHTML escapes text for a Graphviz HTML-like label: entities for
// the markup characters, and line breaks as <BR/>. Graphviz does not apply
// its backslash escapes (\N, \G) inside HTML-like labels.
func EscapeDOTHTML(s string) string {
	lines := strings.Split(clean(s), "\n")
	for i, l := range lines {
		lines[i] = html.EscapeString(l)
	}
	return strings.Join(lines, `<BR/>`)
}

// QuoteDOT makes a DOT double-quoted string. Backslashes are doubled so
// that Graphviz's escapes (\N, \G, \l) cannot be formed; quotes and line
// breaks are escaped. Braces, angle brackets and bars are harmless inside
// quotes as long as no record shape is used, and none is.
func QuoteDOT(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range clean(s) {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case '"':
			b.WriteString(`\"`)
		case '\n':
			b.WriteString(`\n`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// SafeURL returns the URL when it is an absolute http(s) URL, re-encoded,
// else "". Only such links are kept in diagrams and the report.
func SafeURL(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	// url.String leaves the query as written: encode what could close
	// an attribute or a tag wherever the URL ends up.
	return strings.NewReplacer(`"`, "%22", "'", "%27", "<", "%3C", ">", "%3E", `\`, "%5C", " ", "%20", "`", "%60").Replace(u.String())
}

// EscapeCSV neutralises a cell a spreadsheet would run as a formula: one
// that starts with = + - @, a tab or a carriage return gets a leading
// apostrophe. Quoting is left to encoding/csv.
func EscapeCSV(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// markdownSpecial are the characters escaped with a backslash in markdown
// table cells: '|' would end the cell (tablewriter does not escape it), the
// others would start emphasis, code, links or HTML.
const markdownSpecial = "\\`*_[]<>|~&#!"

// EscapeMarkdown escapes one line of text for a markdown table cell.
func EscapeMarkdown(s string) string {
	var b strings.Builder
	for _, r := range oneLine(s) {
		if strings.ContainsRune(markdownSpecial, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
