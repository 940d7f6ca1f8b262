package model

import (
	"strings"
	"testing"
)

// keys is a Keys over fixed lists, as the loader's view of a mapping is:
// the key positions, and the positions of list entries.
type keys struct {
	at    map[string][2]int
	items map[string][][2]int
}

func (k keys) Key(name string) (int, int, bool) { p, ok := k.at[name]; return p[0], p[1], ok }
func (k keys) Len() int                         { return len(k.at) }
func (k keys) Item(name string, i int) (int, int, bool) {
	if i < 0 || i >= len(k.items[name]) {
		return 0, 0, false
	}
	p := k.items[name][i]
	return p[0], p[1], true
}

func TestMetaPositions(t *testing.T) {
	m := Meta{
		Pos: Pos{File: "m.journey.yaml", Line: 3, Col: 5},
		Keys: keys{
			at:    map[string][2]int{"name": {4, 7}, "personas": {5, 7}},
			items: map[string][][2]int{"personas": {{5, 18}, {5, 26}}},
		},
	}
	for _, tt := range []struct {
		got, want Pos
	}{
		{m.At("name"), Pos{File: "m.journey.yaml", Line: 4, Col: 7}},
		{m.At("owner"), m.Pos}, // absent: the element itself
		{m.ItemAt("personas", 1), Pos{File: "m.journey.yaml", Line: 5, Col: 26}},
		{m.ItemAt("personas", 2), Pos{File: "m.journey.yaml", Line: 5, Col: 7}}, // no such entry: the field
		{m.ItemAt("metrics", 0), m.Pos},
	} {
		if tt.got != tt.want {
			t.Errorf("got %+v, want %+v", tt.got, tt.want)
		}
	}
	if !m.Has("name") || m.Has("owner") || !m.Written() {
		t.Errorf("Has/Written wrong for %+v", m)
	}
	var none Meta // not a mapping
	if none.Has("name") || none.Written() || none.At("name") != none.Pos {
		t.Error("an element without keys has none")
	}
}

// Libraries follows includes of includes, in include order, and lists a
// library reached twice (or through a cycle) once.
func TestLibraries(t *testing.T) {
	c := &PersonaLibrary{ID: "c"}
	a := &PersonaLibrary{ID: "a", Included: []*PersonaLibrary{c}}
	b := &PersonaLibrary{ID: "b", Included: []*PersonaLibrary{c, a}}
	c.Included = []*PersonaLibrary{a} // a cycle
	var got []string
	for _, l := range Libraries([]*PersonaLibrary{a, b}) {
		got = append(got, l.ID)
	}
	if strings.Join(got, ",") != "a,c,b" {
		t.Errorf("Libraries = %v, want a,c,b", got)
	}
}

type someKeys struct{}

func (someKeys) Key(string) (int, int, bool)       { return 7, 3, true }
func (someKeys) Item(string, int) (int, int, bool) { return 7, 9, true }
func (someKeys) Len() int                          { return 1 }

// ForgetKeys leaves no element of the map's own pointing into its source.
func TestForgetKeys(t *testing.T) {
	k := Meta{Pos: Pos{File: "f", Line: 1, Col: 1}, Keys: someKeys{}}
	a := &Action{Meta: k}
	e := &Evidence{Meta: k}
	p := &PainPoint{Meta: k, Actions: []*Action{a}, Evidence: []*Evidence{e}}
	tp := &Touchpoint{Meta: k, PainPoints: []*PainPoint{p}}
	s := &Stage{Meta: k, Touchpoints: []*Touchpoint{tp}}
	lib := &PersonaLibrary{Personas: []*Persona{{Meta: k}}}
	j := &Journey{Meta: k, Goals: []*Goal{{Meta: k}}, Metrics: []*Metric{{Meta: k}}, Personas: []*Persona{{Meta: k}}, Stages: []*Stage{s}, Included: []*PersonaLibrary{lib}}
	if !j.Has("title") || j.ItemAt("personas", 0) == j.Pos {
		t.Fatal("Has or ItemAt before ForgetKeys do not find the source")
	}
	j.ForgetKeys()
	for name, m := range map[string]Meta{"journey": j.Meta, "goal": j.Goals[0].Meta, "metric": j.Metrics[0].Meta, "persona": j.Personas[0].Meta,
		"stage": s.Meta, "touchpoint": tp.Meta, "pain point": p.Meta, "evidence": e.Meta, "action": a.Meta} {
		if m.Keys != nil || m.Has("title") || m.At("title") != m.Pos || m.ItemAt("personas", 0) != m.Pos {
			t.Errorf("%s still finds its keys", name)
		}
	}
	if lib.Personas[0].Keys == nil {
		t.Error("an included library, shared between maps, lost its keys")
	}
}
