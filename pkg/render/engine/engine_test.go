package engine

import (
	"bufio"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// The test binary doubles as a fake helper: run with ENGINE_FAKE_HELPER
// set, it serves the protocol with a layout that echoes the DOT, so the
// client is tested against a real process without go-graphviz.
func TestMain(m *testing.M) {
	if mode := os.Getenv("ENGINE_FAKE_HELPER"); mode != "" {
		os.Exit(fakeHelper(mode))
	}
	os.Exit(m.Run())
}

func fakeHelper(mode string) int {
	if len(os.Args) < 2 || os.Args[len(os.Args)-1] != "serve" {
		fmt.Fprintln(os.Stderr, "fake helper: want serve")
		return 2
	}
	if f := os.Getenv("ENGINE_FAKE_STARTS"); f != "" {
		fh, err := os.OpenFile(f, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err == nil {
			fh.WriteString("start\n")
			fh.Close()
		}
	}
	switch mode {
	case "silent": // never greets
		time.Sleep(time.Minute)
		return 0
	case "impostor":
		fmt.Println("hello, I am something else")
		return 0
	case "crash":
		os.Stdout.WriteString(Magic)
		fmt.Fprintln(os.Stderr, "fake helper: crashed on purpose")
		return 3
	}
	err := Serve(context.Background(), os.Stdin, os.Stdout, func(_ context.Context, dot []byte) ([]byte, error) {
		switch {
		case bytes.Contains(dot, []byte("hang")):
			time.Sleep(time.Minute)
		case bytes.Contains(dot, []byte("bad")):
			return nil, errors.New("syntax error in line 1")
		}
		return append([]byte("<svg>"), append(dot, "</svg>"...)...), nil
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	return 0
}

// fake returns a Helper that runs this test binary as the helper.
func fake(t *testing.T, mode string) (*Helper, string) {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	starts := filepath.Join(t.TempDir(), "starts")
	t.Setenv("ENGINE_FAKE_HELPER", mode)
	t.Setenv("ENGINE_FAKE_STARTS", starts)
	h := &Helper{Path: self, Timeout: 3 * time.Second}
	t.Cleanup(func() { h.Close() })
	return h, starts
}

func TestHelperOneProcessManyDiagrams(t *testing.T) {
	h, starts := fake(t, "serve")
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			dot := fmt.Sprintf("digraph { n%d }", i)
			svg, err := h.SVG(context.Background(), []byte(dot))
			if err != nil || string(svg) != "<svg>"+dot+"</svg>" {
				t.Errorf("diagram %d: %q %v", i, svg, err)
			}
		}(i)
	}
	wg.Wait()
	// A layout error is Graphviz's answer, not a broken helper.
	if _, err := h.SVG(context.Background(), []byte("bad")); err == nil || !strings.Contains(err.Error(), "syntax error") {
		t.Errorf("bad graph: %v", err)
	}
	if svg, err := h.SVG(context.Background(), []byte("after")); err != nil || string(svg) != "<svg>after</svg>" {
		t.Errorf("after an error: %q %v", svg, err)
	}
	if err := h.Close(); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(starts)
	if n := strings.Count(string(b), "start"); n != 1 || h.Starts() != 1 {
		t.Errorf("%d helper processes started (counted %d), want 1", n, h.Starts())
	}
}

func TestHelperTimeout(t *testing.T) {
	h, _ := fake(t, "serve")
	h.Timeout = 300 * time.Millisecond
	start := time.Now()
	_, err := h.SVG(context.Background(), []byte("hang"))
	if err == nil || !strings.Contains(err.Error(), "no answer within") {
		t.Fatalf("err = %v", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("took %s", d)
	}
	if _, err := h.SVG(context.Background(), []byte("next")); err == nil {
		t.Error("a timed-out helper answered again")
	}
}

func TestHelperBroken(t *testing.T) {
	for mode, want := range map[string]string{
		"silent":   "no answer within",
		"impostor": "not a journey-graphviz helper",
		"crash":    "crashed on purpose",
	} {
		t.Run(mode, func(t *testing.T) {
			h, _ := fake(t, mode)
			h.Timeout = time.Second
			_, err := h.SVG(context.Background(), []byte("digraph {}"))
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Fatalf("err = %v, want %q", err, want)
			}
		})
	}
}

func TestHelperRefusesHugeDOT(t *testing.T) {
	h := &Helper{Path: "/nonexistent"}
	if _, err := h.SVG(context.Background(), make([]byte, MaxDOT+1)); err == nil || !strings.Contains(err.Error(), "over the limit") {
		t.Fatalf("err = %v", err)
	}
}

func TestServeProtocol(t *testing.T) {
	var in bytes.Buffer
	writeFrame(&in, 0, []byte("a"))
	writeFrame(&in, 0, []byte("bad"))
	var out bytes.Buffer
	err := Serve(context.Background(), &in, &out, func(_ context.Context, dot []byte) ([]byte, error) {
		if string(dot) == "bad" {
			return nil, errors.New("nope")
		}
		return []byte("<svg/>"), nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), Magic) {
		t.Fatalf("no greeting: %q", out.String())
	}
	r := newReader(out.Bytes()[len(Magic):])
	if svg, err := readReply(r); err != nil || string(svg) != "<svg/>" {
		t.Errorf("first reply %q %v", svg, err)
	}
	var le *LayoutError
	if _, err := readReply(r); !errors.As(err, &le) || le.Msg != "nope" {
		t.Errorf("second reply %v", err)
	}
	if _, err := readReply(r); err != io.EOF {
		t.Errorf("after the last reply: %v", err)
	}

	// A frame over the limit or cut short is a protocol error.
	var big bytes.Buffer
	big.Write([]byte{0xff, 0xff, 0xff, 0xff})
	if err := Serve(context.Background(), &big, io.Discard, nil); err == nil || !errors.Is(err, ErrFrameTooLarge) {
		t.Errorf("oversized frame: %v", err)
	}
	if err := Serve(context.Background(), bytes.NewReader([]byte{0, 0, 0, 9, 'x'}), io.Discard, nil); err == nil {
		t.Error("truncated frame accepted")
	}
}

func TestLocateOrder(t *testing.T) {
	dir := t.TempDir()
	helper := filepath.Join(dir, HelperName)
	os.WriteFile(helper, []byte("#!/bin/sh\n"), 0o755)
	dot := filepath.Join(t.TempDir(), "dot")
	os.WriteFile(dot, []byte("#!/bin/sh\n"), 0o755)
	notFound := func(string) (string, error) { return "", errors.New("not found") }
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == EnvVar {
				return v
			}
			return ""
		}
	}
	exe := func() (string, error) { return filepath.Join(dir, "journey"), nil }
	elsewhere := func() (string, error) { return filepath.Join(t.TempDir(), "journey"), nil }

	cases := []struct {
		name string
		l    Lookup
		want string // "helper:PATH", "dot:PATH" or an error fragment
	}{
		{"env var", Lookup{Getenv: env(helper), Executable: elsewhere, LookPath: notFound}, "helper:" + helper},
		{"env var names dot", Lookup{Getenv: env(dot), Executable: exe, LookPath: notFound}, "dot:" + dot},
		{"env var names a missing dot", Lookup{Getenv: env(helper[:len(helper)-len(HelperName)] + "dot"), Executable: elsewhere, LookPath: notFound}, "JOURNEY_GRAPHVIZ="},
		{"env var missing", Lookup{Getenv: env(filepath.Join(dir, "nope")), Executable: exe, LookPath: notFound}, "no executable there"},
		{"beside the executable", Lookup{Getenv: env(""), Executable: exe, LookPath: func(n string) (string, error) { return "/usr/bin/" + n, nil }}, "helper:" + helper},
		{"on PATH", Lookup{Getenv: env(""), Executable: elsewhere, LookPath: func(n string) (string, error) { return "/opt/bin/" + n, nil }}, "helper:/opt/bin/" + HelperName},
		{"dot", Lookup{Getenv: env(""), Executable: elsewhere, LookPath: func(n string) (string, error) {
			if n == "dot" {
				return "/usr/bin/dot", nil
			}
			return "", errors.New("no")
		}}, "dot:/usr/bin/dot"},
		{"nothing", Lookup{Getenv: env(""), Executable: elsewhere, LookPath: notFound}, "neither was found"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			eng, err := Locate(c.l)
			var got string
			switch e := eng.(type) {
			case *Helper:
				got = "helper:" + e.Path
			case Dot:
				got = "dot:" + e.Path
			}
			if err != nil {
				got = err.Error()
			}
			if !strings.Contains(got, c.want) {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
	_, err := Locate(Lookup{Getenv: env(""), Executable: elsewhere, LookPath: notFound})
	if !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), InstallLine) {
		t.Errorf("not found: %v", err)
	}
}

func TestAutoLocatesLazily(t *testing.T) {
	asked := 0
	a := &Auto{Lookup: Lookup{
		Getenv:     func(string) string { return "" },
		Executable: func() (string, error) { return "/nowhere/journey", nil },
		LookPath:   func(string) (string, error) { asked++; return "", errors.New("no") },
	}}
	if asked != 0 || a.Engine() != nil {
		t.Fatal("looked before a diagram was asked for")
	}
	for i := 0; i < 2; i++ {
		if _, err := a.SVG(context.Background(), []byte("digraph{}")); !errors.Is(err, ErrNotFound) {
			t.Fatalf("err = %v", err)
		}
	}
	if asked != 2 { // helper and dot, once
		t.Errorf("PATH searched %d times, want 2", asked)
	}
	a.Close()
}

func newReader(b []byte) *bufio.Reader { return bufio.NewReader(bytes.NewReader(b)) }

func TestFixAmpersands(t *testing.T) {
	for in, want := range map[string]string{
		`<a xlink:href="x?a=1&b=2">`:   `<a xlink:href="x?a=1&amp;b=2">`,
		`&amp; &lt; &#34; &#x2F; & &&`: `&amp; &lt; &#34; &#x2F; &amp; &amp;&amp;`,
		`a&b;c &`:                      `a&b;c &amp;`,
		`&#x; &#; &abc`:                `&amp;#x; &amp;#; &amp;abc`,
	} {
		if got := string(fixAmpersands([]byte(in))); got != want {
			t.Errorf("fixAmpersands(%q) = %q, want %q", in, got, want)
		}
	}
}

// Graphviz's own dot, when installed, gives well-formed SVG for the
// hostile map's DOT through the Dot engine.
func TestDotEngine(t *testing.T) {
	path, err := exec.LookPath("dot")
	if err != nil {
		t.Skip("Graphviz's dot is not installed")
	}
	svg, err := Dot{Path: path}.SVG(context.Background(), []byte(`digraph { a [URL="https://example.com/?a=1&b=2" label=<x &amp; y>]; a -> b }`))
	if err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(svg, new(struct{ XMLName xml.Name })); err != nil {
		t.Fatalf("not well-formed: %v\n%s", err, svg)
	}
	if _, err := (Dot{Path: path}).SVG(context.Background(), []byte(`digraph { a -> }`)); err == nil {
		t.Error("a syntax error was not reported")
	}
}
