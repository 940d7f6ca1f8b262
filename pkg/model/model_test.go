package model

import (
	"fmt"
	"strings"
	"testing"
)

func TestMetaPositions(t *testing.T) {
	// name: N
	// personas: [a, b]
	// personas: [c]     (a duplicate: the first one counts)
	// tags: t
	r := NewKeyRecorder(0)
	r.Key("kind", 1, 1) // another element's, recorded before
	r.Keys()
	r.Key("name", 4, 7)
	r.Key("personas", 5, 7)
	r.Entry(5, 18)
	r.Entry(5, 26)
	r.Key("personas", 6, 7)
	r.Entry(6, 18)
	r.Key("tags", 7, 7)
	m := Meta{Pos: Pos{File: "m.journey.yaml", Line: 3, Col: 5}, Keys: r.Keys()}
	r.Key("owner", 9, 1) // the next element's
	r.Keys()
	r.Done()
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
	if !m.Has("name") || m.Has("owner") || m.Has("kind") || !m.Written() {
		t.Errorf("Has/Written wrong for %+v", m)
	}
	var none Meta // not a mapping
	if none.Has("name") || none.Written() || none.At("name") != none.Pos {
		t.Error("an element without keys has none")
	}
	// A key that is a list or a mapping makes the element written, and no
	// name finds it.
	r = NewKeyRecorder(0)
	r.UnnamedKey(2, 1)
	odd := Meta{Pos: Pos{File: "m.journey.yaml", Line: 1, Col: 1}, Keys: r.Keys()}
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

// Names that share a slot of the recorder's cache of recent names (200
// names for 64 slots), written in turn and again, are each found where
// they are written.
func TestKeyRecorderNames(t *testing.T) {
	r := NewKeyRecorder(0)
	var metas []Meta
	for round := 0; round < 2; round++ {
		for i := 0; i < 200; i++ {
			r.Key(fmt.Sprintf("k%d", i), round*1000+i+1, 1)
			r.Key(fmt.Sprintf("k%d", 199-i), round*1000+i+1, 9)
			metas = append(metas, Meta{Keys: r.Keys()})
		}
	}
	r.Done()
	for j, m := range metas {
		round, i := j/200, j%200
		line := round*1000 + i + 1
		if got := m.At(fmt.Sprintf("k%d", i)); got.Line != line || got.Col != 1 {
			t.Fatalf("element %d: k%d at %+v", j, i, got)
		}
		if got := m.At(fmt.Sprintf("k%d", 199-i)); got.Line != line || got.Col != 9 {
			t.Fatalf("element %d: k%d at %+v", j, 199-i, got)
		}
	}
}
