// Command journey treats customer journey maps as code.
package main

import (
	"os"

	"github.com/olekukonko/tablewriter/pkg/twwidth"

	"github.com/journey-maps/journey/pkg/cli"
	"github.com/journey-maps/journey/pkg/gctune"
)

func main() {
	// A run's live heap is a few megabytes (files stream through), so the
	// default target would collect every few megabytes parsed; a headroom
	// saves a third of lint's CPU time without multiplying large heaps
	// (docs/performance.md). GOGC still overrides it.
	gctune.Headroom(gctune.DefaultHeadroom)
	// tablewriter makes an 8,192-entry width cache at start-up: 80 KB the
	// collector marks every cycle of a lint that draws no table. journey's
	// tables are a few hundred cells.
	twwidth.SetCacheCapacity(512)
	os.Exit(cli.Run(os.Args[1:], cli.OSEnv()))
}
