package main

import (
	"bytes"
	"context"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/journey-maps/journey/pkg/render/engine"
)

const example = "../../examples/ecommerce/checkout.journey.yaml"

// build compiles journey and the helper with `go build -o` into dir.
func build(t *testing.T, dir string, pkgs ...string) {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go tool on PATH")
	}
	for _, pkg := range pkgs {
		name := filepath.Base(pkg)
		if runtime.GOOS == "windows" {
			name += ".exe"
		}
		out, err := exec.Command(goTool, "build", "-o", filepath.Join(dir, name), pkg).CombinedOutput()
		if err != nil {
			t.Fatalf("go build %s: %v\n%s", pkg, err, out)
		}
	}
}

// journey runs the built journey with a PATH that holds neither the
// helper nor Graphviz's dot, so only the helper beside it can draw.
func journey(t *testing.T, bin string, env []string, args ...string) (stdout, stderr []byte, code int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append([]string{"PATH=" + t.TempDir(), "HOME=" + os.Getenv("HOME"), "TMPDIR=" + os.TempDir()}, env...)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return o.Bytes(), e.Bytes(), ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return o.Bytes(), e.Bytes(), 0
}

func TestRenderThroughTheHelper(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two binaries")
	}
	dir := t.TempDir()
	build(t, dir, "github.com/journey-maps/journey/cmd/journey", "github.com/journey-maps/journey/cmd/journey-graphviz")
	bin := filepath.Join(dir, "journey")

	svg, errs, code := journey(t, bin, nil, "render", example, "--view", "journey", "--format", "svg")
	if code != 0 {
		t.Fatalf("svg: exit %d: %s", code, errs)
	}
	if err := xml.Unmarshal(svg, new(struct{ XMLName xml.Name })); err != nil || !bytes.Contains(svg, []byte("<svg")) {
		t.Fatalf("not SVG (%v): %.200s", err, svg)
	}
	if !bytes.Contains(svg, []byte("Checkout")) && !bytes.Contains(svg, []byte("checkout")) {
		t.Errorf("the SVG does not show the map: %.300s", svg)
	}

	// The report embeds the diagram through the same helper.
	page, errs, code := journey(t, bin, nil, "render", example, "--format", "html")
	if code != 0 || !bytes.Contains(page, []byte("<svg")) {
		t.Fatalf("html: exit %d: %s", code, errs)
	}

	// JOURNEY_GRAPHVIZ names the helper wherever it is.
	other := t.TempDir()
	build(t, other, "github.com/journey-maps/journey/cmd/journey")
	if _, errs, code := journey(t, filepath.Join(other, "journey"), []string{"JOURNEY_GRAPHVIZ=" + filepath.Join(dir, "journey-graphviz")}, "render", example, "--view", "journey", "-f", "svg"); code != 0 {
		t.Fatalf("JOURNEY_GRAPHVIZ: exit %d: %s", code, errs)
	}
	// Without it, and with neither helper nor dot to be found: the flow
	// is exit 2 and how to get one; the canvas needs neither, and the
	// report renders whole with a note in place of the flow.
	_, errs, code = journey(t, filepath.Join(other, "journey"), nil, "render", example, "--view", "journey", "-f", "svg")
	if code != 2 || !bytes.Contains(errs, []byte(engine.InstallLine)) {
		t.Fatalf("no helper: exit %d: %s", code, errs)
	}
	if out, errs, code := journey(t, filepath.Join(other, "journey"), nil, "render", example, "-f", "svg"); code != 0 || !bytes.Contains(out, []byte("<svg")) {
		t.Fatalf("canvas without a helper: exit %d: %s", code, errs)
	}
	if out, errs, code := journey(t, filepath.Join(other, "journey"), nil, "render", example, "-f", "html"); code != 0 || !bytes.Contains(out, []byte("The flow diagram needs the journey-graphviz helper")) {
		t.Fatalf("report without a helper: exit %d: %s", code, errs)
	}
	// Tables never need it.
	if out, errs, code := journey(t, filepath.Join(other, "journey"), nil, "render", example, "--view", "matrix", "-f", "csv"); code != 0 || len(out) == 0 {
		t.Fatalf("csv without a helper: exit %d: %s", code, errs)
	}
}

func TestHelperCommand(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"svg"}, strings.NewReader(`digraph { a -> b }`), &out, &errb); code != 0 || !strings.Contains(out.String(), "<svg") {
		t.Fatalf("svg: %d %s", code, errb.String())
	}
	out.Reset()
	if code := run(nil, nil, &out, &errb); code != 2 {
		t.Errorf("no arguments: %d", code)
	}

	// serve: two diagrams over one conversation.
	pr, pw := io.Pipe()
	go func() {
		for _, g := range []string{`digraph { a }`, `digraph { b -> c }`} {
			var hdr [4]byte
			hdr[3] = byte(len(g))
			pw.Write(hdr[:])
			pw.Write([]byte(g))
		}
		pw.Close()
	}()
	out.Reset()
	if code := run([]string{"serve"}, pr, &out, &errb); code != 0 {
		t.Fatalf("serve: %d %s", code, errb.String())
	}
	if !strings.HasPrefix(out.String(), engine.Magic) || strings.Count(out.String(), "</svg>") != 2 {
		t.Fatalf("serve output: %.300q", out.String())
	}
}
