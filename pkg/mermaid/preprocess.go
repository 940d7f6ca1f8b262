package mermaid

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Before its journey parser sees a diagram, Mermaid cleans the text up
// (preprocess.ts, Diagram.ts): attribute quotes in HTML tags, the front
// matter, %%{ }%% directives and %% comment lines go, and entity codes are
// hidden behind markers. These functions do the same to the same effect,
// keeping for every byte the line of the file it came from so that an
// error names the line the author wrote.

// text is a string with the file line of each byte.
type text struct {
	s    string
	line []int32
}

func newText(b block) text {
	var sb strings.Builder
	var line []int32
	for i, l := range b.lines {
		if i > 0 {
			sb.WriteByte('\n')
			line = append(line, int32(b.at[i-1]))
		}
		sb.WriteString(l)
		for range len(l) {
			line = append(line, int32(b.at[i]))
		}
	}
	return text{s: sb.String(), line: line}
}

// lineAt is the file line of byte i (the last line past the end).
func (t text) lineAt(i int) int {
	if len(t.line) == 0 {
		return 1
	}
	if i >= len(t.line) {
		i = len(t.line) - 1
	}
	return int(t.line[i])
}

// cut removes t[i:j].
func (t text) cut(i, j int) text {
	return t.replace(i, j, "")
}

// replace puts r in place of t[i:j]; r's bytes take the line of byte i.
func (t text) replace(i, j int, r string) text {
	l := int32(t.lineAt(i))
	line := make([]int32, 0, len(t.line)-(j-i)+len(r))
	line = append(line, t.line[:i]...)
	for range len(r) {
		line = append(line, l)
	}
	line = append(line, t.line[j:]...)
	return text{s: t.s[:i] + r + t.s[j:], line: line}
}

// edits applies non-overlapping replacements, given in order.
type edit struct {
	i, j int
	r    string
}

func (t text) apply(es []edit) text {
	if len(es) == 0 {
		return t
	}
	var sb strings.Builder
	line := make([]int32, 0, len(t.line))
	last := 0
	for _, e := range es {
		sb.WriteString(t.s[last:e.i])
		line = append(line, t.line[last:e.i]...)
		sb.WriteString(e.r)
		l := int32(t.lineAt(e.i))
		for range len(e.r) {
			line = append(line, l)
		}
		last = e.j
	}
	sb.WriteString(t.s[last:])
	line = append(line, t.line[last:]...)
	return text{s: sb.String(), line: line}
}

var (
	htmlTag      = regexp.MustCompile(`<(\w+)([^>]*)>`)
	doubleQuoted = regexp.MustCompile(`="([^"]*)"`)
)

// quoteAttributes turns `="x"` into `='x'` inside HTML tags, as Mermaid's
// cleanupText does; the length does not change.
func quoteAttributes(t text) text {
	if !strings.Contains(t.s, `="`) {
		return t
	}
	t.s = htmlTag.ReplaceAllStringFunc(t.s, func(tag string) string {
		return doubleQuoted.ReplaceAllStringFunc(tag, func(a string) string {
			return "='" + a[2:len(a)-1] + "'"
		})
	})
	return t
}

// frontMatter finds a leading `---` block as Mermaid's frontMatterRegex
// does (/^-{3}\s*[\n\r](.*?)[\n\r]-{3}\s*[\n\r]+/s): the YAML between, and
// where the diagram starts.
func frontMatter(s string) (yaml string, yamlAt, end int, ok bool) {
	if !strings.HasPrefix(s, "---") {
		return "", 0, 0, false
	}
	start, found := lastNewlineInBlanks(s, 3)
	if !found {
		return "", 0, 0, false
	}
	for k := start; k < len(s); k++ {
		if s[k] != '\n' || !strings.HasPrefix(s[k+1:], "---") {
			continue
		}
		if e, found := lastNewlineInBlanks(s, k+4); found {
			return s[start:k], start, e, true
		}
	}
	// The pattern backtracks to an earlier newline of the opening blanks
	// when the last of them is itself followed by the closing `---`.
	if k := start - 1; strings.HasPrefix(s[start:], "---") {
		if e, found := lastNewlineInBlanks(s, k+4); found {
			if prev := strings.LastIndexByte(s[3:k], '\n'); prev >= 0 {
				return s[3+prev+1 : k], 3 + prev + 1, e, true
			}
		}
	}
	return "", 0, 0, false
}

// lastNewlineInBlanks returns the index after the last newline in the run
// of blanks starting at i, which is where `\s*[\n\r]+` stops matching.
func lastNewlineInBlanks(s string, i int) (int, bool) {
	end, found := 0, false
	for j := i; ; {
		n := jsSpaceAt(s, j)
		if n == 0 {
			return end, found
		}
		if s[j] == '\n' {
			end, found = j+1, true
		}
		j += n
	}
}

// removeDirectives removes what Mermaid's directiveRegex matches:
// /%{2}{\s*(?:(\w+)\s*:|(\w+))\s*(?:(\w+)|((?:(?!}%{2}).|\r?\n)*))?\s*(?:}%{2})?/gi
// A directive may run over several lines.
func removeDirectives(t text) text {
	var es []edit
	var stops stopFinder
	for i := 0; i+3 <= len(t.s); {
		k := strings.Index(t.s[i:], "%%{")
		if k < 0 {
			break
		}
		start := i + k
		if end, ok := directiveEnd(t.s, start, &stops); ok {
			es = append(es, edit{start, end, ""})
			i = end
			continue
		}
		i = start + 1
	}
	return t.apply(es)
}

// stopFinder finds where a directive's free text stops: at `}%%`, or at
// a character `.` does not match (\r, \u2028, \u2029). Searches only move
// forward, so it remembers the last answer and the whole text is scanned
// once however many directives there are.
type stopFinder struct{ from, at int }

func (f *stopFinder) next(s string, p int) int {
	if p >= f.from && p <= f.at && f.from != f.at {
		return f.at
	}
	at := len(s)
	if k := strings.Index(s[p:], "}%%"); k >= 0 {
		at = p + k
	}
	if k := strings.IndexAny(s[p:at], "\r\u2028\u2029"); k >= 0 {
		at = p + k
	}
	f.from, f.at = p, at
	return at
}

// directiveEnd matches directiveRegex at i, where the text has `%%{`.
func directiveEnd(s string, i int, stops *stopFinder) (int, bool) {
	p := skipJSSpace(s, i+3)
	w := wordEnd(s, p)
	if w == p {
		return 0, false // %%{ must be followed by a name
	}
	if q := skipJSSpace(s, w); q < len(s) && s[q] == ':' {
		p = q + 1
	} else {
		p = w
	}
	p = skipJSSpace(s, p)
	if w := wordEnd(s, p); w > p {
		p = w
	} else {
		p = stops.next(s, p) // anything up to }%%
	}
	p = skipJSSpace(s, p)
	if strings.HasPrefix(s[p:], "}%%") {
		p += 3
	}
	return p, true
}

func wordEnd(s string, i int) int {
	for i < len(s) && isWordByte(s[i]) {
		i++
	}
	return i
}

// removeCommentLines removes what Mermaid's cleanupComments does
// (/^\s*%%(?!{)[^\n]+\n?/gm: a line that is a %% comment, with the blank
// lines before it) and the blanks at the start.
func removeCommentLines(t text) text {
	var es []edit
	for p := 0; p < len(t.s); {
		q := skipJSSpace(t.s, p)
		if strings.HasPrefix(t.s[q:], "%%") && q+2 < len(t.s) && t.s[q+2] != '{' && t.s[q+2] != '\n' {
			end := strings.IndexByte(t.s[q:], '\n')
			if end < 0 {
				end = len(t.s)
			} else {
				end = q + end + 1
			}
			es = append(es, edit{p, end, ""})
			p = end
			continue
		}
		// Every line that starts within these blanks ends its blanks at
		// q too, so none of them is a comment either.
		p = nextLineStart(t.s, max(p, q-1))
	}
	t = t.apply(es)
	return t.cut(0, skipJSSpace(t.s, 0))
}

// nextLineStart is where ^ matches next in a JavaScript multiline
// pattern: after \n, \r, \u2028 or \u2029.
func nextLineStart(s string, p int) int {
	for p < len(s) {
		r, n := utf8.DecodeRuneInString(s[p:])
		p += n
		if r == '\n' || r == '\r' || r == 0x2028 || r == 0x2029 {
			return p
		}
	}
	return len(s) + 1
}

// encodeEntities is Mermaid's: on a line with `style` (or `classDef`),
// then `:`, non-blanks and `#`, the last `;` goes; then every `#word;`
// becomes a marker that the SVG turns back into a character reference.
func encodeEntities(t text) text {
	t = dropStyleSemicolons(t, "style")
	t = dropStyleSemicolons(t, "classDef")
	var es []edit
	for i := 0; i < len(t.s); i++ {
		if t.s[i] != '#' {
			continue
		}
		j := wordEnd(t.s, i+1)
		if j == i+1 || j >= len(t.s) || t.s[j] != ';' {
			continue
		}
		inner := t.s[i+1 : j]
		mark := markNamed
		if strings.Trim(inner, "0123456789") == "" {
			mark = markNumeric
		}
		es = append(es, edit{i, j + 1, mark + inner + markEnd})
		i = j
	}
	return t.apply(es)
}

// dropStyleSemicolons applies /KW.*:\S*#.*;/g, which drops the last `;`
// of a line where KW is followed by `:`, non-blanks and `#`.
func dropStyleSemicolons(t text, kw string) text {
	if !strings.Contains(t.s, kw) {
		return t
	}
	var es []edit
	for start := 0; start < len(t.s); {
		end := strings.IndexByte(t.s[start:], '\n')
		if end < 0 {
			end = len(t.s)
		} else {
			end += start
		}
		line := t.s[start:end]
		if k := styleSemicolon(line, kw); k >= 0 {
			es = append(es, edit{start + k, start + k + 1, ""})
		}
		start = end + 1
	}
	return t.apply(es)
}

// styleSemicolon returns the index of the `;` the pattern drops in one
// line, or -1. `.` does not match \r, \u2028 or \u2029 either, so the
// line is cut there too.
func styleSemicolon(line, kw string) int {
	if i := strings.IndexAny(line, "\r\u2028\u2029"); i >= 0 {
		// the pattern cannot span these; try each piece
		if k := styleSemicolon(line[:i], kw); k >= 0 {
			return k
		}
		_, n := utf8.DecodeRuneInString(line[i:])
		if k := styleSemicolon(line[i+n:], kw); k >= 0 {
			return i + n + k
		}
		return -1
	}
	a := strings.Index(line, kw)
	if a < 0 {
		return -1
	}
	last := strings.LastIndexByte(line, ';')
	if last < 0 {
		return -1
	}
	// Some ':' after the keyword reaches a '#' through non-blanks, and a
	// ';' follows that '#'.
	colon := false
	for p := a + len(kw); p < last; {
		switch {
		case line[p] == ':':
			colon = true
		case line[p] == '#' && colon:
			return last
		case jsSpaceAt(line, p) > 0:
			colon = false
		}
		_, size := utf8.DecodeRuneInString(line[p:])
		p += size
	}
	return -1
}
