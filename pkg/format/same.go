package format

import (
	"errors"
	"fmt"
	"reflect"

	"github.com/google/go-cmp/cmp"

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
