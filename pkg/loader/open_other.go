//go:build !unix

package loader

// openFlags: no flag elsewhere; ReadFile looks at a path before it opens it.
const openFlags = 0
