package format

import (
	"reflect"

	"github.com/google/go-cmp/cmp"

	"github.com/journey-maps/journey/pkg/model"
)

var (
	posType  = reflect.TypeOf(model.Pos{})
	keysType = reflect.TypeOf((*model.Keys)(nil)).Elem()
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
		case posType, keysType:
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
