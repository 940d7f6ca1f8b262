package mermaid_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"

	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/format"
	"github.com/journey-maps/journey/pkg/lint"
	"github.com/journey-maps/journey/pkg/loader"
	"github.com/journey-maps/journey/pkg/mermaid"
	"github.com/journey-maps/journey/pkg/render"
)

const corpusDir = "../../testdata/mermaid/corpus"

// corpus reads the real diagrams of testdata/mermaid/corpus (README.md
// there names the source of each).
func corpus(t testing.TB) map[string][]byte {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(corpusDir, "*"))
	out := map[string][]byte{}
	for _, p := range paths {
		if ext := filepath.Ext(p); ext != ".mmd" && ext != ".md" && ext != ".rst" || filepath.Base(p) == "README.md" {
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(p)] = data
	}
	if len(out) < 25 {
		t.Fatalf("only %d diagrams in %s", len(out), corpusDir)
	}
	return out
}

func sortedKeys(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// TestParseAgreesWithMermaid: on every diagram of the corpus, and on
// variants of them that probe the corners of Mermaid's grammar, Parse
// rejects what Mermaid rejects and reads the same title, accessible title
// and description, sections, tasks, scores and actors as Mermaid.
func TestParseAgreesWithMermaid(t *testing.T) {
	files := corpus(t)
	var names, texts []string
	for _, name := range sortedKeys(files) {
		names = append(names, name)
		texts = append(texts, mermaid.DiagramText(files[name]))
	}
	for i, v := range append(variants(), mutants()...) {
		names = append(names, fmt.Sprintf("variant %d", i))
		texts = append(texts, v)
	}
	models := readWithMermaid(t, texts)
	rejected := 0
	for _, m := range models {
		if m.Error != "" {
			rejected++
		}
	}
	t.Logf("%d diagrams, %d rejected by Mermaid", len(models), rejected)
	for i, m := range models {
		d, err := mermaid.Parse([]byte(texts[i]))
		switch {
		case m.Error != "" && err == nil:
			t.Errorf("%s: Mermaid rejects it (%s), Parse reads it\n%s", names[i], firstLineOf(m.Error), texts[i])
		case m.Error == "" && err != nil:
			t.Errorf("%s: Mermaid reads it, Parse rejects it: %v\n%s", names[i], err, texts[i])
		case err != nil:
			var se *mermaid.SyntaxError
			if !errors.As(err, &se) || se.Line < 1 {
				t.Errorf("%s: %v is not a syntax error with a line", names[i], err)
			}
		default:
			if diff := cmp.Diff(withoutMarkup(viewOfModel(m), d), withoutMarkup(viewOfDiagram(d), d)); diff != "" {
				t.Errorf("%s: Parse reads it differently than Mermaid (-Mermaid +Parse):\n%s\n%s", names[i], diff, texts[i])
			}
		}
	}
}

// withoutMarkup leaves out of the comparison a title or accessible text
// that holds a '<': Mermaid passes those through DOMPurify, which Parse
// does not imitate; it keeps the text as written (docs/mermaid.md).
func withoutMarkup(v view, d *mermaid.Diagram) view {
	if strings.Contains(d.Title, "<") {
		v.Title = "(markup)"
	}
	if strings.Contains(d.AccTitle, "<") {
		v.AccTitle = "(markup)"
	}
	if strings.Contains(d.AccDescr, "<") {
		v.AccDescr = "(markup)"
	}
	return v
}

func firstLineOf(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// TestCorpusRoundTrip: every diagram of the corpus that Mermaid reads
// imports into a map that validates, is in journey fmt's layout and has
// no lint error; rendered back to Mermaid, Mermaid reads the same
// diagram, up to what a map cannot hold (docs/mermaid.md): a title where
// there was none, "Tasks" for tasks before the first section, scores as
// the nearest emotion 1..5 (3 where there was none), each actor once.
func TestCorpusRoundTrip(t *testing.T) {
	files := corpus(t)
	originals := make([]string, 0, len(files))
	for _, name := range sortedKeys(files) {
		originals = append(originals, mermaid.DiagramText(files[name]))
	}
	var renders []string
	var imported []*mermaid.Result
	var names []string
	for _, name := range sortedKeys(files) {
		res, err := mermaid.Import(files[name], mermaid.Options{Source: name})
		if strings.HasPrefix(name, "rejected-") {
			if err == nil {
				t.Errorf("%s: imported a diagram Mermaid rejects", name)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		checkImported(t, name, res.Map)
		var b bytes.Buffer
		f := loader.New(loader.Options{}).LoadBytes(name+".journey.yaml", res.Map)
		d, err := render.Prepare(&render.Input{Journey: f.Journey})
		if err != nil {
			t.Fatal(err)
		}
		if err := render.Render(context.Background(), &b, d, render.ViewJourney, render.FormatMermaid, render.Options{}); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
		renders = append(renders, b.String())
		imported = append(imported, res)
	}
	models := readWithMermaid(t, append(originals, renders...))
	byName := map[string]jsModel{}
	for i, name := range sortedKeys(files) {
		byName[name] = models[i]
	}
	for i, name := range names {
		orig, back := byName[name], models[len(originals)+i]
		if orig.Error != "" {
			t.Errorf("%s: Mermaid rejects the original (%s) but it imported", name, firstLineOf(orig.Error))
			continue
		}
		if back.Error != "" {
			t.Errorf("%s: Mermaid rejects the render: %s\n%s", name, back.Error, renders[i])
			continue
		}
		want := throughMap(viewOfModel(orig), imported[i])
		if diff := cmp.Diff(want, viewOfModel(back)); diff != "" {
			t.Errorf("%s: the render reads differently (-want +got):\n%s\n%s", name, diff, renders[i])
		}
	}
}

// checkImported: the map validates, fmt leaves it as it is, and lint
// finds no error in it.
func checkImported(t *testing.T, name string, data []byte) {
	t.Helper()
	f := loader.New(loader.Options{}).LoadBytes(name+".journey.yaml", data)
	if !f.Valid() {
		t.Errorf("%s: the map does not validate: %v\n%s", name, f.Diags, data)
		return
	}
	if out, err := format.Source(data); err != nil || !bytes.Equal(out, data) {
		t.Errorf("%s: the map is not in fmt's layout (%v)\n%s", name, err, data)
	}
	for _, d := range lint.Lint(f, nil, lint.Options{}) {
		if d.Severity >= diag.Error {
			t.Errorf("%s: lint: %s", name, d)
		}
	}
}

// throughMap is what a diagram becomes once imported and rendered back.
func throughMap(v view, res *mermaid.Result) view {
	title := v.Title
	if title == "" {
		title = v.AccTitle
	}
	if title == "" {
		title = titleOf(res.Map)
	}
	out := view{Title: mapText(title), AccTitle: mapText(v.AccTitle), AccDescr: descrLines(v.AccDescr)}
	if out.AccTitle == "" {
		out.AccTitle = title
	}
	implicit := len(v.Tasks) > 0 && v.Tasks[0].Section == "" && (len(v.Sections) == 0 || v.Tasks[0].Section != v.Sections[0])
	if implicit {
		out.Sections = append(out.Sections, "Tasks")
	}
	for _, s := range v.Sections {
		out.Sections = append(out.Sections, mapText(s))
	}
	for _, t := range v.Tasks {
		nt := viewTask{Section: mapText(t.Section), Name: mapText(t.Name), Score: emotionScore(t.Score)}
		if implicit && t.Section == "" {
			nt.Section = "Tasks"
		}
		seen := map[string]bool{}
		for _, a := range t.Actors {
			if a = mapText(a); a != "" && !seen[a] {
				seen[a] = true
				nt.Actors = append(nt.Actors, a)
			}
		}
		out.Tasks = append(out.Tasks, nt)
	}
	return out
}

// mapText is a text as a map holds it: control characters (tabs) as
// blanks.
func mapText(s string) string {
	return trim(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s))
}

// emotionScore is the score of the emotion a Mermaid score becomes: the
// nearest of 1..5, 3 (neutral) for one that is not a number.
func emotionScore(score string) string {
	f, err := strconv.ParseFloat(score, 64)
	switch {
	case score == "Infinity":
		return "5"
	case score == "-Infinity":
		return "1"
	case err != nil || math.IsNaN(f):
		return "3"
	}
	return strconv.Itoa(int(math.Max(1, math.Min(5, math.Round(f)))))
}

// descrLines is a description as Write writes it: its lines trimmed, the
// blank ones left out.
func descrLines(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = trim(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func titleOf(m []byte) string {
	f := loader.New(loader.Options{}).LoadBytes("m.journey.yaml", m)
	return f.Journey.Title
}

func mustRead(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
