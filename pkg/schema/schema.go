// Package schema validates decoded journey files against the embedded JSON
// Schema and turns its errors into positioned, readable findings.
package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/model"
	"github.com/journey-maps/journey/pkg/yamlx"
	"github.com/journey-maps/journey/schemas"
)

const url = "https://journey-maps.github.io/journey/schemas/journey.schema.json"

var (
	compileOnce sync.Once
	compiled    *jsonschema.Schema
	compileErr  error
	// properties lists the keys each $defs entry allows, for did-you-mean.
	properties map[string][]string
)

// Compiled returns the journey schema, compiled once per process.
func Compiled() (*jsonschema.Schema, error) {
	compileOnce.Do(func() {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schemas.Journey))
		if err != nil {
			compileErr = err
			return
		}
		c := jsonschema.NewCompiler()
		c.AssertFormat()
		if err := c.AddResource(url, doc); err != nil {
			compileErr = err
			return
		}
		compiled, compileErr = c.Compile(url)
		properties = propertyLists(schemas.Journey)
	})
	return compiled, compileErr
}

func propertyLists(raw []byte) map[string][]string {
	var s struct {
		Defs map[string]struct {
			Properties map[string]json.RawMessage `json:"properties"`
		} `json:"$defs"`
	}
	_ = json.Unmarshal(raw, &s)
	out := map[string][]string{}
	for name, def := range s.Defs {
		for k := range def.Properties {
			out[name] = append(out[name], k)
		}
		sort.Strings(out[name])
	}
	return out
}

// Validate checks value (from yamlx.ToValue) against the schema and returns
// findings placed at the nodes under root they are about.
func Validate(file string, root *yaml.Node, value any) []diag.Diagnostic {
	sch, err := Compiled()
	if err != nil {
		panic("journey: the embedded schema does not compile: " + err.Error())
	}
	err = sch.Validate(value)
	if err == nil {
		return nil
	}
	verr, ok := err.(*jsonschema.ValidationError)
	if !ok {
		return []diag.Diagnostic{{Pos: pos(file, root), Severity: diag.Error, Rule: diag.RuleSchema, Message: err.Error()}}
	}
	var out []diag.Diagnostic
	for _, leaf := range leaves(verr) {
		out = append(out, describe(file, root, leaf)...)
	}
	return out
}

// leaves returns the errors that say what is wrong, skipping the ones that
// only say that a branch failed. For oneOf (emotion: a number or a map of
// numbers) it keeps the branch that matches the value's type.
func leaves(e *jsonschema.ValidationError) []*jsonschema.ValidationError {
	if len(e.Causes) == 0 {
		return []*jsonschema.ValidationError{e}
	}
	if _, isOneOf := e.ErrorKind.(*kind.OneOf); isOneOf {
		var best []*jsonschema.ValidationError
		for _, c := range e.Causes {
			ls := leaves(c)
			typeOnly := len(ls) == 1
			if typeOnly {
				_, typeOnly = ls[0].ErrorKind.(*kind.Type)
			}
			if !typeOnly || best == nil {
				best = ls
			}
		}
		return best
	}
	var out []*jsonschema.ValidationError
	for _, c := range e.Causes {
		out = append(out, leaves(c)...)
	}
	return out
}

var printer = message.NewPrinter(language.English)

func describe(file string, root *yaml.Node, e *jsonschema.ValidationError) []diag.Diagnostic {
	key, node := yamlx.Lookup(root, e.InstanceLocation)
	where := field(e.InstanceLocation)
	d := diag.Diagnostic{Pos: pos(file, node), Severity: diag.Error, Rule: diag.RuleSchema}
	switch k := e.ErrorKind.(type) {
	case *kind.AdditionalProperties:
		var out []diag.Diagnostic
		allowed := properties[defName(e.SchemaURL)]
		for _, p := range k.Properties {
			kn, _ := yamlx.MapGet(node, p)
			if kn == nil {
				kn = node
			}
			msg := fmt.Sprintf("unknown key %q%s", p, in(where))
			if s := diag.Suggest(p, allowed); s != "" {
				msg += fmt.Sprintf(": did you mean %q?", s)
			} else if len(allowed) > 0 {
				msg += " (allowed: " + strings.Join(allowed, ", ") + "; extensions start with x-)"
			}
			out = append(out, diag.Diagnostic{Pos: pos(file, kn), Severity: diag.Error, Rule: diag.RuleUnknownKey, Message: msg})
		}
		return out
	case *kind.Required:
		var out []diag.Diagnostic
		for _, m := range k.Missing {
			dd := d
			dd.Message = fmt.Sprintf("missing required key %q%s", m, in(where))
			if key != nil {
				dd.Pos = pos(file, key)
			}
			out = append(out, dd)
		}
		return out
	case *kind.Type:
		d.Message = fmt.Sprintf("%s must be %s, not %s", subject(where), strings.Join(article(k.Want), " or "), article([]string{k.Got})[0])
	case *kind.Enum:
		d.Message = fmt.Sprintf("%s is %s: want one of %s", subject(where), show(k.Got), joinAny(k.Want))
		if s, ok := k.Got.(string); ok {
			if sug := diag.Suggest(s, anyStrings(k.Want)); sug != "" {
				d.Message = fmt.Sprintf("%s is %s: did you mean %q? (want one of %s)", subject(where), show(k.Got), sug, joinAny(k.Want))
			}
		}
	case *kind.Const:
		d.Message = fmt.Sprintf("%s is %s: want %s", subject(where), show(k.Got), show(k.Want))
	case *kind.Minimum:
		d.Message = fmt.Sprintf("%s is %s: below the minimum %s", subject(where), rat(k.Got), rat(k.Want))
	case *kind.Maximum:
		d.Message = fmt.Sprintf("%s is %s: above the maximum %s", subject(where), rat(k.Got), rat(k.Want))
	case *kind.Pattern:
		d.Message = fmt.Sprintf("%s %q %s", subject(where), k.Got, patternHint(e.SchemaURL))
	case *kind.Format:
		d.Message = fmt.Sprintf("%s %s is not a valid date (want YYYY-MM-DD, a day that exists)", subject(where), show(k.Got))
	case *kind.MinLength:
		d.Message = fmt.Sprintf("%s must not be empty", subject(where))
	case *kind.MinProperties:
		d.Message = fmt.Sprintf("%s must name at least one persona", subject(where))
	default:
		d.Message = fmt.Sprintf("%s: %s", subject(where), e.ErrorKind.LocalizedString(printer))
	}
	return []diag.Diagnostic{d}
}

// defName extracts "touchpoint" from ".../journey.schema.json#/$defs/touchpoint/...".
func defName(schemaURL string) string {
	_, frag, _ := strings.Cut(schemaURL, "#/$defs/")
	name, _, _ := strings.Cut(frag, "/")
	return name
}

func patternHint(schemaURL string) string {
	switch {
	case strings.Contains(schemaURL, "/$defs/url"):
		return "is not an http(s) URL"
	case strings.Contains(schemaURL, "/$defs/id"):
		return "is not a kebab-case id (lower-case letters, digits and single dashes, like \"product-page\")"
	}
	return "does not match the expected pattern"
}

// field renders an instance location as a YAML path: stages[0].touchpoints[2].emotion.
func field(loc []string) string {
	var b strings.Builder
	for _, s := range loc {
		if s != "" && strings.Trim(s, "0123456789") == "" {
			b.WriteString("[" + s + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s)
	}
	return b.String()
}

func subject(where string) string {
	if where == "" {
		return "the document"
	}
	return where
}

func in(where string) string {
	if where == "" {
		return ""
	}
	return " in " + where
}

func article(types []string) []string {
	out := make([]string, len(types))
	for i, t := range types {
		switch t {
		case "object":
			out[i] = "a mapping"
		case "array":
			out[i] = "a list"
		case "integer":
			out[i] = "a whole number"
		case "null":
			out[i] = "empty"
		case "boolean":
			out[i] = "true or false"
		default:
			out[i] = "a " + t
		}
	}
	return out
}

func show(v any) string {
	switch v := v.(type) {
	case string:
		return fmt.Sprintf("%q", v)
	case nil:
		return "empty"
	case json.Number:
		return v.String()
	}
	return fmt.Sprint(v)
}

func joinAny(vs []any) string {
	return strings.Join(anyStrings(vs), ", ")
}

func anyStrings(vs []any) []string {
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		out = append(out, fmt.Sprint(v))
	}
	return slices.Compact(out)
}

func rat(r *big.Rat) string {
	if r == nil {
		return "?"
	}
	if r.IsInt() {
		return r.Num().String()
	}
	f, _ := r.Float64()
	return fmt.Sprint(f)
}

func pos(file string, n *yaml.Node) model.Pos {
	if n == nil {
		return model.Pos{File: file, Line: 1, Col: 1}
	}
	return model.Pos{File: file, Line: n.Line, Col: n.Column}
}
