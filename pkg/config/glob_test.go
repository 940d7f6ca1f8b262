package config

import (
	"path"
	"strings"
	"testing"
)

// backtrack is the plain definition of Match: a ** segment tries every
// number of segments in turn. Exponential on hostile globs; here it is
// the reference the automaton must agree with.
func backtrack(g, n []string) bool {
	for len(g) > 0 {
		if g[0] == "**" {
			for i := 0; i <= len(n); i++ {
				if backtrack(g[1:], n[i:]) {
					return true
				}
			}
			return false
		}
		if len(n) == 0 {
			return false
		}
		if ok, err := path.Match(g[0], n[0]); err != nil || !ok {
			return false
		}
		g, n = g[1:], n[1:]
	}
	return len(n) == 0
}

// TestMatchAgreesWithBacktracking compares Match with the reference on
// every glob of up to three segments and every path of up to four
// segments built from a few shapes.
func TestMatchAgreesWithBacktracking(t *testing.T) {
	globSegs := []string{"**", "*", "a", "b", "*.yaml", "a*", "?", "[ab]", "x.yaml", `\*`}
	nameSegs := []string{"a", "b", "x.yaml", "*", ""}
	var globs, names [][]string
	var grow func(into *[][]string, from []string, cur []string, depth int)
	grow = func(into *[][]string, from []string, cur []string, depth int) {
		if len(cur) > 0 {
			*into = append(*into, append([]string(nil), cur...))
		}
		if depth == 0 {
			return
		}
		for _, s := range from {
			grow(into, from, append(cur, s), depth-1)
		}
	}
	grow(&globs, globSegs, nil, 3)
	grow(&names, nameSegs, nil, 4)
	checked := 0
	for _, g := range globs {
		glob := strings.Join(g, "/")
		compiled := compileGlob(glob)
		for _, n := range names {
			want := backtrack(g, n)
			if got := compiled.matchSegs(n, nil); got != want {
				t.Fatalf("Match(%q, %q) = %v, want %v", glob, strings.Join(n, "/"), got, want)
			}
			checked++
		}
	}
	if checked < 500_000 {
		t.Fatalf("checked only %d pairs", checked)
	}
}
