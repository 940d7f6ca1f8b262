package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// `journey schema` prints schemas/journey.schema.json byte for byte: the
// editor (through the modeline or yaml.schemas) and the CLI use one schema.
func TestSchemaCommandMatchesFile(t *testing.T) {
	want, err := os.ReadFile("../../schemas/journey.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runCLI(t, "", "schema")
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !bytes.Equal([]byte(out), want) {
		t.Errorf("journey schema differs from schemas/journey.schema.json (%d bytes vs %d)", len(out), len(want))
	}
	var v map[string]any
	if err := json.Unmarshal(want, &v); err != nil || v["$id"] == nil {
		t.Errorf("schema is not JSON with an $id: %v", err)
	}
}

// `journey schema --config` prints schemas/journeylint.schema.json.
func TestSchemaConfigMatchesFile(t *testing.T) {
	want, err := os.ReadFile("../../schemas/journeylint.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runCLI(t, "", "schema", "--config")
	if code != 0 || errOut != "" || !bytes.Equal([]byte(out), want) {
		t.Errorf("journey schema --config differs from schemas/journeylint.schema.json (exit %d, %d bytes vs %d)", code, len(out), len(want))
	}
	if _, _, code := runCLI(t, "", "schema", "extra"); code != ExitUsage {
		t.Errorf("schema extra: exit %d", code)
	}
}

// Every example carries the yaml-language-server modeline on its first
// line, pointing at the schema file in the repository.
func TestExamplesHaveSchemaModeline(t *testing.T) {
	files, _ := filepath.Glob("../../examples/*/*.yaml")
	if len(files) < 4 {
		t.Fatalf("found %d examples", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(string(data), "\n")
		ref, ok := strings.CutPrefix(first, "# yaml-language-server: $schema=")
		if !ok {
			t.Errorf("%s: first line %q is not the schema modeline", f, first)
			continue
		}
		target := filepath.Join(filepath.Dir(f), ref)
		if _, err := os.Stat(target); err != nil || filepath.Base(target) != "journey.schema.json" {
			t.Errorf("%s: modeline points at %s: %v", f, ref, err)
		}
	}
}
