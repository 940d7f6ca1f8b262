package mermaid

import "strings"

// FormatNumber is formatNumber, for the tests of package mermaid_test.
var FormatNumber = formatNumber

// DiagramText is the text of the diagram Parse reads in a file: the file,
// or the Mermaid block of a document it picks.
func DiagramText(src []byte) string {
	b, _, _ := find(splitLines(string(src)))
	return strings.Join(b.lines, "\n")
}
