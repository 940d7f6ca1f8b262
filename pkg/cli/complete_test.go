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
	cases := []struct {
		args []string
		want []string
		not  []string
	}{
		{[]string{"explain", "stage-"}, []string{"stage-has-touchpoints", "stage-order"}, []string{"review-overdue"}},
		{[]string{"explain", ""}, []string{"scoring", "unknown-key", "yaml-syntax", "goal-measurable"}, nil},
		{[]string{"explain", "unk"}, []string{"unknown-key"}, []string{"scoring"}},
		{[]string{"explain", "stage-order", ""}, nil, []string{"stage-order", "scoring"}},
	}
	for _, c := range cases {
		out, _, _ := runCLI(t, "", append([]string{"__complete"}, c.args...)...)
		words := strings.Fields(out)
		for _, w := range c.want {
			if !slices.Contains(words, w) {
				t.Errorf("__complete %q: %q missing from %q", c.args, w, out)
			}
		}
		for _, w := range c.not {
			if slices.Contains(words, w) {
				t.Errorf("__complete %q: %q should not be offered: %q", c.args, w, out)
			}
		}
	}
}

// TestCompleteFlagValues: the flags that take one of a list complete to
// it, and --persona to the personas of the map named.
func TestCompleteFlagValues(t *testing.T) {
	m := "../../examples/ecommerce/checkout.journey.yaml"
	cases := []struct {
		args []string
		want []string
	}{
		{[]string{"render", m, "--view", "ma"}, []string{"matrix"}},
		{[]string{"render", m, "--format", "s"}, []string{"svg"}},
		{[]string{"lint", "--format", "s"}, []string{"sarif"}},
		{[]string{"score", "--format", "m"}, []string{"markdown"}},
		{[]string{"lint", "--fail-on", "w"}, []string{"warning"}},
		{[]string{"init", "--template", ""}, []string{"ecommerce", "saas", "services", "blank"}},
		{[]string{"lint", "--color", "a"}, []string{"always", "auto"}},
		{[]string{"render", m, "--persona", ""}, []string{"busy-pro", "student"}},
		{[]string{"score", m, "--persona", "st"}, []string{"student"}},
	}
	for _, c := range cases {
		out, _, _ := runCLI(t, "", append([]string{"__complete"}, c.args...)...)
		var words []string
		for _, l := range strings.Split(out, "\n") {
			if l != "" && !strings.HasPrefix(l, ":") && !strings.HasPrefix(l, "Completion") {
				word, _, _ := strings.Cut(l, "\t") // a description may follow
				words = append(words, word)
			}
		}
		if !slices.Equal(words, c.want) {
			t.Errorf("__complete %q = %q, want %q", c.args, words, c.want)
		}
	}
}

// TestFlagValueDidYouMean: a wrong flag value is a usage error that says
// what is allowed and what was probably meant.
func TestFlagValueDidYouMean(t *testing.T) {
	m := "../../examples/ecommerce/checkout.journey.yaml"
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"lint", "--fail-on", "warn", m}, `did you mean "warning"?`},
		{[]string{"render", m, "--view", "matirx"}, `did you mean "matrix"?`},
		{[]string{"render", m, "--format", "sgv"}, `did you mean "svg"?`},
		{[]string{"lint", "--format", "sarf", m}, `did you mean "sarif"?`},
		{[]string{"lint", "--color", "allways", m}, `did you mean "always"?`},
		{[]string{"init", "--template", "ecomerce", "--dir", t.TempDir()}, `did you mean "ecommerce"?`},
	} {
		_, stderr, code := runCLI(t, "", c.args...)
		if code != ExitUsage || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d\n%s", c.args, code, stderr)
		}
	}
}
