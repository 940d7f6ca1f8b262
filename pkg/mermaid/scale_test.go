package mermaid

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// TestLargeInputsTakeLinearTime: inputs built to make a naive reader
// quadratic (runs of blank lines before a comment, many unclosed
// directives, long `style` lines, many entity codes) are read in well
// under the bound, even under the race detector on a busy machine;
// quadratic work on them takes many minutes.
func TestLargeInputsTakeLinearTime(t *testing.T) {
	const n = 400000
	long := strings.Repeat("style:x#", n/4) + ";"
	for name, src := range map[string]string{
		"blank lines":     "journey\n" + strings.Repeat("  \n", n) + "%% x\n",
		"directives":      "journey\n" + strings.Repeat("%%{a ", n),
		"style colons":    "journey\ntitle style" + strings.Repeat(":x", n) + ";\n",
		"entities":        "journey\nsection S\n" + strings.Repeat("#1;", n/4) + ": 3\n",
		"tasks":           "journey\nsection S\n" + strings.Repeat("a: 3: b, c\n", n/8),
		"front matter":    "---\n" + strings.Repeat("\n", n) + "journey",
		"accDescr blocks": "journey\n" + strings.Repeat("accDescr {", n/2),
		"fences":          strings.Repeat("```mermaid\npie\n```\n", n/8),
	} {
		start := time.Now()
		_, _ = Parse([]byte(src))
		if d := time.Since(start); d > time.Minute {
			t.Errorf("%s: %v", name, d)
		}
	}
	start := time.Now()
	var b bytes.Buffer
	_ = Write(&b, &Diagram{Title: long, AccTitle: long, AccDescr: long, Sections: []*Section{{Name: long, Tasks: []*Task{{Name: long, Actors: []string{long}}}}}})
	if d := time.Since(start); d > time.Minute {
		t.Errorf("write: %v", d)
	}
}
