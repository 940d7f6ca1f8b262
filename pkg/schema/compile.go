package schema

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/journey-maps/journey/pkg/yamlx"
)

// rule is one compiled subschema of the journey schema. Only the keywords
// the schema uses are supported; compile fails on any other, so the schema
// cannot grow a keyword that is silently not enforced.
type rule struct {
	def string // the $defs entry this subschema belongs to, for did-you-mean

	ref      string // "#/$defs/name"
	target   *rule  // the definition ref names, set once the schema is compiled
	types    []string
	typeMask uint8 // kindBits of types; "number" includes "integer"
	enum     []any
	// enumOfStrings holds enum when every value is a string, as in all of
	// the schema's enums: looked up without a type switch or a scan.
	enumOfStrings *nameTable
	hasConst      bool
	constant      any
	minimum       *float64
	maximum       *float64
	minLength     int
	minProps      int
	pattern       func(string) bool // nil: no pattern
	patternSrc    string
	format        string

	required          []string
	properties        map[string]*rule
	propertyTable     *nameTable // properties by yamlx.KeyIndex, for lookups
	propertyOrder     []string   // sorted, for messages
	patternProperties []patternRule
	// propertiesUnpatterned is set when no property's name matches a
	// pattern of patternProperties ("^x-" against "name"): a key found
	// among the properties needs no pattern tried.
	propertiesUnpatterned bool
	additional            *rule // nil: anything allowed
	noAdditional          bool  // additionalProperties: false
	propertyNames         *rule
	items                 *rule
	oneOf                 []*rule
	ifRule                *rule
	thenRule              *rule
	elseRule              *rule
}

type patternRule struct {
	re   *regexp.Regexp
	rule *rule
	// prefix is set when the pattern only asks for a literal start ("^x-"),
	// tested without the regular expression: every key of most objects is.
	prefix   string
	isPrefix bool
}

// matches reports whether a property name matches the pattern.
func (p *patternRule) matches(name string) bool {
	if p.isPrefix {
		return strings.HasPrefix(name, p.prefix)
	}
	return p.re.MatchString(name)
}

// nameTable finds a rule by name without hashing the name: a schema's
// properties (every key of every mapping is looked up, and a map lookup
// was a fifth of the schema walk), or the strings of an enum. Names are
// spread by yamlx.KeyIndex; a slot holds the first name of its index, and
// the rare second one goes to more.
type nameTable struct {
	slots [64]property
	more  []property // names whose slot was taken
}

type property struct {
	name     string
	rule     *rule
	collided bool // more holds a name of the same index
}

func newNameTable(props map[string]*rule) *nameTable {
	t := &nameTable{}
	names := make([]string, 0, len(props))
	for name := range props {
		names = append(names, name)
	}
	sort.Strings(names) // the same table every run
	for _, name := range names {
		slot := &t.slots[yamlx.KeyIndex(name)]
		if slot.rule == nil {
			*slot = property{name: name, rule: props[name]}
			continue
		}
		slot.collided = true
		t.more = append(t.more, property{name: name, rule: props[name]})
	}
	return t
}

func (t *nameTable) get(name string) (*rule, bool) {
	if t == nil {
		return nil, false
	}
	slot := &t.slots[yamlx.KeyIndex(name)]
	if slot.name == name && slot.rule != nil {
		return slot.rule, true
	}
	if slot.collided {
		for _, p := range t.more {
			if p.name == name {
				return p.rule, true
			}
		}
	}
	return nil, false
}

// idPattern is the pattern of ids: checked for every id and every
// reference, so it is matched by isKebab, a byte loop, instead of the
// regular expression (TestIsKebab holds the two to the same answers).
const idPattern = `^[a-z0-9]+(-[a-z0-9]+)*$`

func compilePattern(src string) (func(string) bool, error) {
	if src == idPattern {
		return isKebab, nil
	}
	re, err := regexp.Compile(src)
	if err != nil {
		return nil, err
	}
	return re.MatchString, nil
}

// isKebab matches idPattern: runs of a-z and 0-9 joined by single hyphens.
func isKebab(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// compiled is the whole schema: the root and the $defs by name.
type compiled struct {
	root *rule
	defs map[string]*rule
}

var knownKeywords = map[string]bool{
	"$schema": true, "$id": true, "$defs": true, "$ref": true, "title": true, "description": true,
	"type": true, "enum": true, "const": true, "minimum": true, "maximum": true, "minLength": true,
	"minProperties": true, "pattern": true, "format": true, "required": true, "properties": true,
	"patternProperties": true, "additionalProperties": true, "propertyNames": true, "items": true,
	"oneOf": true, "if": true, "then": true, "else": true,
}

func compileSchema(raw []byte) (*compiled, error) {
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		return nil, err
	}
	c := &compiled{defs: map[string]*rule{}}
	defs, _ := doc["$defs"].(map[string]any)
	for name, d := range defs {
		m, ok := d.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("$defs/%s is not an object", name)
		}
		r, err := c.compile(m, name, "#/$defs/"+name)
		if err != nil {
			return nil, err
		}
		c.defs[name] = r
	}
	root, err := c.compile(doc, "", "#")
	if err != nil {
		return nil, err
	}
	c.root = root
	// Every reference must name a definition; each is linked to it.
	var check func(r *rule) error
	seen := map[*rule]bool{}
	check = func(r *rule) error {
		if r == nil || seen[r] {
			return nil
		}
		seen[r] = true
		if r.ref != "" {
			if r.target = c.defs[strings.TrimPrefix(r.ref, "#/$defs/")]; r.target == nil {
				return fmt.Errorf("unresolved $ref %s", r.ref)
			}
		}
		for _, sub := range r.children() {
			if err := check(sub); err != nil {
				return err
			}
		}
		return nil
	}
	if err := check(c.root); err != nil {
		return nil, err
	}
	for _, d := range c.defs {
		if err := check(d); err != nil {
			return nil, err
		}
	}
	return c, nil
}

func (r *rule) children() []*rule {
	out := []*rule{r.additional, r.propertyNames, r.items, r.ifRule, r.thenRule, r.elseRule}
	out = append(out, r.oneOf...)
	for _, p := range r.properties {
		out = append(out, p)
	}
	for _, p := range r.patternProperties {
		out = append(out, p.rule)
	}
	return out
}

// compile compiles the subschema v, found at where in the schema (a
// JSON pointer, for errors), of the definition def.
func (c *compiled) compile(v any, def, where string) (*rule, error) {
	r := &rule{def: def}
	if b, ok := v.(bool); ok {
		if !b {
			return nil, fmt.Errorf("%s: false schemas are not supported", where)
		}
		return r, nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s: a schema must be an object", where)
	}
	for k, val := range m {
		if !knownKeywords[k] {
			return nil, fmt.Errorf("%s: keyword %q is not supported by the validator", where, k)
		}
		if err := c.keyword(r, k, val, where); err != nil {
			return nil, err
		}
	}
	r.propertiesUnpatterned = !r.propertyMatchesAPattern()
	return r, nil
}

// keyword compiles one keyword of the subschema at where into r. The
// errors of subschemas it holds already say where they are.
func (c *compiled) keyword(r *rule, k string, val any, where string) error {
	var err error
	switch k {
	case "properties":
		return c.properties(r, val.(map[string]any), where)
	case "patternProperties":
		return c.patternProperties(r, val.(map[string]any), where)
	case "oneOf":
		return c.oneOf(r, val.([]any), where)
	case "additionalProperties", "propertyNames", "items", "if", "then", "else":
		err = c.applicator(r, k, val, where)
	case "type":
		err = r.setTypes(val)
	case "enum":
		r.setEnum(val)
	default:
		err = r.assertion(k, val)
	}
	if err != nil {
		return fmt.Errorf("%s/%s: %w", where, k, err)
	}
	return nil
}

// assertion compiles a keyword that tests the value itself; annotations
// ($schema, title, description...) compile to nothing.
func (r *rule) assertion(k string, val any) error {
	var err error
	switch k {
	case "$ref":
		r.ref, _ = val.(string)
		if !strings.HasPrefix(r.ref, "#/$defs/") {
			err = fmt.Errorf("only local $defs references are supported")
		}
	case "const":
		r.hasConst, r.constant = true, val
	case "minimum":
		f, _ := val.(float64)
		r.minimum = &f
	case "maximum":
		f, _ := val.(float64)
		r.maximum = &f
	case "minLength":
		f, _ := val.(float64)
		r.minLength = int(f)
	case "minProperties":
		f, _ := val.(float64)
		r.minProps = int(f)
	case "pattern":
		r.patternSrc, _ = val.(string)
		r.pattern, err = compilePattern(r.patternSrc)
	case "format":
		r.format, _ = val.(string)
		if r.format != "date" {
			err = fmt.Errorf("format %q is not supported", r.format)
		}
	case "required":
		for _, x := range val.([]any) {
			r.required = append(r.required, fmt.Sprint(x))
		}
	}
	return err
}

// setTypes compiles `type`: one name or a list of them.
func (r *rule) setTypes(val any) error {
	switch t := val.(type) {
	case string:
		r.types = []string{t}
	case []any:
		for _, x := range t {
			r.types = append(r.types, fmt.Sprint(x))
		}
	}
	var err error
	for _, t := range r.types {
		bit, ok := kindBits[t]
		if !ok {
			err = fmt.Errorf("unknown type %q", t)
		}
		r.typeMask |= bit
		if t == "number" {
			r.typeMask |= kindInteger
		}
	}
	return err
}

// setEnum compiles `enum`, into a name table when every value is a string.
func (r *rule) setEnum(val any) {
	r.enum, _ = val.([]any)
	strs := map[string]*rule{}
	for _, e := range r.enum {
		s, ok := e.(string)
		if !ok {
			return
		}
		strs[s] = r // any rule: the table is a set
	}
	r.enumOfStrings = newNameTable(strs)
}

// properties compiles `properties`: a subschema by key name.
func (c *compiled) properties(r *rule, props map[string]any, where string) error {
	r.properties = map[string]*rule{}
	for name, sub := range props {
		var err error
		if r.properties[name], err = c.compile(sub, r.def, where+"/properties/"+name); err != nil {
			return err
		}
		r.propertyOrder = append(r.propertyOrder, name)
	}
	sort.Strings(r.propertyOrder)
	r.propertyTable = newNameTable(r.properties)
	return nil
}

// patternProperties compiles `patternProperties`: a subschema by key
// pattern, with the patterns that only ask for a literal start marked.
func (c *compiled) patternProperties(r *rule, props map[string]any, where string) error {
	for src, sub := range props {
		re, err := regexp.Compile(src)
		if err != nil {
			return err
		}
		pr, err := c.compile(sub, r.def, where+"/patternProperties")
		if err != nil {
			return err
		}
		lit, isPrefix := strings.CutPrefix(src, "^")
		isPrefix = isPrefix && regexp.QuoteMeta(lit) == lit
		r.patternProperties = append(r.patternProperties, patternRule{re: re, rule: pr, prefix: lit, isPrefix: isPrefix})
	}
	return nil
}

// oneOf compiles `oneOf`: its branches in order.
func (c *compiled) oneOf(r *rule, branches []any, where string) error {
	for i, sub := range branches {
		s, err := c.compile(sub, r.def, fmt.Sprintf("%s/oneOf/%d", where, i))
		if err != nil {
			return err
		}
		r.oneOf = append(r.oneOf, s)
	}
	return nil
}

// applicator compiles a keyword that holds one subschema applied to the
// value or its parts: additionalProperties (or false), propertyNames,
// items, if, then, else.
func (c *compiled) applicator(r *rule, k string, val any, where string) error {
	var err error
	switch k {
	case "additionalProperties":
		if b, ok := val.(bool); ok && !b {
			r.noAdditional = true
			return nil
		}
		r.additional, err = c.compile(val, r.def, where+"/additionalProperties")
	case "propertyNames":
		r.propertyNames, err = c.compile(val, r.def, where+"/propertyNames")
	case "items":
		r.items, err = c.compile(val, r.def, where+"/items")
	case "if":
		r.ifRule, err = c.compile(val, r.def, where+"/if")
	case "then":
		r.thenRule, err = c.compile(val, r.def, where+"/then")
	case "else":
		r.elseRule, err = c.compile(val, r.def, where+"/else")
	}
	return err
}

// propertyMatchesAPattern reports whether the name of one of r's
// properties matches a pattern of its patternProperties.
func (r *rule) propertyMatchesAPattern() bool {
	for name := range r.properties {
		for i := range r.patternProperties {
			if r.patternProperties[i].matches(name) {
				return true
			}
		}
	}
	return false
}
