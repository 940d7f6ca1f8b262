package schemas

import (
	"encoding/json"
	"testing"
)

// JourneyURL is the schema's own $id, so editors fetch the same file.
func TestJourneyURLIsTheSchemaID(t *testing.T) {
	var s struct {
		ID string `json:"$id"`
	}
	if err := json.Unmarshal(Journey, &s); err != nil {
		t.Fatal(err)
	}
	if s.ID != JourneyURL {
		t.Fatalf("$id %q, JourneyURL %q", s.ID, JourneyURL)
	}
}
