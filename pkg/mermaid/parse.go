// Package mermaid reads and writes Mermaid `journey` diagrams. Parse reads
// a diagram as Mermaid does (its jison grammar, its clean-up of the text
// and its entity codes), Convert and Import turn it into a journey map,
// and Write writes one that Mermaid reads back as meant: `journey render
// --format mermaid` and `journey import mermaid` are each other's inverse.
// docs/mermaid.md is the contract.
package mermaid

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Diagram is a journey diagram as Mermaid reads it, with every text as
// the reader sees it (entity codes decoded, blanks at the ends trimmed).
type Diagram struct {
	Title    string
	AccTitle string
	AccDescr string
	Sections []*Section
	// Warnings are what Mermaid reads differently than its author
	// probably meant, or ignores (Parse fills them in).
	Warnings []Warning
}

// Section is a `section NAME` and its tasks.
type Section struct {
	Name string
	// Implicit marks the tasks written before the first section, which
	// Mermaid draws under no section; only the first section may be.
	Implicit bool
	Tasks    []*Task
	Line     int
}

// Task is a `Name: score: Actor, Actor` line.
type Task struct {
	Name string
	// Score is what Mermaid's Number() makes of the text after the first
	// ':': any number, NaN when it is not one.
	Score     float64
	ScoreText string
	Actors    []string
	// Note is written by Write as a %% comment line above the task.
	Note string
	Line int
}

// Warning is something at a line that Mermaid ignores or reads in a way
// its author may not expect.
type Warning struct {
	Line int
	Msg  string
}

// SyntaxError is why Mermaid rejects a diagram, at a line of the file.
type SyntaxError struct {
	Line int
	Msg  string
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("%d: %s", e.Line, e.Msg) }

func errorf(line int, format string, args ...any) error {
	return &SyntaxError{Line: line, Msg: fmt.Sprintf(format, args...)}
}

func (d *Diagram) warnf(line int, format string, args ...any) {
	d.Warnings = append(d.Warnings, Warning{Line: line, Msg: fmt.Sprintf(format, args...)})
}

// prepared is a block cleaned up as Mermaid does before parsing.
type prepared struct {
	code       text
	title      string // from the front matter
	titleLine  int
	start      int // the block's first line
	frontError error
}

// isJourney is Mermaid's journey detector: /^\s*journey/ on the text
// after the clean-up.
func (p prepared) isJourney() bool { return strings.HasPrefix(p.code.s, "journey") }

// prepare runs Mermaid's preprocessing over a block.
func prepare(b block) prepared {
	t := quoteAttributes(newText(b))
	p := prepared{start: b.firstLine()}
	if y, at, end, ok := frontMatter(t.s); ok {
		p.title, p.frontError = frontMatterTitle(y, t.lineAt(at))
		p.titleLine = t.lineAt(0)
		t = t.cut(0, end)
	}
	t = removeDirectives(t)
	p.code = removeCommentLines(t)
	return p
}

// frontMatterTitle reads `title:` from the front matter as Mermaid does
// (js-yaml, JSON schema): a YAML error rejects the diagram.
func frontMatterTitle(src string, line int) (string, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			n, _ := strconv.Atoi(m[1]) // the pattern's digits
			line += n - 1
			msg = strings.TrimPrefix(msg, m[0])
		}
		return "", errorf(line, "the front matter is not valid YAML: %s", msg)
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return "", nil
	}
	m := doc.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value != "title" {
			continue
		}
		v := m.Content[i+1]
		if v.Kind != yaml.ScalarNode {
			return "", nil
		}
		switch {
		case v.Style == 0 && (v.Value == "false" || v.Value == "null" || v.Value == ""):
			return "", nil
		case v.Style == 0 && jsonNumber.MatchString(v.Value):
			f := jsNumber(v.Value)
			if f == 0 {
				return "", nil
			}
			return formatNumber(f), nil
		}
		return v.Value, nil
	}
	return "", nil
}

var (
	yamlLine   = regexp.MustCompile(`^line (\d+): `)
	jsonNumber = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]*)?([eE][-+]?[0-9]+)?$`)
)

// Parse reads a Mermaid journey diagram: a Mermaid file, or the first
// Mermaid block holding a journey in a markdown or reStructuredText
// document. A diagram Mermaid rejects is a *SyntaxError at its line.
func Parse(src []byte) (*Diagram, error) {
	_, p, more := find(splitLines(strings.ToValidUTF8(string(src), "\uFFFD")))
	if p.frontError != nil && p.isJourney() {
		return nil, p.frontError
	}
	d, err := parseCode(p)
	if err != nil {
		return nil, err
	}
	for _, line := range more {
		d.warnf(line, "another journey diagram: only the first one in the document is read")
	}
	return d, nil
}

// find picks the diagram of a file: the file itself when it is one, else
// its first Mermaid block that holds a journey (or its first Mermaid
// block, to say why it is not one). more are the first lines of the
// document's other journey blocks.
func find(lines []string) (b block, p prepared, more []int) {
	b = wholeFile(lines)
	p = prepare(b)
	if p.isJourney() {
		return b, p, nil
	}
	blocks := mermaidBlocks(lines)
	found := false
	for _, c := range blocks {
		q := prepare(c)
		if !q.isJourney() {
			continue
		}
		if found {
			more = append(more, c.firstLine())
			continue
		}
		b, p, found = c, q, true
	}
	if !found && len(blocks) > 0 {
		b = blocks[0]
		p = prepare(b)
	}
	return b, p, more
}

// parseCode parses prepared text with Mermaid's journey grammar.
func parseCode(p prepared) (*Diagram, error) {
	code := p.code
	if !p.isJourney() {
		return nil, notJourney(code, p.start)
	}
	code = encodeEntities(code)
	code.s += "\n"
	code.line = append(code.line, int32(code.lineAt(len(code.s)-2)))
	lx := &lexer{s: code.s}
	if lx.next().kind != tokJourney {
		return nil, errorf(code.lineAt(0), "want `journey` alone at the start, found %q", clip(firstLine(code.s)))
	}
	d := &Diagram{}
	r := reader{d: d, code: code}
	if p.title != "" {
		r.setTitle(jsTrim(shown(p.title)), p.titleLine, "the front matter's title")
	}
	for {
		t := lx.next()
		line := code.lineAt(t.at)
		switch t.kind {
		case tokEOF:
			return d, nil
		case tokNewline:
		case tokTitle:
			r.setTitle(jsTrim(shown(t.value)), line, "title")
		case tokAccTitle:
			r.setAcc(&d.AccTitle, &r.accTitleLine, jsTrim(shown(jsTrim(t.value))), line, "accTitle")
		case tokAccDescr, tokAccDescrBlock:
			if v := jsTrim(t.value); v != "" || t.kind == tokAccDescr {
				v = blankAfterNewline.ReplaceAllString(v, "\n")
				r.setAcc(&d.AccDescr, &r.accDescrLine, jsTrim(shown(v)), line, "accDescr")
			}
		case tokSection:
			name := jsTrim(shown(t.value))
			r.warnComment(line, "section name", name)
			d.Sections = append(d.Sections, &Section{Name: name, Line: line})
		case tokTaskName:
			data := lx.next()
			if data.kind != tokTaskData {
				return nil, taskError(t, data, code)
			}
			r.addTask(t.text, data.value, line)
		case tokUnclosed:
			return nil, errorf(line, "accDescr { is never closed with }")
		case tokNoText:
			return nil, errorf(line, "%s has no text after it", strings.TrimSpace(firstLine(t.text)))
		default:
			return nil, unexpected(t, code)
		}
	}
}

// blankAfterNewline is the /\n\s+/g Mermaid replaces with a newline in
// an accessible description.
var blankAfterNewline = regexp.MustCompile(`\n[\t\n\v\f\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}]+`)

// reader applies statements to the diagram as Mermaid's journeyDb does.
type reader struct {
	d                                     *Diagram
	code                                  text
	titleLine, accTitleLine, accDescrLine int
	titleFrom                             string
}

func (r *reader) setTitle(v string, line int, from string) {
	if r.titleLine != 0 {
		r.d.warnf(r.titleLine, "%s is replaced by the title on line %d: Mermaid shows the last one", r.titleFrom, line)
	}
	r.warnComment(line, "title", v)
	r.d.Title, r.titleLine, r.titleFrom = v, line, from
}

func (r *reader) setAcc(field *string, at *int, v string, line int, what string) {
	if *at != 0 {
		r.d.warnf(*at, "%s is replaced by the %s on line %d: Mermaid keeps the last one", what, what, line)
	}
	*field, *at = v, line
}

// warnComment notes a %% that Mermaid reads as text: a comment must be
// on a line of its own.
func (r *reader) warnComment(line int, what, v string) {
	if strings.Contains(v, "%%") {
		r.d.warnf(line, "Mermaid reads the %%%% in %s %q as text: a %%%% comment must be on a line of its own", what, clip(v))
	}
}

// addTask is journeyDb.addTask: the text after ':' splits at ':' into the
// score and the actors; what follows a third ':' is ignored.
func (r *reader) addTask(name, data string, line int) {
	d := r.d
	if len(d.Sections) == 0 {
		d.Sections = append(d.Sections, &Section{Implicit: true, Line: line})
	}
	pieces := strings.Split(data, ":")
	t := &Task{Name: jsTrim(shown(name)), ScoreText: pieces[0], Score: jsNumber(pieces[0]), Line: line}
	r.warnComment(line, "task", t.Name)
	if len(pieces) > 1 {
		for _, a := range strings.Split(pieces[1], ",") {
			a = jsTrim(shown(a))
			r.warnComment(line, "actor", a)
			t.Actors = append(t.Actors, a)
		}
	}
	if len(pieces) > 2 {
		d.warnf(line, "task %q: Mermaid ignores %q after the actors", clip(t.Name), clip(":"+strings.Join(pieces[2:], ":")))
	}
	sec := d.Sections[len(d.Sections)-1]
	sec.Tasks = append(sec.Tasks, t)
}

// notJourney explains why a text is not a journey diagram.
func notJourney(code text, start int) error {
	if code.s == "" {
		return errorf(start, "empty diagram: want `journey` first")
	}
	first := firstLine(code.s)
	if hasPrefixFold(first, 0, "journey") {
		return errorf(code.lineAt(0), "Mermaid knows only a lowercase `journey` as the start of a journey diagram, found %q", clip(first))
	}
	return errorf(code.lineAt(0), "want `journey` as the first statement, found %q", clip(first))
}

func taskError(name, next token, code text) error {
	n := clip(jsTrim(shown(name.text)))
	line := code.lineAt(next.at)
	switch next.kind {
	case tokColon:
		return errorf(line, "task %q has no score after ':'", n)
	case tokNewline, tokEOF:
		return errorf(code.lineAt(name.at), "want a task `Name: score: Actor, Actor`, `section NAME` or `title TEXT`, found %q", n)
	}
	return unexpected(next, code)
}

func unexpected(t token, code text) error {
	line := code.lineAt(t.at)
	switch t.kind {
	case tokJourney:
		return errorf(line, "a statement cannot start with %q: Mermaid reads it as the `journey` keyword", clip(firstLine(code.s[t.at:])))
	case tokTaskData, tokColon:
		return errorf(line, "a task needs a name before ':', found %q", clip(firstLine(code.s[t.at:])))
	case tokInvalid:
		return errorf(line, "Mermaid cannot read %q here: ';' is not a separator in a journey diagram", t.text)
	}
	return errorf(line, "unexpected %q", clip(t.text))
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// jsNumber is JavaScript's Number(string).
func jsNumber(s string) float64 {
	s = jsTrim(s)
	switch s {
	case "":
		return 0
	case "Infinity", "+Infinity":
		return math.Inf(1)
	case "-Infinity":
		return math.Inf(-1)
	}
	if len(s) > 2 && s[0] == '0' {
		if base := map[byte]float64{'x': 16, 'X': 16, 'o': 8, 'O': 8, 'b': 2, 'B': 2}[s[1]]; base != 0 {
			return radix(s[2:], base)
		}
	}
	if !decimal.MatchString(s) {
		return math.NaN()
	}
	f, _ := strconv.ParseFloat(s, 64) // out of range gives ±Inf, as in JavaScript
	return f
}

var decimal = regexp.MustCompile(`^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$`)

func radix(digits string, base float64) float64 {
	f := 0.0
	for _, c := range digits {
		v := strings.IndexRune("0123456789abcdef", c|0x20)
		if v < 0 || float64(v) >= base || c > 'z' {
			return math.NaN()
		}
		f = f*base + float64(v)
	}
	return f
}

// formatNumber writes a number as JavaScript's String(number) does.
func formatNumber(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case f == 0:
		return "0"
	}
	if a := math.Abs(f); a >= 1e-6 && a < 1e21 {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	m, e, _ := strings.Cut(strconv.FormatFloat(f, 'e', -1, 64), "e")
	sign := e[:1]
	e = strings.TrimLeft(e[1:], "0")
	return m + "e" + sign + e
}

func clip(s string) string {
	if utf8.RuneCountInString(s) <= 60 {
		return s
	}
	r := []rune(s)
	return string(r[:57]) + "..."
}
