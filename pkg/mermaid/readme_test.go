package mermaid_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/journey-maps/journey/pkg/cli"
	"github.com/journey-maps/journey/pkg/mermaid"
)

// TestMain lets the test binary stand in for the journey command: the
// documented command lines below run it through a shell.
func TestMain(m *testing.M) {
	if os.Getenv("JOURNEY_TEST_AS_CLI") == "1" {
		os.Exit(cli.Run(os.Args[1:], cli.OSEnv()))
	}
	os.Exit(m.Run())
}

// TestDocumentedMarkdownAppend runs, as written, the command lines of
// README.md and docs/mermaid.md that append a rendered diagram to a
// markdown file ("GitHub draws it"): the file must end up with a
// ```mermaid block that Mermaid reads as the map's diagram.
func TestDocumentedMarkdownAppend(t *testing.T) {
	var lines []string
	for _, doc := range []string{"../../README.md", "../../docs/mermaid.md"} {
		for _, l := range strings.Split(string(mustRead(t, doc)), "\n") {
			if strings.Contains(l, "--format mermaid") && strings.Contains(l, ">> README.md") {
				cmd, _, _ := strings.Cut(l, "   # ")
				lines = append(lines, strings.TrimSpace(cmd))
			}
		}
	}
	if len(lines) < 2 {
		t.Fatalf("found %d documented command lines", len(lines))
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	example := mustRead(t, "../../examples/ecommerce/checkout.journey.yaml")
	var docs []string
	for _, line := range lines {
		dir := t.TempDir()
		bin := filepath.Join(dir, "bin")
		if err := os.Mkdir(bin, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(bin, "journey"), []byte("#!/bin/sh\nJOURNEY_TEST_AS_CLI=1 exec '"+self+"' \"$@\"\n"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "checkout.journey.yaml"), example, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "README.md"), []byte("# Our checkout\n\nThe journey:\n\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("sh", "-c", line)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", line, err, out)
		}
		doc := mustRead(t, filepath.Join(dir, "README.md"))
		if !strings.HasPrefix(string(doc), "# Our checkout\n\nThe journey:\n\n```mermaid\njourney\n") || !strings.HasSuffix(string(doc), "\n```\n") {
			t.Fatalf("%s: README.md is\n%s", line, doc)
		}
		d, err := mermaid.Parse(doc)
		if err != nil || d.Title != "Online checkout" || len(d.Sections) < 3 {
			t.Fatalf("%s: the block reads as %+v (%v)", line, d, err)
		}
		docs = append(docs, mermaid.DiagramText(doc))
	}
	for i, m := range readWithMermaid(t, docs) {
		if m.Error != "" || m.Title != "Online checkout" {
			t.Errorf("%s: Mermaid reads the block as %+v", lines[i], m)
		}
	}
}
