package schema

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/model"
	"github.com/journey-maps/journey/pkg/yamlx"
	"github.com/journey-maps/journey/schemas"
)

var (
	once     sync.Once
	theRules *compiled
)

// rules returns the embedded schema, compiled once per process. The schema
// is part of the binary, so a failure is a build defect: tests catch it.
func rules() *compiled {
	once.Do(func() {
		c, err := compileSchema(schemas.Journey)
		if err != nil {
			panic("journey: the embedded schema does not compile: " + err.Error())
		}
		theRules = c
	})
	return theRules
}

// Validate checks a parsed document against the embedded JSON Schema,
// walking the YAML nodes directly, and returns findings placed at the nodes
// they are about. Aliases must already have passed yamlx.Check's budget.
// uniqueKeys tells that yamlx.Check found no duplicate key; otherwise only
// the first of a repeated key is validated (Check reports the others).
func Validate(file string, root *yaml.Node, uniqueKeys bool) []diag.Diagnostic {
	v := &validator{c: rules(), file: file, uniqueKeys: uniqueKeys}
	// One path buffer serves the whole walk: deep enough that appending a
	// key or index never reallocates.
	return v.check(v.c.root, root, nil, make([]string, 0, 64))
}

type validator struct {
	c          *compiled
	file       string
	uniqueKeys bool
	// quiet is set while a oneOf branch or an if is tried: only whether
	// findings exist matters then, so none is spelled out.
	quiet bool
}

// failed stands for the findings of a quiet check.
var failed = []diag.Diagnostic{{Severity: diag.Error, Rule: diag.RuleSchema}}

// valid reports whether n passes r, without spelling out findings.
func (v *validator) valid(r *rule, n, key *yaml.Node, path []string) bool {
	was := v.quiet
	v.quiet = true
	ok := len(v.check(r, n, key, path)) == 0
	v.quiet = was
	return ok
}

func (v *validator) resolve(r *rule) *rule {
	for r.target != nil {
		r = r.target
	}
	return r
}

// check returns the findings of value n (reached through key, nil for list
// items and the root) against r; path is the instance location. The
// tests are made here, and the findings, rare, spelled out apart.
func (v *validator) check(r *rule, n, key *yaml.Node, path []string) []diag.Diagnostic {
	r = v.resolve(r)
	n = yamlx.Resolve(n)
	if n == nil {
		return nil
	}
	got, gotBit := kindOf(n)
	if r.typeMask != 0 && !typeMatches(r.typeMask, n, got, gotBit) {
		if v.quiet {
			return failed // before the message's arguments are worked out
		}
		return v.fail(n, "%s must be %s, not %s", subject(field(path)), strings.Join(article(r.types), " or "), article([]string{got})[0])
	}
	var out []diag.Diagnostic
	if r.enum != nil && !r.inEnum(n, got) {
		if v.quiet {
			return failed
		}
		out = append(out, v.enumFinding(r, n, got, path)...)
	}
	if r.hasConst && !equals(r.constant, n, got) {
		if v.quiet {
			return failed
		}
		out = append(out, v.fail(n, "%s is %s: want %s", subject(field(path)), show(n, got), fmt.Sprint(r.constant))...)
	}
	if f, ok := r.ranged(n, got); ok && (r.minimum != nil && f < *r.minimum || r.maximum != nil && f > *r.maximum) {
		out = append(out, v.rangeFindings(r, n, f, path)...)
	}
	if got == "string" && !r.validString(n.Value) {
		out = append(out, v.stringFindings(r, n, path)...)
	}
	if n.Kind == yaml.MappingNode {
		out = append(out, v.object(r, n, key, path)...)
	}
	if n.Kind == yaml.SequenceNode && r.items != nil {
		for i, item := range n.Content {
			out = append(out, v.check(r.items, item, nil, append(path, strconv.Itoa(i)))...)
		}
	}
	if len(r.oneOf) > 0 {
		out = append(out, v.oneOf(r, n, key, path)...)
	}
	if r.ifRule != nil {
		if v.valid(r.ifRule, n, key, path) {
			if r.thenRule != nil {
				out = append(out, v.check(r.thenRule, n, key, path)...)
			}
		} else if r.elseRule != nil {
			out = append(out, v.check(r.elseRule, n, key, path)...)
		}
	}
	return out
}

// validString reports whether a string passes r's minLength, pattern and
// format.
func (r *rule) validString(s string) bool {
	if r.minLength > 0 && shorterThan(s, r.minLength) || r.pattern != nil && !r.pattern(s) {
		return false
	}
	if r.format == "date" {
		_, ok := model.ParseDate(s)
		return ok
	}
	return true
}

// enumFinding says that n, of JSON type got, is none of r's enum.
func (v *validator) enumFinding(r *rule, n *yaml.Node, got string, path []string) []diag.Diagnostic {
	want := enumStrings(r.enum)
	msg := fmt.Sprintf("%s is %s: want one of %s", subject(field(path)), show(n, got), strings.Join(want, ", "))
	if got == "string" {
		if sug := diag.Suggest(n.Value, want); sug != "" {
			msg = fmt.Sprintf("%s is %s: did you mean %q? (want one of %s)", subject(field(path)), show(n, got), sug, strings.Join(want, ", "))
		}
	}
	return v.fail(n, "%s", msg)
}

// rangeFindings say that the number f, n's value, is out of r's range.
func (v *validator) rangeFindings(r *rule, n *yaml.Node, f float64, path []string) []diag.Diagnostic {
	var out []diag.Diagnostic
	if r.minimum != nil && f < *r.minimum {
		out = append(out, v.fail(n, "%s is %s: below the minimum %s", subject(field(path)), n.Value, formatFloat(*r.minimum))...)
	}
	if r.maximum != nil && f > *r.maximum {
		out = append(out, v.fail(n, "%s is %s: above the maximum %s", subject(field(path)), n.Value, formatFloat(*r.maximum))...)
	}
	return out
}

// stringFindings say how the string n fails r's minLength, pattern and
// format.
func (v *validator) stringFindings(r *rule, n *yaml.Node, path []string) []diag.Diagnostic {
	var out []diag.Diagnostic
	if r.minLength > 0 && shorterThan(n.Value, r.minLength) {
		out = append(out, v.fail(n, "%s must not be empty", subject(field(path)))...)
	}
	if r.pattern != nil && !r.pattern(n.Value) {
		out = append(out, v.fail(n, "%s %q %s", subject(field(path)), n.Value, patternHint(r.def))...)
	}
	if r.format == "date" {
		if _, ok := model.ParseDate(n.Value); !ok {
			out = append(out, v.fail(n, "%s %s is not a valid date (want YYYY-MM-DD, a day that exists)", subject(field(path)), strconv.Quote(n.Value))...)
		}
	}
	return out
}

// fail returns a schema finding at node at, or failed when quiet.
func (v *validator) fail(at *yaml.Node, format string, args ...any) []diag.Diagnostic {
	if v.quiet {
		return failed
	}
	return []diag.Diagnostic{{Pos: v.pos(at), Severity: diag.Error, Rule: diag.RuleSchema, Message: fmt.Sprintf(format, args...)}}
}

func (v *validator) object(r *rule, n, key *yaml.Node, path []string) []diag.Diagnostic {
	where := func() string { return field(path) }
	var out []diag.Diagnostic
	// Mappings are small: scanning their keys beats building a set.
	distinct := 0
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := yamlx.Resolve(n.Content[i])
		if k.Kind != yaml.ScalarNode {
			continue // reported by yamlx.Check
		}
		if !v.uniqueKeys {
			if first, _ := yamlx.MapGet(n, k.Value); first != n.Content[i] {
				continue // reported by yamlx.Check
			}
		}
		name := k.Value
		distinct++
		// Depth-first: a child's path is done with before its sibling's.
		child := append(path, name)
		if r.propertyNames != nil {
			out = append(out, v.check(r.propertyNames, k, nil, child)...)
		}
		matched := false
		if sub, ok := r.propertyTable.get(name); ok {
			matched = true
			out = append(out, v.check(sub, n.Content[i+1], k, child)...)
			if r.propertiesUnpatterned {
				continue
			}
		}
		for j := range r.patternProperties {
			if p := &r.patternProperties[j]; p.matches(name) {
				matched = true
				out = append(out, v.check(p.rule, n.Content[i+1], k, child)...)
			}
		}
		if matched {
			continue
		}
		switch {
		case r.noAdditional && v.quiet:
			out = append(out, failed...)
		case r.noAdditional:
			msg := fmt.Sprintf("unknown key %q%s", name, in(where()))
			if s := diag.Suggest(name, r.propertyOrder); s != "" {
				msg += fmt.Sprintf(": did you mean %q?", s)
			} else if len(r.propertyOrder) > 0 {
				msg += " (allowed: " + strings.Join(r.propertyOrder, ", ") + "; extensions start with x-)"
			}
			out = append(out, diag.Diagnostic{Pos: v.pos(n.Content[i]), Severity: diag.Error, Rule: diag.RuleUnknownKey, Message: msg})
		case r.additional != nil:
			out = append(out, v.check(r.additional, n.Content[i+1], k, child)...)
		}
	}
	at := n
	if key != nil {
		at = key
	}
	for _, req := range r.required {
		if _, val := yamlx.MapGet(n, req); val == nil && v.quiet {
			out = append(out, failed...)
		} else if val == nil {
			out = append(out, diag.Diagnostic{Pos: v.pos(at), Severity: diag.Error, Rule: diag.RuleSchema, Message: fmt.Sprintf("missing required key %q%s", req, in(where()))})
		}
	}
	if r.minProps > 0 && distinct < r.minProps {
		if v.quiet {
			return append(out, failed...)
		}
		out = append(out, diag.Diagnostic{Pos: v.pos(n), Severity: diag.Error, Rule: diag.RuleSchema, Message: fmt.Sprintf("%s must name at least one persona", subject(where()))})
	}
	return out
}

// oneOf accepts a value that matches exactly one branch. When none
// matches, it reports the branch meant for the value's type: for an
// emotion of 7 the range error, not "must be a mapping".
func (v *validator) oneOf(r *rule, n, key *yaml.Node, path []string) []diag.Diagnostic {
	where := func() string { return field(path) }
	matched := 0
	for _, branch := range r.oneOf {
		if v.valid(branch, n, key, path) {
			matched++
		}
	}
	switch {
	case matched == 1:
		return nil
	case v.quiet:
		return failed
	case matched > 1:
		return []diag.Diagnostic{{Pos: v.pos(n), Severity: diag.Error, Rule: diag.RuleSchema, Message: fmt.Sprintf("%s matches more than one allowed form", subject(where()))}}
	}
	// No branch matches: spell out the findings of the one meant for the
	// value's type.
	var best []diag.Diagnostic
	for _, branch := range r.oneOf {
		errs := v.check(branch, n, key, path)
		typeOnly := len(errs) == 1 && strings.Contains(errs[0].Message, " must be ") && errs[0].Line == n.Line && errs[0].Col == n.Column
		if best == nil || !typeOnly {
			best = errs
		}
	}
	return best
}

func (v *validator) pos(n *yaml.Node) model.Pos {
	if n == nil {
		return model.Pos{File: v.file, Line: 1, Col: 1}
	}
	return model.Pos{File: v.file, Line: n.Line, Col: n.Column}
}

// kindOf names a node's JSON type (object, array, string, integer,
// number, boolean or null) and returns its bit in rule.typeMask.
// Timestamps and other tags are strings, as written.
func kindOf(n *yaml.Node) (string, uint8) {
	switch n.Kind {
	case yaml.MappingNode:
		return "object", kindObject
	case yaml.SequenceNode:
		return "array", kindArray
	}
	switch n.Tag {
	case "!!null":
		return "null", kindNull
	case "!!bool":
		return "boolean", kindBoolean
	case "!!int":
		return "integer", kindInteger
	case "!!float":
		return "number", kindNumber
	}
	return "string", kindString
}

// The JSON Schema types as bits of rule.typeMask.
const (
	kindObject uint8 = 1 << iota
	kindArray
	kindNull
	kindBoolean
	kindInteger
	kindNumber
	kindString
)

var kindBits = map[string]uint8{"object": kindObject, "array": kindArray, "null": kindNull, "boolean": kindBoolean, "integer": kindInteger, "number": kindNumber, "string": kindString}

// typeMatches reports whether a node of type got is one of want, a
// typeMask: "number" takes integers too (set when compiled), and
// "integer" takes a number with no fraction (JSON Schema counts 2.0).
func typeMatches(want uint8, n *yaml.Node, got string, gotBit uint8) bool {
	if want&gotBit != 0 {
		return true
	}
	if want&kindInteger != 0 && gotBit == kindNumber {
		if f, ok := numberOf(n, got); ok && f == math.Trunc(f) {
			return true
		}
	}
	return false
}

// ranged returns the number to hold to r's minimum and maximum; ok is
// false when r has neither, so most numbers are never read.
func (r *rule) ranged(n *yaml.Node, got string) (float64, bool) {
	if r.minimum == nil && r.maximum == nil {
		return 0, false
	}
	return numberOf(n, got)
}

func numberOf(n *yaml.Node, got string) (float64, bool) {
	if got != "integer" && got != "number" {
		return 0, false
	}
	f, ok := yamlx.Number(n)
	return f, ok && !math.IsNaN(f) && !math.IsInf(f, 0)
}

func (r *rule) inEnum(n *yaml.Node, got string) bool {
	if r.enumOfStrings != nil {
		_, in := r.enumOfStrings.get(n.Value)
		return got == "string" && in
	}
	for _, e := range r.enum {
		if equals(e, n, got) {
			return true
		}
	}
	return false
}

// equals compares a schema value (from JSON) with a node.
func equals(want any, n *yaml.Node, got string) bool {
	switch w := want.(type) {
	case string:
		return got == "string" && n.Value == w
	case float64:
		f, ok := numberOf(n, got)
		return ok && f == w
	case bool:
		return got == "boolean" && fmt.Sprint(w) == strings.ToLower(n.Value)
	case nil:
		return got == "null"
	}
	return false
}

func enumStrings(vs []any) []string {
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		out = append(out, fmt.Sprint(v))
	}
	return out
}

func show(n *yaml.Node, got string) string {
	switch got {
	case "string":
		return strconv.Quote(n.Value)
	case "null":
		return "empty"
	case "object":
		return "a mapping"
	case "array":
		return "a list"
	}
	return n.Value
}

func formatFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// shorterThan reports whether s has fewer than n characters, counting
// them only when its length in bytes leaves it open.
func shorterThan(s string, n int) bool {
	switch {
	case len(s) < n:
		return true
	case len(s) >= utf8.UTFMax*n:
		return false
	}
	return utf8.RuneCountInString(s) < n
}
