// Package yamlx parses YAML into position-keeping nodes with the limits a
// command-line tool needs against hostile input, and converts nodes into
// the JSON-like values that JSON Schema validation works on.
package yamlx

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"iter"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// MaxDepth is how deeply mappings and sequences may nest. A journey map
// needs about twelve levels; the cap keeps recursion and memory bounded.
const MaxDepth = 100

// MaxNodes bounds the values produced when aliases are expanded, so an
// alias bomb ("billion laughs") stops with an error instead of eating memory.
const MaxNodes = 1_000_000

// Error is a problem at a position of the source.
type Error struct {
	Line, Col int
	Msg       string
	// Structural is set when the YAML itself is fine but is not one
	// mapping document (empty, a list, several documents): a format
	// finding rather than a file that cannot be parsed.
	Structural bool
	// Empty is set when the document holds nothing (a structural error).
	Empty bool
}

// errEmpty is the error for a document with nothing in it, at line and col.
func errEmpty(line, col int) *Error {
	return &Error{Line: line, Col: col, Msg: "the file is empty: a journey file needs kind and version", Structural: true, Empty: true}
}

func (e *Error) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg) }

// lineRe splits yaml.v3's syntax errors; compiled for the first one.
var lineRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: line (\d+): (.*)$`) })

// Parse reads one YAML document into a node tree and returns its root
// (the document's content node). It rejects invalid UTF-8, NUL bytes, more
// than one document and empty input with a positioned *Error.
func Parse(src []byte) (*yaml.Node, error) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")) // a UTF-8 byte-order mark
	if err := checkText(src); err != nil {
		return nil, err
	}
	// Parsing from memory skips the reader's buffering, which costs the
	// streaming decoder a tenth of its time. yaml.Unmarshal reads the first
	// document only, so the decoder parses again when there may be more.
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, syntaxError(src, err)
	}
	if !mayHoldMore(src, &doc) {
		return rootOf(&doc)
	}
	return parseStream(src)
}

// parseStream parses src with the streaming decoder, which tells one
// document from several.
func parseStream(src []byte) (*yaml.Node, error) {
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(src))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, errEmpty(1, 1)
		}
		return nil, syntaxError(src, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, &Error{Line: extra.Line, Col: 1, Msg: "a second YAML document: a journey file holds exactly one (remove the `---` and what follows, or split it into its own file)", Structural: true}
	} else if !errors.Is(err, io.EOF) {
		return nil, syntaxError(src, err)
	}
	return rootOf(&doc)
}

// mayHoldMore reports whether src may hold more than the document doc
// that yaml.Unmarshal read from it: whether a line after the one its last
// node starts on begins with "---" or "...", the only way a stream holds
// another document. Only the end of the file is looked at, and only for
// a block mapping at the margin: before that line no line can start so
// (values are indented, comments start with '#'), and after it any line
// at the margin would be one of its keys. Lines are counted by "\n", so
// a file with other line breaks YAML knows (a lone "\r", NEL, LS, PS) is
// handed to the decoder.
func mayHoldMore(src []byte, doc *yaml.Node) bool {
	if !newlineBreaks(src) {
		return true
	}
	if len(doc.Content) == 0 {
		return true
	}
	if root := doc.Content[0]; root.Kind != yaml.MappingNode || root.Style&yaml.FlowStyle != 0 || root.Column != 1 {
		// Anything but a block mapping at the margin, as journey files
		// are: after a scalar, a flow collection or an indented one, the
		// next line may start another document without a marker.
		return true
	}
	last := doc
	for len(last.Content) > 0 {
		last = last.Content[len(last.Content)-1]
	}
	for line := bytes.Count(src, []byte("\n")) + 1; line > last.Line; line-- {
		i := bytes.LastIndexByte(src, '\n')
		if isDocumentMarker(src[i+1:]) {
			return true
		}
		src = src[:max(i, 0)]
	}
	return false
}

// newlineBreaks reports whether every line break in src is "\n" or
// "\r\n".
func newlineBreaks(src []byte) bool {
	for rest := src; ; {
		i := bytes.IndexByte(rest, '\r')
		if i < 0 {
			break
		}
		if i+1 == len(rest) || rest[i+1] != '\n' {
			return false
		}
		rest = rest[i+2:]
	}
	for _, br := range [...]string{"\u0085", "\u2028", "\u2029"} {
		if bytes.Contains(src, []byte(br)) {
			return false
		}
	}
	return true
}

func isDocumentMarker(line []byte) bool {
	return bytes.HasPrefix(line, []byte("---")) || bytes.HasPrefix(line, []byte("..."))
}

// rootOf checks that a parsed document is one mapping and returns it.
func rootOf(doc *yaml.Node) (*yaml.Node, error) {
	if len(doc.Content) == 0 {
		return nil, errEmpty(1, 1)
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return nil, errEmpty(root.Line, root.Column)
	}
	if root.Kind != yaml.MappingNode {
		return nil, &Error{Line: root.Line, Col: root.Column, Msg: fmt.Sprintf("the document is %s, not a mapping: a journey file starts with keys such as `kind: Journey`", describe(root)), Structural: true}
	}
	// Comments belong to the document; keep them on the root for fmt.
	root.HeadComment = joinComments(doc.HeadComment, root.HeadComment)
	root.FootComment = joinComments(root.FootComment, doc.FootComment)
	return root, nil
}

func joinComments(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "\n\n" + b
}

// checkText rejects bytes that are not UTF-8 text, with their position.
// Valid text, nearly every file, costs two fast scans; the position is
// worked out only for a file that fails.
func checkText(src []byte) error {
	if utf8.Valid(src) && bytes.IndexByte(src, 0) < 0 {
		return nil
	}
	line, col := 1, 1
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return &Error{Line: line, Col: col, Msg: fmt.Sprintf("invalid UTF-8 (byte 0x%02x): journey files are UTF-8 text", src[i])}
		case r == 0:
			return &Error{Line: line, Col: col, Msg: "a NUL byte: this is not a text file"}
		case r == '\n':
			line, col = line+1, 1
		default:
			col++
		}
		i += size
	}
	return nil
}

// syntaxError turns a yaml.v3 error into a positioned one. yaml.v3 gives a
// line but no column; where the line holds a tab in its indentation, point
// at the tab, the usual cause.
func syntaxError(src []byte, err error) error {
	msg := err.Error()
	line := 1
	if m := lineRe().FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	col := 1
	lines := bytes.Split(src, []byte("\n"))
	// yaml.v3 reports the context line, which can be above the fault: look
	// from there for a tab used as indentation.
	for l := line; l >= 1 && l <= len(lines) && l < line+3; l++ {
		text := lines[l-1]
		indent := len(text) - len(bytes.TrimLeft(text, " \t"))
		if i := bytes.IndexByte(text[:indent], '\t'); i >= 0 {
			return &Error{Line: l, Col: i + 1, Msg: "a tab in the indentation: YAML indents with spaces only"}
		}
	}
	if strings.Contains(msg, "exceeded max depth") {
		msg = "nesting too deep: " + msg
	}
	return &Error{Line: line, Col: col, Msg: "YAML syntax: " + msg}
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return "a single value"
	case yaml.AliasNode:
		return "an alias"
	}
	return "a mapping"
}

// Resolve follows aliases to the node they name.
func Resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < MaxDepth; i++ {
		n = n.Alias
	}
	return n
}

// Problem is something the conversion found that is not a syntax error:
// a duplicate key, a key that is not a string, a merge key.
type Problem struct {
	Line, Col int
	Kind      string // "duplicate-key", "key", "merge", "number"
	Msg       string
}

// ToValue converts a node tree into JSON-like values (map[string]any,
// []any, string, bool, int64, float64, nil) for schema validation: dates
// stay strings, keys are strings. It reports duplicate keys and other
// problems, and fails with *Error on nesting deeper than MaxDepth or alias
// expansion beyond MaxNodes.
func ToValue(n *yaml.Node) (any, []Problem, error) {
	c := &converter{build: true}
	v, err := c.convert(n, 0)
	return v, c.problems, err
}

// Check walks a node tree as ToValue does, with the same limits and
// problems, without building values: the cheap check before validation.
func Check(n *yaml.Node) ([]Problem, error) {
	c := &converter{}
	_, err := c.convert(n, 0)
	return c.problems, err
}

type converter struct {
	build    bool // false: only check
	nodes    int
	problems []Problem
}

func (c *converter) convert(n *yaml.Node, depth int) (any, error) {
	if depth > MaxDepth {
		return nil, &Error{Line: n.Line, Col: n.Column, Msg: fmt.Sprintf("nesting deeper than %d levels", MaxDepth)}
	}
	c.nodes++
	if c.nodes > MaxNodes {
		return nil, &Error{Line: n.Line, Col: n.Column, Msg: fmt.Sprintf("more than %d values once aliases are expanded: refusing an alias bomb", MaxNodes)}
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return c.convert(n.Content[0], depth)
	case yaml.AliasNode:
		if n.Alias == nil {
			return nil, &Error{Line: n.Line, Col: n.Column, Msg: "an alias to nothing"}
		}
		return c.convert(n.Alias, depth+1)
	case yaml.SequenceNode:
		return c.sequence(n, depth)
	case yaml.MappingNode:
		return c.mapping(n, depth)
	}
	if !c.build && n.Tag != "!!float" {
		return nil, nil // only floats can have a problem (NaN, infinity)
	}
	return c.scalar(n), nil
}

// sequence converts the entries of a sequence node.
func (c *converter) sequence(n *yaml.Node, depth int) ([]any, error) {
	var out []any
	if c.build {
		out = make([]any, 0, len(n.Content))
	}
	for _, item := range n.Content {
		if c.plain(item) {
			continue
		}
		v, err := c.convert(item, depth+1)
		if err != nil {
			return nil, err
		}
		if c.build {
			out = append(out, v)
		}
	}
	return out, nil
}

// mapping converts the values of a mapping node, reporting keys that are
// not plain strings and the second of a repeated key.
func (c *converter) mapping(n *yaml.Node, depth int) (map[string]any, error) {
	var out map[string]any
	if c.build {
		out = make(map[string]any, len(n.Content)/2)
	}
	// Most mappings hold a handful of keys: looking back over them is
	// cheaper than a set, which only a large mapping gets.
	var first map[string]*yaml.Node
	if len(n.Content) > 2*smallMapping {
		first = make(map[string]*yaml.Node, len(n.Content)/2)
	}
	var seen uint64 // KeyBit of every key so far: most keys need no look back
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, vn := Resolve(n.Content[i]), n.Content[i+1]
		if !c.usableKey(n.Content[i], k) {
			continue
		}
		bit := KeyBit(k.Value)
		if seen&bit == 0 && first == nil {
			seen |= bit
		} else if prev := earlier(n, i, first); prev != nil {
			c.problems = append(c.problems, Problem{k.Line, k.Column, "duplicate-key",
				fmt.Sprintf("duplicate key %q: already set at line %d", k.Value, prev.Line)})
			continue
		}
		if first != nil {
			first[k.Value] = k
		}
		if c.plain(vn) {
			continue
		}
		v, err := c.convert(vn, depth+1)
		if err != nil {
			return nil, err
		}
		if c.build {
			out[k.Value] = v
		}
	}
	return out, nil
}

// usableKey reports whether a mapping key is a plain string, and records
// the problem when it is not; written is the key node, k what it resolves
// to.
func (c *converter) usableKey(written, k *yaml.Node) bool {
	if k.Kind != yaml.ScalarNode {
		c.problems = append(c.problems, Problem{written.Line, written.Column, "key", "a key must be a plain string, not " + describe(k)})
		return false
	}
	if k.Tag == "!!merge" {
		c.problems = append(c.problems, Problem{k.Line, k.Column, "merge", "merge keys (`<<`) are not supported: write the fields out"})
		return false
	}
	return true
}

// KeyBit is a key's bit in a 64-bit set of a mapping's keys, from its
// length and its first and last bytes: a key whose bit is not in the set
// of earlier keys is none of them, without a comparison.
func KeyBit(key string) uint64 { return 1 << KeyIndex(key) }

// KeyIndex is the number, 0 to 63, of KeyBit's bit: a cheap hash of a key
// for small tables of names.
func KeyIndex(key string) uint {
	if key == "" {
		return 0
	}
	return (uint(len(key))*7 + uint(key[0]) + uint(key[len(key)-1])*3) % 64
}

// smallMapping is the most keys a mapping has for duplicates to be found
// by looking back instead of through a set.
const smallMapping = 16

// earlier returns the key before position i of mapping m with the same
// value as the key at i, or nil. first holds the keys seen so far when m
// is large, and is nil otherwise.
func earlier(m *yaml.Node, i int, first map[string]*yaml.Node) *yaml.Node {
	name := Resolve(m.Content[i]).Value
	if first != nil {
		return first[name]
	}
	for j := 0; j < i; j += 2 {
		if k := Resolve(m.Content[j]); k.Kind == yaml.ScalarNode && k.Tag != "!!merge" && k.Value == name {
			return k
		}
	}
	return nil
}

// plain reports whether a check (not a build) can pass over n without a
// visit: a scalar that is not a float has nothing to report. Most nodes
// are such scalars; they still count towards the alias budget.
func (c *converter) plain(n *yaml.Node) bool {
	if c.build || n.Kind != yaml.ScalarNode || n.Tag == "!!float" {
		return false
	}
	c.nodes++
	return true
}

func (c *converter) scalar(n *yaml.Node) any {
	switch n.Tag {
	case "!!null":
		return nil
	case "!!bool":
		var b bool
		if n.Decode(&b) == nil {
			return b
		}
	case "!!int":
		var i int64
		if n.Decode(&i) == nil {
			return i
		}
		var f float64
		if n.Decode(&f) == nil {
			return f
		}
	case "!!float":
		if f, ok := Number(n); ok {
			if math.IsNaN(f) || math.IsInf(f, 0) {
				c.problems = append(c.problems, Problem{n.Line, n.Column, "number", fmt.Sprintf("%s is not a finite number", n.Value)})
				return n.Value
			}
			return f
		}
	}
	return n.Value // strings, timestamps (kept as written), binary, custom tags
}

// Number reads an !!int or !!float scalar as a float64, NaN and the
// infinities included; ok is false for other nodes. Plain numbers, nearly
// all there are, are read with strconv as yaml.v3 reads them, without
// starting its decoder.
func Number(n *yaml.Node) (f float64, ok bool) {
	switch n.Tag {
	case "!!int":
		if i, ok := Int(n); ok {
			return float64(i), true
		}
		// Beyond 64 bits: the decoder reads it as a float.
	case "!!float":
		if f, err := strconv.ParseFloat(n.Value, 64); err == nil {
			return f, true
		}
	default:
		return 0, false
	}
	return decodeNumber(n)
}

// Int reads an !!int scalar as yaml.v3's decoder does; ok is false for
// other nodes and for integers beyond 64 bits.
func Int(n *yaml.Node) (int64, bool) {
	if n.Tag != "!!int" {
		return 0, false
	}
	if i, err := strconv.ParseInt(n.Value, 0, 64); err == nil {
		return i, true
	}
	var i int64
	err := n.Decode(&i)
	return i, err == nil
}

// decodeNumber is Number for what strconv does not read (.inf, 1_000.5,
// 0b101, integers beyond int64): the decoder's own rules.
func decodeNumber(n *yaml.Node) (float64, bool) {
	var f float64
	err := n.Decode(&f)
	return f, err == nil
}

// CommentLines yields each line of the head, line and foot comments of a
// node tree, as the parser kept them ("# text", leading spaces included).
func CommentLines(root *yaml.Node) iter.Seq[string] {
	return slices.Values(Comments(root))
}

// Comments returns each line of the head, line and foot comments of a
// node tree, as the parser kept them ("# text", leading spaces included).
func Comments(root *yaml.Node) []string {
	if root == nil {
		return nil
	}
	return appendComments(nil, root)
}

func appendComments(out []string, n *yaml.Node) []string {
	if n.HeadComment != "" || n.LineComment != "" || n.FootComment != "" {
		for _, c := range [...]string{n.HeadComment, n.LineComment, n.FootComment} {
			for c != "" {
				var line string
				line, c, _ = strings.Cut(c, "\n")
				if line != "" {
					out = append(out, line)
				}
			}
		}
	}
	for _, child := range n.Content {
		out = appendComments(out, child)
	}
	return out
}

// MapGet returns the key and value nodes of the first occurrence of key in
// a mapping node.
func MapGet(m *yaml.Node, key string) (k, v *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if kn := Resolve(m.Content[i]); kn.Kind == yaml.ScalarNode && kn.Value == key {
			return m.Content[i], m.Content[i+1]
		}
	}
	return nil, nil
}
