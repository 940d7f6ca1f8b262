package schema

import (
	"fmt"
	"testing"
)

// Two hundred names in 64 slots: most share a slot, several more than
// two; each must still be found with its own rule, and no other name.
func TestNameTableFindsEveryName(t *testing.T) {
	rules := map[string]*rule{}
	for i := range 200 {
		name := fmt.Sprintf("field-%d", i)
		rules[name] = &rule{def: name}
	}
	table := newNameTable(rules)
	for name, want := range rules {
		if got, ok := table.get(name); !ok || got != want {
			t.Errorf("get(%q) = %v, %v; want its rule", name, got, ok)
		}
	}
	for _, name := range []string{"", "field-200", "field-", "Field-1", "field-1 "} {
		if got, ok := table.get(name); ok {
			t.Errorf("get(%q) = %v: not in the table", name, got.def)
		}
	}
	var empty *nameTable
	if _, ok := empty.get("x"); ok {
		t.Error("a nil table finds a name")
	}
}
