package mermaid

import (
	"strings"
	"unicode/utf8"
)

// The lexer follows Mermaid's journey grammar
// (packages/mermaid/src/diagrams/user-journey/parser/journey.jison): its
// rules are tried in order at each position and the first that matches
// wins, keywords ignore ASCII case, and `\s` is JavaScript's blank.

type tokenKind int

const (
	tokEOF tokenKind = iota
	tokNewline
	tokJourney
	tokTitle
	tokAccTitle
	tokAccDescr
	tokAccDescrBlock
	tokSection
	tokTaskName
	tokTaskData
	tokColon
	tokInvalid
	tokUnclosed // an accDescr { block that reaches the end
	tokNoText   // accTitle: or accDescr: with nothing after it to the end
)

type token struct {
	kind  tokenKind
	text  string // the matched text
	value string // a statement's text: after the keyword, or the block's
	at    int    // byte offset where it starts
}

type lexer struct {
	s   string
	pos int
}

// next returns the next token, skipping blanks and comments.
func (l *lexer) next() token {
	for {
		if t, ok := l.scan(); ok {
			return t
		}
	}
}

// scan matches one rule at the current position; ok is false when the
// rule skips text (a blank or a comment).
func (l *lexer) scan() (token, bool) {
	s, p := l.s, l.pos
	if p >= len(s) {
		return token{kind: tokEOF, at: p}, true
	}
	rest := s[p:]
	switch {
	case rest[0] == '%' && !strings.HasPrefix(rest[1:], "{"):
		// The grammar writes \%%(?!\{) but jison compiles it to a
		// single %: any token that starts with % (not %{) is a comment.
		l.pos = lineEnd(s, p)
		return token{}, false
	case commentAfterOneUnit(rest):
		l.pos = lineEnd(s, p+1)
		return token{}, false
	case rest[0] == '\n':
		l.pos = p + len(rest) - len(strings.TrimLeft(rest, "\n"))
		return l.tok(tokNewline, p, ""), true
	case jsSpaceAt(s, p) > 0:
		l.pos = skipJSSpace(s, p)
		return token{}, false
	case rest[0] == '#':
		l.pos = lineEnd(s, p)
		return token{}, false
	case hasPrefixFold(s, p, "journey") && (p+7 == len(s) || !isWordByte(s[p+7])):
		// jison ends a rule that ends in a letter with \b
		l.pos = p + len("journey")
		return l.tok(tokJourney, p, ""), true
	}
	if t, ok := l.keyword(p); ok {
		return t, true
	}
	if n := runOf(s, p, "#:\n;"); n > 0 {
		l.pos = p + n
		return l.tok(tokTaskName, p, ""), true
	}
	if rest[0] == ':' {
		if n := runOf(s, p+1, "#\n;"); n > 0 {
			l.pos = p + 1 + n
			return l.tok(tokTaskData, p, s[p+1:l.pos]), true
		}
		l.pos = p + 1
		return l.tok(tokColon, p, ""), true
	}
	_, n := utf8.DecodeRuneInString(rest)
	l.pos = p + n
	return l.tok(tokInvalid, p, ""), true
}

// keyword matches title, accTitle, accDescr and section at p.
func (l *lexer) keyword(p int) (token, bool) {
	s := l.s
	switch {
	case hasPrefixFold(s, p, "title"):
		// "title"\s[^#\n;]+
		if n := jsSpaceAt(s, p+5); n > 0 {
			if m := runOf(s, p+5+n, "#\n;"); m > 0 {
				l.pos = p + 5 + n + m
				return l.tok(tokTitle, p, s[p+5+n:l.pos]), true
			}
		}
	case hasPrefixFold(s, p, "accTitle"), hasPrefixFold(s, p, "accDescr"):
		q := skipJSSpace(s, p+8)
		if q >= len(s) {
			break
		}
		if s[q] == ':' {
			// accTitle\s*":"\s* then the rest of the line
			v := skipJSSpace(s, q+1)
			l.pos = lineEnd(s, v)
			if v == len(s) {
				// The value matches nothing at the very end, which jison
				// answers with its own end marker: a parse error.
				return l.tok(tokNoText, p, ""), true
			}
			kind := tokAccTitle
			if hasPrefixFold(s, p, "accDescr") {
				kind = tokAccDescr
			}
			return l.tok(kind, p, s[v:l.pos]), true
		}
		if s[q] == '{' && hasPrefixFold(s, p, "accDescr") {
			v := skipJSSpace(s, q+1)
			end := strings.IndexByte(s[v:], '}')
			if end < 0 {
				l.pos = len(s)
				return l.tok(tokUnclosed, p, s[v:]), true
			}
			l.pos = v + end + 1
			return l.tok(tokAccDescrBlock, p, s[v:v+end]), true
		}
	case hasPrefixFold(s, p, "section"):
		// "section"\s[^#:\n;]+
		if n := jsSpaceAt(s, p+7); n > 0 {
			if m := runOf(s, p+7+n, "#:\n;"); m > 0 {
				l.pos = p + 7 + n + m
				return l.tok(tokSection, p, s[p+7+n:l.pos]), true
			}
		}
	}
	return token{}, false
}

func (l *lexer) tok(k tokenKind, at int, value string) token {
	return token{kind: k, text: l.s[at:l.pos], value: value, at: at}
}

// commentAfterOneUnit matches [^\}]\%\%: one UTF-16 unit other than }
// (a character outside the Basic Multilingual Plane is two), then %%.
func commentAfterOneUnit(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return r != '}' && r <= 0xffff && strings.HasPrefix(s[n:], "%%")
}

// runOf is the length of the run at p of bytes not in stop (all ASCII).
func runOf(s string, p int, stop string) int {
	i := p
	for i < len(s) && strings.IndexByte(stop, s[i]) < 0 {
		i++
	}
	return i - p
}

func lineEnd(s string, p int) int {
	if k := strings.IndexByte(s[p:], '\n'); k >= 0 {
		return p + k
	}
	return len(s)
}
