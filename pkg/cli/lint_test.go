package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/journey-maps/journey/pkg/lint"
	"github.com/journey-maps/journey/pkg/report"
)

// TestLintGolden runs `journey lint x.yaml` for every testdata/lint/x.yaml
// (today is 2026-11-23) and compares output and exit code with x.out.
func TestLintGolden(t *testing.T) {
	dir, _ := filepath.Abs("../../testdata/lint")
	cases, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if want := 2 * len(lint.Rules()); len(cases) < want {
		t.Fatalf("found only %d cases in %s, want at least %d (one reported and one not for each rule)", len(cases), dir, want)
	}
	t.Chdir(dir)
	for _, c := range cases {
		name := filepath.Base(c)
		t.Run(strings.TrimSuffix(name, ".yaml"), func(t *testing.T) {
			stdout, stderr, code := runCLI(t, "", "lint", name)
			got := fmt.Sprintf("%s--- stderr\n%s--- exit %d\n", stdout, stderr, code)
			golden(t, strings.TrimSuffix(name, ".yaml")+".out", got)
		})
	}
}

// TestLintGoldenCoversEveryRule: each rule has a case it reports and one
// it does not.
func TestLintGoldenCoversEveryRule(t *testing.T) {
	for _, r := range lint.Rules() {
		tag := "[" + r.ID + "]"
		fires, err := os.ReadFile("../../testdata/lint/" + r.ID + ".out")
		if err != nil || !strings.Contains(string(fires), tag) {
			t.Errorf("testdata/lint/%s.out: want a finding of %s (%v)", r.ID, r.ID, err)
		}
		quiet, err := os.ReadFile("../../testdata/lint/" + r.ID + "-ok.out")
		if err != nil || strings.Contains(string(quiet), tag) {
			t.Errorf("testdata/lint/%s-ok.out: want no finding of %s (%v)", r.ID, r.ID, err)
		}
	}
}

func TestLintExamplesHaveNoErrorsOrWarnings(t *testing.T) {
	stdout, stderr, code := runCLI(t, "", "lint", "--today", "2026-11-23", "--fail-on", "warning", "../../examples")
	if code != ExitOK || strings.Contains(stdout, "error:") || strings.Contains(stdout, "warning:") {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
}

const lintMap = `kind: Journey
version: 1
title: Online checkout
last_reviewed: 2026-11-01
stages:
  - id: purchase
    name: Purchase
    touchpoints:
      - id: checkout-form
        name: Checkout form
        channel: website
        emotion: 3
  - id: delivery
    name: Delivery
    phase: post-purchase
    touchpoints:
      - {id: courier, name: Courier delivery, channel: delivery, owner: logistics-team, emotion: 4}
`

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		writeFile(t, filepath.Join(dir, name), content)
	}
}

func TestLintFailOnAndExitCodes(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"m.journey.yaml": lintMap})
	t.Chdir(dir)
	// One warning (touchpoint-has-owner): clean by default, 1 with --fail-on warning.
	if _, stderr, code := runCLI(t, "", "lint", "m.journey.yaml"); code != ExitOK || !strings.Contains(stderr, "1 warning") {
		t.Fatalf("default: exit %d, %s", code, stderr)
	}
	if _, _, code := runCLI(t, "", "lint", "--fail-on", "warning", "m.journey.yaml"); code != ExitFindings {
		t.Fatalf("--fail-on warning: exit %d", code)
	}
	if _, stderr, code := runCLI(t, "", "lint", "--fail-on", "fatal", "m.journey.yaml"); code != ExitUsage || !strings.Contains(stderr, "--fail-on") {
		t.Fatalf("bad --fail-on: exit %d %s", code, stderr)
	}
	if _, _, code := runCLI(t, "", "lint", "--today", "23/11/2026", "m.journey.yaml"); code != ExitUsage {
		t.Fatalf("bad --today: exit %d", code)
	}
	if _, _, code := runCLI(t, "", "lint", "missing.journey.yaml"); code != ExitUsage {
		t.Fatalf("missing file: exit %d", code)
	}
	if _, _, code := runCLI(t, "", "lint", "--fail-on", "info", "m.journey.yaml"); code != ExitFindings {
		t.Fatalf("--fail-on info: exit %d", code)
	}
}

func TestLintConfigFoundUpwardWithOverridesAndStrict(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		".journeylint.yaml": `extends: strict
rules:
  touchpoint-has-owner: error
  review-overdue: {days: 10}
overrides:
  - files: ["maps/legacy/**"] # relative to this file
    rules:
      touchpoint-has-owner: off
`,
		"maps/m.journey.yaml":            lintMap,
		"maps/legacy/old/o.journey.yaml": lintMap,
	})
	t.Chdir(filepath.Join(dir, "maps"))
	stdout, stderr, code := runCLI(t, "", "lint", "--format", "json", ".")
	if code != ExitFindings {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	var got report.JSONReport
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	for _, d := range got.Diagnostics {
		seen[filepath.ToSlash(d.File)+" "+d.Rule] = d.Severity.String()
	}
	want := map[string]string{
		"m.journey.yaml touchpoint-has-owner":            "error",   // rules
		"m.journey.yaml review-overdue":                  "warning", // 22 days > days: 10
		"m.journey.yaml channel-mix":                     "",        // mixed channels: not reported
		"legacy/old/o.journey.yaml touchpoint-has-owner": "",        // override
		"legacy/old/o.journey.yaml review-overdue":       "warning",
	}
	for k, sev := range want {
		if seen[k] != sev {
			t.Errorf("%s: severity %q, want %q\n%s", k, seen[k], sev, stdout)
		}
	}
	// --config points elsewhere: the file found upward is not used.
	writeFiles(t, dir, map[string]string{"other.yaml": "rules:\n  touchpoint-has-owner: off\n"})
	if _, stderr, code := runCLI(t, "", "lint", "--config", "../other.yaml", "--fail-on", "warning", "m.journey.yaml"); code != ExitOK {
		t.Fatalf("--config: exit %d\n%s", code, stderr)
	}
}

func TestLintConfigErrorsAreUsageErrors(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		".journeylint.yaml": "rules:\n  touchpoint-has-ownr: off\n  review-overdue: {dayz: 3}\n",
		"m.journey.yaml":    lintMap,
	})
	t.Chdir(dir)
	_, stderr, code := runCLI(t, "", "lint", "m.journey.yaml")
	if code != ExitUsage {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{
		`.journeylint.yaml:2:3: error: unknown rule "touchpoint-has-ownr": did you mean "touchpoint-has-owner"?`,
		`.journeylint.yaml:3:20: error: unknown option of review-overdue "dayz": did you mean "days"?`,
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if _, stderr, code := runCLI(t, "", "lint", "--config", "nope.yaml", "m.journey.yaml"); code != ExitUsage || !strings.Contains(stderr, "nope.yaml") {
		t.Fatalf("missing --config: exit %d %s", code, stderr)
	}
	if _, _, code := runCLI(t, "", "score", "m.journey.yaml"); code != ExitUsage {
		t.Fatalf("score with a bad config: exit %d", code)
	}
}

func TestLintManyFormatsInOneRun(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"m.journey.yaml": lintMap})
	t.Chdir(dir)
	stdout, _, code := runCLI(t, "", "lint", "--format", "text", "--format", "json=out.json", "m.journey.yaml")
	if code != ExitOK || !strings.Contains(stdout, "[touchpoint-has-owner]") {
		t.Fatalf("exit %d\n%s", code, stdout)
	}
	data, err := os.ReadFile("out.json")
	if err != nil || !strings.Contains(string(data), `"item": "touchpoint:checkout-form"`) {
		t.Fatalf("%v\n%s", err, data)
	}
}

func TestExplain(t *testing.T) {
	stdout, _, code := runCLI(t, "", "explain")
	if code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	for _, r := range lint.Rules() {
		if !strings.Contains(stdout, r.ID) {
			t.Errorf("list lacks %s", r.ID)
		}
	}
	if !strings.Contains(stdout, "scoring") {
		t.Errorf("list lacks the scoring topic:\n%s", stdout)
	}
	stdout, _, code = runCLI(t, "", "explain", "evidence-stale")
	if code != ExitOK || !strings.Contains(stdout, "Why it matters") || !strings.Contains(stdout, "days") || !strings.Contains(stdout, "docs/rules.md#evidence-stale") {
		t.Fatalf("exit %d\n%s", code, stdout)
	}
	if stdout, _, code := runCLI(t, "", "explain", "scoring"); code != ExitOK || !strings.Contains(stdout, "Health") {
		t.Fatalf("scoring: exit %d\n%s", code, stdout)
	}
	_, stderr, code := runCLI(t, "", "explain", "goal-measureable")
	if code != ExitUsage || !strings.Contains(stderr, `did you mean "goal-measurable"?`) {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
}

func TestScoreHealthUsesLintFindingsAndConfigWeights(t *testing.T) {
	dir := t.TempDir()
	clean := strings.Replace(lintMap, "        emotion: 3\n", "        emotion: 3\n        owner: web-team\n", 1)
	writeFiles(t, dir, map[string]string{"clean.journey.yaml": clean, "dirty.journey.yaml": lintMap})
	t.Chdir(dir)
	health := func(file string) float64 {
		t.Helper()
		stdout, stderr, code := runCLI(t, "", "score", "--format", "json", file)
		if code != ExitOK {
			t.Fatalf("exit %d\n%s", code, stderr)
		}
		var v any
		if err := json.Unmarshal([]byte(stdout), &v); err != nil {
			t.Fatal(err)
		}
		h, ok := findKey(v, "health")
		if !ok {
			t.Fatalf("no health in\n%s", stdout)
		}
		return h
	}
	if c, d := health("clean.journey.yaml"), health("dirty.journey.yaml"); c != 100 || d >= c {
		t.Fatalf("health clean %v, dirty %v", c, d)
	}
	writeFiles(t, dir, map[string]string{".journeylint.yaml": "rules:\n  touchpoint-has-owner: off\nscore:\n  weights: {impact: 7}\n"})
	if d := health("dirty.journey.yaml"); d != 100 {
		t.Fatalf("health with the rule off: %v", d)
	}
	stdout, _, _ := runCLI(t, "", "explain", "scoring")
	if !strings.Contains(stdout, "impact      7") {
		t.Fatalf("explain scoring does not show the configured weight:\n%s", stdout)
	}
}

// findKey finds the first number under key in decoded JSON.
func findKey(v any, key string) (float64, bool) {
	switch x := v.(type) {
	case map[string]any:
		if n, ok := x[key].(float64); ok {
			return n, true
		}
		for _, y := range x {
			if n, ok := findKey(y, key); ok {
				return n, true
			}
		}
	case []any:
		for _, y := range x {
			if n, ok := findKey(y, key); ok {
				return n, true
			}
		}
	}
	return 0, false
}

func TestLintNewFromRev(t *testing.T) {
	dir, git := gitRepo(t)
	writeFiles(t, dir, map[string]string{"m.journey.yaml": lintMap})
	git("add", "m.journey.yaml")
	git("commit", "-q", "-m", "first")
	// Lines move (a description is added on top) and a new touchpoint
	// without an owner appears: only its finding is new.
	changed := strings.Replace(lintMap, "title: Online checkout\n", "title: Online checkout\ndescription: |\n  Two lines\n  of text.\n", 1)
	changed = strings.Replace(changed, "        emotion: 3\n", "        emotion: 3\n      - {id: cart, name: Cart, channel: website, emotion: 3}\n", 1)
	writeFiles(t, dir, map[string]string{"m.journey.yaml": changed})
	t.Chdir(dir)
	stdout, stderr, code := runCLI(t, "", "lint", "--new-from-rev", "HEAD", "--fail-on", "warning", "m.journey.yaml")
	if code != ExitFindings || strings.Count(stdout, "[touchpoint-has-owner]") != 1 || !strings.Contains(stdout, `touchpoint "cart"`) {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	if !strings.Contains(stderr, "1 finding also at HEAD not reported") {
		t.Errorf("summary: %s", stderr)
	}
	// Without the flag both are reported.
	if stdout, _, _ := runCLI(t, "", "lint", "m.journey.yaml"); strings.Count(stdout, "[touchpoint-has-owner]") != 2 {
		t.Fatalf("without --new-from-rev:\n%s", stdout)
	}
	// A file not in the revision: everything is new.
	writeFiles(t, dir, map[string]string{"n.journey.yaml": lintMap})
	if stdout, _, _ := runCLI(t, "", "lint", "--new-from-rev", "HEAD", "n.journey.yaml"); !strings.Contains(stdout, "[touchpoint-has-owner]") {
		t.Fatalf("new file:\n%s", stdout)
	}
	for _, rev := range []string{"--output=/tmp/x", "-h", "no-such-rev"} {
		if _, stderr, code := runCLI(t, "", "lint", "--new-from-rev="+rev, "m.journey.yaml"); code != ExitUsage {
			t.Errorf("rev %q: exit %d %s", rev, code, stderr)
		}
	}
}

// TestEveryFindingIDIsExplained: every id a finding of validate or lint
// can carry (found by linting the test maps, hostile ones included) is
// one explain documents, and docs/format.md or docs/rules.md lists it.
func TestEveryFindingIDIsExplained(t *testing.T) {
	seen := map[string]bool{}
	var maps []string
	for _, glob := range []string{"../../testdata/validate/*.yaml", "../../testdata/lint/*.yaml", "../../testdata/loader/*.yaml"} {
		found, _ := filepath.Glob(glob)
		maps = append(maps, found...)
	}
	stdout, _, _ := runCLI(t, "", append([]string{"lint", "--fail-on", "info", "--format", "json", "--", "../../testdata/no-such.journey.yaml"}, maps...)...)
	var out struct {
		Diagnostics []struct{ Rule string } `json:"diagnostics"`
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("%v\n%s", err, stdout)
	}
	for _, d := range out.Diagnostics {
		seen[d.Rule] = true
	}
	if len(seen) < 10 {
		t.Fatalf("the test maps carry only %d ids: %v", len(seen), seen)
	}
	docs := readDoc(t, "../../docs/format.md") + readDoc(t, "../../docs/rules.md")
	for id := range seen {
		if !slices.Contains(lint.FindingIDs(), id) {
			t.Errorf("finding id %q is not in lint.FindingIDs", id)
		}
	}
	for _, id := range lint.FindingIDs() {
		stdout, _, code := runCLI(t, "", "explain", id)
		if code != ExitOK || !strings.Contains(stdout, "Why it matters") || !strings.Contains(stdout, "How to fix it") {
			t.Errorf("explain %s: exit %d\n%s", id, code, stdout)
		}
		if !strings.Contains(docs, "`"+id+"`") {
			t.Errorf("docs/format.md and docs/rules.md do not list %q", id)
		}
	}
}

func readDoc(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
