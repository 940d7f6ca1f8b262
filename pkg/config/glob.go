package config

import (
	"errors"
	"path"
	"strings"
)

// ValidGlob checks the syntax of a glob.
func ValidGlob(glob string) error {
	for _, seg := range strings.Split(strings.TrimPrefix(glob, "./"), "/") {
		if seg == "**" {
			continue
		}
		if _, err := path.Match(seg, ""); err != nil {
			return errors.New("not a valid glob (check its brackets)")
		}
	}
	return nil
}

// Match reports whether a slash-separated path matches a glob. Within a
// segment, * ? and [...] work as in path.Match; a `**` segment matches any
// number of segments, none included, so "legacy/**" matches every file
// under legacy/ and "**/*.journey.yaml" every map at any depth.
//
// It takes time in proportion to the number of glob segments times the
// number of path segments, whatever the glob: ** segments are not tried
// one way after another but followed all at once.
func Match(glob, name string) bool {
	return compileGlob(glob).matchSegs(splitPath(name), nil)
}

func splitPath(name string) []string {
	return strings.Split(strings.TrimPrefix(name, "./"), "/")
}

// glob is a compiled glob: its segments, consecutive ** made one.
type glob struct {
	segs []segment
	// base is set for a glob without a slash, which also matches the
	// base name of a path (docs/rules.md).
	base bool
}

// segment is one segment of a glob, with the shapes that need no
// path.Match picked out.
type segment struct {
	pattern string
	kind    segmentKind
	literal string // the text of a literal, or the suffix of *suffix
}

type segmentKind int

const (
	segPattern segmentKind = iota // anything else: path.Match
	segAny                        // **: any number of segments
	segStar                       // *: any one segment
	segLiteral                    // no wildcard: that segment
	segSuffix                     // *suffix, such as *.journey.yaml
)

func compileGlob(pattern string) glob {
	pattern = strings.TrimPrefix(pattern, "./")
	g := glob{base: !strings.Contains(pattern, "/")}
	for _, s := range strings.Split(pattern, "/") {
		seg := segment{pattern: s}
		const meta = `*?[\`
		switch {
		case s == "**":
			if n := len(g.segs); n > 0 && g.segs[n-1].kind == segAny {
				continue
			}
			seg.kind = segAny
		case s == "*":
			seg.kind = segStar
		case !strings.ContainsAny(s, meta):
			seg.kind, seg.literal = segLiteral, s
		case s[0] == '*' && !strings.ContainsAny(s[1:], meta):
			seg.kind, seg.literal = segSuffix, s[1:]
		}
		g.segs = append(g.segs, seg)
	}
	return g
}

func (s segment) matches(name string) bool {
	switch s.kind {
	case segStar:
		return true
	case segLiteral:
		return name == s.literal
	case segSuffix:
		return strings.HasSuffix(name, s.literal)
	}
	ok, err := path.Match(s.pattern, name)
	return err == nil && ok
}

// match reports whether the path segments match the glob, or, for a glob
// without a slash, whether the base name does. scratch is reused for the
// work when it is long enough.
func (g glob) match(name []string, scratch []bool) bool {
	if g.matchSegs(name, scratch) {
		return true
	}
	return g.base && len(name) > 1 && g.matchSegs(name[len(name)-1:], scratch)
}

// matchSegs follows every way the glob can match at once: at[i] is true
// when the segments read so far can be matched by the first i glob
// segments (a non-backtracking automaton).
func (g glob) matchSegs(name []string, scratch []bool) bool {
	n := len(g.segs)
	if cap(scratch) < 2*(n+1) {
		scratch = make([]bool, 2*(n+1))
	}
	at, next := scratch[:n+1], scratch[n+1:2*(n+1)]
	clear(at)
	at[0] = true
	g.skipAny(at)
	for _, seg := range name {
		clear(next)
		alive := false
		for i, s := range g.segs {
			if !at[i] {
				continue
			}
			if s.kind == segAny {
				next[i], alive = true, true // ** takes this segment too
			} else if s.matches(seg) {
				next[i+1], alive = true, true
			}
		}
		if !alive {
			return false
		}
		g.skipAny(next)
		at, next = next, at
	}
	return at[n]
}

// skipAny marks that a ** may match no segment at all.
func (g glob) skipAny(at []bool) {
	for i, s := range g.segs {
		if at[i] && s.kind == segAny {
			at[i+1] = true
		}
	}
}
