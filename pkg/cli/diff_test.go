package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/journey-maps/journey/pkg/diff"
)

// diffCase is one directory of testdata/diff: old.* and new.*, an optional
// args file of extra flags, and the expected outputs.
type diffCase struct {
	name, dir string
	old, new  string // file names inside dir
	args      []string
}

func diffCases(t *testing.T) []diffCase {
	t.Helper()
	root, _ := filepath.Abs("../../testdata/diff")
	dirs, _ := filepath.Glob(filepath.Join(root, "*"))
	var out []diffCase
	for _, d := range dirs {
		if st, err := os.Stat(d); err != nil || !st.IsDir() {
			continue
		}
		olds, _ := filepath.Glob(filepath.Join(d, "old.*.yaml"))
		news, _ := filepath.Glob(filepath.Join(d, "new.*.yaml"))
		if len(olds) != 1 || len(news) != 1 {
			t.Fatalf("%s: want one old.*.yaml and one new.*.yaml", d)
		}
		c := diffCase{name: filepath.Base(d), dir: d, old: filepath.Base(olds[0]), new: filepath.Base(news[0])}
		if b, err := os.ReadFile(filepath.Join(d, "args")); err == nil {
			c.args = strings.Fields(string(b))
		}
		out = append(out, c)
	}
	if len(out) < 10 {
		t.Fatalf("found only %d cases in %s", len(out), root)
	}
	return out
}

// TestDiffGolden runs `journey diff old new` in every testdata/diff case
// in the three formats and compares the output with expected.txt,
// expected.md and expected.json (rewritten under -update).
func TestDiffGolden(t *testing.T) {
	for _, c := range diffCases(t) {
		t.Run(c.name, func(t *testing.T) {
			t.Chdir(c.dir)
			for _, f := range []struct{ format, file string }{{"text", "expected.txt"}, {"markdown", "expected.md"}, {"json", "expected.json"}} {
				args := append([]string{"diff", "--today", "2026-11-23", "--format", f.format}, c.args...)
				args = append(args, c.old, c.new)
				stdout, stderr, code := runCLI(t, "", args...)
				if code != ExitOK || stderr != "" {
					t.Fatalf("%s: exit %d\n%s", f.format, code, stderr)
				}
				if f.format == "json" {
					var r diff.Result
					if err := json.Unmarshal([]byte(stdout), &r); err != nil {
						t.Fatalf("json does not parse: %v", err)
					}
				}
				golden(t, f.file, stdout)
			}
		})
	}
}

// TestDiffExitCodes: 0 by default; --exit-code 1 on any difference;
// --fail-on-regression 1 when a stage's experience or the health goes down.
func TestDiffExitCodes(t *testing.T) {
	t.Chdir("../../testdata/diff")
	for _, tc := range []struct {
		dir   string
		flags []string
		want  int
	}{
		{"unchanged", nil, ExitOK},
		{"unchanged", []string{"--exit-code"}, ExitOK},
		{"unchanged", []string{"--fail-on-regression"}, ExitOK},
		{"changed", nil, ExitOK},
		{"changed", []string{"--exit-code"}, ExitFindings},
		{"changed", []string{"--fail-on-regression"}, ExitOK}, // experience went up
		{"evidence", []string{"--exit-code"}, ExitFindings},
		{"moved-stage", []string{"--exit-code"}, ExitFindings},
		{"moved-stage", []string{"--fail-on-regression"}, ExitFindings}, // stage-order: the health goes down
		{"regression", nil, ExitOK},
		{"regression", []string{"--fail-on-regression"}, ExitFindings}, // a stage went down
		{"findings", []string{"--fail-on-regression"}, ExitFindings},   // the health went down
		{"removed", []string{"--fail-on-regression"}, ExitOK},          // a removed stage is no regression
		{"personas", []string{"--exit-code"}, ExitFindings},
		{"personas", []string{"--fail-on-regression"}, ExitOK},
	} {
		t.Run(fmt.Sprintf("%s%v", tc.dir, tc.flags), func(t *testing.T) {
			olds, _ := filepath.Glob(filepath.Join(tc.dir, "old.*"))
			news, _ := filepath.Glob(filepath.Join(tc.dir, "new.*"))
			args := append(append([]string{"diff"}, tc.flags...), olds[0], news[0])
			_, stderr, code := runCLI(t, "", args...)
			if code != tc.want {
				t.Fatalf("exit %d, want %d\n%s", code, tc.want, stderr)
			}
		})
	}
}

func TestDiffUsageAndUnreadable(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "a.journey.yaml")
	bad := filepath.Join(dir, "b.journey.yaml")
	os.WriteFile(good, []byte("kind: Journey\nversion: 1\ntitle: T\n"), 0o644)
	os.WriteFile(bad, []byte("kind: Journey\nversion: [1\n"), 0o644)
	t.Chdir(dir)
	for _, tc := range []struct {
		args []string
		want int
		msg  string
	}{
		{[]string{"diff", good, bad}, ExitUsage, "b.journey.yaml"},
		{[]string{"diff", good, "missing.journey.yaml"}, ExitUsage, "no such file"},
		{[]string{"diff", "-", "-"}, ExitUsage, "standard input"},
		{[]string{"diff", "--format", "sarif", good, good}, ExitUsage, "sarif"},
		{[]string{"diff", "a", "b", "c"}, ExitUsage, "at most two revisions"},
		{[]string{"diff", "HEAD"}, ExitUsage, "git repository"},
	} {
		_, stderr, code := runCLI(t, "", tc.args...)
		if code != tc.want || !strings.Contains(stderr, tc.msg) {
			t.Errorf("%v: exit %d, want %d with %q\n%s", tc.args, code, tc.want, tc.msg, stderr)
		}
	}
	// A map read from standard input against a file.
	stdout, _, code := runCLI(t, "kind: Journey\nversion: 1\ntitle: U\n", "diff", good, "-")
	if code != ExitOK || !strings.Contains(stdout, `title: "T" → "U"`) {
		t.Errorf("stdin: exit %d\n%s", code, stdout)
	}
}

func TestDiffColourOnlyOnTerminal(t *testing.T) {
	t.Chdir("../../testdata/diff/changed")
	run := func(terminal bool, env map[string]string, format string) string {
		var out strings.Builder
		Run([]string{"diff", "-f", format, "old.journey.yaml", "new.journey.yaml"}, Env{
			Stdout:     &out,
			Getenv:     func(k string) string { return env[k] },
			IsTerminal: func(io.Writer) bool { return terminal },
		})
		return out.String()
	}
	if s := run(true, nil, "text"); !strings.Contains(s, "\x1b[") {
		t.Errorf("terminal: want colour:\n%q", s)
	}
	if s := run(true, map[string]string{"NO_COLOR": "1"}, "text"); strings.Contains(s, "\x1b[") {
		t.Errorf("NO_COLOR: want no colour:\n%q", s)
	}
	if s := run(false, nil, "text"); strings.Contains(s, "\x1b[") {
		t.Errorf("pipe: want no colour:\n%q", s)
	}
	for _, f := range []string{"markdown", "json"} {
		if s := run(true, nil, f); strings.Contains(s, "\x1b[") {
			t.Errorf("%s on a terminal: want no colour", f)
		}
	}
}

// TestDiffRefusesMapsWithFormatErrors: as score and render do, diff does
// not compute from a version that breaks its format: it prints the
// findings as validate does and exits 1 (2 when the YAML does not parse).
func TestDiffRefusesMapsWithFormatErrors(t *testing.T) {
	dir := t.TempDir()
	old := "kind: Journey\nversion: 1\ntitle: T\nstages:\n  - name: S\n    touchpoints:\n      - name: A\n        emotion: 3\n"
	writeFiles(t, dir, map[string]string{
		"old.journey.yaml":    old,
		"bad.journey.yaml":    strings.Replace(old, "emotion: 3", "emotion: 7", 1),
		"broken.journey.yaml": "kind: Journey\nstages: [\n",
	})
	at := func(name string) string { return filepath.Join(dir, name) }
	stdout, stderr, code := runCLI(t, "", "diff", at("old.journey.yaml"), at("bad.journey.yaml"))
	if code != ExitFindings || !strings.Contains(stderr, "bad.journey.yaml:8:18: error:") || !strings.Contains(stderr, "[schema]") || strings.Contains(stdout, "emotion") {
		t.Errorf("format error: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if _, stderr, code := runCLI(t, "", "diff", at("old.journey.yaml"), at("broken.journey.yaml")); code != ExitUsage || !strings.Contains(stderr, "[yaml-syntax]") {
		t.Errorf("syntax error: exit %d\n%s", code, stderr)
	}
}
