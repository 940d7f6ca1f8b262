package mermaid

import (
	"bytes"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/journey-maps/journey/pkg/format"
	"github.com/journey-maps/journey/pkg/loader"
)

func TestParse(t *testing.T) {
	d, err := Parse([]byte("journey\n  title T\n  section A\n  X: 0: Me , Me, Cat ,\n  accTitle : Acc\n  accDescr: one line\n  section B # comment\n  Y: 5\n"))
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "T" || d.AccTitle != "Acc" || d.AccDescr != "one line" || len(d.Sections) != 2 {
		t.Fatalf("%+v", d)
	}
	x := d.Sections[0].Tasks[0]
	if x.Name != "X" || x.Score != 0 || strings.Join(x.Actors, "|") != "Me|Me|Cat|" || x.Line != 4 {
		t.Errorf("%+v", x)
	}
	if y := d.Sections[1].Tasks[0]; y.Score != 5 || len(y.Actors) != 0 || d.Sections[1].Name != "B" {
		t.Errorf("%+v", y)
	}
}

// Keywords ignore case except the diagram's first word, which Mermaid's
// detector wants lowercase.
func TestParseKeywordsCase(t *testing.T) {
	d, err := Parse([]byte("journey\nTITLE Up\nSection S\nTitled task: 3\n"))
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Up" || d.Sections[0].Name != "S" || d.Sections[0].Tasks[0].Name != "Titled task" {
		t.Errorf("%+v %+v", d, d.Sections[0].Tasks[0])
	}
	if _, err := Parse([]byte("Journey\nsection S\n")); err == nil || !strings.Contains(err.Error(), "lowercase") {
		t.Errorf("Journey: %v", err)
	}
}

// What Mermaid accepts and journey's old reader refused.
func TestParseAcceptsWhatMermaidDoes(t *testing.T) {
	for name, c := range map[string]struct {
		src   string
		check func(d *Diagram) bool
	}{
		"score above 5": {"journey\nsection A\nX: 6\n", func(d *Diagram) bool { return d.Sections[0].Tasks[0].Score == 6 }},
		"fractional":    {"journey\nsection A\nX: 4.5\n", func(d *Diagram) bool { return d.Sections[0].Tasks[0].Score == 4.5 }},
		"not a number":  {"journey\nsection A\nsize: 2rem\n", func(d *Diagram) bool { return math.IsNaN(d.Sections[0].Tasks[0].Score) }},
		"three colons": {"journey\nsection A\nX: 3: Me: extra\n", func(d *Diagram) bool {
			return strings.Join(d.Sections[0].Tasks[0].Actors, ",") == "Me" && len(d.Warnings) == 1
		}},
		"block then statement": {"journey\naccDescr {\n  a\n  b\n}title T\n", func(d *Diagram) bool { return d.AccDescr == "a\nb" && d.Title == "T" }},
		"front-matter title":   {"---\ntitle: From the front matter\n---\njourney\nsection S\n", func(d *Diagram) bool { return d.Title == "From the front matter" }},
		"directive over lines": {"%%{init: {\n  \"theme\": \"dark\"\n}}%%\njourney\nsection S\n", func(d *Diagram) bool { return len(d.Sections) == 1 }},
		"%% after an actor": {"journey\nsection S\nX: 3: Me %% a note\n", func(d *Diagram) bool {
			return d.Sections[0].Tasks[0].Actors[0] == "Me %% a note" && len(d.Warnings) == 1
		}},
		"entity codes": {"journey\nsection S#58; x\nA#44;B: 3: C#59;D\n", func(d *Diagram) bool {
			t := d.Sections[0].Tasks[0]
			return d.Sections[0].Name == "S: x" && t.Name == "A,B" && t.Actors[0] == "C;D"
		}},
		"empty sections": {"journey\nsection A\nsection B\nX: 1\nsection C\n", func(d *Diagram) bool {
			return len(d.Sections) == 3 && len(d.Sections[0].Tasks) == 0 && len(d.Sections[2].Tasks) == 0
		}},
		"tasks before a section": {"journey\nX: 1\nsection A\n", func(d *Diagram) bool { return d.Sections[0].Implicit && !d.Sections[1].Implicit }},
	} {
		d, err := Parse([]byte(c.src))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !c.check(d) {
			t.Errorf("%s: read as %+v", name, d)
		}
	}
}

func TestParseErrorsHaveLines(t *testing.T) {
	for src, line := range map[string]int{
		"":                                         1,
		"\n\n%% x\n":                               1,
		"pie\n":                                    1,
		"journey\nsection\n":                       2,
		"journey\ntitle\n":                         2,
		"journey\nsection A\nX\n":                  3,
		"journey\nsection A\n: 3\n":                3,
		"journey\nsection A\nX:\n":                 3,
		"journey\nsection A\nX: 1;\n":              3,
		"journey\naccDescr {\nnever\n":             2,
		"journey\naccTitle {x}\n":                  2,
		"journey\nsection A: b\n":                  2,
		"journey\naccTitle:\n":                     2,
		"journey\nsection A\nJourney planner: 3\n": 3,
		"# x\n\njourney\n\nsection A\nB":           1,
		"---\ntitle: [\n---\njourney\n":            2,
		"%%{init: {}}%%\n\n%% c\nsection A\n":      4,
	} {
		_, err := Parse([]byte(src))
		var se *SyntaxError
		if !errors.As(err, &se) || se.Line != line {
			t.Errorf("%q: err %v, want a syntax error at line %d", src, err, line)
		}
	}
}

// TestContainers: the diagram is found in markdown and reStructuredText
// documents, and errors name the document's lines.
func TestContainers(t *testing.T) {
	const diagram = "journey\n  title T\n  section S\n    X: 3: Me\n"
	quote := func(s, prefix string) string {
		return prefix + strings.ReplaceAll(strings.TrimSuffix(s, "\n"), "\n", "\n"+prefix) + "\n"
	}
	indent := func(s, by string) string { return quote(s, by) }
	for name, doc := range map[string]string{
		"fence":           "# Doc\n\n```mermaid\n" + diagram + "```\n",
		"mermaid-example": "```mermaid-example\n" + diagram + "```\n",
		"four backticks":  "````mermaid\n" + diagram + "````\n",
		"tildes":          "~~~~ mermaid\n" + diagram + "~~~~\n",
		"MyST":            "```{mermaid}\n" + diagram + "```\n",
		"Azure DevOps":    "::: mermaid\n" + diagram + ":::\n",
		"blockquote":      "Text\n\n" + quote("```mermaid\n"+diagram+"```\n", "> "),
		"nested quote":    quote("```mermaid\n"+diagram+"```\n", "> > "),
		"list item":       "1. Step\n\n   ```mermaid\n" + indent(diagram, "   ") + "   ```\n",
		"unclosed fence":  "```mermaid\n" + diagram,
		"rst mermaid":     "Title\n=====\n\n.. mermaid::\n   :caption: A day\n   :align: center\n\n" + indent(diagram, "   ") + "\nAfter.\n",
		"rst code":        ".. code:: mermaid\n\n" + indent(diagram, "    ") + "\n.. code:: text\n\n   not this\n",
		"rst code-block":  "  .. code-block:: mermaid\n\n" + indent(diagram, "     "),
		"second block":    "```mermaid\nflowchart LR\n  A --> B\n```\n\n```mermaid\n" + diagram + "```\n",
	} {
		d, err := Parse([]byte(doc))
		if err != nil {
			t.Errorf("%s: %v\n%s", name, err, doc)
			continue
		}
		if d.Title != "T" || len(d.Sections) != 1 || d.Sections[0].Tasks[0].Actors[0] != "Me" {
			t.Errorf("%s: read as %+v", name, d)
		}
	}
	_, err := Parse([]byte("# Doc\n\n> ```mermaid\n> journey\n>   section S\n>     X\n> ```\n"))
	var se *SyntaxError
	if !errors.As(err, &se) || se.Line != 6 {
		t.Errorf("error in a blockquote: %v, want line 6", err)
	}
	d, err := Parse([]byte("```mermaid\n" + diagram + "```\n\n```mermaid\n" + diagram + "```\n"))
	if err != nil || len(d.Warnings) != 1 || d.Warnings[0].Line != 9 {
		t.Errorf("a second journey: %v %+v", err, d)
	}
	if _, err := Parse([]byte(".. mermaid:: day.mmd\n")); err == nil {
		t.Error("a directive naming another file read as a diagram")
	}
}

func TestEmotion(t *testing.T) {
	for score, want := range map[float64]int{0: 1, 1: 1, 3: 3, 5: 5, 6: 5, 4.5: 5, 4.4: 4, -1: 1, math.Inf(1): 5, math.Inf(-1): 1} {
		if got, ok := Emotion(score); !ok || got != want {
			t.Errorf("Emotion(%v) = %d, want %d", score, got, want)
		}
	}
	if _, ok := Emotion(math.NaN()); ok {
		t.Error("NaN has an emotion")
	}
}

func TestJSNumber(t *testing.T) {
	for s, want := range map[string]float64{
		"5": 5, " 4.5 ": 4.5, "": 0, "  ": 0, "\u00a05": 5, "1e1": 10, "+3": 3, "-1": -1, ".5": 0.5, "5.": 5,
		"0x10": 16, "0b11": 3, "0o7": 7, "Infinity": math.Inf(1), "-Infinity": math.Inf(-1), "1e400": math.Inf(1),
	} {
		if got := jsNumber(s); got != want {
			t.Errorf("jsNumber(%q) = %v, want %v", s, got, want)
		}
	}
	for _, s := range []string{"six", "1_0", "-0x10", "0x", "5 %% c", "infinity", "1e", "--1"} {
		if got := jsNumber(s); !math.IsNaN(got) {
			t.Errorf("jsNumber(%q) = %v, want NaN", s, got)
		}
	}
	for f, want := range map[float64]string{3: "3", -1: "-1", 4.5: "4.5", 1e21: "1e+21", 1e-7: "1e-7", 1234567.5: "1234567.5", math.NaN(): "NaN"} {
		if got := formatNumber(f); got != want {
			t.Errorf("formatNumber(%v) = %q, want %q", f, got, want)
		}
	}
}

// TestImportWarnings: what Mermaid ignores or reads unexpectedly is kept
// as Mermaid reads it and reported at its line.
func TestImportWarnings(t *testing.T) {
	res, err := Import([]byte("journey\ntitle First\ntitle Second\nsection S\nA: 4.5: Me, Me\nB: 2rem\nC: 0\nD: 3: x: y\nE: 9\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range res.Warnings {
		got = append(got, strings.Split(w.Msg, ":")[0]+"@"+strconv.Itoa(w.Line))
	}
	want := "title is replaced by the title on line 3@2|task \"A\" lists actor \"Me\" twice; the touchpoint has the persona once@5|task \"A\"@5|task \"B\"@6|task \"D\"@8|task \"E\"@9"
	if strings.Join(got, "|") != want {
		t.Errorf("warnings\n got %s\nwant %s", strings.Join(got, "|"), want)
	}
	s := string(res.Map)
	for _, w := range []string{"emotion: 5 # Mermaid score 4.5", "emotion: 1 # Mermaid score 0", "emotion: 5 # Mermaid score 9", "title: Second"} {
		if !strings.Contains(s, w) {
			t.Errorf("map lacks %q:\n%s", w, s)
		}
	}
	if strings.Count(s, "emotion:") != 4 {
		t.Errorf("the task without a number has an emotion:\n%s", s)
	}
	mustLoad(t, res.Map)
}

func TestUniqueIDs(t *testing.T) {
	res, err := Import([]byte("journey\nsection !!!\n***: 3: ???, !!!\nA: 3\na: 4\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := string(res.Map)
	for _, want := range []string{"id: stage-1", "id: touchpoint-1", "id: a\n", "id: a-2", "id: persona-1", "id: persona-2", "title: Imported journey"} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q:\n%s", want, s)
		}
	}
	mustLoad(t, res.Map)
}

// The imported map is in fmt's layout, and keeps empty sections as empty
// stages whose stage-has-touchpoints finding is suppressed.
func TestImportLayout(t *testing.T) {
	res, err := Import([]byte("journey\ntitle T\nsection Empty\nsection Full\nX: 3: Me\nY: 2\n"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if out, err := format.Source(res.Map); err != nil || !bytes.Equal(out, res.Map) {
		t.Errorf("not in fmt's layout (%v):\n%s", err, res.Map)
	}
	s := string(res.Map)
	for _, want := range []string{"# journey:ignore stage-has-touchpoints", "touchpoints: []", "personas: []", "personas: [me]"} {
		if !strings.Contains(s, want) {
			t.Errorf("map lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "channel:") {
		t.Errorf("the diagram says nothing of channels:\n%s", s)
	}
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
	res, err := Import([]byte("journey\nsection A\nX: 3\n"), Options{Source: "été.mmd"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(res.Map), "title: Été\n") {
		t.Errorf("no title from the file name:\n%s", res.Map)
	}
	mustLoad(t, res.Map)
}

func mustLoad(t testing.TB, out []byte) {
	t.Helper()
	f := loader.New(loader.Options{}).LoadBytes("imported.journey.yaml", out)
	if !f.Valid() {
		t.Fatalf("output does not validate: %v\n%s", f.Diags, out)
	}
}

// FuzzImportMermaid: the importer never panics, and whatever it accepts
// becomes a map that loads without errors and is in fmt's layout.
func FuzzImportMermaid(f *testing.F) {
	for _, glob := range []string{"../../testdata/import/*.m*d", "../../testdata/mermaid/corpus/*.m*d", "../../testdata/mermaid/corpus/*.rst"} {
		seeds, _ := filepath.Glob(glob)
		for _, s := range seeds {
			data, err := os.ReadFile(s)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	f.Add([]byte("journey\n    title T\n    section S\n      A: 0: x, y\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		res, err := Import(src, Options{Source: "fuzz.mmd"})
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) || se.Line < 1 {
				t.Fatalf("not a syntax error with a line: %v", err)
			}
			return
		}
		mustLoad(t, res.Map)
		if out, err := format.Source(res.Map); err != nil || !bytes.Equal(out, res.Map) {
			t.Fatalf("not in fmt's layout (%v):\n%s", err, res.Map)
		}
	})
}
