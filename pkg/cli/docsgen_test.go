package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// docsDate is the date in the man page footers. It is fixed, not the day
// the pages were generated, so regenerating unchanged docs changes nothing.
var docsDate = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

// docsCommand is the command tree as the docs show it: the completion
// command included, nothing that depends on the machine it runs on.
func docsCommand() *cobra.Command {
	a := &app{}
	a.env.fill()
	root := a.rootCmd()
	root.InitDefaultCompletionCmd()
	root.DisableAutoGenTag = true
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.DisableAutoGenTag = true
		for _, s := range c.Commands() {
			walk(s)
		}
	}
	walk(root)
	return root
}

// GenerateDocs writes the markdown command reference into mdDir and the
// man pages (section 1) into manDir, replacing the generated files there.
// `make docs` runs it (through TestDocsUpToDate -update); it lives in a
// test file so the journey binary does not link the generators.
func GenerateDocs(mdDir, manDir string) error {
	for _, d := range []struct{ dir, glob string }{{mdDir, "journey*.md"}, {manDir, "journey*.1"}} {
		if err := os.MkdirAll(d.dir, 0o755); err != nil {
			return err
		}
		old, _ := filepath.Glob(filepath.Join(d.dir, d.glob))
		for _, f := range old {
			if err := os.Remove(f); err != nil {
				return err
			}
		}
	}
	if err := doc.GenMarkdownTree(docsCommand(), mdDir); err != nil {
		return fmt.Errorf("markdown: %w", err)
	}
	if err := os.WriteFile(filepath.Join(mdDir, "README.md"), []byte(docsIndex()), 0o644); err != nil {
		return err
	}
	header := &doc.GenManHeader{
		Title:   "JOURNEY",
		Section: "1",
		Source:  "journey",
		Manual:  "journey manual",
		Date:    &docsDate,
	}
	if err := doc.GenManTree(docsCommand(), header, manDir); err != nil {
		return fmt.Errorf("man: %w", err)
	}
	return nil
}

// docsIndex is the README of the markdown reference.
func docsIndex() string {
	var b strings.Builder
	b.WriteString("# journey command reference\n\n")
	b.WriteString("Generated from the command definitions by `make docs`; do not edit by hand.\n")
	b.WriteString("The same pages are installed as man pages from [docs/man](../man) (`man ./docs/man/journey.1`).\n\n")
	root := docsCommand()
	var walk func(c *cobra.Command, depth int)
	walk = func(c *cobra.Command, depth int) {
		if !c.IsAvailableCommand() && c != root {
			return
		}
		name := strings.ReplaceAll(c.CommandPath(), " ", "_") + ".md"
		fmt.Fprintf(&b, "%s- [%s](%s): %s\n", strings.Repeat("  ", depth), c.CommandPath(), name, c.Short)
		for _, s := range c.Commands() {
			walk(s, depth+1)
		}
	}
	walk(root, 0)
	return b.String()
}
