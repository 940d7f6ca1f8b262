// Package mermaid reads Mermaid `journey` diagrams and turns them into
// journey maps: sections become stages, tasks touchpoints, actors personas
// and scores emotions. `journey render --format mermaid` writes the same
// diagrams, so the two are each other's inverse.
package mermaid

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Diagram is a parsed Mermaid journey diagram.
type Diagram struct {
	Title    string
	AccTitle string
	AccDescr string
	Sections []*Section
}

// Section is a `section NAME` and its tasks. Tasks written before the
// first section belong to a section with an empty name.
type Section struct {
	Name  string
	Line  int
	Tasks []*Task
}

// Task is a `Name: score: Actor, Actor` line.
type Task struct {
	Name   string
	Score  int // as written, 0..5
	Actors []string
	Line   int
}

// SyntaxError is a problem at a line of the diagram.
type SyntaxError struct {
	Line int
	Msg  string
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("%d: %s", e.Line, e.Msg) }

func errorf(line int, format string, args ...any) error {
	return &SyntaxError{Line: line, Msg: fmt.Sprintf(format, args...)}
}

// MaxScore is the highest Mermaid score; 0 is the lowest Mermaid accepts.
const MaxScore = 5

type statement struct {
	text string
	line int
}

// statements splits the source into trimmed statements with their line
// numbers: one per line, or more where `;` separates them. Comments (`%%`
// and `#` to the end of the line, `%%{...}%%` directives) are dropped.
func statements(src string) []statement {
	var out []statement
	lines := strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n")
	for i, l := range lines {
		l = strings.TrimPrefix(l, "\uFEFF")
		if k := strings.Index(l, "%%"); k >= 0 {
			l = l[:k]
		}
		if k := strings.IndexByte(l, '#'); k >= 0 {
			l = l[:k]
		}
		for _, part := range strings.Split(l, ";") {
			if t := trimSpace(part); t != "" {
				out = append(out, statement{t, i + 1})
			}
		}
	}
	return out
}

// trimSpace trims ASCII blanks only, so a label that starts with a
// non-breaking space (how render keeps a label from reading as a keyword)
// stays a label.
func trimSpace(s string) string { return strings.Trim(s, " \t\r\v\f") }

// keyword reports whether s starts with the keyword (case-insensitive, as
// Mermaid reads it) followed by a blank or the end, and returns the rest.
func keyword(s, kw string) (string, bool) {
	if len(s) < len(kw) || !strings.EqualFold(s[:len(kw)], kw) {
		return "", false
	}
	rest := s[len(kw):]
	if rest == "" {
		return "", true
	}
	if rest[0] != ' ' && rest[0] != '\t' {
		return "", false
	}
	return trimSpace(rest), true
}

// accKeyword matches `accTitle:` / `accDescr:` / `accDescr {` with optional
// blanks before the punctuation.
func accKeyword(s, kw string) (rest string, punct byte, ok bool) {
	if len(s) < len(kw) || !strings.EqualFold(s[:len(kw)], kw) {
		return "", 0, false
	}
	r := trimSpace(s[len(kw):])
	if r == "" || (r[0] != ':' && r[0] != '{') {
		return "", 0, false
	}
	return trimSpace(r[1:]), r[0], true
}

// Parse reads a Mermaid journey diagram. A markdown document is accepted
// too: the first ```mermaid block holding a journey is read.
func Parse(src []byte) (*Diagram, error) {
	text := strings.ToValidUTF8(string(src), "\uFFFD")
	text, offset, sts := fromMarkdown(text)
	d := &Diagram{}
	for i := range sts {
		sts[i].line += offset
	}
	if len(sts) == 0 {
		return nil, errorf(1+offset, "empty diagram: want a `journey` line first")
	}
	if !isJourney(sts) {
		return nil, errorf(sts[0].line, "want `journey` as the first statement, found %q", clip(sts[0].text))
	}
	var cur *Section
	lines := strings.Split(text, "\n")
	for i := 1; i < len(sts); i++ {
		st := sts[i]
		if rest, ok := keyword(st.text, "title"); ok {
			if rest == "" {
				return nil, errorf(st.line, "title needs a text")
			}
			d.Title = clean(rest)
			continue
		}
		if rest, p, ok := accKeyword(st.text, "accTitle"); ok {
			if p != ':' {
				return nil, errorf(st.line, "want `accTitle: TEXT`")
			}
			d.AccTitle = clean(rest)
			continue
		}
		if rest, p, ok := accKeyword(st.text, "accDescr"); ok {
			if p == ':' {
				d.AccDescr = clean(rest)
				continue
			}
			// accDescr { ... } may span lines; read the raw lines, not the
			// statements, so that ; and # inside it are text.
			descr, end, err := accBlock(lines, st.line-offset, offset)
			if err != nil {
				return nil, err
			}
			d.AccDescr = descr
			for i+1 < len(sts) && sts[i+1].line <= end {
				i++
			}
			continue
		}
		if rest, ok := keyword(st.text, "section"); ok {
			if rest == "" {
				return nil, errorf(st.line, "section needs a name")
			}
			if strings.Contains(rest, ":") {
				return nil, errorf(st.line, "a section name cannot contain ':' (found %q)", clip(rest))
			}
			cur = &Section{Name: clean(rest), Line: st.line}
			d.Sections = append(d.Sections, cur)
			continue
		}
		t, err := parseTask(st)
		if err != nil {
			return nil, err
		}
		if cur == nil {
			cur = &Section{Line: st.line}
			d.Sections = append(d.Sections, cur)
		}
		cur.Tasks = append(cur.Tasks, t)
	}
	return d, nil
}

func parseTask(st statement) (*Task, error) {
	name, data, ok := strings.Cut(st.text, ":")
	if !ok {
		return nil, errorf(st.line, "want `section NAME`, `title TEXT` or a task `Name: score: Actor, Actor`, found %q", clip(st.text))
	}
	name = clean(name)
	if name == "" {
		return nil, errorf(st.line, "task without a name before ':'")
	}
	parts := strings.Split(data, ":")
	if len(parts) > 2 {
		return nil, errorf(st.line, "task %q: too many ':' (want `Name: score: Actor, Actor`)", clip(name))
	}
	raw := trimSpace(parts[0])
	score, err := strconv.Atoi(raw)
	if err != nil || score < 0 || score > MaxScore {
		if raw == "" {
			return nil, errorf(st.line, "task %q has no score (want a whole number 0..5)", clip(name))
		}
		return nil, errorf(st.line, "task %q: score %q is not a whole number 0..5", clip(name), clip(raw))
	}
	t := &Task{Name: name, Score: score, Line: st.line}
	if len(parts) == 2 {
		seen := map[string]bool{}
		for _, a := range strings.Split(parts[1], ",") {
			a = clean(a)
			if a != "" && !seen[a] {
				seen[a] = true
				t.Actors = append(t.Actors, a)
			}
		}
	}
	return t, nil
}

// accBlock reads `accDescr { ... }` starting at index i (0-based line in
// lines) and returns the text and the 1-based line of the closing brace.
func accBlock(lines []string, line, offset int) (string, int, error) {
	i := line - 1
	first := lines[i]
	k := strings.IndexByte(first, '{')
	var b strings.Builder
	rest := first[k+1:]
	for {
		if j := strings.IndexByte(rest, '}'); j >= 0 {
			b.WriteString(rest[:j])
			if tail := trimSpace(rest[j+1:]); tail != "" && !strings.HasPrefix(tail, "%%") {
				return "", 0, errorf(i+1+offset, "unexpected %q after the accDescr block", clip(tail))
			}
			break
		}
		b.WriteString(rest)
		b.WriteByte('\n')
		i++
		if i >= len(lines) {
			return "", 0, errorf(line+offset, "accDescr { is never closed with }")
		}
		rest = lines[i]
	}
	var out []string
	for _, l := range strings.Split(b.String(), "\n") {
		if l = clean(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n"), i + 1 + offset, nil
}

// skipFrontMatter blanks a leading `---` ... `---` block (Mermaid's config
// front matter), keeping the line count.
func skipFrontMatter(s string) string {
	lines := strings.Split(s, "\n")
	first := -1
	for i, l := range lines {
		if trimSpace(l) != "" {
			first = i
			break
		}
	}
	if first < 0 || trimSpace(lines[first]) != "---" {
		return s
	}
	for j := first + 1; j < len(lines); j++ {
		if trimSpace(lines[j]) == "---" {
			for k := first; k <= j; k++ {
				lines[k] = ""
			}
			return strings.Join(lines, "\n")
		}
	}
	return s
}

// isJourney reports whether the statements start with a bare `journey`.
func isJourney(sts []statement) bool {
	if len(sts) == 0 {
		return false
	}
	rest, ok := keyword(sts[0].text, "journey")
	return ok && rest == ""
}

// fromMarkdown returns the body of the first ```mermaid fence holding a
// journey, the number of lines before it and the body's statements, or s
// unchanged with its own statements.
func fromMarkdown(s string) (string, int, []statement) {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		t := trimSpace(l)
		if !strings.HasPrefix(t, "```") && !strings.HasPrefix(t, "~~~") {
			continue
		}
		if !strings.EqualFold(trimSpace(t[3:]), "mermaid") {
			continue
		}
		fence := t[:3]
		var body []string
		for j := i + 1; j < len(lines); j++ {
			if strings.HasPrefix(trimSpace(lines[j]), fence) {
				break
			}
			body = append(body, lines[j])
		}
		b := strings.Join(body, "\n")
		if sts := statements(skipFrontMatter(b)); isJourney(sts) {
			return b, i + 1, sts
		}
	}
	return s, 0, statements(skipFrontMatter(s))
}

// clean trims a label and drops control characters, which no label can
// hold.
func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return -1
		}
		if r == '\t' {
			return ' '
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

func clip(s string) string {
	if utf8.RuneCountInString(s) <= 60 {
		return s
	}
	r := []rune(s)
	return string(r[:57]) + "..."
}
