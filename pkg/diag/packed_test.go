package diag

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/journey-maps/journey/pkg/model"
)

func TestPackedRoundTrip(t *testing.T) {
	ds := []Diagnostic{
		{Pos: model.Pos{File: "a.journey.yaml", Line: 3, Col: 5}, Severity: Warning, Rule: "goal-measurable", Message: `goal "x" has no target`, Item: "goal:x"},
		{Pos: model.Pos{File: "a.journey.yaml", Line: 300000, Col: 1}, Severity: Error, Rule: RuleSchema, Message: "é\x00\n"},
		{Pos: model.Pos{File: "b.journey.yaml"}, Severity: Error, Rule: RuleFile, Message: "cannot read: permission denied", Fatal: true},
		{Pos: model.Pos{File: "", Line: -1, Col: -2}, Rule: ""},
		{Pos: model.Pos{File: "a.journey.yaml", Line: 1, Col: 1}, Severity: Info, Rule: "goal-measurable", Message: "again"},
	}
	var p Packed
	p.Add(ds[:2]...)
	p.Add(ds[2:]...)
	if p.Len() != len(ds) {
		t.Fatalf("Len = %d, want %d", p.Len(), len(ds))
	}
	got := p.AppendTo([]Diagnostic{{Message: "kept"}})
	if want := append([]Diagnostic{{Message: "kept"}}, ds...); !reflect.DeepEqual(got, want) {
		t.Errorf("AppendTo:\n got %+v\nwant %+v", got, want)
	}
	if got := new(Packed).AppendTo(nil); len(got) != 0 {
		t.Errorf("empty Packed gave %d findings", len(got))
	}
}

func TestPackedRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		b := make([]byte, r.IntN(300)) // lengths past one varint byte
		for i := range b {
			b[i] = byte(r.IntN(256))
		}
		return string(b)
	}
	files := []string{"a", "b/c.journey.yaml", ""}
	var ds []Diagnostic
	var p Packed
	for i := range 2000 {
		d := Diagnostic{
			Pos:      model.Pos{File: files[r.IntN(len(files))], Line: r.IntN(1 << 20), Col: r.IntN(500)},
			Severity: Severity(r.IntN(4)),
			Rule:     fmt.Sprintf("rule-%d", r.IntN(5)),
			Message:  word(),
			Item:     word(),
			Fatal:    i%7 == 0,
		}
		ds = append(ds, d)
		p.Add(d)
	}
	if got := p.AppendTo(nil); !reflect.DeepEqual(got, ds) {
		t.Error("2,000 random findings did not come back as they went in")
	}
}
