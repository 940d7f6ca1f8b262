package diag

import "testing"

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
