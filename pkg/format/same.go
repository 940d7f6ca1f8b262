package format

import (
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"

	"github.com/journey-maps/journey/pkg/loader"
	"github.com/journey-maps/journey/pkg/model"
	"github.com/journey-maps/journey/pkg/yamlx"
)

// SameData checks that two versions of a file hold the same data: the same
// values once parsed (every key, x- and unknown ones included) and the same
// journey model once loaded, positions aside.
func SameData(a, b []byte) error {
	va, err := values(a)
	if err != nil {
		return err
	}
	vb, err := values(b)
	if err != nil {
		return err
	}
	if !reflect.DeepEqual(va, vb) {
		return fmt.Errorf("values differ: %s", cmp.Diff(va, vb))
	}
	ma, mb := loadModel(a), loadModel(b)
	if d := cmp.Diff(ma, mb, ModelOptions()); d != "" {
		return fmt.Errorf("models differ (-before +after):\n%s", d)
	}
	return nil
}

func values(src []byte) (any, error) {
	root, err := yamlx.Parse(src)
	if err != nil {
		return nil, err
	}
	v, _, err := yamlx.ToValue(root)
	return v, err
}

// loaded is what a file decodes to, for comparison.
type loaded struct {
	Journey  *model.Journey
	Personas *model.PersonaLibrary
}

// loadModel decodes a file without following its includes: they are the
// same files on both sides.
func loadModel(src []byte) loaded {
	l := loader.New(loader.Options{
		Workers:  1,
		ReadFile: func(string) ([]byte, error) { return nil, errors.New("includes are not read") },
	})
	f := l.LoadBytes("journey.yaml", src)
	return loaded{f.Journey, f.Personas}
}

var (
	posType      = reflect.TypeOf(model.Pos{})
	posMapType   = reflect.TypeOf(map[string]model.Pos{})
	itemsMapType = reflect.TypeOf(map[string][]model.Pos{})
)

// ModelOptions make go-cmp compare two models by their data: positions are
// ignored, and so are the links from an item to the item that holds it
// (they would only repeat the comparison, in a cycle).
func ModelOptions() cmp.Option {
	return cmp.FilterPath(func(p cmp.Path) bool {
		sf, ok := p.Last().(cmp.StructField)
		if !ok {
			return false
		}
		switch sf.Type() {
		case posType, posMapType, itemsMapType:
			return true
		}
		parent := p.Index(-2).Type()
		switch {
		case parent == reflect.TypeOf(model.Touchpoint{}) && sf.Name() == "Stage",
			parent == reflect.TypeOf(model.PainPoint{}) && sf.Name() == "Touchpoint",
			parent == reflect.TypeOf(model.Action{}) && sf.Name() == "PainPoint",
			parent == reflect.TypeOf(model.Persona{}) && sf.Name() == "From":
			return true
		}
		return false
	}, cmp.Ignore())
}

// SameComments checks that every comment of a is in b: the same lines of
// comment text, wherever yaml.v3 attached them.
func SameComments(a, b []byte) error {
	ca, err := comments(a)
	if err != nil {
		return err
	}
	cb, err := comments(b)
	if err != nil {
		return err
	}
	count := map[string]int{}
	for _, c := range cb {
		count[c]++
	}
	for _, c := range ca {
		if count[c] == 0 {
			return fmt.Errorf("the comment %q would be lost", c)
		}
		count[c]--
	}
	return nil
}

// comments lists the comment lines of a document, text only.
func comments(src []byte) ([]string, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, err
	}
	var out []string
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		for _, c := range []string{n.HeadComment, n.LineComment, n.FootComment} {
			for _, line := range strings.Split(c, "\n") {
				if t := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(line), "#")); t != "" {
					out = append(out, t)
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(&doc)
	return out, nil
}
