package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/journey-maps/journey/pkg/gitrev/gitrevtest"
	"go.yaml.in/yaml/v3"
)

// The CI recipes (action.yml, .pre-commit-hooks.yaml, docs/ci.md) parse as
// YAML and every journey command line in them is accepted by the CLI.

type actionFile struct {
	Name   string `yaml:"name"`
	Inputs map[string]struct {
		Description string `yaml:"description"`
		Default     string `yaml:"default"`
	} `yaml:"inputs"`
	Runs struct {
		Using string       `yaml:"using"`
		Steps []actionStep `yaml:"steps"`
	} `yaml:"runs"`
}

type actionStep struct {
	Name  string            `yaml:"name"`
	ID    string            `yaml:"id"`
	Uses  string            `yaml:"uses"`
	Run   string            `yaml:"run"`
	Shell string            `yaml:"shell"`
	Env   map[string]string `yaml:"env"`
	If    string            `yaml:"if"`
}

func readAction(t *testing.T) (actionFile, string) {
	t.Helper()
	data, err := os.ReadFile("../../action.yml")
	if err != nil {
		t.Fatal(err)
	}
	var a actionFile
	if err := yaml.Unmarshal(data, &a); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	return a, string(data)
}

func TestActionYAML(t *testing.T) {
	a, text := readAction(t)
	if a.Runs.Using != "composite" {
		t.Errorf("runs.using = %q, want composite", a.Runs.Using)
	}
	var uses, runs []string
	for _, s := range a.Runs.Steps {
		if s.Uses != "" {
			uses = append(uses, s.Uses)
		}
		if s.Run != "" {
			if s.Shell == "" {
				t.Errorf("step %q: a composite run step needs a shell", s.Name)
			}
			if strings.Contains(s.Run, "${{") {
				t.Errorf("step %q: expressions belong in env, not in the script", s.Name)
			}
			runs = append(runs, s.Run)
		}
	}
	all := strings.Join(runs, "\n")
	for _, want := range []string{"actions/setup-go@", "github/codeql-action/upload-sarif@"} {
		if !strings.Contains(strings.Join(uses, " "), want) {
			t.Errorf("no step uses %s", want)
		}
	}
	for _, want := range []string{`go install "github.com/journey-maps/journey/cmd/...@`, "--format sarif=journey.sarif --format github", "journey diff --exit-code --format markdown", "<!-- journey-diff -->"} {
		if !strings.Contains(all, want) {
			t.Errorf("no step runs %q", want)
		}
	}
	for _, m := range regexp.MustCompile(`inputs\.([a-z-]+)`).FindAllStringSubmatch(text, -1) {
		if _, ok := a.Inputs[m[1]]; !ok {
			t.Errorf("inputs.%s is used but not declared", m[1])
		}
	}
	for name, in := range a.Inputs {
		if in.Description == "" {
			t.Errorf("input %s has no description", name)
		}
	}
	checkCommands(t, "action.yml", all)
}

func TestPreCommitHooks(t *testing.T) {
	data, err := os.ReadFile("../../.pre-commit-hooks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var hooks []struct {
		ID, Name, Entry, Language, Files string
	}
	if err := yaml.Unmarshal(data, &hooks); err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, h := range hooks {
		ids[h.ID] = true
		if h.Language != "golang" || h.Name == "" {
			t.Errorf("%s: language %q, name %q", h.ID, h.Language, h.Name)
		}
		re, err := regexp.Compile(h.Files)
		if err != nil {
			t.Fatalf("%s: files: %v", h.ID, err)
		}
		for f, want := range map[string]bool{"maps/shop.journey.yaml": true, "a.personas.yaml": true, "x.yaml": false, ".journeylint.yaml": false, "journey.yaml": false} {
			if re.MatchString(f) != want {
				t.Errorf("%s: files matches %s = %v", h.ID, f, !want)
			}
		}
		checkCommands(t, ".pre-commit-hooks.yaml", h.Entry+" maps/x.journey.yaml")
	}
	if !ids["journey-lint"] || !ids["journey-fmt"] {
		t.Errorf("hooks %v, want journey-lint and journey-fmt", ids)
	}
}

// TestCIRecipes parses every ```yaml block of docs/ci.md and checks the
// journey commands of its yaml and sh blocks.
func TestCIRecipes(t *testing.T) {
	data, err := os.ReadFile("../../docs/ci.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?ms)^```(yaml|sh)\n(.*?)^```").FindAllStringSubmatch(string(data), -1)
	n := 0
	for _, b := range blocks {
		if b[1] == "sh" {
			checkCommands(t, "docs/ci.md", b[2])
			continue
		}
		n++
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(b[2]), &doc); err != nil {
			t.Errorf("docs/ci.md yaml block %d: %v\n%s", n, err, b[2])
			continue
		}
		checkCommands(t, "docs/ci.md", strings.Join(scalars(&doc), "\n"))
	}
	if n < 4 {
		t.Errorf("found %d yaml blocks, want the action, the workflow, GitLab, pre-commit and more", n)
	}
	for _, want := range []string{"artifacts:", "junit: journey-junit.xml", "--format junit=journey-junit.xml", "journey-maps/journey@", "upload-sarif", "pre-commit"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("docs/ci.md lacks %q", want)
		}
	}
}

func scalars(n *yaml.Node) []string {
	if n.Kind == yaml.ScalarNode {
		return []string{n.Value}
	}
	var out []string
	for _, c := range n.Content {
		out = append(out, scalars(c)...)
	}
	return out
}

var shellStop = map[string]bool{"|": true, "||": true, "&&": true, ";": true, ">": true, ">>": true, "<": true, "2>": true, "#": true}

// checkCommands finds `journey CMD ...` in text and runs each command line
// with --help in-process: the command and its flags must exist. Arguments
// with shell expansions are dropped; the line ends at a shell operator.
func checkCommands(t *testing.T, where, text string) {
	t.Helper()
	for _, line := range strings.Split(text, "\n") {
		if k := strings.Index(line, " #"); k >= 0 {
			line = line[:k]
		}
		i := strings.Index(line, "journey ")
		for i >= 0 && i > 0 && !strings.ContainsRune(" \t-\"'(", rune(line[i-1])) {
			j := strings.Index(line[i+1:], "journey ")
			if j < 0 {
				i = -1
				break
			}
			i += j + 1
		}
		if i < 0 || (i > 0 && line[i-1] == '-') {
			continue
		}
		var args []string
		expr := false
		for _, tok := range strings.Fields(line[i+len("journey "):]) {
			if expr || strings.Contains(tok, "${{") {
				expr = !strings.Contains(tok, "}}")
				continue
			}
			if shellStop[tok] || strings.HasPrefix(tok, "#") || strings.HasPrefix(tok, ">") {
				break
			}
			if strings.Contains(tok, "$") {
				continue
			}
			args = append(args, strings.Trim(tok, `"'`))
		}
		if len(args) == 0 || strings.HasPrefix(args[0], "-") || args[0] == "version" && len(args) == 1 {
			continue
		}
		if !hasCommand(args[0]) {
			t.Errorf("%s: %q: journey has no command %q", where, strings.TrimSpace(line), args[0])
			continue
		}
		if _, errOut, code := runCLI(t, "", append([]string{args[0], "--help"}, args[1:]...)...); code != 0 {
			t.Errorf("%s: %q: journey %s --help exits %d: %s", where, strings.TrimSpace(line), strings.Join(args, " "), code, errOut)
		}
	}
}

// TestActionLintStep runs the action's lint step with bash, as the runner
// would, against a built journey: it writes journey.sarif, prints
// annotations and records the exit code in GITHUB_OUTPUT.
func TestActionLintStep(t *testing.T) {
	bin := journeyBin(t)
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	a, _ := readAction(t)
	var step actionStep
	for _, s := range a.Runs.Steps {
		if s.ID == "lint" {
			step = s
		}
	}
	if step.Run == "" {
		t.Fatal("no step with id lint")
	}
	work := t.TempDir()
	if out, _, code := runCLI(t, "", "init", "--dir", filepath.Join(work, "maps")); code != 0 {
		t.Fatal(out)
	}
	bad := "kind: Journey\nversion: 1\ntitle: Bad\nstages:\n  - name: Empty\n"
	if err := os.WriteFile(filepath.Join(work, "maps", "bad.journey.yaml"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		paths, code string
	}{{"maps/online-shop.journey.yaml", "0"}, {"maps/", "1"}} {
		ghOut := filepath.Join(t.TempDir(), "output")
		cmd := exec.Command(bash, "-e", "-c", step.Run)
		cmd.Dir = work
		cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
			"GITHUB_OUTPUT="+ghOut, "JOURNEY_PATHS="+c.paths, "JOURNEY_FAIL_ON=error", "JOURNEY_CONFIG=")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s: the step failed: %v\n%s", c.paths, err, out)
		}
		got, _ := os.ReadFile(ghOut)
		if strings.TrimSpace(string(got)) != "exit-code="+c.code {
			t.Errorf("%s: GITHUB_OUTPUT %q, want exit-code=%s\n%s", c.paths, got, c.code, out)
		}
		if c.code == "1" && !strings.Contains(string(out), "::error file=maps/bad.journey.yaml") {
			t.Errorf("no annotation for the bad map:\n%s", out)
		}
		if sarif, err := os.ReadFile(filepath.Join(work, "journey.sarif")); err != nil || !strings.Contains(string(sarif), `"version": "2.1.0"`) {
			t.Errorf("journey.sarif: %v %.200s", err, sarif)
		}
	}
}

// TestActionCommentStep runs the action's comment step with bash, as the
// runner would, against a built journey, a real git remote and a fake gh
// that records its calls: one comment per pull request, created when a
// map changed, updated in place (found by its marker) on the next push,
// and none posted while no map changed.
func TestActionCommentStep(t *testing.T) {
	bin := journeyBin(t)
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	a, _ := readAction(t)
	var step actionStep
	for _, s := range a.Runs.Steps {
		if strings.Contains(s.Run, "journey diff") {
			step = s
		}
	}
	if step.Run == "" {
		t.Fatal("no step runs journey diff")
	}
	origin, git := gitrevtest.New(t)
	writeFile(t, filepath.Join(origin, "maps/shop.journey.yaml"), gitMap)
	writeFile(t, filepath.Join(origin, "maps/shared/people.personas.yaml"), gitLib)
	git("add", ".")
	git("commit", "-qm", "maps")
	work := filepath.Join(t.TempDir(), "work")
	git("clone", "-q", origin, work)

	fake := t.TempDir()
	calls := filepath.Join(fake, "calls")
	// gh api ... comments --jq ...: the id of a comment with the marker,
	// when EXISTING is set; anything else is recorded.
	writeFile(t, filepath.Join(fake, "gh"), `#!/bin/sh
echo "$@" >> "$GH_CALLS"
case "$*" in
  *"-X PATCH"*|*"-X POST"*) cp journey-comment.md "$GH_CALLS.body" ;;
  *comments*--jq*) [ -n "$EXISTING" ] && echo "$EXISTING" ;;
esac
exit 0
`)
	os.Chmod(filepath.Join(fake, "gh"), 0o755)
	run := func(existing string) (log, body string) {
		t.Helper()
		os.Remove(calls)
		os.Remove(calls + ".body")
		cmd := exec.Command(bash, "-e", "-c", step.Run)
		cmd.Dir = work
		cmd.Env = append(os.Environ(), "PATH="+fake+string(os.PathListSeparator)+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
			"GH_CALLS="+calls, "EXISTING="+existing, "GH_TOKEN=t", "JOURNEY_PATHS=maps/", "BASE_REF=main", "PR_NUMBER=7", "REPO=o/r")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("the step failed: %v\n%s", err, out)
		}
		l, _ := os.ReadFile(calls)
		b, _ := os.ReadFile(calls + ".body")
		return string(l), string(b)
	}
	// No map changed: nothing is posted.
	if log, _ := run(""); strings.Contains(log, "-X") {
		t.Errorf("a comment was posted while no map changed:\n%s", log)
	}
	// A map changed: one comment is created, with the marker.
	writeFile(t, filepath.Join(work, "maps/shop.journey.yaml"), strings.Replace(gitMap, "emotion: 3", "emotion: 1", 1))
	log, body := run("")
	if !strings.Contains(log, "-X POST repos/o/r/issues/7/comments") || !strings.HasPrefix(body, "<!-- journey-diff -->\n## Journey diff") {
		t.Errorf("want one new comment with the marker:\n%s\n%s", log, body)
	}
	// The next push: the comment is updated in place, not posted again.
	log, _ = run("42")
	if !strings.Contains(log, "-X PATCH repos/o/r/issues/comments/42") || strings.Contains(log, "-X POST") {
		t.Errorf("want the comment updated in place:\n%s", log)
	}
}
