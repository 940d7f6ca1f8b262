package cli

import (
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/journey-maps/journey/pkg/templates"
)

// TestShippedFilesPassOurChecks: everything the project ships or writes
// (the examples, every `journey init` template, what `journey import
// mermaid` writes) is in the canonical layout of `journey fmt` and passes
// `journey lint`: without a finding, or, for the drafts (the blank
// template, an import), with no error: their warnings list what to add.
func TestShippedFilesPassOurChecks(t *testing.T) {
	t.Run("examples", func(t *testing.T) {
		examples, err := filepath.Abs("../../examples")
		if err != nil {
			t.Fatal(err)
		}
		fmtCheck(t, examples)
		lintInfoClean(t, examples)
	})

	for _, tpl := range templates.All() {
		t.Run("init/"+tpl.Name, func(t *testing.T) {
			dir := t.TempDir()
			if _, stderr, code := runCLI(t, "", "init", "--template", tpl.Name, "--dir", dir); code != ExitOK {
				t.Fatalf("init: exit %d\n%s", code, stderr)
			}
			path := filepath.Join(dir, tpl.FileName)
			fmtCheck(t, path)
			if tpl.Name != "blank" {
				lintInfoClean(t, path)
				return
			}
			// The blank map is a form to fill in: it passes lint, and
			// `journey init --help` promises that lint's warnings list what
			// is missing, and that list is all it reports.
			if out, errOut, code := runCLI(t, "", "lint", path); code != ExitOK {
				t.Fatalf("lint: exit %d\n%s%s", code, out, errOut)
			}
			todo := []string{"metric-has-target", "unused-metric", "persona-profile-complete", "touchpoint-has-owner", "emotion-recorded", "channel-mix"}
			got := findingRules(t, path)
			if len(got) == 0 {
				t.Error("lint reports nothing to fill in on the blank map")
			}
			for _, rule := range got {
				if !slices.Contains(todo, rule) {
					t.Errorf("lint reports %s on the blank map, which is not a field to fill in", rule)
				}
			}
		})
	}

	imports, _ := filepath.Glob("../../testdata/import/*.mmd")
	if len(imports) == 0 {
		t.Fatal("found no Mermaid files in testdata/import")
	}
	for _, mmd := range imports {
		name := filepath.Base(mmd)
		if strings.HasPrefix(name, "err-") {
			continue // refused with a message, tested by TestImportGolden
		}
		t.Run("import/"+name, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, "", "import", "mermaid", mmd)
			if code != ExitOK {
				t.Fatalf("import: exit %d\n%s", code, stderr)
			}
			path := filepath.Join(t.TempDir(), strings.TrimSuffix(name, ".mmd")+".journey.yaml")
			writeFile(t, path, stdout)
			fmtCheck(t, path)
			// A Mermaid journey has no owners, goals or review dates, so
			// lint's warnings list what to add; it passes (no error).
			if out, errOut, code := runCLI(t, "", "lint", path); code != ExitOK {
				t.Errorf("lint: exit %d\n%s%s", code, out, errOut)
			}
		})
	}
}

func fmtCheck(t *testing.T, path string) {
	t.Helper()
	if out, errOut, code := runCLI(t, "", "fmt", "--check", path); code != ExitOK {
		t.Errorf("fmt --check: exit %d, not formatted:\n%s%s", code, out, errOut)
	}
}

func lintInfoClean(t *testing.T, path string) {
	t.Helper()
	if out, errOut, code := runCLI(t, "", "lint", "--fail-on", "info", path); code != ExitOK {
		t.Errorf("lint --fail-on info: exit %d\n%s%s", code, out, errOut)
	}
}

var ruleSuffix = regexp.MustCompile(`\[([a-z0-9-]+)\]$`)

// findingRules runs `journey lint` on path and returns the rule id of each
// finding; a run that fails for another reason than findings fails t.
func findingRules(t *testing.T, path string) []string {
	t.Helper()
	out, errOut, code := runCLI(t, "", "lint", "--fail-on", "info", path)
	if code != ExitOK && code != ExitFindings {
		t.Fatalf("lint: exit %d\n%s%s", code, out, errOut)
	}
	var rules []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if m := ruleSuffix.FindStringSubmatch(line); m != nil {
			rules = append(rules, m[1])
		}
	}
	return rules
}
