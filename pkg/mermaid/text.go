package mermaid

import (
	"html"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Mermaid runs in JavaScript: its patterns' \s and String.prototype.trim
// know these blanks, not only ASCII ones. A label that starts with a
// no-break space loses it, as one that starts with a space does.
func isJSSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff:
		return true
	}
	return r >= 0x2000 && r <= 0x200a
}

// jsTrim is JavaScript's String.prototype.trim.
func jsTrim(s string) string { return strings.TrimFunc(s, isJSSpace) }

// jsSpaceAt returns the width of the JavaScript blank at s[i:], or 0.
func jsSpaceAt(s string, i int) int {
	if i >= len(s) {
		return 0
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if isJSSpace(r) {
		return n
	}
	return 0
}

// skipJSSpace returns the index after the blanks starting at i.
func skipJSSpace(s string, i int) int {
	for {
		n := jsSpaceAt(s, i)
		if n == 0 {
			return i
		}
		i += n
	}
}

// hasPrefixFold reports whether s[i:] starts with the ASCII keyword kw,
// ignoring ASCII case as Mermaid's case-insensitive lexer does.
func hasPrefixFold(s string, i int, kw string) bool {
	return len(s)-i >= len(kw) && strings.EqualFold(s[i:i+len(kw)], kw)
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// Mermaid hides entity codes (`#58;`, `#quot;`) from its parsers behind
// these markers and turns them back into character references when it
// writes the SVG (encodeEntities and decodeEntities in its utils.ts).
const (
	markNumeric = "ﬂ°°"
	markNamed   = "ﬂ°"
	markEnd     = "¶ß"
)

// shown is the text a reader sees for a label Mermaid has parsed: Mermaid
// writes the label into the SVG as text (escaping & < >), replaces its
// entity markers with `&#`, `&` and `;` in the SVG source, and the browser
// reads the result as HTML.
func shown(s string) string {
	if !strings.Contains(s, "ﬂ°") && !strings.Contains(s, markEnd) {
		return s
	}
	s = html.EscapeString(s)
	s = strings.ReplaceAll(s, markNumeric, "&#")
	s = strings.ReplaceAll(s, markNamed, "&")
	s = strings.ReplaceAll(s, markEnd, ";")
	return unescapeRefs(s)
}

// longRef is a numeric character reference too long to be a code point;
// html.UnescapeString would let it overflow into one.
var longRef = regexp.MustCompile(`&#0*[0-9]{8,};`)

// unescapeRefs decodes character references as a browser does.
func unescapeRefs(s string) string {
	s = longRef.ReplaceAllStringFunc(s, func(ref string) string {
		if n, err := strconv.ParseInt(strings.TrimLeft(ref[2:len(ref)-1], "0"), 10, 64); err == nil && n <= utf8.MaxRune {
			return ref
		}
		return "\uFFFD"
	})
	return html.UnescapeString(s)
}
