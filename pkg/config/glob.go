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
func Match(glob, name string) bool {
	glob = strings.TrimPrefix(glob, "./")
	name = strings.TrimPrefix(name, "./")
	return matchSegs(strings.Split(glob, "/"), strings.Split(name, "/"), 0)
}

func matchSegs(g, n []string, depth int) bool {
	if depth > 64 {
		return false // a pathological pattern of many ** segments
	}
	for len(g) > 0 {
		if g[0] == "**" {
			for len(g) > 1 && g[1] == "**" {
				g = g[1:]
			}
			if len(g) == 1 {
				return true
			}
			for i := 0; i <= len(n); i++ {
				if matchSegs(g[1:], n[i:], depth+1) {
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
