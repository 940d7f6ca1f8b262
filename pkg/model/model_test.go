package model

import (
	"strings"
	"testing"
)

// keys is a Keys over a fixed list, as the loader's view of a mapping is.
type keys map[string][2]int

func (k keys) Key(name string) (int, int, bool) { p, ok := k[name]; return p[0], p[1], ok }
func (k keys) Len() int                         { return len(k) }

func TestMetaPositions(t *testing.T) {
	m := Meta{
		Pos:   Pos{File: "m.journey.yaml", Line: 3, Col: 5},
		Keys:  keys{"name": {4, 7}, "personas": {5, 7}},
		Items: []Item{{Field: "personas", Index: 0, Line: 5, Col: 18}, {Field: "personas", Index: 1, Line: 5, Col: 26}},
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
