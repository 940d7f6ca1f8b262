// Package textfmt holds the small text helpers every writer shares:
// counting words and making map text safe for a terminal.
package textfmt

import (
	"fmt"
	"strings"
)

// Plural counts a word: "1 file", "3 files", "2 infos".
func Plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// Sanitize makes text from a map safe for a terminal: control characters
// (which could move the cursor or change colours) are shown escaped.
func Sanitize(s string) string {
	if !strings.ContainsFunc(s, IsControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if IsControl(r) {
			fmt.Fprintf(&b, "\\u%04x", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// IsControl reports the runes a terminal acts on rather than shows: C0
// and C1 controls (tab excepted), line separators and bidi overrides.
func IsControl(r rune) bool {
	return (r < 0x20 && r != '\t') || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0x2028 || r == 0x2029 ||
		(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}
