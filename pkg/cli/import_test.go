package cli

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/journey-maps/journey/pkg/loader"
	"github.com/journey-maps/journey/pkg/mermaid"
	"github.com/journey-maps/journey/pkg/model"
	"github.com/journey-maps/journey/pkg/render"
)

// TestImportGolden runs `journey import mermaid x.mmd` (x.md, x.rst) for
// every file in testdata/import and compares output and exit code with
// x.out. Every successful import must validate.
func TestImportGolden(t *testing.T) {
	dir, _ := filepath.Abs("../../testdata/import")
	cases, _ := filepath.Glob(filepath.Join(dir, "*.m*d"))
	rst, _ := filepath.Glob(filepath.Join(dir, "*.rst"))
	cases = append(cases, rst...)
	if len(cases) < 10 {
		t.Fatalf("found only %d cases in %s", len(cases), dir)
	}
	t.Chdir(dir)
	for _, c := range cases {
		name := filepath.Base(c)
		t.Run(name, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, "", "import", "mermaid", name)
			got := fmt.Sprintf("%s--- stderr\n%s--- exit %d\n", stdout, stderr, code)
			golden(t, strings.TrimSuffix(name, filepath.Ext(name))+".out", got)
			if strings.HasPrefix(name, "err-") {
				if code != ExitUsage || !strings.HasPrefix(stderr, name+":") {
					t.Errorf("want exit 2 and %s:LINE: message, got %d %q", name, code, stderr)
				}
				return
			}
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			f := loader.New(loader.Options{}).LoadBytes("imported.journey.yaml", []byte(stdout))
			for _, d := range f.Diags {
				t.Errorf("imported map: %s", d)
			}
			// What the project writes passes fmt --check and lint.
			path := filepath.Join(t.TempDir(), "imported.journey.yaml")
			if err := os.WriteFile(path, []byte(stdout), 0o644); err != nil {
				t.Fatal(err)
			}
			if out, errOut, code := runCLI(t, "", "fmt", "--check", path); code != 0 {
				t.Errorf("fmt --check: exit %d\n%s%s", code, out, errOut)
			}
			if out, _, code := runCLI(t, "", "lint", path); code != 0 || strings.Contains(out, ": error:") {
				t.Errorf("lint: exit %d\n%s", code, out)
			}
		})
	}
}

// Canonical Mermaid (what render writes) survives import and render
// unchanged: empty sections, actors in each task's order, names that
// start with keywords or hold what ends a statement.
func TestImportRenderIdentity(t *testing.T) {
	for _, src := range []string{
		"journey\n    title My working day\n    accTitle: My working day\n    section Go to work\n      Make tea: 5: Me\n      Go upstairs: 3: Me\n      Do work: 1: Me, Cat\n    section Go home\n      Go downstairs: 5: Me\n      Sit down: 5: Me\n",
		"journey\n    title Solo\n    accTitle: Solo\n    section Only\n      Alone: 2\n      Together: 4\n",
		"journey\n    title Order\n    accTitle: Order\n    section S\n      A: 3: Student\n      B: 4: Busy pro, Student\n      C: 1: Busy pro\n      D: 2: Charlie, Alice\n      E: 2: Alice, Charlie\n",
		"journey\n    title Same names\n    accTitle: Same names\n    section Visit\n      Visit: 3: Visit\n      Visit: 4: Visit\n    section Visit\n      Visit: 5: Visit\n",
		"journey\n    title Empty: sections#59; kept\n    accTitle: For screen readers\n    accDescr {\n      Two lines\n      of description\n    }\n    section Empty\n    section Full\n      #84;itle deeds check: 3: A#44; B\n      Fish & chips#59; #60;br>: 4\n    section Last\n",
	} {
		got := renderImported(t, src)
		if got != src {
			t.Errorf("render(import(x)) != x\n--- x\n%s--- got\n%s", src, got)
		}
	}
}

// renderImported imports a diagram through the CLI and renders the map
// back to Mermaid.
func renderImported(t *testing.T, diagram string) string {
	t.Helper()
	out, errOut, code := runCLI(t, diagram, "import", "mermaid", "-")
	if code != 0 {
		t.Fatalf("import: exit %d: %s\n%s", code, errOut, diagram)
	}
	path := filepath.Join(t.TempDir(), "m.journey.yaml")
	if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	r, errOut, code := runCLI(t, "", "render", path, "--format", "mermaid")
	if code != 0 {
		t.Fatalf("render: exit %d: %s", code, errOut)
	}
	return r
}

// import(render(example)) keeps the stages, touchpoints, personas and
// scores of every example, and rendering it again gives the same diagram.
func TestImportRoundTripExamples(t *testing.T) {
	dir, _ := filepath.Abs("../../examples")
	t.Chdir(dir)
	examples, _ := filepath.Glob("*/*.journey.yaml")
	if len(examples) < 3 {
		t.Fatalf("found %d examples", len(examples))
	}
	for _, ex := range examples {
		t.Run(filepath.Base(ex), func(t *testing.T) {
			r1, errOut, code := runCLI(t, "", "render", ex, "--format", "mermaid")
			if code != 0 {
				t.Fatalf("render: exit %d: %s", code, errOut)
			}
			out, errOut, code := runCLI(t, r1, "import", "mermaid", "-")
			if code != 0 {
				t.Fatalf("import: exit %d: %s", code, errOut)
			}
			orig, _ := loader.New(loader.Options{}).Load([]string{ex})
			imp := loader.New(loader.Options{}).LoadBytes("imported.journey.yaml", []byte(out))
			if len(orig) != 1 || orig[0].Journey == nil || imp.Journey == nil {
				t.Fatalf("load failed: %v", imp.Diags)
			}
			oj, ij := orig[0].Journey, imp.Journey
			var want, got []string
			for _, s := range oj.Stages {
				for _, tp := range s.Touchpoints {
					want = append(want, fmt.Sprintf("%s / %s / %s / %s", label(s.Name), label(tp.Name), personaNames(oj, tp.Personas), emotionOf(t, oj, tp)))
				}
			}
			for _, s := range ij.Stages {
				for _, tp := range s.Touchpoints {
					got = append(got, fmt.Sprintf("%s / %s / %s / %d", s.Name, tp.Name, personaNames(ij, tp.Personas), tp.Emotion.Value))
				}
			}
			if strings.Join(want, "\n") != strings.Join(got, "\n") {
				t.Errorf("import lost something\n--- want\n%s\n--- got\n%s", strings.Join(want, "\n"), strings.Join(got, "\n"))
			}
			if r2 := renderImported(t, r1); r2 != dropComments(r1) {
				t.Errorf("render(import(render(x))) differs\n--- first\n%s--- second\n%s", r1, r2)
			}
		})
	}
}

func label(s string) string { return mermaid.Label(s) }

// personaNames lists the names of a touchpoint's personas in its order,
// as render does.
func personaNames(j *model.Journey, ids []string) string {
	var names []string
	for _, id := range ids {
		if p := j.Persona(id); p != nil {
			names = append(names, label(render.PersonaName(p)))
		}
	}
	return strings.Join(names, ", ")
}

// emotionOf is the score render gives a touchpoint: its emotion, the
// share-weighted mean of per-persona ones, 3 when none is recorded.
func emotionOf(t *testing.T, j *model.Journey, tp *model.Touchpoint) string {
	d, err := render.Prepare(&render.Input{Journey: j})
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := d.Emotion(tp); ok {
		return fmt.Sprint(int(math.Round(v)))
	}
	return "3"
}

func dropComments(s string) string {
	var out []string
	for _, l := range strings.SplitAfter(s, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(l), "%%") {
			out = append(out, l)
		}
	}
	return strings.Join(out, "")
}

func TestImportOutput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "day.mmd")
	if err := os.WriteFile(in, []byte("journey\n  title Day\n  section Morning\n    Tea: 5: Me\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "day.journey.yaml")
	stdout, stderr, code := runCLI(t, "", "import", "mermaid", in, "-o", out)
	if code != 0 || stdout != "" || !strings.Contains(stderr, "wrote "+out+": 1 stages, 1 touchpoints, 1 personas") {
		t.Fatalf("exit %d stdout %q stderr %q", code, stdout, stderr)
	}
	if _, _, code := runCLI(t, "", "validate", out); code != 0 {
		t.Errorf("written map does not validate")
	}
	// -o never replaces the diagram it reads, by any name
	for _, o := range []string{in, filepath.Join(dir, ".", "day.mmd")} {
		_, stderr, code := runCLI(t, "", "import", "mermaid", in, "-o", o)
		if code != ExitUsage || !strings.Contains(stderr, "is the diagram being read") {
			t.Errorf("-o %s: exit %d %q", o, code, stderr)
		}
	}
	if data, _ := os.ReadFile(in); !strings.HasPrefix(string(data), "journey\n") {
		t.Errorf("input changed: %q", data)
	}
	// no temporary files left behind
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("dir holds %d entries", len(entries))
	}
	for _, args := range [][]string{
		{"import", "mermaid", filepath.Join(dir, "missing.mmd")},
		{"import", "mermaid", dir},
		{"import", "mermaid"},
		{"import"},
		{"import", "plantuml", in},
	} {
		if _, stderr, code := runCLI(t, "", args...); code != ExitUsage {
			t.Errorf("%v: exit %d (%s)", args, code, stderr)
		}
	}
}
