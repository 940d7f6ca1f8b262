//go:build !unix

package cli

import "io"

// terminalWidth is unknown here; COLUMNS or --width set it.
func terminalWidth(io.Writer) int { return 0 }
