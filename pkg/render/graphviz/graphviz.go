// Package graphviz lays out DOT with Graphviz compiled to WebAssembly
// (github.com/goccy/go-graphviz), in-process, without a `dot` binary.
//
// go-graphviz runs one WebAssembly instance per process and corrupts it
// under concurrent use, so every call goes through one process-wide lock.
// Only this package imports go-graphviz, and only the journey-graphviz
// helper and tests import this package: go-graphviz's init compiles its
// WebAssembly in every process that links it, so the journey binary must
// not (see pkg/render/engine).
package graphviz

import (
	"bytes"
	"context"
	"fmt"
	"sync"

	gv "github.com/goccy/go-graphviz"
)

// mu serialises every call into go-graphviz in the process.
var mu sync.Mutex

// SVG lays out a DOT graph with the dot engine and returns the SVG.
func SVG(ctx context.Context, dot []byte) ([]byte, error) {
	mu.Lock()
	defer mu.Unlock()
	g, err := gv.New(ctx)
	if err != nil {
		return nil, fmt.Errorf("starting graphviz: %w", err)
	}
	defer func() { _ = g.Close() }() // frees WebAssembly memory; nothing to report
	graph, err := gv.ParseBytes(dot)
	if err != nil {
		return nil, fmt.Errorf("graphviz cannot read the graph: %w", err)
	}
	defer func() { _ = graph.Close() }() // frees the graph; nothing to report
	var buf bytes.Buffer
	if err := g.Render(ctx, graph, gv.SVG, &buf); err != nil {
		return nil, fmt.Errorf("graphviz layout: %w", err)
	}
	return buf.Bytes(), nil
}

// InProcess is the in-process diagram engine (an engine.Engine).
type InProcess struct{}

// SVG lays out a DOT graph; see the package function SVG.
func (InProcess) SVG(ctx context.Context, dot []byte) ([]byte, error) { return SVG(ctx, dot) }

// Stats is what Graphviz read from a DOT text.
type Stats struct {
	Nodes, Edges int
}

// Parse reads DOT with Graphviz's own parser and counts what it found;
// it is how DOT output is checked to be valid.
func Parse(dot []byte) (Stats, error) {
	mu.Lock()
	defer mu.Unlock()
	graph, err := gv.ParseBytes(dot)
	if err != nil {
		return Stats{}, err
	}
	defer func() { _ = graph.Close() }() // frees the graph; nothing to report
	n, err := graph.NodeNum()
	if err != nil {
		return Stats{}, err
	}
	e, err := graph.EdgeNum()
	if err != nil {
		return Stats{}, err
	}
	return Stats{Nodes: n, Edges: e}, nil
}
