package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/journey-maps/journey/pkg/templates"
)

func TestInitTemplates(t *testing.T) {
	for _, tpl := range templates.All() {
		t.Run(tpl.Name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "maps", "new")
			stdout, stderr, code := runCLI(t, "", "init", "--template", tpl.Name, "--dir", dir)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			path := filepath.Join(dir, tpl.FileName)
			for _, want := range []string{"wrote " + path, "journey lint " + path, "journey render " + path} {
				if !strings.Contains(stdout, want) {
					t.Errorf("stdout lacks %q:\n%s", want, stdout)
				}
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(data), "last_reviewed: 2026-11-23\n") {
				t.Errorf("last_reviewed is not the day init ran")
			}
			if out, errOut, code := runCLI(t, "", "validate", path); code != 0 {
				t.Fatalf("validate: exit %d\n%s%s", code, out, errOut)
			}
			if tpl.Name != "blank" {
				lintClean(t, path)
			}
			// leftovers: only the map, no temporary file
			entries, _ := os.ReadDir(dir)
			if len(entries) != 1 {
				t.Errorf("directory holds %d entries, want the map only", len(entries))
			}
		})
	}
}

// lintClean runs `journey lint --fail-on info` on a fresh template, on the
// day it was written and two months later, and wants no finding at all.
func lintClean(t *testing.T, path string) {
	t.Helper()
	for _, today := range []string{"2026-11-23", "2027-01-22"} {
		out, errOut, code := runCLI(t, "", "lint", "--fail-on", "info", "--today", today, path)
		if code != 0 || strings.Contains(out, "warning") || strings.Contains(out, "error:") {
			t.Errorf("lint --today %s: exit %d\n%s%s", today, code, out, errOut)
		}
	}
}

// hasCommand reports whether the CLI has a top-level command of that name.
func hasCommand(name string) bool {
	a := &app{env: Env{}}
	a.env.fill()
	for _, c := range a.rootCmd().Commands() {
		if c.Name() == name {
			return true
		}
	}
	return false
}

func TestInitNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "online-shop.journey.yaml")
	if err := os.WriteFile(path, []byte("mine\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := runCLI(t, "", "init", "--dir", dir)
	if code != ExitUsage {
		t.Fatalf("exit %d, want %d", code, ExitUsage)
	}
	if stdout != "" || !strings.Contains(stderr, "already exists") || !strings.Contains(stderr, path) {
		t.Errorf("stdout %q stderr %q", stdout, stderr)
	}
	if data, _ := os.ReadFile(path); string(data) != "mine\n" {
		t.Errorf("existing file changed to %q", data)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary file left behind: %v", entries)
	}
}

func TestInitUsage(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"init", "--template", "bakery", "--dir", dir},
		{"init", "--dir", dir, "extra"},
		{"init", "--dir", dir, "--today", "yesterday"},
	} {
		_, stderr, code := runCLI(t, "", args...)
		if code != ExitUsage {
			t.Errorf("%v: exit %d, want 2 (%s)", args, code, stderr)
		}
	}
	if _, stderr, _ := runCLI(t, "", "init", "--template", "bakery", "--dir", dir); !strings.Contains(stderr, "ecommerce, saas, services or blank") {
		t.Errorf("unknown template message lacks the choices: %s", stderr)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("usage errors wrote %v", entries)
	}
}
