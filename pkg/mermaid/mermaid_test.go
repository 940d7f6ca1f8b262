package mermaid

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/journey-maps/journey/pkg/loader"
)

func TestParse(t *testing.T) {
	d, err := Parse([]byte("journey\n  title T; section A\n  X: 0: Me , Me, Cat ,\n  accTitle : Acc\n  accDescr: one line\n  section B # comment\n  Y: 5\n"))
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "T" || d.AccTitle != "Acc" || d.AccDescr != "one line" || len(d.Sections) != 2 {
		t.Fatalf("%+v", d)
	}
	x := d.Sections[0].Tasks[0]
	if x.Name != "X" || x.Score != 0 || strings.Join(x.Actors, "|") != "Me|Cat" || x.Line != 3 {
		t.Errorf("%+v", x)
	}
	if y := d.Sections[1].Tasks[0]; y.Score != 5 || len(y.Actors) != 0 || d.Sections[1].Name != "B" {
		t.Errorf("%+v", y)
	}
}

func TestParseKeywordsCaseInsensitive(t *testing.T) {
	d, err := Parse([]byte("Journey\nTITLE Up\nSection S\nTitled task: 3\n"))
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Up" || d.Sections[0].Name != "S" || d.Sections[0].Tasks[0].Name != "Titled task" {
		t.Errorf("%+v %+v", d, d.Sections[0].Tasks[0])
	}
}

func TestParseErrorsHaveLines(t *testing.T) {
	for src, line := range map[string]int{
		"":                               1,
		"\n\n%% x\n":                     1,
		"pie\n":                          1,
		"journey\nsection\n":             2,
		"journey\ntitle\n":               2,
		"journey\nsection A\nX: 6\n":     3,
		"journey\nsection A\nX: -1\n":    3,
		"journey\nsection A\nX: 2.5\n":   3,
		"journey\nsection A\nX\n":        3,
		"journey\nsection A\n: 3\n":      3,
		"journey\nsection A\nX:\n":       3,
		"journey\naccDescr {\nnever\n":   2,
		"journey\naccTitle {x}\n":        2,
		"journey\nsection A: b\n":        2,
		"# x\n\njourney\n\nsection A\nB": 6,
	} {
		_, err := Parse([]byte(src))
		var se *SyntaxError
		if !errors.As(err, &se) || se.Line != line {
			t.Errorf("%q: err %v, want a syntax error at line %d", src, err, line)
		}
	}
}

func TestEmotion(t *testing.T) {
	for score, want := range map[int]int{0: 1, 1: 1, 3: 3, 5: 5} {
		if got := Emotion(score); got != want {
			t.Errorf("Emotion(%d) = %d, want %d", score, got, want)
		}
	}
}

func TestUniqueIDs(t *testing.T) {
	out, _, err := Import([]byte("journey\nsection !!!\n***: 3: ???, !!!\nA: 3\na: 4\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	for _, want := range []string{"id: stage-1", "id: touchpoint-1", "id: a\n", "id: a-2", "id: persona-1", "id: persona-2", "title: Imported journey"} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q:\n%s", want, s)
		}
	}
	mustLoad(t, out)
}

// TestTitleFromPath: a diagram without a title is named after its file,
// capitalised, whatever letter it starts with.
func TestTitleFromPath(t *testing.T) {
	for path, want := range map[string]string{
		"":                     "Imported journey",
		"-":                    "Imported journey",
		"maps/working-day.mmd": "Working day",
		"/x/été_plan.md":       "Été plan",
		"_.mmd":                "Imported journey",
	} {
		if got := titleFromPath(path); got != want {
			t.Errorf("titleFromPath(%q) = %q, want %q", path, got, want)
		}
	}
	out, _, err := Import([]byte("journey\nsection A\nX: 3\n"), Options{Source: "été.mmd"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), "title: Été\n") {
		t.Errorf("no title from the file name:\n%s", out)
	}
	mustLoad(t, out)
}

func mustLoad(t testing.TB, out []byte) {
	t.Helper()
	f := loader.New(loader.Options{}).LoadBytes("imported.journey.yaml", out)
	if !f.Valid() {
		t.Fatalf("output does not validate: %v\n%s", f.Diags, out)
	}
}

// FuzzImportMermaid: the importer never panics, and whatever it accepts
// becomes a map that loads without errors.
func FuzzImportMermaid(f *testing.F) {
	seeds, _ := filepath.Glob("../../testdata/import/*.m*d")
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("journey\n    title T\n    section S\n      A: 0: x, y\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		out, _, err := Import(src, Options{Source: "fuzz.mmd"})
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) || se.Line < 1 {
				t.Fatalf("not a syntax error with a line: %v", err)
			}
			return
		}
		mustLoad(t, out)
	})
}
