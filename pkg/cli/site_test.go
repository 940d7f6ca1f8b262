package cli

import (
	"bytes"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestSiteCommand(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	empty := t.TempDir()
	broken := t.TempDir()
	os.WriteFile(filepath.Join(broken, "a.journey.yaml"), []byte(lintMap), 0o644)
	os.WriteFile(filepath.Join(broken, "b.journey.yaml"), []byte("kind: Journey\nversion: [1\n"), 0o644)
	for _, c := range []struct {
		name   string
		args   []string
		code   int
		stderr string
		wrote  bool
	}{
		{"no output folder", []string{"site", "../../examples"}, ExitUsage, "-o DIR", false},
		{"examples", []string{"site", "--today", "2026-11-23", "../../examples", "-o", out}, ExitOK, "wrote 3 maps (3 drawn)", true},
		{"no map", []string{"site", empty, "-o", filepath.Join(t.TempDir(), "s")}, ExitUsage, "no journey map in", false},
		{"missing path", []string{"site", filepath.Join(empty, "nope"), "-o", filepath.Join(t.TempDir(), "s")}, ExitUsage, "cannot read", false},
		{"bad date", []string{"site", "--today", "23/11/2026", "../../examples", "-o", out}, ExitUsage, "--today", false},
		{"unparsable file", []string{"site", broken, "-o", filepath.Join(broken, "site")}, ExitUsage, "b.journey.yaml:1:1: error: YAML syntax", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, stderr, code := runCLI(t, "", c.args...)
			if code != c.code || !strings.Contains(stderr, c.stderr) {
				t.Fatalf("exit %d, want %d; stderr:\n%s", code, c.code, stderr)
			}
			if c.wrote {
				dir := c.args[len(c.args)-1]
				if _, err := os.Stat(filepath.Join(dir, "index.html")); err != nil {
					t.Errorf("no site written: %v", err)
				}
			}
		})
	}
	page, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil || !bytes.Contains(page, []byte("as of 23 November 2026")) {
		t.Errorf("the date of --today is not on the pages (%v)", err)
	}
}

// TestSiteDate: SOURCE_DATE_EPOCH fixes the day and prints it; without
// it or --today no date is printed, so rebuilding tomorrow changes
// nothing that did not change.
func TestSiteDate(t *testing.T) {
	for _, c := range []struct {
		epoch string
		want  string
	}{
		{"1795392000", "as of 23 November 2026"},
		{"", ""},
	} {
		out := filepath.Join(t.TempDir(), "site")
		var stderr bytes.Buffer
		code := Run([]string{"site", "../../examples", "-o", out}, Env{
			Stderr: &stderr,
			Getenv: func(k string) string { return map[string]string{"SOURCE_DATE_EPOCH": c.epoch}[k] },
			Now:    func() time.Time { return time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC) },
			IsTerminal: func(io.Writer) bool {
				return false
			},
		})
		if code != ExitOK {
			t.Fatalf("exit %d: %s", code, stderr.String())
		}
		page, _ := os.ReadFile(filepath.Join(out, "index.html"))
		if c.want != "" && !bytes.Contains(page, []byte(c.want)) || c.want == "" && bytes.Contains(page, []byte(" as of ")) {
			t.Errorf("SOURCE_DATE_EPOCH=%q: the page says %q", c.epoch, between(string(page), "Built by", "</p>"))
		}
	}
}

func between(s, from, to string) string {
	_, after, _ := strings.Cut(s, from)
	before, _, _ := strings.Cut(after, to)
	return before
}

func TestServeUsage(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"serve", "-"}, "standard input"},
		{[]string{"serve", "--addr", taken.Addr().String(), "../../examples"}, "cannot listen on " + taken.Addr().String()},
		{[]string{"serve", "--today", "tomorrow", "../../examples"}, "--today"},
	} {
		_, stderr, code := runCLI(t, "", c.args...)
		if code != ExitUsage || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q", c.args, code, stderr)
		}
	}
}
