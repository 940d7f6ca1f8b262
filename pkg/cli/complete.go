package cli

import (
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/journey-maps/journey/pkg/diff"
	"github.com/journey-maps/journey/pkg/lint"
	"github.com/journey-maps/journey/pkg/loader"
	"github.com/journey-maps/journey/pkg/render"
	"github.com/journey-maps/journey/pkg/score"
)

// Shell completion. `journey completion bash|zsh|fish|powershell` is
// cobra's; what is completed where is set here, in one place, so the
// commands' own files stay about what they do.

// journeyFileCommands take maps as arguments: their arguments complete to
// *.journey.yaml and *.personas.yaml files and to directories.
var journeyFileCommands = []string{"validate", "lint", "score", "render", "diff", "fmt"}

// registerCompletions adds the argument completions to a built command
// tree; a command that sets its own ValidArgsFunction keeps it. (cobra
// adds the completion command itself when it executes, once the output
// streams are set.)
func (a *app) registerCompletions(root *cobra.Command) {
	a.registerFlagCompletions(root)
	for _, c := range root.Commands() {
		if c.ValidArgsFunction != nil {
			continue
		}
		switch name := c.Name(); {
		case slices.Contains(journeyFileCommands, name):
			c.ValidArgsFunction = completeJourneyFiles
		case name == "explain":
			c.ValidArgsFunction = firstArg(completeWords(append(lint.FindingIDs(), topicNames(a.explainTopics())...)))
		case name == "import":
			for _, sub := range c.Commands() {
				if sub.Name() == "mermaid" && sub.ValidArgsFunction == nil {
					sub.ValidArgsFunction = completeFiles(isMermaidFile)
				}
			}
		}
	}
}

// completeJourneyFiles completes directories and the files the commands
// pick up in them (loader.IsJourneyFile).
var completeJourneyFiles = completeFiles(loader.IsJourneyFile)

// completeFiles lists the directories and the files match accepts that
// start with what is typed. A lone directory is completed without a
// trailing space, so the user can go on typing inside it.
func completeFiles(match func(name string) bool) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		dir, prefix := filepath.Split(toComplete)
		readDir := dir
		if readDir == "" {
			readDir = "."
		}
		entries, err := os.ReadDir(readDir)
		if err != nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var out []string
		dirs := 0
		for _, e := range entries {
			name := e.Name()
			if !strings.HasPrefix(name, prefix) || (strings.HasPrefix(name, ".") && !strings.HasPrefix(prefix, ".")) {
				continue
			}
			isDir := e.IsDir()
			if e.Type()&os.ModeSymlink != 0 {
				if st, err := os.Stat(filepath.Join(readDir, name)); err == nil {
					isDir = st.IsDir()
				}
			}
			switch {
			case isDir:
				out = append(out, dir+name+"/")
				dirs++
			case match(name):
				out = append(out, dir+name)
			}
		}
		sort.Strings(out)
		directive := cobra.ShellCompDirectiveNoFileComp
		if len(out) == 1 && dirs == 1 {
			directive |= cobra.ShellCompDirectiveNoSpace
		}
		return out, directive
	}
}

// isMermaidFile reports whether a file may hold a Mermaid diagram for
// import: a .mmd or .mermaid file, or markdown with a mermaid block.
func isMermaidFile(name string) bool {
	return slices.Contains([]string{".mmd", ".mermaid", ".md"}, filepath.Ext(name))
}

// registerFlagCompletions completes the values of the flags that take one
// of a list: --format (each command's formats), --view, --fail-on,
// --color, and --persona (the personas of the maps named).
func (a *app) registerFlagCompletions(root *cobra.Command) {
	formats := map[string][]string{
		"validate": checkFormats, "lint": checkFormats, "render": render.Formats,
		"score": score.FormatNames(), "diff": diff.FormatNames(),
	}
	values := map[string][]string{
		"view": render.Views, "fail-on": failOnValues, // init completes --template with descriptions
	}
	_ = root.RegisterFlagCompletionFunc("color", completeWords(colorValues))
	for _, c := range root.Commands() {
		if f, ok := formats[c.Name()]; ok {
			_ = c.RegisterFlagCompletionFunc("format", completeWords(f))
		}
		for flag, words := range values {
			if c.Flags().Lookup(flag) != nil {
				_ = c.RegisterFlagCompletionFunc(flag, completeWords(words))
			}
		}
		if c.Flags().Lookup("persona") != nil {
			_ = c.RegisterFlagCompletionFunc("persona", a.completePersonas)
		}
	}
}

// completePersonas completes the persona ids of the maps named on the
// command line (their own personas and those they include).
func (a *app) completePersonas(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	files, _ := a.newLoader(defaultArgs(args)).Load(defaultArgs(args))
	var ids []string
	for _, f := range files {
		if f.Journey == nil {
			continue
		}
		for _, p := range f.Journey.AllPersonas() {
			ids = append(ids, p.ID)
		}
	}
	return completeWords(ids)(nil, nil, toComplete)
}

// completeWords completes to the words that start with what is typed.
func completeWords(words []string) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		var out []string
		for _, w := range words {
			if strings.HasPrefix(w, toComplete) {
				out = append(out, w)
			}
		}
		slices.Sort(out)
		return slices.Compact(out), cobra.ShellCompDirectiveNoFileComp
	}
}

// firstArg completes the first argument only.
func firstArg(complete cobra.CompletionFunc) cobra.CompletionFunc {
	return func(c *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		if len(args) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return complete(c, args, toComplete)
	}
}
