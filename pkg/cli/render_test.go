package cli

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/journey-maps/journey/pkg/render/graphviz"
)

const renderMap = "../../testdata/render/basic.journey.yaml"

// render runs the command with a chosen answer to "is stdout a terminal".
func renderRun(t *testing.T, terminal bool, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(append([]string{"render"}, args...), Env{
		Stdout: &out, Stderr: &errb,
		Getenv:     func(string) string { return "" },
		IsTerminal: func(io.Writer) bool { return terminal },
		Graphviz:   graphviz.InProcess{},
	})
	return out.String(), errb.String(), code
}

func TestRenderToStdout(t *testing.T) {
	out, errs, code := renderRun(t, false, renderMap, "--view", "matrix", "--format", "markdown")
	if code != 0 || !strings.Contains(out, "| Touchpoints |") {
		t.Fatalf("code %d, stderr %q, stdout %q", code, errs, out)
	}
	out, _, code = renderRun(t, false, renderMap, "-f", "mermaid", "--persona", "admin")
	if code != 0 || !strings.Contains(out, "Setup call: 5: IT admin") {
		t.Fatalf("mermaid: code %d, %q", code, out)
	}
}

func TestRenderUsageErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{renderMap, "--view", "personas", "-f", "svg"}, "formats for personas: table, markdown, csv"},
		{[]string{renderMap, "--view", "emotions", "-f", "dot"}, "not laid out as a graph"},
		{[]string{renderMap, "--max-width", "-5", "-f", "svg"}, "--max-width"},
		{[]string{renderMap, "--view", "backlog", "-f", "html"}, "leave out --view"},
		{[]string{renderMap, "--persona", "ghost"}, "known: admin, user"},
		{[]string{renderMap, renderMap + "x"}, "no such file"},
		{[]string{renderMap, "../../testdata/render/hostile.journey.yaml"}, "one map at a time"},
		{[]string{renderMap, "-f", "pdf"}, "unknown format"},
	} {
		_, errs, code := renderRun(t, false, c.args...)
		if code != 2 || !strings.Contains(errs, c.want) {
			t.Errorf("%v: code %d, stderr %q, want 2 and %q", c.args, code, errs, c.want)
		}
	}
}

func TestRenderPNGToTerminalRefused(t *testing.T) {
	out, errs, code := renderRun(t, true, renderMap, "-f", "png")
	if code != 2 || out != "" || !strings.Contains(errs, "-o FILE") {
		t.Fatalf("code %d, stdout %d bytes, stderr %q", code, len(out), errs)
	}
	out, _, code = renderRun(t, false, renderMap, "-f", "png")
	if code != 0 || !strings.HasPrefix(out, "\x89PNG") {
		t.Fatalf("png to a pipe: code %d", code)
	}
}

func TestRenderOutputFile(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile(renderMap)
	if err != nil {
		t.Fatal(err)
	}
	m := filepath.Join(dir, "m.journey.yaml")
	if err := os.WriteFile(m, src, 0o644); err != nil {
		t.Fatal(err)
	}
	_, errs, code := renderRun(t, false, m, "-f", "csv", "-o", m)
	if code != 2 || !strings.Contains(errs, "would overwrite the map") {
		t.Fatalf("overwrite input: code %d, %q", code, errs)
	}
	if got, _ := os.ReadFile(m); !bytes.Equal(got, src) {
		t.Fatal("the map was changed")
	}
	out := filepath.Join(dir, "m.svg")
	stdout, errs, code := renderRun(t, false, m, "-f", "svg", "-o", out)
	if code != 0 || stdout != "" {
		t.Fatalf("svg -o: code %d, stderr %q, stdout %d bytes", code, errs, len(stdout))
	}
	if b, _ := os.ReadFile(out); !bytes.Contains(b, []byte("<svg")) {
		t.Fatal("no svg written")
	}
}

func TestRenderInvalidMap(t *testing.T) {
	dir := t.TempDir()
	m := filepath.Join(dir, "bad.journey.yaml")
	os.WriteFile(m, []byte("kind: Journey\nversion: 1\nstages:\n  - id: s\n    touchpoints:\n      - id: t\n        channel: website\n        next: [nowhere]\n"), 0o644)
	_, errs, code := renderRun(t, false, m)
	if code != 1 || !strings.Contains(errs, "fix the errors above first") {
		t.Fatalf("code %d, stderr %q", code, errs)
	}
}

// -o refuses every file the map reads, a library included by a library
// too.
func TestRenderOutputRefusesNestedInclude(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"m.journey.yaml":  "kind: Journey\nversion: 1\nid: m\ntitle: M\ninclude: [a.personas.yaml]\nstages:\n  - id: s\n    name: S\n    touchpoints:\n      - id: t\n        name: T\n        channel: website\n",
		"a.personas.yaml": "kind: Personas\nversion: 1\nid: a\ninclude: [b.personas.yaml]\npersonas:\n  - id: pa\n    name: A\n",
		"b.personas.yaml": "kind: Personas\nversion: 1\nid: b\npersonas:\n  - id: pb\n    name: B\n",
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	m := filepath.Join(dir, "m.journey.yaml")
	if _, errs, code := renderRun(t, false, m, "-f", "csv"); code != 0 {
		t.Fatalf("the map does not render: code %d, %s", code, errs)
	}
	for _, lib := range []string{"a.personas.yaml", "b.personas.yaml"} {
		out := filepath.Join(dir, lib)
		_, errs, code := renderRun(t, false, m, "-f", "csv", "-o", out)
		if code != 2 || !strings.Contains(errs, "would overwrite the map") {
			t.Errorf("-o %s: code %d, %q", lib, code, errs)
		}
		if got, _ := os.ReadFile(out); string(got) != files[lib] {
			t.Errorf("%s was changed", lib)
		}
	}
}

// The html report and the backlog are judged under the configuration, so
// a broken one stops them as it stops lint and score; views that do not
// use it still render.
func TestRenderWithBrokenConfig(t *testing.T) {
	src, err := os.ReadFile("../../examples/ecommerce/checkout.journey.yaml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "checkout.journey.yaml"), string(src))
	writeFile(t, filepath.Join(dir, ".journeylint.yaml"), "rules: {no-such-rule: off}\n")
	t.Chdir(dir)
	for _, args := range [][]string{
		{"render", "checkout.journey.yaml", "--format", "html", "-o", "out.html"},
		{"render", "checkout.journey.yaml", "--view", "backlog", "--format", "csv"},
	} {
		if _, stderr, code := runCLI(t, "", args...); code != ExitUsage || !strings.Contains(stderr, "no-such-rule") {
			t.Errorf("%v: exit %d, stderr %s", args, code, stderr)
		}
	}
	if _, err := os.Stat("out.html"); !os.IsNotExist(err) {
		t.Errorf("a report was written: %v", err)
	}
	if _, stderr, code := runCLI(t, "", "render", "checkout.journey.yaml", "--view", "matrix", "--format", "csv"); code != ExitOK {
		t.Errorf("matrix: exit %d, %s", code, stderr)
	}
}

// TestWriteIntoMissingFolder: -o or --format FMT=FILE into a folder that
// does not exist names the path and why, with no temporary file name and
// no usage hint, since the command line was right; exit 2.
func TestWriteIntoMissingFolder(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nowhere")
	m := "../../examples/ecommerce/checkout.journey.yaml"
	for _, args := range [][]string{
		{"render", m, "--format", "csv", "-o", filepath.Join(missing, "x.csv")},
		{"lint", "--format", "sarif=" + filepath.Join(missing, "x.sarif"), m},
		{"score", "--format", "json=" + filepath.Join(missing, "x.json"), m},
	} {
		_, stderr, code := runCLI(t, "", args...)
		if code != ExitUsage || !strings.Contains(stderr, "cannot write "+missing) || !strings.Contains(stderr, "the folder "+missing+" does not exist") ||
			strings.Contains(stderr, ".tmp") || strings.Contains(stderr, "--help") {
			t.Errorf("%v: exit %d\n%s", args, code, stderr)
		}
	}
	// A mistake in the command line still gets the hint.
	if _, stderr, code := runCLI(t, "", "lint", "--no-such-flag"); code != ExitUsage || !strings.Contains(stderr, "--help") {
		t.Errorf("unknown flag: exit %d\n%s", code, stderr)
	}
}
