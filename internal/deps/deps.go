//go:build tools

// Package deps pins the modules the project uses so that go.mod lists them
// even while no package imports them yet.
package deps

import (
	_ "github.com/goccy/go-graphviz"
	_ "github.com/google/go-cmp/cmp"
	_ "github.com/olekukonko/tablewriter"
)
