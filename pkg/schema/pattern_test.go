package schema

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/journey-maps/journey/schemas"
)

// TestIsKebab holds the byte loop to the regular expression it stands for,
// on every string of up to five characters from an alphabet that covers
// each case.
func TestIsKebab(t *testing.T) {
	re := regexp.MustCompile(idPattern)
	alphabet := []string{"a", "z", "0", "9", "-", "A", "_", "é", " "}
	var walk func(s string, depth int)
	walk = func(s string, depth int) {
		if got, want := isKebab(s), re.MatchString(s); got != want {
			t.Errorf("isKebab(%q) = %v, the pattern says %v", s, got, want)
		}
		if depth == 5 {
			return
		}
		for _, c := range alphabet {
			walk(s+c, depth+1)
		}
	}
	walk("", 0)
}

// The fast path is only taken while the schema spells the id pattern the
// same way.
func TestSchemaUsesIDPattern(t *testing.T) {
	if !strings.Contains(string(schemas.Journey), `"pattern": "`+strings.ReplaceAll(idPattern, `\`, `\\`)+`"`) {
		t.Fatalf("schemas/journey.schema.json no longer uses %s: update idPattern", idPattern)
	}
}

func TestShorterThan(t *testing.T) {
	for _, s := range []string{"", "a", "ab", "é", "éé", "日本", "日本語", "𝄞", "𝄞𝄞a", "abcd", "\xff\xfe"} {
		for n := 0; n <= 5; n++ {
			if got, want := shorterThan(s, n), utf8.RuneCountInString(s) < n; got != want {
				t.Errorf("shorterThan(%q, %d) = %v, want %v", s, n, got, want)
			}
		}
	}
}
