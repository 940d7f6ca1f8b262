package loader

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/journey-maps/journey/pkg/model"
	"github.com/journey-maps/journey/pkg/yamlx"
)

// The positions the decoder records answer At, Has, ItemAt and Written
// as looking them up in the parsed mapping does, on every element of the
// examples, the golden cases and the shapes below.
func TestRecordedPositionsMatchTheParseTree(t *testing.T) {
	var sources [][]byte
	for _, pattern := range []string{"../../examples/*/*.yaml", "../../testdata/validate/*.yaml", "../../testdata/loader/*.yaml"} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			sources = append(sources, data)
		}
	}
	for _, src := range []string{
		// A key repeated: the first one counts, for its list too.
		"kind: Journey\nversion: 1\ntitle: T\nstages:\n  - name: S\n    touchpoints:\n      - name: A\n        personas: [a, b]\n        personas: [c]\n        next: [~, {x: 1}, z]\n",
		// Keys and lists reached through aliases, and a key that is a list.
		"kind: Journey\nversion: 1\ntitle: T\nx-k: &k name\nx-l: &l [p, q]\nstages:\n  - *k : S\n    touchpoints:\n      - name: A\n        metrics: *l\n        [a, b]: c\n",
		// A mapping that is empty, and one with only a key that is a mapping.
		"kind: Journey\nversion: 1\ntitle: T\ngoals:\n  - {}\n  - {? {a: 1} : b}\n",
	} {
		sources = append(sources, []byte(src))
	}
	for i, src := range sources {
		t.Run(fmt.Sprint(i), func(t *testing.T) { checkPositions(t, src) })
	}
}

// checkPositions loads src and holds the positions of every element of
// the model to those the parse tree gives.
func checkPositions(t *testing.T, src []byte) {
	t.Helper()
	f := New(Options{ReadFile: func(string) ([]byte, error) { return nil, os.ErrNotExist }}).LoadBytes("p.journey.yaml", src)
	if f.Kind == "" {
		return
	}
	root, err := yamlx.Parse(src)
	if err != nil {
		t.Fatalf("the loader parsed what yamlx.Parse does not: %v", err)
	}
	mappings := map[[2]int]*yaml.Node{}
	var index func(n *yaml.Node)
	index = func(n *yaml.Node) {
		if n.Kind == yaml.MappingNode {
			mappings[[2]int{n.Line, n.Column}] = n
		}
		for _, c := range n.Content {
			index(c)
		}
	}
	index(root)
	for _, m := range metas(f) {
		n := mappings[[2]int{m.Pos.Line, m.Pos.Col}]
		if n == nil {
			t.Fatalf("no mapping at %d:%d", m.Pos.Line, m.Pos.Col)
		}
		if m.Written() != (len(n.Content) > 0) {
			t.Errorf("%d:%d: Written %v for %d keys", m.Pos.Line, m.Pos.Col, m.Written(), len(n.Content)/2)
		}
		names := []string{"", "name", "id", "personas", "metrics", "next", "x-k"}
		for i := 0; i < len(n.Content); i += 2 {
			if k := yamlx.Resolve(n.Content[i]); k.Kind == yaml.ScalarNode {
				names = append(names, k.Value)
			}
		}
		for _, name := range names {
			want, has := treeKey(m, n, name)
			if got := m.At(name); got != want || m.Has(name) != has {
				t.Errorf("%d:%d: At(%q) %v, Has %v; the tree gives %v, %v", m.Pos.Line, m.Pos.Col, name, got, m.Has(name), want, has)
			}
			for i := -1; i < 4; i++ {
				if got, want := m.ItemAt(name, i), treeItem(m, n, name, i); got != want {
					t.Errorf("%d:%d: ItemAt(%q, %d) %v; the tree gives %v", m.Pos.Line, m.Pos.Col, name, i, got, want)
				}
			}
		}
	}
}

// treeKey is Meta.At and Meta.Has answered from the mapping node.
func treeKey(m *model.Meta, n *yaml.Node, name string) (model.Pos, bool) {
	k, _ := yamlx.MapGet(n, name)
	if k == nil {
		return m.Pos, false
	}
	k = yamlx.Resolve(k)
	return model.Pos{File: m.Pos.File, Line: k.Line, Col: k.Column}, true
}

// treeItem is Meta.ItemAt answered from the mapping node.
func treeItem(m *model.Meta, n *yaml.Node, name string, i int) model.Pos {
	_, list := yamlx.MapGet(n, name)
	if list = yamlx.Resolve(list); list != nil && list.Kind == yaml.SequenceNode {
		for _, item := range list.Content {
			if item = yamlx.Resolve(item); item.Kind == yaml.ScalarNode && item.Tag != "!!null" {
				if i == 0 {
					return model.Pos{File: m.Pos.File, Line: item.Line, Col: item.Column}
				}
				i--
			}
		}
	}
	pos, _ := treeKey(m, n, name)
	return pos
}

// metas lists the meta of every element of a loaded file.
func metas(f *File) []*model.Meta {
	var out []*model.Meta
	add := func(m *model.Meta) { out = append(out, m) }
	persons := func(ps []*model.Persona) {
		for _, p := range ps {
			add(&p.Meta)
		}
	}
	if l := f.Personas; l != nil {
		add(&l.Meta)
		persons(l.Personas)
		return out
	}
	j := f.Journey
	add(&j.Meta)
	persons(j.Personas)
	for _, g := range j.Goals {
		add(&g.Meta)
	}
	for _, m := range j.Metrics {
		add(&m.Meta)
	}
	for _, s := range j.Stages {
		add(&s.Meta)
		for _, tp := range s.Touchpoints {
			add(&tp.Meta)
			for _, p := range tp.PainPoints {
				add(&p.Meta)
				for _, e := range p.Evidence {
					add(&e.Meta)
				}
				for _, a := range p.Actions {
					add(&a.Meta)
				}
			}
		}
	}
	return out
}

// A loaded file, with its model and includes, reaches no YAML node: it
// can be kept (score keeps every map's model, diff both revisions of a
// file) without its parse tree.
func TestLoadedFileHoldsNoParseTree(t *testing.T) {
	f := loadOne(t, "../../testdata/loader/full.journey.yaml")
	if len(f.Journey.Included) == 0 || f.Journey.Ext == nil || len(f.Comments) == 0 {
		t.Fatal("the full map should include libraries, have extensions and comments")
	}
	nodeType := reflect.TypeOf(yaml.Node{})
	seen := map[uintptr]bool{}
	var walk func(path string, v reflect.Value)
	walk = func(path string, v reflect.Value) {
		if v.Type() == nodeType {
			t.Fatalf("%s is a yaml.Node", path)
		}
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if v.IsNil() {
				return
			}
			if v.Kind() == reflect.Pointer {
				if seen[v.Pointer()] {
					return
				}
				seen[v.Pointer()] = true
			}
			walk(path, v.Elem())
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				walk(path+"."+v.Type().Field(i).Name, v.Field(i))
			}
		case reflect.Slice, reflect.Array:
			for i := 0; i < v.Len(); i++ {
				walk(fmt.Sprintf("%s[%d]", path, i), v.Index(i))
			}
		case reflect.Map:
			for it := v.MapRange(); it.Next(); {
				walk(fmt.Sprintf("%s[%v]", path, it.Key()), it.Value())
			}
		}
	}
	walk("File", reflect.ValueOf(f))
}
