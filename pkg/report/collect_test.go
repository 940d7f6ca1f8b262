package report

import (
	"testing"

	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/model"
)

func TestSnippetKeepsOnlyLinesWithFindings(t *testing.T) {
	src := []byte("a: 1\nb: 2\r\nc: 3\nd: 4")
	ds := []diag.Diagnostic{
		{Pos: model.Pos{File: "m.yaml", Line: 2, Col: 1}},
		{Pos: model.Pos{File: "m.yaml", Line: 4, Col: 1}},
		{Pos: model.Pos{File: "m.yaml", Line: 2, Col: 3}}, // the same line again
		{Pos: model.Pos{File: "m.yaml", Line: 9, Col: 1}}, // past the end
		{Pos: model.Pos{File: "other.yaml", Line: 1, Col: 1}},
	}
	if got, want := string(snippetOf(src, "m.yaml", ds).source()), "\nb: 2\r\n\nd: 4"; got != want {
		t.Errorf("snippetOf(...).source() = %q, want %q", got, want)
	}
}

// A run keeps source lines only for files that have some to show: a file
// whose findings have no line, or a run that shows no snippets, adds no
// entry, and the report then asks for none.
func TestCollectorKeepsSourcesOnlyWithLines(t *testing.T) {
	src := []byte("a: 1\nb: 2\n")
	atLine := []diag.Diagnostic{{Pos: model.Pos{File: "m.yaml", Line: 2, Col: 1}}}
	noLine := []diag.Diagnostic{{Pos: model.Pos{File: "n.yaml"}}}
	var c collector
	c.add(fileResult{summary: FileSummary{Path: "m.yaml"}, diags: atLine, snippet: snippetOf(src, "m.yaml", atLine)})
	c.add(fileResult{summary: FileSummary{Path: "n.yaml"}, diags: noLine, snippet: snippetOf(src, "n.yaml", noLine)})
	c.add(fileResult{summary: FileSummary{Path: "o.yaml"}, diags: atLine}) // snippets off
	var got []string
	for path := range c.sources {
		got = append(got, path)
	}
	if len(got) != 1 || got[0] != "m.yaml" {
		t.Errorf("sources kept for %v, want only m.yaml", got)
	}
	if c.diags.Len() != 3 {
		t.Errorf("%d findings kept, want 3", c.diags.Len())
	}
}
