package textfmt

import "testing"

func TestPlural(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{{0, "0 files"}, {1, "1 file"}, {2, "2 files"}} {
		if got := Plural(c.n, "file"); got != c.want {
			t.Errorf("Plural(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}

func TestSanitize(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain text\twith tab", "plain text\twith tab"},
		{"red \x1b[31m", `red \u001b[31m`},
		{"line\nbreak", `line\u000abreak`},
		{"bidi \u202eevil", `bidi \u202eevil`},
		{"c1 \u0085", `c1 \u0085`},
		{"café ✓", "café ✓"},
	} {
		if got := Sanitize(c.in); got != c.want {
			t.Errorf("Sanitize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
