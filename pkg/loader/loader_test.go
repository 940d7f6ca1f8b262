package loader

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/model"
	"github.com/journey-maps/journey/schemas"
)

func loadOne(t *testing.T, path string) *File {
	t.Helper()
	files, problems := New(Options{}).Load([]string{path})
	if len(problems) > 0 || len(files) != 1 {
		t.Fatalf("Load(%s): %d files, problems %v", path, len(files), problems)
	}
	return files[0]
}

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestDefaults(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	write(t, dir, "m.journey.yaml", `kind: Journey
version: 1
title: Online Checkout!
personas:
  - name: Busy Pro
  - name: Étudiant à Paris
stages:
  - name: Purchase
    touchpoints:
      - name: Call the shop
        channel: phone
      - name: Web form
        channel: website
        personas: [busy-pro]
        pain_points:
          - description: "Too many fields: 14"
            actions:
              - title: Fewer fields
`)
	f := loadOne(t, "m.journey.yaml")
	if len(f.Diags) > 0 {
		t.Fatalf("unexpected findings: %v", f.Diags)
	}
	j := f.Journey
	got := []string{j.ID, j.Personas[0].ID, j.Personas[1].ID, j.Stages[0].ID,
		j.Stages[0].Touchpoints[0].ID, j.Stages[0].Touchpoints[0].Type, j.Stages[0].Touchpoints[1].Type,
		j.PainPoints()[0].ID, j.Actions()[0].ID, j.Actions()[0].Status}
	want := []string{"online-checkout", "busy-pro", "etudiant-a-paris", "purchase",
		"call-the-shop", "physical", "digital", "too-many-fields-14", "fewer-fields", "idea"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("defaults (-want +got):\n%s", diff)
	}
	if j.ReviewEveryDays != 90 || j.Actions()[0].Confidence != 1 {
		t.Errorf("review_every_days %d, confidence %v", j.ReviewEveryDays, j.Actions()[0].Confidence)
	}
	tp := j.Stages[0].Touchpoints
	if diff := cmp.Diff([]string{"busy-pro", "etudiant-a-paris"}, tp[0].Personas); diff != "" || tp[0].PersonasExplicit {
		t.Errorf("a touchpoint without personas serves every persona: %s", diff)
	}
	if diff := cmp.Diff([]string{"busy-pro"}, tp[1].Personas); diff != "" || !tp[1].PersonasExplicit {
		t.Errorf("explicit personas: %s", diff)
	}
	if tp[0].Stage != j.Stages[0] || j.Actions()[0].PainPoint.Touchpoint != tp[1] {
		t.Error("parent links are not set")
	}
}

func TestPositions(t *testing.T) {
	f := loadOne(t, "../../testdata/loader/full.journey.yaml")
	j := f.Journey
	tp := j.Touchpoint("product-page")
	for _, c := range []struct {
		what string
		got  model.Pos
		line int
		col  int
	}{
		{"journey", j.Pos, 3, 1},
		{"last_reviewed key", j.At("last_reviewed"), 9, 1},
		{"goal", j.Goals[0].Pos, 16, 5},
		{"touchpoint", tp.Pos, 53, 9},
		{"touchpoint owner", tp.At("owner"), 58, 9},
		{"second persona of the touchpoint", tp.ItemAt("personas", 1), 59, 30},
		{"per-persona emotion", tp.Emotion.PerPersona[1].Pos, 64, 32},
		{"action", j.Actions()[0].Pos, 78, 17},
		{"evidence date", j.PainPoints()[0].Evidence[0].At("date"), 75, 17},
	} {
		if c.got.Line != c.line || c.got.Col != c.col || !strings.HasSuffix(c.got.File, "full.journey.yaml") {
			t.Errorf("%s at %s:%d:%d, want line %d col %d", c.what, c.got.File, c.got.Line, c.got.Col, c.line, c.col)
		}
	}
}

func TestExtensionsKept(t *testing.T) {
	j := loadOne(t, "../../testdata/loader/full.journey.yaml").Journey
	if diff := cmp.Diff(map[string]any{"x-extension": map[string]any{"kept": true}}, j.Ext); diff != "" {
		t.Error(diff)
	}
	if j.Goals[0].Ext["x-note"] != "goal extension" {
		t.Errorf("goal Ext = %v", j.Goals[0].Ext)
	}
}

func TestIncludesResolveRecursively(t *testing.T) {
	j := loadOne(t, "../../testdata/loader/full.journey.yaml").Journey
	var ids []string
	for _, p := range j.AllPersonas() {
		ids = append(ids, p.ID)
	}
	if diff := cmp.Diff([]string{"busy-pro", "student", "retiree"}, ids); diff != "" {
		t.Errorf("personas with includes (-want +got):\n%s", diff)
	}
	if p := j.Persona("student"); p == nil || p.From == nil || p.From.ID != "people" {
		t.Errorf("student should come from the people library: %+v", p)
	}
}

// TestSchemaAndLoaderAgree proves both directions on a map that sets every
// key: each property the schema defines is in the map (so the map really
// covers the format), and the loader fills every field of the model from it
// (so no schema property is silently dropped by the decoder).
func TestSchemaAndLoaderAgree(t *testing.T) {
	var sch struct {
		Defs map[string]struct {
			Properties map[string]any `json:"properties"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(schemas.Journey, &sch); err != nil {
		t.Fatal(err)
	}
	f := loadOne(t, "../../testdata/loader/full.journey.yaml")
	if len(f.Diags) > 0 {
		t.Fatalf("full map has findings: %v", f.Diags)
	}
	j := f.Journey
	lib := j.Included[0]
	objects := map[string][]model.Meta{
		"journeyFile": {j.Meta}, "personasFile": {lib.Meta}, "goal": {j.Goals[0].Meta},
		"metric": {j.Metrics[0].Meta}, "persona": {j.Personas[0].Meta}, "stage": {j.Stages[0].Meta},
		"touchpoint": {j.Touchpoint("product-page").Meta}, "painPoint": {j.PainPoints()[0].Meta},
		"evidence": {j.PainPoints()[0].Evidence[0].Meta}, "action": {j.Actions()[0].Meta},
	}
	for def, metas := range objects {
		props := sch.Defs[def].Properties
		if len(props) == 0 {
			t.Errorf("schema has no $defs/%s", def)
		}
		for key := range props {
			if !metas[0].Has(key) {
				t.Errorf("the full map does not set %s.%s", def, key)
			}
		}
	}
	// Every exported data field of the model is filled.
	skip := map[string]bool{"Meta": true, "Included": true, "From": true, "Stage": true, "Touchpoint": true, "PainPoint": true, "PersonasExplicit": true}
	check := func(path string, v reflect.Value) {
		for i := 0; i < v.NumField(); i++ {
			name := v.Type().Field(i).Name
			if skip[name] {
				continue
			}
			if v.Field(i).IsZero() {
				t.Errorf("%s.%s is not filled by the loader", path, name)
			}
		}
	}
	tp := j.Touchpoint("product-page")
	for path, v := range map[string]any{"Journey": *j, "PersonaLibrary": *lib, "Goal": *j.Goals[0], "Metric": *j.Metrics[0],
		"Persona": *j.Personas[0], "Stage": *j.Stages[0], "Touchpoint": *tp, "PainPoint": *j.PainPoints()[0],
		"Evidence": *j.PainPoints()[0].Evidence[0], "Action": *j.Actions()[0]} {
		check(path, reflect.ValueOf(v))
	}
	if tp.Type != "digital" {
		t.Errorf("a written type wins over the channel's default: got %s", tp.Type)
	}
}

func TestExamplesValidate(t *testing.T) {
	files, problems := New(Options{}).Load([]string{"../../examples"})
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if len(files) < 4 {
		t.Fatalf("only %d example files", len(files))
	}
	kinds := map[string]int{}
	for _, f := range files {
		kinds[f.Kind]++
		for _, d := range f.Diags {
			t.Errorf("%s", d)
		}
	}
	if kinds[model.KindJourney] < 3 || kinds[model.KindPersonas] < 1 {
		t.Errorf("examples: %v, want three journeys and a persona library", kinds)
	}
}

// TestIncludeCycleIsDeterministic loads a directory whose libraries include
// each other many times over, in parallel: no deadlock, and the same
// findings every time whatever order the workers take.
func TestIncludeCycleIsDeterministic(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, n := range []string{"a", "b", "c"} {
		next := map[string]string{"a": "b", "b": "c", "c": "a"}[n]
		write(t, dir, n+".personas.yaml", "kind: Personas\nversion: 1\ninclude: ["+next+".personas.yaml]\npersonas:\n  - name: "+n+"\n")
	}
	write(t, dir, "m.journey.yaml", "kind: Journey\nversion: 1\ntitle: M\ninclude: [a.personas.yaml]\n")
	var first string
	for i := 0; i < 30; i++ {
		files, _ := New(Options{Workers: 4}).Load([]string{"."})
		var all []string
		for _, f := range files {
			for _, d := range f.Diags {
				all = append(all, f.Path+" "+d.String())
			}
		}
		got := strings.Join(all, "\n")
		if i == 0 {
			first = got
			if !strings.Contains(got, "makes a cycle") {
				t.Fatalf("no cycle reported:\n%s", got)
			}
		} else if got != first {
			t.Fatalf("run %d differs:\n%s\nfirst:\n%s", i, got, first)
		}
	}
}

func TestExpand(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "b/two.journey.yaml", "")
	write(t, dir, "a/one.personas.yaml", "")
	write(t, dir, "a/ignored.yaml", "")
	write(t, dir, ".hidden/three.journey.yaml", "")
	named := write(t, dir, "named.yml", "")
	if err := os.Symlink(dir, filepath.Join(dir, "a", "loop")); err != nil {
		t.Fatal(err)
	}
	got, problems := Expand([]string{dir, named, "-", filepath.Join(dir, "missing")})
	want := []string{filepath.Join(dir, "a/one.personas.yaml"), filepath.Join(dir, "b/two.journey.yaml"), named, "-"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Expand (-want +got):\n%s", diff)
	}
	if len(problems) != 1 || !problems[0].Fatal || !strings.Contains(problems[0].Message, "no such file") {
		t.Errorf("problems = %v", problems)
	}
}

func TestStdin(t *testing.T) {
	l := New(Options{Stdin: strings.NewReader("kind: Journey\nversion: 1\ntitle: From stdin\n")})
	files, _ := l.Load([]string{"-"})
	if len(files) != 1 || files[0].Path != StdinPath || files[0].Journey.ID != "from-stdin" || len(files[0].Diags) > 0 {
		t.Fatalf("stdin: %+v", files[0])
	}
	if string(l.Source(StdinPath)) == "" {
		t.Error("stdin source not kept for snippets")
	}
}

func firstDiag(t *testing.T, f *File) diag.Diagnostic {
	t.Helper()
	if len(f.Diags) == 0 {
		t.Fatal("no findings")
	}
	return f.Diags[0]
}

// JSON Schema counts 30.0 as an integer; the decoder must read it as 30.
func TestIntegralFloatIsAnInteger(t *testing.T) {
	f := New(Options{}).LoadBytes("m.journey.yaml", []byte("kind: Journey\nversion: 1\ntitle: T\nreview_every_days: 30.0\nstages:\n  - name: S\n"))
	if len(f.Diags) > 0 {
		t.Fatalf("unexpected findings: %v", f.Diags)
	}
	if f.Journey.ReviewEveryDays != 30 {
		t.Errorf("review_every_days = %d, want 30", f.Journey.ReviewEveryDays)
	}
}

// A map named by an absolute path from outside its repository may include
// a library elsewhere in that repository, but not outside it.
func TestIncludeWithinRepositoryByAbsolutePath(t *testing.T) {
	repo := t.TempDir()
	if err := os.Mkdir(filepath.Join(repo, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(repo, "maps", "shop"), 0o755)
	os.MkdirAll(filepath.Join(repo, "shared"), 0o755)
	write(t, filepath.Join(repo, "shared"), "buyers.personas.yaml", "kind: Personas\nversion: 1\npersonas:\n  - name: Buyer\n")
	m := write(t, filepath.Join(repo, "maps", "shop"), "m.journey.yaml",
		"kind: Journey\nversion: 1\ntitle: M\ninclude: [../../shared/buyers.personas.yaml]\nstages:\n  - name: S\n    touchpoints:\n      - name: T\n        personas: [buyer]\n")
	t.Chdir(t.TempDir()) // somewhere else entirely
	files, problems := New(Options{}).Load([]string{m})
	if len(problems) > 0 || len(files) != 1 || len(files[0].Diags) > 0 {
		t.Fatalf("problems %v, findings %v", problems, files[0].Diags)
	}
	outside := write(t, filepath.Dir(repo), filepath.Base(repo)+"-x.personas.yaml", "kind: Personas\nversion: 1\npersonas:\n  - name: Other\n")
	m2 := write(t, filepath.Join(repo, "maps", "shop"), "n.journey.yaml",
		"kind: Journey\nversion: 1\ntitle: N\ninclude: [../../../"+filepath.Base(outside)+"]\n")
	files, _ = New(Options{}).Load([]string{m2})
	if d := firstDiag(t, files[0]); d.Rule != diag.RuleInclude || !strings.Contains(d.Message, "leaves") {
		t.Errorf("include outside the repository: %s", d)
	}
}

// Stream delivers results in argument order while the workers run ahead,
// never holding more than its window of undelivered results.
func TestStreamOrderAndWindow(t *testing.T) {
	dir := t.TempDir()
	var want []string
	for i := range 60 {
		want = append(want, write(t, dir, fmt.Sprintf("m%02d.journey.yaml", i), fmt.Sprintf("kind: Journey\nversion: 1\ntitle: Map %d\n", i)))
	}
	const workers = 3
	l := New(Options{Workers: workers})
	var pending, most atomic.Int64
	var got []string
	problems := Stream(l, []string{dir}, func(f *File) string {
		n := pending.Add(1)
		for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
		}
		if f.Journey == nil || diag.AnyFatal(f.Diags) {
			t.Errorf("%s: %v", f.Path, f.Diags)
		}
		return f.Path
	}, func(path string) {
		if len(got) == 0 {
			time.Sleep(50 * time.Millisecond) // let the workers fill the window
		}
		pending.Add(-1)
		got = append(got, path)
	})
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("order (-want +got):\n%s", diff)
	}
	if m := most.Load(); m > 4*workers || m < 2 {
		t.Errorf("%d results waited at once; the window is %d", m, 4*workers)
	}
}

// .nan and .inf are format errors and never reach the model, so nothing
// computed from it meets a number that is not one.
func TestNonFiniteNumbersStayOutOfTheModel(t *testing.T) {
	for _, v := range []string{".nan", ".inf", "-.Inf"} {
		src := "kind: Personas\nversion: 1\npersonas:\n  - id: a\n    name: A\n    share: " + v + "\n"
		f := New(Options{}).LoadBytes("p.personas.yaml", []byte(src))
		if f.Personas == nil || len(f.Personas.Personas) != 1 {
			t.Fatalf("%s: no persona decoded: %v", v, f.Diags)
		}
		if s := f.Personas.Personas[0].Share; s != nil {
			t.Errorf("%s: share %v reached the model", v, *s)
		}
		if f.Valid() {
			t.Errorf("%s: no format error reported", v)
		}
	}
}

// The id sets of the checks are kept from one map to the next: a map must
// see neither the ids of the map before it nor lose its own duplicates.
func TestIDSetsStartEmptyForEachMap(t *testing.T) {
	l := New(Options{})
	same := func(name string) string {
		return "kind: Journey\nversion: 1\ntitle: " + name + "\npersonas:\n  - name: Shopper\nstages:\n  - name: Browse\n    touchpoints:\n      - name: Search\n        channel: web\n"
	}
	dup := "kind: Journey\nversion: 1\ntitle: Dup\nstages:\n  - name: Browse\n  - name: Browse\n"
	lib := "kind: Personas\nversion: 1\ntitle: People\npersonas:\n  - name: Shopper\n"
	var got []string
	for i, src := range []string{same("A"), lib, same("B"), dup, same("C")} {
		f := l.LoadBytes(fmt.Sprintf("m%d.journey.yaml", i), []byte(src))
		for _, d := range f.Diags {
			if d.Rule == diag.RuleDuplicateID {
				got = append(got, fmt.Sprintf("m%d:%d: %s", i, d.Line, d.Message))
			}
		}
	}
	want := []string{`m3:6: duplicate stage id "browse" (made from its name; give it an id): already used at line 5`}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("duplicate-id findings (-want +got):\n%s", diff)
	}
}

// An entry the model leaves out of a list (a null, a mapping: the schema
// reports them) does not shift the positions of the entries after it, and
// a reference that names nothing is reported where it is written.
func TestListEntryPositionsSkipWhatTheModelLeavesOut(t *testing.T) {
	src := `kind: Journey
version: 1
title: Lists
personas:
  - name: Shopper
stages:
  - name: Browse
    touchpoints:
      - name: Home page
        personas:
          - ~
          - {x: 1}
          - shopper
          - nobody
`
	f := New(Options{}).LoadBytes("lists.journey.yaml", []byte(src))
	tp := f.Journey.Stages[0].Touchpoints[0]
	if strings.Join(tp.Personas, ",") != "shopper,nobody" {
		t.Fatalf("personas %q", tp.Personas)
	}
	for i, want := range []model.Pos{{File: "lists.journey.yaml", Line: 13, Col: 13}, {File: "lists.journey.yaml", Line: 14, Col: 13}} {
		if got := tp.ItemAt("personas", i); got != want {
			t.Errorf("entry %d at %+v, want %+v", i, got, want)
		}
	}
	if got := tp.ItemAt("personas", 2); got != tp.At("personas") {
		t.Errorf("no third entry: at %+v, want the field", got)
	}
	var ref *diag.Diagnostic
	for i := range f.Diags {
		if f.Diags[i].Rule == diag.RuleReference {
			ref = &f.Diags[i]
		}
	}
	if ref == nil || ref.Line != 14 || ref.Col != 13 || !strings.Contains(ref.Message, `"nobody"`) {
		t.Errorf("reference finding %+v, want line 14 col 13 naming nobody (all: %v)", ref, f.Diags)
	}
}

// Persona shares of a library and of the maps that include it add up to
// at most 1: the finding is at the share that passes 1.
func TestShareTotal(t *testing.T) {
	dir := t.TempDir()
	lib := "kind: Personas\nversion: 1\npersonas:\n  - {id: a, name: A, share: 0.7}\n  - {id: b, name: B, share: 0.5}\n"
	mapSrc := "kind: Journey\nversion: 1\ntitle: M\ninclude: [people.personas.yaml]\npersonas:\n  - {id: c, name: C, share: 0.5}\n"
	os.WriteFile(filepath.Join(dir, "people.personas.yaml"), []byte(lib), 0o644)
	os.WriteFile(filepath.Join(dir, "m.journey.yaml"), []byte(mapSrc), 0o644)
	files, _ := New(Options{Roots: []string{dir}}).Load([]string{dir})
	got := map[string][]string{}
	for _, f := range files {
		for _, d := range f.Diags {
			if d.Rule == diag.RuleShareTotal {
				got[filepath.Base(f.Path)] = append(got[filepath.Base(f.Path)], fmt.Sprintf("%s:%d", filepath.Base(d.File), d.Line))
			}
		}
	}
	// The library passes 1 at b; the map (c 0.5, then a 0.7) at a.
	if fmt.Sprint(got["people.personas.yaml"]) != "[people.personas.yaml:5]" || fmt.Sprint(got["m.journey.yaml"]) != "[people.personas.yaml:4]" {
		t.Errorf("share-total findings %v", got)
	}
}
