package lint

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/journey-maps/journey/schemas"
)

// TestRegistryInIDOrder: the rule list is written in id order, each id
// once, and every rule has a configuration spec with the same id.
func TestRegistryInIDOrder(t *testing.T) {
	ids := IDs()
	if !slices.IsSorted(ids) {
		t.Errorf("registry is not in id order: %v", ids)
	}
	if len(slices.Compact(slices.Clone(ids))) != len(ids) {
		t.Errorf("an id is listed twice: %v", ids)
	}
	specs := ConfigRules()
	for i, r := range registry {
		if specs[i].ID != r.ID || specs[i].Severity != r.Severity || len(specs[i].Options) != len(r.Options) {
			t.Errorf("spec %d is %+v for rule %s", i, specs[i], r.ID)
		}
	}
}

// TestConfigSchemaNamesEveryRule: schemas/journeylint.schema.json, which
// editors check .journeylint.yaml with, names every rule and nothing else.
func TestConfigSchemaNamesEveryRule(t *testing.T) {
	var raw struct {
		Defs struct {
			Rules struct {
				Properties map[string]any `json:"properties"`
			} `json:"rules"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(schemas.Journeylint, &raw); err != nil {
		t.Fatal(err)
	}
	ids := IDs()
	if len(raw.Defs.Rules.Properties) != len(ids) {
		t.Errorf("schema names %d rules, the registry %d", len(raw.Defs.Rules.Properties), len(ids))
	}
	for _, id := range ids {
		if _, ok := raw.Defs.Rules.Properties[id]; !ok {
			t.Errorf("schema lacks rule %s", id)
		}
	}
}
