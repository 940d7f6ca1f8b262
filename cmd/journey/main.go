// Command journey treats customer journey maps as code.
package main

import (
	"os"
	"runtime/debug"

	"github.com/journey-maps/journey/pkg/cli"
)

func main() {
	// A run's live heap is a few megabytes (files stream through), so the
	// default target collects garbage every few megabytes parsed. A larger
	// target costs about 20 MB on 2,000 maps and saves a third of the CPU
	// time (docs/performance.md). GOGC still overrides it.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	os.Exit(cli.Run(os.Args[1:], cli.OSEnv()))
}
