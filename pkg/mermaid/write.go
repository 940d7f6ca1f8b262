package mermaid

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Write writes the diagram in Mermaid's journey syntax so that Mermaid
// reads back the same title, accessible title and description, sections
// (empty ones too), task names, scores and actors in order. Texts are
// folded onto one line (the description keeps its lines) and trimmed;
// where a character would end a statement, start a comment or a keyword,
// or be changed by Mermaid's clean-up, it is written as Mermaid's entity
// code (`#58;` for ':'), which Mermaid shows as the character itself.
// docs/mermaid.md lists every case.
func Write(w io.Writer, d *Diagram) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("journey\n")
	if t := escape(label(d.Title), inTitle); t != "" {
		fmt.Fprintf(bw, "    title %s\n", t)
	}
	if t := escape(label(d.AccTitle), inAcc); t != "" {
		fmt.Fprintf(bw, "    accTitle: %s\n", t)
	}
	writeAccDescr(bw, d.AccDescr)
	for i, s := range d.Sections {
		if !s.Implicit || i > 0 {
			fmt.Fprintf(bw, "    section %s\n", nonEmpty(escape(label(s.Name), inSection)))
		}
		for _, t := range s.Tasks {
			writeTask(bw, t)
		}
	}
	return bw.Flush()
}

func writeAccDescr(bw *bufio.Writer, descr string) {
	var lines []string
	for _, l := range strings.Split(descr, "\n") {
		if l = label(l); l != "" {
			lines = append(lines, l)
		}
	}
	switch len(lines) {
	case 0:
	case 1:
		fmt.Fprintf(bw, "    accDescr: %s\n", escape(lines[0], inAcc))
	default:
		bw.WriteString("    accDescr {\n")
		for _, l := range lines {
			fmt.Fprintf(bw, "      %s\n", escape(l, inAccBlock))
		}
		bw.WriteString("    }\n")
	}
}

func writeTask(bw *bufio.Writer, t *Task) {
	if note := noteText(t.Note); note != "" {
		fmt.Fprintf(bw, "      %%%% %s\n", note)
	}
	name := guardKeyword(nonEmpty(escape(label(t.Name), inTask)))
	fmt.Fprintf(bw, "      %s: %s", name, formatNumber(t.Score))
	var actors []string
	for _, a := range t.Actors {
		if a = escape(label(a), inActor); a != "" {
			actors = append(actors, a)
		}
	}
	if len(actors) > 0 {
		fmt.Fprintf(bw, ": %s", strings.Join(actors, ", "))
	}
	bw.WriteByte('\n')
}

// label is the text Write keeps of a label: control characters (line
// breaks among them) and the marks that reorder text (bidi controls)
// become blanks, and blanks at the ends go, as Mermaid drops them.
func label(s string) string {
	return jsTrim(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == 0x2028 || r == 0x2029 || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
			return ' '
		}
		return r
	}, s))
}

// Label is the text Mermaid shows for a label written by Write: one line,
// trimmed.
func Label(s string) string { return label(s) }

// nonEmpty writes an empty label as a no-break space, which Mermaid
// shows as nothing; a statement needs a character there.
func nonEmpty(s string) string {
	if s == "" {
		return "#160;"
	}
	return s
}

// noteText keeps a note from forming a directive or ending its line.
func noteText(s string) string {
	return strings.NewReplacer("%", "", "{", "(", "}", ")").Replace(label(s))
}

// Where a text goes decides which characters must be written as entity
// codes.
type place int

const (
	inTitle    place = iota // title TEXT: ends at # ; and a line break
	inAcc                   // accTitle: TEXT, accDescr: TEXT: the rest of the line
	inAccBlock              // a line of accDescr { ... }: ends at }
	inSection               // section NAME: ends at # : ;
	inTask                  // NAME: score: ends at # : ;
	inActor                 // an actor: ends at # : ; and ,
)

// stops are the characters that end a text in each place.
var stops = map[place]string{
	inTitle: ";", inAccBlock: "}", inSection: ":;", inTask: ":;", inActor: ":;,",
}

// escape writes the characters Mermaid would not read as themselves as
// `#N;`. In every place: `#` (a comment, or the start of an entity code),
// `<` (Mermaid rewrites HTML tags, sanitises titles that hold one and
// breaks lines at <br>), the first `%` of `%%` (a comment or directive),
// and the look-alikes of Mermaid's own entity markers.
func escape(s string, at place) string {
	out := escapeWith(s, stops[at])
	if at == inTitle || at == inAcc || at == inAccBlock {
		// Mermaid drops the last ';' of a line where `style` or
		// `classDef` is followed by ':', non-blanks and '#'.
		if styleSemicolon(out, "style") >= 0 || styleSemicolon(out, "classDef") >= 0 {
			out = escapeWith(s, stops[at]+":")
		}
	}
	return out
}

func escapeWith(s, stop string) string {
	var b strings.Builder
	for i, r := range s {
		next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):])
		switch {
		case r == '#', r == '<', strings.ContainsRune(stop, r),
			r == '%' && next == '%',
			r == 'ﬂ' && next == '°', r == '¶' && next == 'ß':
			fmt.Fprintf(&b, "#%d;", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// guardKeyword writes the first character of a task name as an entity
// code where Mermaid's lexer would read the name's start as a keyword or
// a comment: `journey` (a whole word), `title` or `section` and a blank,
// `accTitle` or `accDescr` before the task's ':' or a '{', or a '%'.
func guardKeyword(name string) string {
	if keywordAtStart(name) {
		r, n := utf8.DecodeRuneInString(name)
		return fmt.Sprintf("#%d;", r) + name[n:]
	}
	return name
}

func keywordAtStart(s string) bool {
	switch {
	case strings.HasPrefix(s, "%"):
		return true
	case hasPrefixFold(s, 0, "journey"):
		return len(s) == 7 || !isWordByte(s[7])
	case hasPrefixFold(s, 0, "title"):
		return jsSpaceAt(s, 5) > 0
	case hasPrefixFold(s, 0, "section"):
		return jsSpaceAt(s, 7) > 0
	case hasPrefixFold(s, 0, "accTitle"), hasPrefixFold(s, 0, "accDescr"):
		q := skipJSSpace(s, 8)
		return q == len(s) || s[q] == '{' && hasPrefixFold(s, 0, "accDescr")
	}
	return false
}
