package cli

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestCompletionScripts(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish", "powershell"} {
		out, errOut, code := runCLI(t, "", "completion", shell)
		if code != 0 || !strings.Contains(out, "journey") || len(out) < 500 {
			t.Errorf("completion %s: exit %d, %d bytes, %s", shell, code, len(out), errOut)
		}
	}
	if out, _, _ := runCLI(t, "", "--help"); !strings.Contains(out, "completion") {
		t.Errorf("completion is not listed in --help")
	}
}

func TestCompleteJourneyFiles(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"a.journey.yaml", "b.personas.yaml", "c.yaml", "notes.md", "sub/d.journey.yaml", "sub/e.txt", "solo/x.yaml", ".hidden/f.journey.yaml"} {
		p := filepath.Join(dir, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	for _, c := range []struct {
		args []string
		want string
	}{
		// 4 = no file completion by the shell, 6 = and no space after
		{[]string{"validate", ""}, "a.journey.yaml\nb.personas.yaml\nsolo/\nsub/\n:4\n"},
		{[]string{"lint", ""}, "a.journey.yaml\nb.personas.yaml\nsolo/\nsub/\n:4\n"},
		{[]string{"score", "a.journey.yaml", ""}, "a.journey.yaml\nb.personas.yaml\nsolo/\nsub/\n:4\n"},
		{[]string{"render", "su"}, "sub/\n:6\n"},
		{[]string{"diff", "sub/"}, "sub/d.journey.yaml\n:4\n"},
		{[]string{"fmt", "-w", "b"}, "b.personas.yaml\n:4\n"},
		{[]string{"validate", ".h"}, ".hidden/\n:6\n"},
		{[]string{"validate", "nope/"}, ":4\n"},
		{[]string{"import", "mermaid", ""}, "notes.md\nsolo/\nsub/\n:4\n"},
	} {
		out, _, code := runCLI(t, "", append([]string{"__complete"}, c.args...)...)
		if code != 0 || out != c.want {
			t.Errorf("__complete %q: exit %d\n got %q\nwant %q", c.args, code, out, c.want)
		}
	}
}

func TestCompleteExplain(t *testing.T) {
	old := ruleIDs
	ruleIDs = func() []string { return []string{"stage-order", "stage-has-touchpoints", "review-overdue"} }
	defer func() { ruleIDs = old }()
	got, _ := completeExplain(nil, nil, "stage-")
	if strings.Join(got, " ") != "stage-has-touchpoints stage-order" {
		t.Errorf("got %q", got)
	}
	all, _ := completeExplain(nil, nil, "")
	for topic := range explainTopics {
		if !slices.Contains(all, topic) {
			t.Errorf("topic %q not completed: %v", topic, all)
		}
	}
	if more, _ := completeExplain(nil, []string{"stage-order"}, ""); len(more) != 0 {
		t.Errorf("a second argument completed to %v", more)
	}
	out, _, _ := runCLI(t, "", "__complete", "explain", "review-")
	if !strings.Contains(out, "review-overdue") {
		t.Errorf("__complete explain: %q", out)
	}
}
