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
	return sameData(read(a), read(b))
}

// SameComments checks that every comment of a is in b: the same lines of
// comment text, wherever yaml.v3 attached them.
func SameComments(a, b []byte) error {
	ra, rb := read(a), read(b)
	if ra.err != nil {
		return ra.err
	}
	if rb.err != nil {
		return rb.err
	}
	return sameComments(ra.comments, rb.comments)
}

// facts are what the checks compare of one version of a file, taken from
// a single parse: the loader's, whose node tree also gives the values and
// the comments.
type facts struct {
	values   any
	comments []string
	model    loaded
	// parsed is false for a file that does not parse as one mapping.
	parsed bool
	// err is why the file has no values: it does not parse, or the
	// conversion refused it (nesting, aliases); a *yamlx.Error.
	err error
}

// loaded is what a file decodes to, for comparison.
type loaded struct {
	Journey  *model.Journey
	Personas *model.PersonaLibrary
}

// read loads a file without following its includes (they are the same
// files on both sides) and takes its values and comments from the tree
// the loader parsed, which it does not change.
func read(src []byte) *facts {
	l := loader.New(loader.Options{
		Workers:  1,
		ReadFile: func(string) ([]byte, error) { return nil, errors.New("includes are not read") },
	})
	f := l.LoadBytes("journey.yaml", src)
	r := &facts{model: loaded{f.Journey, f.Personas}}
	root := f.Root
	if root == nil {
		// The loader keeps no tree when the conversion check fails: parse
		// again for the reason (the failing path only).
		var err error
		if root, err = yamlx.Parse(src); err != nil {
			r.err = err
			return r
		}
	}
	r.parsed = true
	r.values, _, r.err = yamlx.ToValue(root)
	r.comments = comments(root)
	return r
}

func sameData(a, b *facts) error {
	if a.err != nil {
		return a.err
	}
	if b.err != nil {
		return b.err
	}
	if !reflect.DeepEqual(a.values, b.values) {
		return fmt.Errorf("values differ: %s", cmp.Diff(a.values, b.values))
	}
	if d := cmp.Diff(a.model, b.model, ModelOptions()); d != "" {
		return fmt.Errorf("models differ (-before +after):\n%s", d)
	}
	return nil
}

var (
	posType   = reflect.TypeOf(model.Pos{})
	keysType  = reflect.TypeOf((*model.Keys)(nil)).Elem()
	itemsType = reflect.TypeOf([]model.Item{})
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
		case posType, keysType, itemsType:
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

func sameComments(ca, cb []string) error {
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

// comments lists the comment lines of a parsed document, text only (the
// document's own comments are on its root).
func comments(root *yaml.Node) []string {
	var out []string
	for line := range yamlx.CommentLines(root) {
		if t := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(line), "#")); t != "" {
			out = append(out, t)
		}
	}
	return out
}
