package schema

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/journey-maps/journey/pkg/yamlx"
	"github.com/journey-maps/journey/schemas"
)

// The validator interprets schemas/journey.schema.json itself, for speed.
// These tests hold it to a general JSON Schema 2020-12 implementation: on
// every test map and on thousands of mutations of the examples, both must
// agree on whether the document is valid.

func oracle(t testing.TB) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemas.Journey))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("journey.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("journey.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// agree checks one document and reports whether it was valid.
func agree(t *testing.T, s *jsonschema.Schema, name string, root *yaml.Node) bool {
	t.Helper()
	value, problems, err := yamlx.ToValue(root)
	if err != nil || len(problems) > 0 {
		return false // the loader reports these before validation
	}
	oracleValid := s.Validate(value) == nil
	found := Validate(name, root, true)
	// Without duplicate keys, looking for earlier keys changes nothing.
	if slow := Validate(name, root, false); !reflect.DeepEqual(found, slow) {
		t.Errorf("%s: with unique keys %v, without %v", name, found, slow)
	}
	if oracleValid != (len(found) == 0) {
		var b strings.Builder
		_ = yaml.NewEncoder(&b).Encode(root)
		t.Errorf("%s: JSON Schema says valid=%v, validator found %v\n%s", name, oracleValid, found, b.String())
	}
	return oracleValid
}

func testMaps(t *testing.T) []string {
	var files []string
	for _, dir := range []string{"../../examples", "../../testdata"} {
		err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && (strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) && !strings.Contains(p, "journeylint") {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return files
}

func parse(data []byte) *yaml.Node {
	root, err := yamlx.Parse(data)
	if err != nil {
		return nil
	}
	return root
}

func TestValidatorAgreesOnTestMaps(t *testing.T) {
	s := oracle(t)
	n := 0
	for _, p := range testMaps(t) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if root := parse(data); root != nil {
			agree(t, s, p, root)
			n++
		}
	}
	if n < 20 {
		t.Fatalf("only %d test maps found", n)
	}
}

// TestValidatorAgreesOnMutations breaks the examples one node at a time: a
// value replaced by each wrong kind, a key removed, an unknown key added.
func TestValidatorAgreesOnMutations(t *testing.T) {
	s := oracle(t)
	examples, _ := filepath.Glob("../../examples/*/*.yaml")
	if len(examples) == 0 {
		t.Fatal("no examples")
	}
	replacements := []*yaml.Node{
		{Kind: yaml.ScalarNode, Tag: "!!str", Value: "zz-not-valid value"},
		{Kind: yaml.ScalarNode, Tag: "!!int", Value: "-7"},
		{Kind: yaml.ScalarNode, Tag: "!!int", Value: "3"},
		{Kind: yaml.ScalarNode, Tag: "!!float", Value: "2.5"},
		{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"},
		{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"},
		{Kind: yaml.ScalarNode, Tag: "!!str", Value: "2027-02-30"},
		{Kind: yaml.ScalarNode, Tag: "!!str", Value: "ftp://example.com"},
		{Kind: yaml.ScalarNode, Tag: "!!str", Value: ""},
		{Kind: yaml.SequenceNode, Tag: "!!seq"},
		{Kind: yaml.MappingNode, Tag: "!!map"},
	}
	mutations, invalid := 0, 0
	for _, p := range examples {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		// A stride keeps the run short while reaching every part of the map;
		// JOURNEY_ORACLE_ALL=1 mutates every node.
		count := len(walk(parse(data)))
		stride := max(1, count/40)
		if os.Getenv("JOURNEY_ORACLE_ALL") != "" {
			stride = 1
		}
		for i := 0; i < count; i += stride {
			for r := range replacements {
				root := parse(data)
				n := walk(root)[i]
				saved := *n
				*n = *replacements[r]
				n.Line, n.Column = saved.Line, saved.Column
				mutations++
				if !agree(t, s, p, root) {
					invalid++
				}
			}
			root := parse(data)
			if parent, at := mappingEntry(root, walk(root)[i]); parent != nil {
				parent.Content = append(parent.Content[:at:at], parent.Content[at+2:]...)
				mutations++
				if !agree(t, s, p, root) {
					invalid++
				}
			}
			root = parse(data)
			if n := walk(root)[i]; n.Kind == yaml.MappingNode {
				n.Content = append(n.Content,
					&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "bogus", Line: n.Line, Column: n.Column},
					&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "x", Line: n.Line, Column: n.Column})
				mutations++
				if !agree(t, s, p, root) {
					invalid++
				}
			}
		}
	}
	t.Logf("%d mutations, %d invalid", mutations, invalid)
	if invalid < mutations/3 {
		t.Fatalf("only %d of %d mutations were invalid: the mutations do not exercise the schema", invalid, mutations)
	}
}

// walk lists the value nodes of a document in order (not mapping keys).
func walk(root *yaml.Node) []*yaml.Node {
	var out []*yaml.Node
	var visit func(n *yaml.Node)
	visit = func(n *yaml.Node) {
		out = append(out, n)
		switch n.Kind {
		case yaml.MappingNode:
			for i := 1; i < len(n.Content); i += 2 {
				visit(n.Content[i])
			}
		case yaml.SequenceNode:
			for _, c := range n.Content {
				visit(c)
			}
		}
	}
	visit(root)
	return out
}

// mappingEntry finds the mapping holding value n and the index of its key.
func mappingEntry(root, n *yaml.Node) (*yaml.Node, int) {
	for _, m := range walk(root) {
		if m.Kind != yaml.MappingNode {
			continue
		}
		for i := 1; i < len(m.Content); i += 2 {
			if m.Content[i] == n {
				return m, i - 1
			}
		}
	}
	return nil, 0
}
