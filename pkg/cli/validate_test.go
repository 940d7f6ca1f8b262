package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/journey-maps/journey/pkg/report"
)

func TestValidateExamplesIsClean(t *testing.T) {
	stdout, stderr, code := runCLI(t, "", "validate", "../../examples")
	if code != ExitOK || stdout != "" || !strings.Contains(stderr, "no problems in 4 files") {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
}

func TestValidateJSON(t *testing.T) {
	stdout, _, code := runCLI(t, "kind: Journey\nversion: 1\ntitle: T\nstages:\n  - name: S\n    phase: nope\n", "validate", "--format", "json", "-")
	if code != ExitFindings {
		t.Fatalf("exit %d", code)
	}
	var got report.JSONReport
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("%v\n%s", err, stdout)
	}
	if len(got.Files) != 1 || got.Files[0].Path != "<stdin>" || got.Files[0].ID != "t" || got.Summary.Errors != 1 {
		t.Fatalf("%+v", got)
	}
	d := got.Diagnostics[0]
	if d.Line != 6 || d.Col != 12 || d.Rule != "schema" || d.Severity.String() != "error" {
		t.Fatalf("diagnostic %+v", d)
	}
	// The documented field names.
	for _, key := range []string{`"file"`, `"line"`, `"column"`, `"severity": "error"`, `"rule"`, `"message"`, `"summary"`} {
		if !strings.Contains(stdout, key) {
			t.Errorf("JSON lacks %s", key)
		}
	}
}

func TestColourOnlyOnTerminalAndNeverWithNoColor(t *testing.T) {
	bad := "kind: Journey\nversion: 1\ntitle: T\nx: 1\n"
	run := func(terminal bool, env map[string]string, args ...string) string {
		var out bytes.Buffer
		Run(append([]string{"validate"}, append(args, "-")...), Env{
			Stdin: strings.NewReader(bad), Stdout: &out,
			Getenv:     func(k string) string { return env[k] },
			IsTerminal: func(io.Writer) bool { return terminal },
		})
		return out.String()
	}
	if s := run(true, nil); !strings.Contains(s, "\x1b[") || !strings.Contains(s, "^") {
		t.Errorf("terminal: want colour and a caret:\n%q", s)
	}
	if s := run(true, map[string]string{"NO_COLOR": "1"}); strings.Contains(s, "\x1b[") || !strings.Contains(s, "^") {
		t.Errorf("NO_COLOR: want a caret and no colour:\n%q", s)
	}
	if s := run(true, map[string]string{"NO_COLOR": "1"}, "--color", "always"); strings.Contains(s, "\x1b[") {
		t.Errorf("NO_COLOR wins over --color always:\n%q", s)
	}
	if s := run(false, nil); strings.Contains(s, "\x1b[") || strings.Contains(s, "^") {
		t.Errorf("pipe: want neither colour nor snippet:\n%q", s)
	}
	if s := run(false, nil, "--color", "always"); !strings.Contains(s, "\x1b[") {
		t.Errorf("--color always on a pipe:\n%q", s)
	}
}

func TestValidateManyFilesInStableOrder(t *testing.T) {
	dir := t.TempDir()
	var want []string
	for i := 0; i < 40; i++ {
		name := filepath.Join(dir, string(rune('a'+i%26))+strings.Repeat("x", i/26)+".journey.yaml")
		os.WriteFile(name, []byte("kind: Journey\nversion: 1\ntitle: T\nbad: 1\n"), 0o644)
		want = append(want, name)
	}
	first, _, code := runCLI(t, "", "validate", "--color", "never", dir)
	if code != ExitFindings {
		t.Fatalf("exit %d", code)
	}
	for i := 0; i < 5; i++ {
		again, _, _ := runCLI(t, "", "validate", "--color", "never", dir)
		if again != first {
			t.Fatal("output order changed between runs")
		}
	}
	// One finding a file, in path order.
	sort.Strings(want)
	var got []string
	for _, line := range strings.Split(first, "\n") {
		if path, _, ok := strings.Cut(line, ":4:1: error: unknown key"); ok {
			got = append(got, path)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("files reported (-want +got):\n%s\noutput:\n%s", diff, first)
	}
}

func TestExitCodes(t *testing.T) {
	for _, c := range []struct {
		name  string
		stdin string
		args  []string
		want  int
	}{
		{"clean", "kind: Journey\nversion: 1\ntitle: T\n", []string{"validate", "-"}, ExitOK},
		{"format finding", "kind: Journey\nversion: 1\n", []string{"validate", "-"}, ExitFindings},
		{"YAML syntax", "kind: [\n", []string{"validate", "-"}, ExitUsage},
		{"missing file", "", []string{"validate", "no-such-file.journey.yaml"}, ExitUsage},
		{"unknown flag", "", []string{"validate", "--nope"}, ExitUsage},
		{"unknown format", "", []string{"validate", "--format", "xml", "-"}, ExitUsage},
		{"two formats to stdout", "", []string{"validate", "--format", "json", "--format", "text", "-"}, ExitUsage},
		{"bad size", "", []string{"validate", "--max-file-size", "lots", "-"}, ExitUsage},
		{"unknown command", "", []string{"frobnicate"}, ExitUsage},
	} {
		t.Run(c.name, func(t *testing.T) {
			if _, stderr, code := runCLI(t, c.stdin, c.args...); code != c.want {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, c.want, stderr)
			}
		})
	}
}

func TestFormatToFileIsWrittenBesideStdout(t *testing.T) {
	out := filepath.Join(t.TempDir(), "report.json")
	stdout, _, code := runCLI(t, "kind: Journey\nversion: 1\n", "validate", "--color", "never", "--format", "json="+out, "-")
	if code != ExitFindings || !strings.Contains(stdout, `missing required key "title"`) {
		t.Fatalf("exit %d, stdout:\n%s", code, stdout)
	}
	data, err := os.ReadFile(out)
	if err != nil || !json.Valid(data) || !bytes.Contains(data, []byte(`"errors": 1`)) {
		t.Fatalf("report file: %v\n%s", err, data)
	}
}

func TestTerminalEscapesAreNeutralised(t *testing.T) {
	stdout, _, _ := runCLI(t, "kind: Journey\nversion: 1\ntitle: T\n\"x\\e[31mred\": 1\n", "validate", "-")
	if strings.Contains(stdout, "\x1b[31m") {
		t.Fatalf("an escape sequence from the map reached the terminal:\n%q", stdout)
	}
}

func TestVersion(t *testing.T) {
	stdout, _, code := runCLI(t, "", "version")
	if code != 0 || !strings.HasPrefix(stdout, "journey ") || !strings.Contains(stdout, "go:") {
		t.Fatalf("exit %d:\n%s", code, stdout)
	}
}

// TestNothingToCheckIsAnError: a gate that checks nothing must not pass.
// Arguments that name no journey file at all exit 2 and say so, for
// every command that reads maps; *.journey.yml and *.personas.yml are
// journey files; a missing file is counted as a file in the summary.
func TestNothingToCheckIsAnError(t *testing.T) {
	empty := t.TempDir()
	writeFiles(t, empty, map[string]string{"other.yaml": "a: 1\n", "sub/notes.md": "x\n"})
	for _, cmd := range []string{"validate", "lint", "score", "fmt", "render"} {
		stdout, stderr, code := runCLI(t, "", cmd, empty)
		if code != ExitUsage || !strings.Contains(stdout+stderr, "no journey files here") {
			t.Errorf("%s on a folder with no journey file: exit %d\n%s%s", cmd, code, stdout, stderr)
		}
	}
	yml := t.TempDir()
	writeFiles(t, yml, map[string]string{"a.journey.yml": "kind: Journey\nversion: 1\ntitle: A\n", "p.personas.yml": "kind: Personas\nversion: 1\npersonas: []\n"})
	if _, stderr, code := runCLI(t, "", "validate", yml); code != ExitOK || !strings.Contains(stderr, "no problems in 2 files") {
		t.Errorf("*.journey.yml and *.personas.yml: exit %d\n%s", code, stderr)
	}
	_, stderr, code := runCLI(t, "", "lint", filepath.Join(empty, "missing.journey.yaml"))
	if code != ExitUsage || !strings.Contains(stderr, "1 error in 1 file") {
		t.Errorf("a missing file: exit %d\n%s", code, stderr)
	}
}
