package mermaid_test

import (
	"bytes"
	"context"
	"math"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"

	"github.com/journey-maps/journey/pkg/loader"
	"github.com/journey-maps/journey/pkg/mermaid"
	"github.com/journey-maps/journey/pkg/model"
	"github.com/journey-maps/journey/pkg/render"
)

// TestRenderReadByMermaid: `journey render --format mermaid` of the maps
// in testdata/mermaid/maps (names built to trip Mermaid's grammar up), for
// every persona too, is a diagram Mermaid reads with the map's title,
// accessible title and description, every stage (empty ones too), every
// touchpoint's name and score and its personas in the order it lists them.
func TestRenderReadByMermaid(t *testing.T) {
	paths, _ := filepath.Glob("../../testdata/mermaid/maps/*.journey.yaml")
	paths = append(paths, "../../testdata/render/hostile.journey.yaml")
	var names, texts []string
	var wants []view
	for _, p := range paths {
		f := loader.New(loader.Options{}).LoadBytes(p, mustRead(t, p))
		if !f.Valid() {
			t.Fatalf("%s: %v", p, f.Diags)
		}
		personas := []string{""}
		for _, p := range f.Journey.AllPersonas() {
			personas = append(personas, p.ID)
		}
		for _, persona := range personas {
			d, err := render.Prepare(&render.Input{Journey: f.Journey, Persona: persona})
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := render.Render(context.Background(), &b, d, render.ViewJourney, render.FormatMermaid, render.Options{}); err != nil {
				t.Fatal(err)
			}
			names = append(names, filepath.Base(p)+" --persona "+persona)
			texts = append(texts, b.String())
			wants = append(wants, expectedView(d))
		}
	}
	if len(texts) < 10 {
		t.Fatalf("only %d renders", len(texts))
	}
	// journey's own reader first (it reads as Mermaid does, and runs
	// where node does not), then Mermaid itself.
	for i, text := range texts {
		d, err := mermaid.Parse([]byte(text))
		if err != nil {
			t.Errorf("%s: %v\n%s", names[i], err, text)
		} else if diff := cmp.Diff(wants[i], viewOfDiagram(d)); diff != "" {
			t.Errorf("%s: Parse reads the render differently (-map +Parse):\n%s\n%s", names[i], diff, text)
		}
	}
	for i, m := range readWithMermaid(t, texts) {
		if m.Error != "" {
			t.Errorf("%s: Mermaid rejects the render: %s\n%s", names[i], m.Error, texts[i])
			continue
		}
		if diff := cmp.Diff(wants[i], viewOfModel(m)); diff != "" {
			t.Errorf("%s: Mermaid reads the render differently (-map +Mermaid):\n%s\n%s", names[i], diff, texts[i])
		}
	}
}

// expectedView is what the map says the diagram shows, worked out from the
// map: texts on one line (docs/mermaid.md), every stage, the touchpoints
// the persona filter keeps, their personas in the touchpoint's order.
func expectedView(d *render.Data) view {
	j := d.J
	title, accTitle := j.Title, j.Title
	if t, ok := j.Ext["x-acc-title"].(string); ok {
		accTitle = t
	}
	if d.Persona != nil {
		title += " (" + render.PersonaName(d.Persona) + ")"
		accTitle += " (" + render.PersonaName(d.Persona) + ")"
	}
	v := view{Title: oneLine(title), AccTitle: oneLine(accTitle)}
	var descr []string
	for _, l := range strings.Split(j.Description, "\n") {
		if l = oneLine(l); l != "" {
			descr = append(descr, l)
		}
	}
	v.AccDescr = strings.Join(descr, "\n")
	for _, s := range j.Stages {
		name := oneLine(s.Name)
		v.Sections = append(v.Sections, name)
		for _, tp := range s.Touchpoints {
			if d.Persona != nil && !hasPersona(tp, d.Persona.ID) {
				continue
			}
			score := "3"
			if e, ok := d.Emotion(tp); ok {
				score = strconv.Itoa(int(math.Round(e)))
			}
			vt := viewTask{Section: name, Name: oneLine(tp.Name), Score: score}
			for _, id := range tp.Personas {
				if d.Persona == nil || id == d.Persona.ID {
					vt.Actors = append(vt.Actors, oneLine(render.PersonaName(j.Persona(id))))
				}
			}
			v.Tasks = append(v.Tasks, vt)
		}
	}
	return v
}

func hasPersona(tp *model.Touchpoint, id string) bool {
	for _, p := range tp.Personas {
		if p == id {
			return true
		}
	}
	return false
}

// oneLine is a label as the diagram shows it: control characters (line
// breaks, tabs), line separators and bidi controls become blanks, the
// ends are trimmed.
func oneLine(s string) string {
	return trim(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == 0x2028 || r == 0x2029 || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
			return ' '
		}
		return r
	}, s))
}
