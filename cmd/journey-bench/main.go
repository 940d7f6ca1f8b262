//go:build bench

// Command journey-bench holds the developer tools behind `make bench`:
//
//	journey-bench corpus -n 2000 -o DIR     write generated maps of about 600 lines
//	journey-bench corpus -large 300 -o DIR  write one map with 300 touchpoints
//	journey-bench floor DIR|FILE...         only read and parse: the floor lint is held to
//	journey-bench compare -journey BIN      whole-process comparison, as a markdown table
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	var err error
	switch os.Args[1] {
	case "corpus":
		err = corpusMain(os.Args[2:])
	case "floor":
		err = floorMain(os.Args[2:])
	case "compare":
		err = compareMain(os.Args[2:])
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "journey-bench:", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: journey-bench corpus|floor|compare [flags]")
	os.Exit(2)
}
