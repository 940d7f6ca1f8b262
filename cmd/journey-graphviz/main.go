// Command journey-graphviz is journey's diagram helper: it lays out DOT as
// SVG with Graphviz compiled to WebAssembly (github.com/goccy/go-graphviz),
// so no Graphviz installation is needed.
//
// The journey binary does not link go-graphviz, whose package init
// compiles the WebAssembly in every process that links it; it runs this
// helper, once per `journey render`, only when a diagram is drawn. Install
// both together:
//
//	go install github.com/journey-maps/journey/cmd/...@latest
//
// Usage:
//
//	journey-graphviz serve     framed protocol on stdin/stdout (pkg/render/engine)
//	journey-graphviz svg       DOT on stdin, SVG on stdout, like `dot -Tsvg`
//	journey-graphviz version
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/journey-maps/journey/pkg/render/engine"
	"github.com/journey-maps/journey/pkg/render/graphviz"
)

const usage = `usage: journey-graphviz serve | svg | version

journey's diagram helper: it lays out Graphviz DOT as SVG in-process.
  serve    answer framed requests on stdin/stdout (how journey runs it)
  svg      read DOT on stdin, write SVG on stdout (like dot -Tsvg)
  version  print the version
`

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	ctx := context.Background()
	switch args[0] {
	case "serve":
		// Serve answers one request at a time; graphviz.SVG also holds
		// a process-wide lock, as go-graphviz is not thread-safe.
		if err := engine.Serve(ctx, stdin, stdout, graphviz.SVG); err != nil {
			fmt.Fprintf(stderr, "journey-graphviz: %v\n", err)
			return 2
		}
		return 0
	case "svg":
		dot, err := io.ReadAll(io.LimitReader(stdin, engine.MaxDOT+1))
		if err != nil {
			fmt.Fprintf(stderr, "journey-graphviz: reading DOT: %v\n", err)
			return 2
		}
		if len(dot) > engine.MaxDOT {
			fmt.Fprintf(stderr, "journey-graphviz: the DOT is over the limit of %d bytes\n", engine.MaxDOT)
			return 2
		}
		svg, err := graphviz.SVG(ctx, dot)
		if err != nil {
			fmt.Fprintf(stderr, "journey-graphviz: %v\n", err)
			return 1
		}
		if _, err := stdout.Write(svg); err != nil {
			fmt.Fprintf(stderr, "journey-graphviz: %v\n", err)
			return 2
		}
		return 0
	case "version", "--version", "-version":
		v := "dev"
		if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
			v = info.Main.Version
		}
		fmt.Fprintf(stdout, "journey-graphviz %s (protocol %q)\n", v, engine.Magic[:len(engine.Magic)-1])
		return 0
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	fmt.Fprint(stderr, usage)
	return 2
}
