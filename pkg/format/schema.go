package format

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"github.com/journey-maps/journey/schemas"
)

// shape is the layout of one kind of object: its keys in schema order and
// the shape of the objects (or list items) under each key.
type shape struct {
	keys     []string
	rank     map[string]int
	children map[string]*shape
	// free marks keys whose value is a mapping without a schema of its own
	// (a per-persona emotion): written in flow style when short.
	free map[string]bool
}

var (
	shapesOnce sync.Once
	journey    *shape
	personas   *shape
	shapesErr  error
)

// shapes reads the key order from the embedded JSON Schema: the order of
// `properties` in each definition is the canonical order of the keys.
func shapes() (*shape, *shape, error) {
	shapesOnce.Do(func() {
		journey, personas, shapesErr = buildShapes(schemas.Journey)
	})
	return journey, personas, shapesErr
}

type schemaNode struct {
	Ref        string                `json:"$ref"`
	Type       any                   `json:"type"`
	Items      *schemaNode           `json:"items"`
	Properties map[string]schemaNode `json:"properties"`
	OneOf      []schemaNode          `json:"oneOf"`
}

func buildShapes(data []byte) (*shape, *shape, error) {
	var doc struct {
		Defs map[string]json.RawMessage `json:"$defs"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, nil, fmt.Errorf("schema: %w", err)
	}
	built := map[string]*shape{}
	var build func(name string) (*shape, error)
	build = func(name string) (*shape, error) {
		if s, ok := built[name]; ok {
			return s, nil
		}
		raw, ok := doc.Defs[name]
		if !ok {
			return nil, fmt.Errorf("schema: no definition %q", name)
		}
		var def struct {
			Properties json.RawMessage `json:"properties"`
		}
		if err := json.Unmarshal(raw, &def); err != nil {
			return nil, fmt.Errorf("schema: %s: %w", name, err)
		}
		if def.Properties == nil {
			built[name] = nil
			return nil, nil
		}
		keys, err := orderedKeys(def.Properties)
		if err != nil {
			return nil, fmt.Errorf("schema: %s: %w", name, err)
		}
		var props map[string]schemaNode
		if err := json.Unmarshal(def.Properties, &props); err != nil {
			return nil, fmt.Errorf("schema: %s: %w", name, err)
		}
		s := &shape{keys: keys, rank: map[string]int{}, children: map[string]*shape{}, free: map[string]bool{}}
		built[name] = s
		for i, k := range keys {
			s.rank[k] = i
			p := props[k]
			target := p.Ref
			if p.Items != nil {
				target = p.Items.Ref
			}
			if ref, ok := strings.CutPrefix(target, "#/$defs/"); ok {
				child, err := build(ref)
				if err != nil {
					return nil, err
				}
				if child != nil {
					s.children[k] = child
				}
			}
			for _, alt := range p.OneOf {
				if alt.Type == "object" {
					s.free[k] = true
				}
			}
		}
		return s, nil
	}
	j, err := build("journeyFile")
	if err != nil {
		return nil, nil, err
	}
	p, err := build("personasFile")
	if err != nil {
		return nil, nil, err
	}
	if j == nil || p == nil {
		return nil, nil, fmt.Errorf("schema: file definitions have no properties")
	}
	return j, p, nil
}

// orderedKeys returns the keys of a JSON object in the order written.
func orderedKeys(raw json.RawMessage) ([]string, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, fmt.Errorf("properties is not an object")
	}
	var keys []string
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, err
		}
		k, _ := t.(string)
		keys = append(keys, k)
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return nil, err
		}
	}
	return keys, nil
}
