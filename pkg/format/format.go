// Package format writes journey files in their canonical layout: keys in
// the order of the JSON Schema, two-space indentation, block style, lists
// of short scalars in flow style where they fit on a line, and a blank line
// before each top-level section and between stages. Comments and x- keys
// are kept, and the data never changes: Source checks that the formatted
// file loads into the same model as the original before returning it.
package format

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/journey-maps/journey/pkg/yamlx"
)

// Width is the line length that flow-style lists must fit in.
const Width = 100

// MaxFlowItem is the longest scalar (in characters) a flow-style list may
// hold; lists of longer texts read better one item per line.
const MaxFlowItem = 50

// ErrParse wraps the reason a file cannot be formatted because it is not
// a YAML mapping document; the *yamlx.Error inside has the position.
var ErrParse = errors.New("cannot parse")

// Source returns src in canonical layout. A file that does not parse is
// refused with an error wrapping ErrParse (and a *yamlx.Error); one whose
// formatted form would not hold the same data is refused too.
func Source(src []byte) ([]byte, error) {
	before := read(src)
	if !before.parsed {
		return nil, fmt.Errorf("%w: %w", ErrParse, before.err)
	}
	out, err := layout(src)
	if err != nil {
		return nil, err
	}
	// More passes settle comments that yaml.v3 attaches differently once
	// the canonical layout is in place (blank lines, a list now in flow
	// style); the layout of a layout is usually itself after one more.
	for range 4 {
		again, err := layout(out)
		if err != nil || bytes.Equal(again, out) {
			break
		}
		out = again
	}
	after := read(out)
	if err := sameData(before, after); err != nil {
		return nil, fmt.Errorf("formatting would change the data, file left as is: %w", err)
	}
	if err := sameComments(before.comments, after.comments); err != nil {
		return nil, fmt.Errorf("formatting would lose a comment, file left as is: %w", err)
	}
	return out, nil
}

func layout(src []byte) ([]byte, error) {
	jshape, pshape, err := shapes()
	if err != nil {
		return nil, err
	}
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrParse, err)
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%w: not a mapping", ErrParse)
	}
	root := doc.Content[0]
	sh := jshape
	if _, kind := yamlx.MapGet(root, "kind"); kind != nil && kind.Value == "Personas" {
		sh = pshape
	}
	literalFolds(root)
	head := takeFileHead(root)
	f := &formatter{}
	f.mapping(root, sh, 0)
	putFileHead(root, head)
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, fmt.Errorf("cannot write the formatted file: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return blankLines(buf.Bytes())
}

type formatter struct{}

// takeFileHead takes the comments above the first key of the file off that
// key. yaml.v3 gives them to the first key when no blank line separates
// them from it, but they are the file's (a yaml-language-server modeline,
// a licence): putFileHead puts them back above whatever key comes first
// once the keys are in order, so they stay at the top (docs/format.md).
func takeFileHead(root *yaml.Node) string {
	if len(root.Content) == 0 {
		return ""
	}
	head := root.Content[0].HeadComment
	root.Content[0].HeadComment = ""
	return head
}

// putFileHead puts the file's head comments above the first key, a blank
// line apart from that key's own comments.
func putFileHead(root *yaml.Node, head string) {
	if head == "" || len(root.Content) == 0 {
		return
	}
	first := root.Content[0]
	if first.HeadComment != "" {
		head += "\n\n" + first.HeadComment
	}
	first.HeadComment = head
}

// literalFolds writes in literal style the folded scalars that yaml.v3
// cannot write back folded: those with a more-indented line (a line that
// starts with a space or tab keeps its line break when folded, and the
// encoder loses it).
func literalFolds(n *yaml.Node) {
	if n.Kind == yaml.ScalarNode && n.Style&yaml.FoldedStyle != 0 &&
		(strings.Contains(n.Value, "\n ") || strings.Contains(n.Value, "\n\t") ||
			strings.HasPrefix(n.Value, " ") || strings.HasPrefix(n.Value, "\t")) {
		n.Style = n.Style&^yaml.FoldedStyle | yaml.LiteralStyle
	}
	for _, c := range n.Content {
		literalFolds(c)
	}
}

// mapping orders the keys of an object and lays out its values. col is
// the column its keys start at.
func (f *formatter) mapping(n *yaml.Node, sh *shape, col int) {
	n.Style &^= yaml.FlowStyle
	if sh != nil {
		reorder(n, sh)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		var child *shape
		free := false
		if sh != nil && k.Kind == yaml.ScalarNode {
			child = sh.children[k.Value]
			free = sh.free[k.Value]
		}
		f.value(k, v, child, free, col)
	}
}

// value lays out the value of key k.
func (f *formatter) value(k, v *yaml.Node, sh *shape, free bool, col int) {
	keyLen := utf8.RuneCountInString(k.Value) + 2 // "key: "
	// A comment on the key's line is the collection's while its style is
	// chosen, so that it counts in the width of a flow collection (which
	// is where it came from on a second pass).
	if (v.Kind == yaml.MappingNode || v.Kind == yaml.SequenceNode) && k.LineComment != "" {
		v.LineComment = joinComments(k.LineComment, v.LineComment)
		k.LineComment = ""
	}
	switch v.Kind {
	case yaml.MappingNode:
		if free && flowFits(v, col+keyLen) {
			v.Style |= yaml.FlowStyle
			return
		}
		f.mapping(v, sh, col+2)
	case yaml.SequenceNode:
		f.sequence(v, sh, col, col+keyLen)
	}
	// The line comment of a flow collection written in block style would
	// be lost: it goes on the key's line.
	if v.Style&yaml.FlowStyle == 0 && v.LineComment != "" {
		k.LineComment = joinComments(k.LineComment, v.LineComment)
		v.LineComment = ""
	}
}

func joinComments(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " " + b
}

// sequence lays out a list whose items start at col+2 in block style, or
// at flowCol in flow style.
func (f *formatter) sequence(n *yaml.Node, sh *shape, col, flowCol int) {
	if flowFits(n, flowCol) {
		n.Style |= yaml.FlowStyle
		return
	}
	n.Style &^= yaml.FlowStyle
	for _, item := range n.Content {
		switch item.Kind {
		case yaml.MappingNode:
			f.mapping(item, sh, col+4)
		case yaml.SequenceNode:
			f.sequence(item, sh, col+2, col+4)
		}
	}
}

// flowFits reports whether a collection of short scalars without comments
// fits on the line from column col in flow style.
func flowFits(n *yaml.Node, col int) bool {
	if n.HeadComment != "" || n.FootComment != "" || n.Anchor != "" {
		return false
	}
	for _, item := range n.Content {
		if item.Kind != yaml.ScalarNode || item.Anchor != "" || item.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 ||
			item.HeadComment != "" || item.LineComment != "" || item.FootComment != "" ||
			strings.ContainsAny(item.Value, "\n\r") || utf8.RuneCountInString(item.Value) > MaxFlowItem {
			return false
		}
	}
	flow := *n
	flow.Style = yaml.FlowStyle
	flow.LineComment = ""
	out, err := yaml.Marshal(&flow)
	if err != nil {
		return false
	}
	text := strings.TrimSuffix(string(out), "\n")
	if strings.Contains(text, "\n") {
		return false
	}
	width := col + utf8.RuneCountInString(text)
	if n.LineComment != "" {
		width += 1 + utf8.RuneCountInString(n.LineComment)
	}
	return width <= Width
}

// reorder sorts the pairs of a mapping: keys of the schema in its order,
// then the others (x- extensions, unknown keys) in their original order.
func reorder(n *yaml.Node, sh *shape) {
	type pair struct {
		k, v *yaml.Node
		rank int
		at   int
	}
	pairs := make([]pair, 0, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		r, known := len(sh.keys), false
		if k.Kind == yaml.ScalarNode && k.Tag != "!!merge" {
			r, known = sh.rank[k.Value]
		}
		if !known {
			r = len(sh.keys)
		}
		pairs = append(pairs, pair{k, n.Content[i+1], r, i})
	}
	// Insertion sort keeps equal ranks (duplicates, extensions) in order.
	for i := 1; i < len(pairs); i++ {
		for j := i; j > 0 && pairs[j].rank < pairs[j-1].rank; j-- {
			pairs[j], pairs[j-1] = pairs[j-1], pairs[j]
		}
	}
	// A comment at the foot of the mapping stays at its foot.
	if len(pairs) > 1 {
		last := pairs[len(pairs)-1]
		for _, p := range pairs[:len(pairs)-1] {
			if p.at == len(n.Content)-2 {
				for _, node := range []*yaml.Node{p.v, p.k} {
					if node.FootComment != "" && last.v.FootComment == "" && last.k.FootComment == "" {
						last.k.FootComment, node.FootComment = node.FootComment, ""
					}
				}
			}
		}
	}
	n.Content = n.Content[:0]
	for _, p := range pairs {
		n.Content = append(n.Content, p.k, p.v)
	}
}

// blankLines puts a blank line before each top-level key whose value is a
// block collection and between the items of top-level lists of objects
// (stages), above the comments that belong to them.
func blankLines(out []byte) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(out, &doc); err != nil {
		return nil, fmt.Errorf("the formatted file does not parse: %w", err)
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return out, nil
	}
	root := doc.Content[0]
	// 1-based lines to put a blank line above, with the indentation of
	// the comments above them that belong to them.
	before := map[int]int{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if v.Style&yaml.FlowStyle != 0 || len(v.Content) == 0 {
			continue
		}
		if i > 0 {
			before[k.Line] = k.Column - 1
		}
		if v.Kind == yaml.SequenceNode && k.Value == "stages" {
			for j, item := range v.Content {
				if j > 0 && item.Kind == yaml.MappingNode {
					before[item.Line] = max(0, item.Column-3) // "- " comes first
				}
			}
		}
	}
	lines := strings.SplitAfter(string(out), "\n")
	// A comment at the indentation of the item is its head comment and
	// goes below the blank line; a deeper one is the foot of what comes
	// before and stays above it.
	isComment := func(l string, indent int) bool {
		t := strings.TrimLeft(l, " ")
		return strings.HasPrefix(t, "#") && len(l)-len(t) == indent
	}
	isBlank := func(l string) bool { return strings.TrimSpace(l) == "" }
	insert := map[int]bool{} // 0-based line index to put a blank line above
	for line, indent := range before {
		at := line - 1
		for at > 0 && isComment(lines[at-1], indent) {
			at--
		}
		if at > 0 && !isBlank(lines[at-1]) {
			insert[at] = true
		}
	}
	var b strings.Builder
	for i, l := range lines {
		if insert[i] {
			b.WriteString("\n")
		}
		b.WriteString(l)
	}
	return []byte(b.String()), nil
}
