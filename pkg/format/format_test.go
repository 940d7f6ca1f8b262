package format

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/loader"
)

func maps(t testing.TB) []string {
	var paths []string
	for _, pattern := range []string{"../../examples/*/*.yaml", "../../testdata/fmt/*.yaml", "../../testdata/diff/*/*.yaml", "../../testdata/score/*.yaml"} {
		p, _ := filepath.Glob(pattern)
		paths = append(paths, p...)
	}
	if len(paths) < 20 {
		t.Fatalf("found only %d maps", len(paths))
	}
	return paths
}

// loadFile loads a file with the real loader, includes refused, for an
// independent check of SameData.
func loadFile(src []byte) *loader.File {
	l := loader.New(loader.Options{Workers: 1, ReadFile: func(string) ([]byte, error) { return nil, errors.New("no includes") }})
	return l.LoadBytes("x.journey.yaml", src)
}

// TestExamplesKeepTheirData formats every example and test map: the
// result loads into the same model (go-cmp, positions aside) with the
// same findings, keeps every comment, and formats to itself.
func TestExamplesKeepTheirData(t *testing.T) {
	for _, p := range maps(t) {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out, err := Source(src)
		if err != nil {
			if errors.Is(err, ErrParse) {
				continue // the broken fmt cases
			}
			t.Fatalf("%s: %v", p, err)
		}
		before, after := loadFile(src), loadFile(out)
		if d := cmp.Diff(before.Journey, after.Journey, ModelOptions()); d != "" {
			t.Errorf("%s: the journey changed:\n%s", p, d)
		}
		if d := cmp.Diff(before.Personas, after.Personas, ModelOptions()); d != "" {
			t.Errorf("%s: the personas changed:\n%s", p, d)
		}
		if rules(before.Diags) != rules(after.Diags) {
			t.Errorf("%s: findings changed: %s → %s", p, rules(before.Diags), rules(after.Diags))
		}
		if err := SameComments(src, out); err != nil {
			t.Errorf("%s: %v", p, err)
		}
		again, err := Source(out)
		if err != nil || !bytes.Equal(again, out) {
			t.Errorf("%s: not idempotent (%v):\n%s", p, err, cmp.Diff(string(out), string(again)))
		}
	}
}

func rules(ds []diag.Diagnostic) string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Rule+":"+d.Message)
	}
	sort.Strings(out) // keys move, and findings come in line order
	return strings.Join(out, "\n")
}

func TestLayout(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"schema order", "title: T\nversion: 1\nkind: Journey\n", "kind: Journey\nversion: 1\ntitle: T\n"},
		{"short list in flow", "kind: Journey\ntags:\n  - a\n  - b\n", "kind: Journey\ntags: [a, b]\n"},
		{"long item in block", "kind: Journey\ntags: [" + strings.Repeat("x", MaxFlowItem+1) + "]\n",
			"kind: Journey\n\ntags:\n  - " + strings.Repeat("x", MaxFlowItem+1) + "\n"},
		{"too wide in block", "kind: Journey\ntags: [" + strings.Repeat("abcdefghij, ", 9) + "z]\n",
			"kind: Journey\n\ntags:\n" + strings.Repeat("  - abcdefghij\n", 9) + "  - z\n"},
		{"commented item in block", "kind: Journey\ntags:\n  - a # why\n  - b\n", "kind: Journey\n\ntags:\n  - a # why\n  - b\n"},
		{"flow object to block", "kind: Journey\nstages: [{name: S, id: s}]\n", "kind: Journey\n\nstages:\n  - id: s\n    name: S\n"},
		{"line comment of a flow object", "kind: Journey\nx-a: {b: 1} # c\n", "kind: Journey\n\nx-a: # c\n  b: 1\n"},
		{"four-space indent", "kind: Journey\nstages:\n    -   id: s\n        name: S\n", "kind: Journey\n\nstages:\n  - id: s\n    name: S\n"},
		{"extensions after known keys, in order", "x-b: 1\nkind: Journey\nx-a: 2\ntitle: T\n", "kind: Journey\ntitle: T\nx-b: 1\nx-a: 2\n"},
		{"modeline stays on the first line", "# yaml-language-server: $schema=s.json\ntitle: T\nkind: Journey\n",
			"# yaml-language-server: $schema=s.json\nkind: Journey\ntitle: T\n"},
		{"file head above a key's own comment", "# file\ntitle: T\n# the kind\nkind: Journey\n",
			"# file\n\n# the kind\nkind: Journey\ntitle: T\n"},
		{"byte order mark", "\xef\xbb\xbfkind: Journey\n", "kind: Journey\n"},
		{"per-persona emotion in flow", "kind: Journey\nstages:\n  - id: s\n    touchpoints:\n      - id: t\n        emotion:\n          a: 2\n          b: 4\n",
			"kind: Journey\n\nstages:\n  - id: s\n    touchpoints:\n      - id: t\n        emotion: {a: 2, b: 4}\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Source([]byte(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tc.want, string(got)); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
}

func TestRefused(t *testing.T) {
	for _, in := range []string{"kind: [\n", "- a\n", "a: 1\n---\nb: 2\n", "", "just text\n"} {
		if out, err := Source([]byte(in)); err == nil {
			t.Errorf("%q formatted to %q", in, out)
		}
	}
}

// FuzzFormat: formatting is idempotent, and whatever it formats loads
// into the same model with every comment kept. An input it refuses is
// refused with an error, never a panic.
func FuzzFormat(f *testing.F) {
	for _, p := range maps(f) {
		if src, err := os.ReadFile(p); err == nil {
			f.Add(src)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		out, err := Source(src)
		if err != nil {
			// A map that loads without a finding is never refused.
			if !errors.Is(err, ErrParse) && len(loadFile(src).Diags) == 0 {
				t.Fatalf("a valid map is refused: %v", err)
			}
			return
		}
		again, err := Source(out)
		if err != nil {
			t.Fatalf("the formatted file is refused: %v\n%s", err, out)
		}
		if !bytes.Equal(again, out) {
			t.Fatalf("not idempotent:\n%s", cmp.Diff(string(out), string(again)))
		}
		before, after := loadFile(src), loadFile(out)
		if !diag.AnyFatal(before.Diags) && before.Valid() {
			if d := cmp.Diff(before.Journey, after.Journey, ModelOptions()); d != "" {
				t.Fatalf("the journey changed:\n%s", d)
			}
			if d := cmp.Diff(before.Personas, after.Personas, ModelOptions()); d != "" {
				t.Fatalf("the personas changed:\n%s", d)
			}
		}
		if err := SameComments(src, out); err != nil {
			t.Fatal(err)
		}
	})
}

// BenchmarkSource formats the examples: the layout passes and the checks
// that the data and comments are kept.
func BenchmarkSource(b *testing.B) {
	paths, _ := filepath.Glob("../../examples/*/*.yaml")
	var srcs [][]byte
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		srcs = append(srcs, src)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, src := range srcs {
			if _, err := Source(src); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func TestFirstDifference(t *testing.T) {
	base := map[string]any{"kind": "Journey", "stages": []any{map[string]any{"name": "A", "emotion": int64(3)}}}
	for _, tt := range []struct {
		b     any
		where string
	}{
		{map[string]any{"kind": "Journey", "stages": []any{map[string]any{"name": "A", "emotion": int64(3)}}}, ""},
		{map[string]any{"kind": "Journey", "stages": []any{map[string]any{"name": "B", "emotion": int64(3)}}}, "stages[0].name"},
		{map[string]any{"kind": "Journey", "stages": []any{map[string]any{"name": "A", "emotion": float64(3)}}}, "stages[0].emotion"},
		{map[string]any{"kind": "Journey", "stages": []any{}}, "stages"},
		{map[string]any{"kind": "Journey", "stagez": []any{}}, "stages"},
		{map[string]any{"kind": "Journey"}, "the top"},
		{[]any{}, "the top"},
	} {
		where, ok := firstDifference(base, tt.b, "")
		if ok != (tt.where == "") || where != tt.where {
			t.Errorf("firstDifference(%v) = %q, %v; want %q", tt.b, where, ok, tt.where)
		}
	}
}
