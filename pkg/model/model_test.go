package model

import (
	"strings"
	"testing"
)

func TestMetaPositions(t *testing.T) {
	// name: N
	// personas: [a, b]
	// personas: [c]     (a duplicate: the first one counts)
	// tags: t
	m := Meta{Pos: Pos{File: "m.journey.yaml", Line: 3, Col: 5}, Keys: MakeKeys(2)}
	m.Keys.AddKey("name", 4, 7)
	m.Keys.AddKey("personas", 5, 7)
	m.Keys.AddEntry(5, 18)
	m.Keys.AddEntry(5, 26)
	m.Keys.AddKey("personas", 6, 7)
	m.Keys.AddEntry(6, 18)
	m.Keys.AddKey("tags", 7, 7)
	for _, tt := range []struct {
		got, want Pos
	}{
		{m.At("name"), Pos{File: "m.journey.yaml", Line: 4, Col: 7}},
		{m.At("owner"), m.Pos}, // absent: the element itself
		{m.ItemAt("personas", 1), Pos{File: "m.journey.yaml", Line: 5, Col: 26}},
		{m.ItemAt("personas", 0), Pos{File: "m.journey.yaml", Line: 5, Col: 18}},
		{m.ItemAt("personas", 2), Pos{File: "m.journey.yaml", Line: 5, Col: 7}}, // no such entry: the field
		{m.ItemAt("personas", -1), Pos{File: "m.journey.yaml", Line: 5, Col: 7}},
		{m.ItemAt("tags", 0), Pos{File: "m.journey.yaml", Line: 7, Col: 7}}, // not a list
		{m.ItemAt("metrics", 0), m.Pos},
		{m.At("personas"), Pos{File: "m.journey.yaml", Line: 5, Col: 7}},
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
	// A key that is a list or a mapping makes the element written, and no
	// name finds it.
	odd := Meta{Pos: Pos{File: "m.journey.yaml", Line: 1, Col: 1}}
	odd.Keys.AddUnnamedKey(2, 1)
	if !odd.Written() || odd.Has("") || odd.At("") != odd.Pos {
		t.Error("an unnamed key is found by a name, or does not count as written")
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
