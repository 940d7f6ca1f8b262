package mermaid

import (
	"bytes"
	"math"
	"slices"
	"strings"
	"testing"
)

// FuzzWriteMermaid: whatever the texts and score, Write gives a diagram
// that Parse (which reads as Mermaid does: TestParseAgreesWithMermaid)
// reads back with the same title, accessible texts, sections, task names,
// score and actors, up to folding each text onto one line.
func FuzzWriteMermaid(f *testing.F) {
	for _, s := range []string{
		"Title deeds check", "journey", "section Fake", "accTitle", "accDescr {x}", "%% c", "% c", "a%%b", "😀%%",
		"a: b; c # d", "#58; #quot; &amp; ﬂ°°58¶ß", "<br> <b class=\"x\">b</b>", "style: a#b; c;", "classDef x:#f00;",
		"\u00a0lead", "tab\there", "line\nbreak", "}%%", "%%{init: {}}%%", "", "   ", ",", "\u202eRTL",
	} {
		f.Add(s, s, s+"\n"+s, s, s, s, 3.0, false)
	}
	f.Add("T", "", "", "", "X", "", 4.5, true)
	f.Add("T", "A", "D", "S", "X", "Me", math.NaN(), false)
	f.Add("T", "A", "D", "S", "X", "Me", math.Inf(-1), false)
	f.Fuzz(func(t *testing.T, title, acc, descr, section, task, actor string, score float64, implicit bool) {
		d := &Diagram{Title: title, AccTitle: acc, AccDescr: descr, Sections: []*Section{
			{Name: section, Implicit: implicit, Tasks: []*Task{{Name: task, Score: score, Actors: []string{actor, "Second " + actor}, Note: task}}},
			{Name: "Empty " + section},
		}}
		var b bytes.Buffer
		if err := Write(&b, d); err != nil {
			t.Fatal(err)
		}
		got, err := Parse(b.Bytes())
		if err != nil {
			t.Fatalf("%v\n%s", err, b.String())
		}
		want := []string{label(title), label(acc), descrText(descr)}
		have := []string{got.Title, got.AccTitle, got.AccDescr}
		if !slices.Equal(want, have) {
			t.Fatalf("title, accTitle, accDescr: got %q, want %q\n%s", have, want, b.String())
		}
		if len(got.Sections) != 2 || got.Sections[0].Implicit != implicit || len(got.Sections[0].Tasks) != 1 || len(got.Sections[1].Tasks) != 0 {
			t.Fatalf("sections read as %+v\n%s", got.Sections, b.String())
		}
		if !implicit && got.Sections[0].Name != label(section) || got.Sections[1].Name != label("Empty "+section) {
			t.Fatalf("section names %q, %q\n%s", got.Sections[0].Name, got.Sections[1].Name, b.String())
		}
		gt := got.Sections[0].Tasks[0]
		var actors []string
		for _, a := range []string{actor, "Second " + actor} {
			if a = label(a); a != "" {
				actors = append(actors, a)
			}
		}
		sameScore := gt.Score == score || math.IsNaN(gt.Score) && math.IsNaN(score)
		if gt.Name != label(task) || !sameScore || !slices.Equal(gt.Actors, actors) {
			t.Fatalf("task read as %q %v %q, want %q %v %q\n%s", gt.Name, gt.Score, gt.Actors, label(task), score, actors, b.String())
		}
	})
}

func descrText(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = label(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
