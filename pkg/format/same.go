package format

import (
	"fmt"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/journey-maps/journey/pkg/yamlx"
)

// SameData checks that two versions of a file hold the same data: the same
// values once parsed, every key included (x- and unknown ones too). The
// journey model is decoded from those values alone, so it is the same too.
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
// one parse.
type facts struct {
	values   any
	comments []string
	// parsed is false for a file that does not parse as one mapping.
	parsed bool
	// err is why the file has no values: it does not parse, or the
	// conversion refused it (nesting, aliases); a *yamlx.Error.
	err error
}

// read parses a file and takes its values and comments from the tree.
func read(src []byte) *facts {
	r := &facts{}
	root, err := yamlx.Parse(src)
	if err != nil {
		r.err = err
		return r
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
	if where, ok := firstDifference(a.values, b.values, ""); !ok {
		return fmt.Errorf("values differ at %s", where)
	}
	return nil
}

// firstDifference compares two values as yamlx.ToValue makes them and
// names the first place they differ ("stages[2].name"); ok when equal.
func firstDifference(a, b any, at string) (where string, ok bool) {
	here := at
	if here == "" {
		here = "the top"
	}
	switch x := a.(type) {
	case map[string]any:
		y, isMap := b.(map[string]any)
		if !isMap || len(x) != len(y) {
			return here, false
		}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			yv, has := y[k]
			path := k
			if at != "" {
				path = at + "." + k
			}
			if !has {
				return path, false
			}
			if w, ok := firstDifference(x[k], yv, path); !ok {
				return w, false
			}
		}
		return "", true
	case []any:
		y, isList := b.([]any)
		if !isList || len(x) != len(y) {
			return here, false
		}
		for i := range x {
			if w, ok := firstDifference(x[i], y[i], fmt.Sprintf("%s[%d]", at, i)); !ok {
				return w, false
			}
		}
		return "", true
	}
	if a != b {
		return here, false
	}
	return "", true
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
