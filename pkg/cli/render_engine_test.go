package cli

import (
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
)

// The journey binary must not link go-graphviz: its package init compiles
// WebAssembly at the start of every process, drawing or not. Diagrams go
// through the journey-graphviz helper (pkg/render/engine).
func TestJourneyBinaryDoesNotLinkGraphviz(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go tool on PATH")
	}
	out, err := exec.Command(goTool, "list", "-deps", "github.com/journey-maps/journey/cmd/journey").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, pkg := range strings.Split(string(out), "\n") {
		if strings.Contains(pkg, "graphviz") || strings.Contains(pkg, "wazero") {
			t.Errorf("cmd/journey depends on %s", pkg)
		}
	}
}

// countingEngine records the diagrams it is asked for.
type countingEngine struct {
	mu    sync.Mutex
	calls int
}

func (c *countingEngine) SVG(_ context.Context, dot []byte) ([]byte, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.calls++
	return []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>`), nil
}

func TestRenderEngineOnlyForDiagrams(t *testing.T) {
	for _, c := range []struct {
		args  []string
		calls int
	}{
		{[]string{"-f", "table"}, 0},
		{[]string{"-f", "markdown", "--view", "matrix"}, 0},
		{[]string{"-f", "csv", "--view", "backlog"}, 0},
		{[]string{"-f", "mermaid"}, 0},
		{[]string{"-f", "dot"}, 0},
		{[]string{"-f", "svg", "--view", "emotions"}, 0},
		{[]string{"-f", "svg"}, 0},
		{[]string{"-f", "png"}, 0},
		{[]string{"-f", "svg", "--view", "matrix"}, 0},
		{[]string{"-f", "svg", "--view", "journey"}, 1},
		{[]string{"-f", "html"}, 1},
	} {
		eng := &countingEngine{}
		var out, errb bytes.Buffer
		code := Run(append([]string{"render", renderMap}, c.args...), Env{
			Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }, Graphviz: eng,
		})
		if code != 0 || eng.calls != c.calls {
			t.Errorf("%v: code %d, %d layouts, want 0 and %d (%s)", c.args, code, eng.calls, c.calls, errb.String())
		}
	}
}

// With no helper, no dot and no injected engine, a diagram is a clear
// error (exit 2) naming both ways out; a table still works.
func TestRenderNoEngine(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	env := func(out, errb *bytes.Buffer) Env {
		return Env{Stdout: out, Stderr: errb, Getenv: func(k string) string { return "" }, IsTerminal: func(io.Writer) bool { return false }}
	}
	var out, errb bytes.Buffer
	code := Run([]string{"render", renderMap, "--view", "journey", "-f", "svg"}, env(&out, &errb))
	if code != ExitUsage || out.Len() != 0 {
		t.Fatalf("code %d, stdout %q", code, out.String())
	}
	for _, want := range []string{"journey-graphviz", "Graphviz's dot", "go install github.com/journey-maps/journey/cmd/...@latest", "JOURNEY_GRAPHVIZ", "apt-get install graphviz"} {
		if !strings.Contains(errb.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, errb.String())
		}
	}
	out.Reset()
	errb.Reset()
	// The report renders whole, the flow replaced by a note on how to
	// get it; the canvas and the emotion curve need no engine.
	if code := Run([]string{"render", renderMap, "-f", "html"}, env(&out, &errb)); code != 0 ||
		!strings.Contains(out.String(), "The flow diagram needs the journey-graphviz helper") || !strings.Contains(out.String(), `id="canvas"`) {
		t.Errorf("html without an engine: code %d, %s", code, errb.String())
	}
	for _, args := range [][]string{{"-f", "svg"}, {"-f", "svg", "--view", "emotions"}} {
		out.Reset()
		if code := Run(append([]string{"render", renderMap}, args...), env(&out, &errb)); code != 0 || !strings.Contains(out.String(), "<svg") {
			t.Errorf("%v without an engine: code %d, %s", args, code, errb.String())
		}
	}
	out.Reset()
	errb.Reset()
	if code := Run([]string{"render", renderMap, "-f", "table"}, env(&out, &errb)); code != 0 || out.Len() == 0 {
		t.Errorf("table without an engine: code %d, %s", code, errb.String())
	}
}

func TestRenderEngineEnvVarMissing(t *testing.T) {
	var out, errb bytes.Buffer
	missing := filepath.Join(t.TempDir(), "nothing-here")
	code := Run([]string{"render", renderMap, "--view", "journey", "-f", "svg"}, Env{Stdout: &out, Stderr: &errb,
		Getenv: func(k string) string {
			if k == "JOURNEY_GRAPHVIZ" {
				return missing
			}
			return ""
		}})
	if code != ExitUsage || !strings.Contains(errb.String(), "JOURNEY_GRAPHVIZ="+missing) {
		t.Fatalf("code %d, stderr %q", code, errb.String())
	}
	if _, err := os.Stat(missing); err == nil {
		t.Fatal("created the helper path")
	}
}

// The html report shows the map's lint findings and its health, as
// journey lint and journey score compute them.
func TestRenderHTMLShowsLintFindings(t *testing.T) {
	out, errs, code := renderRun(t, false, renderMap, "-f", "html", "--today", "2026-11-23")
	if code != 0 {
		t.Fatalf("code %d: %s", code, errs)
	}
	for _, want := range []string{`<span class="sev warning">warning</span>`, "[1-9][0-9]* warnings", "Map health</dt><dd>"} {
		if !regexp.MustCompile(want).MatchString(out) {
			t.Errorf("the report lacks %q", want)
		}
	}
	if strings.Contains(out, "No findings: the map passes every rule.") {
		t.Error("the report claims no findings for a map with lint warnings")
	}
}
