package diag

import (
	"testing"

	"github.com/journey-maps/journey/pkg/model"
)

func TestSuggest(t *testing.T) {
	keys := []string{"touchpoints", "title", "description", "pain_points", "personas"}
	for _, tc := range []struct{ in, want string }{
		{"touchpionts", "touchpoints"},
		{"titel", "title"},
		{"painpoints", "pain_points"},
		{"zzzzzzzzzz", ""},
		{"persona", "personas"},
	} {
		if got := Suggest(tc.in, keys); got != tc.want {
			t.Errorf("Suggest(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSortAndMax(t *testing.T) {
	ds := []Diagnostic{
		{Severity: Warning, Rule: "b"},
		{Severity: Error, Rule: "a"},
		{Severity: Warning, Rule: "b"},
	}
	Sort(ds)
	ds = Dedup(ds)
	if len(ds) != 2 || ds[0].Rule != "a" {
		t.Fatalf("sorted and deduplicated: %+v", ds)
	}
	if Max(ds) != Error {
		t.Fatalf("Max = %v", Max(ds))
	}
}

func TestStringLikeTheTextReport(t *testing.T) {
	at := Diagnostic{Pos: model.Pos{File: "m.yaml", Line: 3, Col: 5}, Severity: Error, Rule: "schema", Message: "bad"}
	whole := Diagnostic{Pos: model.Pos{File: "m.yaml"}, Severity: Error, Rule: "file", Message: "cannot read"}
	if got := at.String(); got != "m.yaml:3:5: error: bad [schema]" {
		t.Errorf("at a place: %q", got)
	}
	if got := whole.String(); got != "m.yaml: error: cannot read [file]" {
		t.Errorf("the whole file: %q", got)
	}
}
