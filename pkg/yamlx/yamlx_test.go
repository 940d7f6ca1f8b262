package yamlx

import (
	"fmt"
	"math/rand/v2"
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

// Check finds exactly the repeated keys of random mappings, whose keys
// often share a KeyBit without being equal.
func TestCheckDuplicatesRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 3000 {
		var src strings.Builder
		seen := map[string]bool{}
		var want []string
		for range 1 + r.IntN(40) {
			b := make([]byte, 1+r.IntN(3))
			for i := range b {
				b[i] = "abcxyz"[r.IntN(6)]
			}
			k := string(b)
			if seen[k] {
				want = append(want, k)
			}
			seen[k] = true
			fmt.Fprintf(&src, "%s: 1\n", k)
		}
		root, err := Parse([]byte(src.String()))
		if err != nil {
			t.Fatal(err)
		}
		problems, err := Check(root)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range problems {
			got = append(got, strings.Split(p.Msg, `"`)[1])
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Fatalf("%s: duplicates %v, want %v", src.String(), got, want)
		}
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
	values := []string{"0", "-0", "+0", "00", "-010", "7", "-12", "+3", "010", "123456789012345678", "-123456789012345678",
		"1234567890123456789", "-9223372036854775808", "9223372036854775808", "0o17", "0x1F", "0b101", "-0b11", "1_000", "9223372036854775807",
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
		var wantInt int64
		wantOK := n.Tag == "!!int" && n.Decode(&wantInt) == nil
		if gotInt, ok := Int(n); ok != wantOK || gotInt != wantInt {
			t.Errorf("Int(%s) = %v, %v; the decoder reads %v, %v", v, gotInt, ok, wantInt, wantOK)
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

// Parse reads the first document from memory and looks for more only at
// the end of the file; it must tell one document from several exactly as
// the streaming decoder does, whatever the line breaks.
func TestParseFindsLaterDocuments(t *testing.T) {
	docs := []string{
		"kind: a\n---\nkind: b\n",
		"kind: a\n...\n",
		"kind: a\n...\n---\nkind: b\n",
		"---\nkind: a\n",
		"---\nkind: a\n---\n",
		"kind: a\n---\n",
		"kind: a\n--- \n",
		"kind: a\n---x: 1\n",
		"kind: a\n---\nkind: [\n",
		"kind: a\ntitle: |\n  ---\n  ...\n",
		"kind: a\ntitle: |\n  text\n---\nkind: b\n",
		"kind: a\nlist:\n  - x\n  - y\n---\n- z\n",
		"kind: a\nmap: {a: 1,\n  b: 2}\n...\n",
		"kind: a # comment\n# ---\n",
		"# only a comment\n---\nkind: b\n",
		"---\n---\nkind: b\n",
		"kind: a\n\n\n---\n\nkind: b",
		"kind: a\n---",
		"a: &x 1\nb: *x\n---\nc: 2\n",
		"kind: a\n",
		"- a\n- b\n---\n- c\n",
		"~\n---\nkind: b\n",
		"plain\n---\nkind: b\n",
		"",
	}
	breaks := []string{"\n", "\r\n", "\r", "\u0085", "\u2028", "\u2029"}
	for _, d := range docs {
		for _, br := range breaks {
			src := []byte(strings.ReplaceAll(d, "\n", br))
			got, gotErr := Parse(src)
			want, wantErr := parseStream(src)
			if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || (got == nil) != (want == nil) || (got != nil && got.Line != want.Line) {
				t.Errorf("Parse(%q) = %v, %v; the decoder gives %v, %v", src, got != nil, gotErr, want != nil, wantErr)
			}
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

// FuzzParseDocuments holds Parse's look for later documents to the
// streaming decoder's answer on any text.
func FuzzParseDocuments(f *testing.F) {
	for _, s := range []string{"kind: a\n---\nkind: b\n", "kind: a\r---\r", "a: |\n  ---\n...\n", "- a\n---", "~\n...\n", "kind: a\u2028---\u2028b: 1"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if checkText(src) != nil || len(src) > 1<<12 {
			return
		}
		got, gotErr := Parse(src)
		want, wantErr := parseStream(src)
		if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || (got == nil) != (want == nil) {
			t.Errorf("Parse(%q) = %v, %v; the decoder gives %v, %v", src, got != nil, gotErr, want != nil, wantErr)
		}
	})
}
