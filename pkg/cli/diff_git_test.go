package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/journey-maps/journey/pkg/gitrev/gitrevtest"
)

// gitRepo makes a repository in a temporary directory with git isolated
// from the user's configuration, and returns a function that runs git in it.
func gitRepo(t *testing.T) (dir string, git func(args ...string) string) {
	t.Helper()
	return gitrevtest.New(t)
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

const (
	gitMap = `kind: Journey
version: 1
id: shop
title: Shop
include: [shared/people.personas.yaml]
stages:
  - id: buy
    name: Buy
    phase: purchase
    touchpoints:
      - id: checkout
        name: Checkout
        channel: website
        owner: web-team
        emotion: 3
`
	gitLib = `kind: Personas
version: 1
personas:
  - id: student
    name: Student
`
)

// TestDiffRevisions compares git revisions: two commits, the working tree
// against a commit (HEAD by default), limited to paths, with includes read
// at the same revision.
func TestDiffRevisions(t *testing.T) {
	dir, git := gitRepo(t)
	writeFile(t, filepath.Join(dir, "maps/shop.journey.yaml"), gitMap)
	writeFile(t, filepath.Join(dir, "maps/shared/people.personas.yaml"), gitLib)
	writeFile(t, filepath.Join(dir, "other.journey.yaml"), "kind: Journey\nversion: 1\ntitle: Other\n")
	git("add", ".")
	git("commit", "-q", "-m", "one")
	// Second commit: the library renames its persona and the map moves
	// its emotion down.
	writeFile(t, filepath.Join(dir, "maps/shared/people.personas.yaml"), strings.Replace(gitLib, "name: Student", "name: Student on a budget", 1))
	writeFile(t, filepath.Join(dir, "maps/shop.journey.yaml"), strings.Replace(gitMap, "emotion: 3", "emotion: 2", 1))
	git("commit", "-q", "-am", "two")
	t.Chdir(dir)

	stdout, stderr, code := runCLI(t, "", "diff", "HEAD~1", "HEAD")
	if code != ExitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	for _, want := range []string{
		"maps/shop.journey.yaml: 2 changed",
		`~ persona student "Student on a budget"`, // the include, at each revision
		`name: "Student" → "Student on a budget"`,
		"emotion: 3 → 2",
		"stage buy experience 3.00 → 2.00 (-1.00)  regression",
		"maps/shared/people.personas.yaml: 1 changed",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("missing %q in\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout, "other.journey.yaml") {
		t.Errorf("an unchanged file is listed:\n%s", stdout)
	}
	if _, _, code := runCLI(t, "", "diff", "--fail-on-regression", "HEAD~1", "HEAD"); code != ExitFindings {
		t.Errorf("--fail-on-regression: exit %d", code)
	}

	// The working tree against HEAD, by default and by name.
	writeFile(t, filepath.Join(dir, "maps/shop.journey.yaml"), strings.Replace(gitMap, "emotion: 3", "emotion: 5", 1))
	for _, args := range [][]string{{"diff"}, {"diff", "HEAD"}, {"diff", "HEAD", "--", "maps/shop.journey.yaml"}} {
		stdout, stderr, code := runCLI(t, "", args...)
		if code != ExitOK || !strings.Contains(stdout, "emotion: 2 → 5") || strings.Contains(stdout, "people.personas") {
			t.Errorf("%v: exit %d\n%s%s", args, code, stdout, stderr)
		}
	}
	if _, _, code := runCLI(t, "", "diff", "--exit-code", "HEAD"); code != ExitFindings {
		t.Errorf("--exit-code with a change: exit %d", code)
	}
	// Paths are relative to the current directory.
	t.Chdir(filepath.Join(dir, "maps"))
	stdout, _, code = runCLI(t, "", "diff", "HEAD~1", "--", "shared")
	if code != ExitOK || !strings.Contains(stdout, "shared/people.personas.yaml: 1 changed") || strings.Contains(stdout, "shop.journey") {
		t.Errorf("paths: exit %d\n%s", code, stdout)
	}
	t.Chdir(dir)

	// An added and a deleted file.
	writeFile(t, filepath.Join(dir, "new.journey.yaml"), "kind: Journey\nversion: 1\ntitle: New\n")
	os.Remove(filepath.Join(dir, "other.journey.yaml"))
	stdout, _, _ = runCLI(t, "", "diff", "HEAD")
	if !strings.Contains(stdout, "new.journey.yaml (added)") || !strings.Contains(stdout, "other.journey.yaml (deleted)") {
		t.Errorf("added and deleted:\n%s", stdout)
	}

	// Nothing differs between a commit and itself.
	stdout, _, code = runCLI(t, "", "diff", "--exit-code", "HEAD", "HEAD")
	if code != ExitOK || strings.TrimSpace(stdout) != "no journey files to compare" && !strings.Contains(stdout, "no item changed") {
		t.Errorf("HEAD HEAD: exit %d\n%s", code, stdout)
	}
}

// TestDiffRevisionsAreData: a revision or path that looks like an option
// never reaches git as one.
func TestDiffRevisionsAreData(t *testing.T) {
	dir, git := gitRepo(t)
	writeFile(t, filepath.Join(dir, "a.journey.yaml"), gitMap)
	git("add", ".")
	git("commit", "-q", "-m", "one")
	t.Chdir(dir)
	evil := filepath.Join(dir, "pwned")
	for _, args := range [][]string{
		{"diff", "--output=" + evil},
		{"diff", "-o" + evil},
		{"diff", "--", "--output=" + evil},
		{"diff", "HEAD", "--", "--output=" + evil},
		{"diff", "--upload-pack=touch " + evil, "HEAD"},
		{"diff", "HEAD..", "HEAD"},
		{"diff", "no-such-branch"},
	} {
		_, stderr, code := runCLI(t, "", args...)
		if code != ExitUsage {
			t.Errorf("%q: exit %d, want 2\n%s", args, code, stderr)
		}
		if _, err := os.Stat(evil); err == nil {
			t.Fatalf("%q created a file", args)
		}
	}
}

// TestDiffDriverArguments calls diff with the arguments git passes to an
// external diff driver: seven, nine on a rename, /dev/null with "." for a
// side that does not exist. It always exits 0.
func TestDiffDriverArguments(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeFile(t, filepath.Join(dir, "shared/people.personas.yaml"), gitLib)
	oldBlob := filepath.Join(t.TempDir(), "shop.journey.yaml")
	writeFile(t, oldBlob, gitMap)
	writeFile(t, filepath.Join(dir, "shop.journey.yaml"), strings.Replace(gitMap, "emotion: 3", "emotion: 4", 1))
	writeFile(t, filepath.Join(dir, "broken.journey.yaml"), "kind: [\n")
	const hex1, hex2, zero = "1b88bfe2c0ddb2a4e0f8f0f6d0c0a0b0c0d0e0f0", "eb77070aabbccddeeff00112233445566778899", "0000000000000000000000000000000000000000"
	for _, tc := range []struct {
		name string
		args []string
		want []string
	}{
		{"seven", []string{"shop.journey.yaml", oldBlob, hex1, "100644", "shop.journey.yaml", zero, "100644"},
			[]string{"shop.journey.yaml: 1 changed", "emotion: 3 → 4"}},
		{"added", []string{"shop.journey.yaml", "/dev/null", ".", ".", "shop.journey.yaml", hex2, "100644"},
			[]string{"shop.journey.yaml (added)", "+ touchpoint checkout"}},
		{"deleted", []string{"shop.journey.yaml", oldBlob, hex1, "100644", "/dev/null", ".", "."},
			[]string{"shop.journey.yaml (deleted)", "- touchpoint checkout"}},
		{"renamed", []string{"old.journey.yaml", oldBlob, hex1, "100644", "shop.journey.yaml", hex2, "100644",
			"shop.journey.yaml", "similarity index 90%\nrename from old.journey.yaml\nrename to shop.journey.yaml\n"},
			[]string{"old.journey.yaml → shop.journey.yaml: 1 changed"}},
		{"flags", []string{"--format", "markdown", "shop.journey.yaml", oldBlob, hex1, "100644", "shop.journey.yaml", zero, "100644"},
			[]string{"## Journey diff", "`emotion`: `3` → `4`"}},
		{"broken", []string{"broken.journey.yaml", oldBlob, hex1, "100644", "broken.journey.yaml", zero, "100644"},
			[]string{"broken.journey.yaml cannot be compared as a map:", "broken.journey.yaml:1:", "[yaml-syntax]", "+kind: [", "-kind: Journey"}},
		{"missing", []string{"shop.journey.yaml", filepath.Join(dir, "gone"), hex1, "100644", "shop.journey.yaml", zero, "100644"},
			nil},
		{"regression gate is ignored", []string{"--exit-code", "--fail-on-regression", "shop.journey.yaml", "/dev/null", ".", ".", "shop.journey.yaml", hex2, "100644"},
			[]string{"(added)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, "", append([]string{"diff"}, tc.args...)...)
			if code != ExitOK {
				t.Fatalf("exit %d: git dies unless the driver exits 0\n%s", code, stderr)
			}
			for _, w := range tc.want {
				if !strings.Contains(stdout, w) {
					t.Errorf("missing %q in\n%s%s", w, stdout, stderr)
				}
			}
			if tc.want == nil && stderr == "" {
				t.Errorf("a file that cannot be read: want a message on stderr")
			}
		})
	}
}

// TestGitDiffUsesDriver configures a real repository as the README says
// and checks that `git diff` shows the journey diff of a built binary.
func TestGitDiffUsesDriver(t *testing.T) {
	bin := filepath.Join(journeyBin(t), "journey")
	dir, git := gitRepo(t)
	writeFile(t, filepath.Join(dir, ".gitattributes"), "*.journey.yaml diff=journey\n*.personas.yaml diff=journey\n")
	git("config", "diff.journey.command", bin+" diff")
	writeFile(t, filepath.Join(dir, "maps/shop.journey.yaml"), gitMap)
	writeFile(t, filepath.Join(dir, "maps/shared/people.personas.yaml"), gitLib)
	writeFile(t, filepath.Join(dir, "gone.journey.yaml"), "kind: Journey\nversion: 1\ntitle: Gone\n")
	git("add", ".")
	git("commit", "-q", "-m", "one")

	writeFile(t, filepath.Join(dir, "maps/shop.journey.yaml"), strings.Replace(gitMap, "emotion: 3", "emotion: 1", 1))
	out := git("diff")
	for _, want := range []string{"maps/shop.journey.yaml: 1 changed", "emotion: 3 → 1", "regression"} {
		if !strings.Contains(out, want) {
			t.Errorf("git diff: missing %q in\n%s", want, out)
		}
	}
	if strings.Contains(out, "@@") {
		t.Errorf("git diff shows a line diff:\n%s", out)
	}

	// Added, deleted and renamed files, staged.
	writeFile(t, filepath.Join(dir, "added.journey.yaml"), "kind: Journey\nversion: 1\ntitle: Added\nstages:\n  - name: Look\n    phase: awareness\n")
	git("rm", "-q", "gone.journey.yaml")
	git("mv", "maps/shared/people.personas.yaml", "maps/shared/customers.personas.yaml")
	git("add", ".")
	out = git("diff", "--cached", "-M")
	for _, want := range []string{
		"added.journey.yaml (added)", "+ stage look",
		"gone.journey.yaml (deleted)",
		"maps/shared/people.personas.yaml → maps/shared/customers.personas.yaml: no item changed",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("git diff --cached: missing %q in\n%s", want, out)
		}
	}
	// git log -p goes through the driver too (with --ext-diff).
	git("commit", "-q", "-m", "two")
	out = git("log", "-p", "--ext-diff", "-1")
	if !strings.Contains(out, "added.journey.yaml (added)") {
		t.Errorf("git log -p --ext-diff:\n%s", out)
	}

	// A side that does not parse: git shows why, and the line diff.
	broken := strings.Replace(gitMap, "emotion: 3", "emotion: [3", 1)
	writeFile(t, filepath.Join(dir, "maps/shop.journey.yaml"), broken)
	out = git("diff")
	for _, want := range []string{
		"maps/shop.journey.yaml cannot be compared as a map:",
		"[yaml-syntax]",
		"--- a/maps/shop.journey.yaml", "+++ b/maps/shop.journey.yaml", "@@ ",
		"-        emotion: 1", "+        emotion: [3",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("git diff of a map that does not parse: missing %q in\n%s", want, out)
		}
	}
}
