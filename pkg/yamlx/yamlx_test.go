package yamlx

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestParseRejectsText(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want Error
	}{
		{"invalid UTF-8", "kind: Journey\nid: a\xffb\n", Error{Line: 2, Col: 6, Msg: "invalid UTF-8 (byte 0xff): journey files are UTF-8 text"}},
		{"NUL byte", "kind: Journey\ntitle: é\x00\n", Error{Line: 2, Col: 9, Msg: "a NUL byte: this is not a text file"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.src))
			got, ok := err.(*Error)
			if !ok {
				t.Fatalf("Parse: %v, want *Error", err)
			}
			if diff := cmp.Diff(tt.want, *got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	if _, err := Parse([]byte("kind: Journey\ntitle: \"\uFFFD is a character\"\n")); err != nil {
		t.Errorf("a written U+FFFD is text: %v", err)
	}
}

// mappingWith writes a mapping of n distinct keys, then the extra lines.
func mappingWith(n int, extra ...string) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "k%d: %d\n", i, i)
	}
	for _, e := range extra {
		b.WriteString(e + "\n")
	}
	return b.String()
}

func TestCheckFindsDuplicateKeys(t *testing.T) {
	// Small mappings look back over their keys, large ones use a set:
	// both must report the same.
	for _, size := range []int{1, smallMapping - 1, smallMapping, smallMapping + 1, 3 * smallMapping} {
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			src := mappingWith(size, "k0: again", "<<: {}", "k0: third")
			root, err := Parse([]byte(src))
			if err != nil {
				t.Fatal(err)
			}
			problems, err := Check(root)
			if err != nil {
				t.Fatal(err)
			}
			want := []Problem{
				{Line: size + 1, Col: 1, Kind: "duplicate-key", Msg: `duplicate key "k0": already set at line 1`},
				{Line: size + 2, Col: 1, Kind: "merge", Msg: "merge keys (`<<`) are not supported: write the fields out"},
				{Line: size + 3, Col: 1, Kind: "duplicate-key", Msg: `duplicate key "k0": already set at line 1`},
			}
			if diff := cmp.Diff(want, problems); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestCheckWithoutDuplicates(t *testing.T) {
	for _, size := range []int{smallMapping, 3 * smallMapping} {
		root, err := Parse([]byte(mappingWith(size, "nested: {a: 1, b: 2, c: [1, 1]}")))
		if err != nil {
			t.Fatal(err)
		}
		if problems, err := Check(root); err != nil || len(problems) != 0 {
			t.Errorf("%d keys: %v %v", size, problems, err)
		}
	}
}

// Number must read every number as yaml.v3's decoder does.
func TestNumberAgreesWithDecoder(t *testing.T) {
	values := []string{"0", "7", "-12", "+3", "010", "0o17", "0x1F", "0b101", "-0b11", "1_000", "9223372036854775807",
		"99999999999999999999", "2.5", "-0.5", "1e3", "6.02e+23", "1_000.5", ".5", ".inf", "-.Inf", ".nan", "30.0"}
	for _, v := range values {
		root, err := Parse([]byte("n: " + v + "\n"))
		if err != nil {
			t.Fatal(err)
		}
		_, n := MapGet(root, "n")
		got, ok := Number(n)
		var want float64
		if err := n.Decode(&want); err != nil {
			t.Errorf("%s (%s): the decoder fails: %v", v, n.Tag, err)
			continue
		}
		if !ok || (got != want && !(got != got && want != want)) {
			t.Errorf("Number(%s) = %v, %v; the decoder reads %v", v, got, ok, want)
		}
	}
	for _, v := range []string{"abc", "true", "~", "2026-11-23", `"5"`} {
		root, _ := Parse([]byte("n: " + v + "\n"))
		_, n := MapGet(root, "n")
		if f, ok := Number(n); ok {
			t.Errorf("Number(%s) = %v: not a number", v, f)
		}
	}
}

func TestHasDocumentMarker(t *testing.T) {
	for src, want := range map[string]bool{
		"---\nkind: Journey\n":            true,
		"kind: Journey\n---\nkind: x\n":   true,
		"kind: Journey\r\n...\r\n":        true,
		"kind: Journey\ntitle: a --- b\n": false,
		"title: |\n  ---\n":               false,
		"kind: Journey\n":                 false,
		"":                                false,
	} {
		if got := hasDocumentMarker([]byte(src)); got != want {
			t.Errorf("hasDocumentMarker(%q) = %v", src, got)
		}
	}
}

func TestCommentLines(t *testing.T) {
	root, err := Parse([]byte("# head\n# two\nkind: Journey # line\nstages:\n  - name: S\n    # foot\n"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for l := range CommentLines(root) {
		got = append(got, strings.TrimSpace(l))
	}
	want := []string{"# head", "# two", "# line", "# foot"}
	if diff := cmp.Diff(want, got, cmpopts.SortSlices(func(a, b string) bool { return a < b })); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	for range CommentLines(root) {
		break // stopping early must not panic
	}
}
