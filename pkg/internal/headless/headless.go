// Package headless runs Debian's Chromium headless for the end-to-end
// tests of the pictures, the report and the site (make e2e): finding the
// browser, a folder for what the tests leave to look at, and one run.
package headless

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// Browser is the Chromium to run: $E2E_CHROMIUM, else the first of
// chromium, chromium-browser and google-chrome on PATH. Never a silent
// skip: a run of the e2e tests without a browser checked nothing, and
// .ci/run installs Chromium before it gets here.
func Browser(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("E2E_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("Chromium not found: install it (Debian: apt-get install -y chromium) or set E2E_CHROMIUM")
	return ""
}

// OutDir is the folder pages, screenshots and PDFs are left in: sub
// below $E2E_OUT, else below e2e-out at the repository root.
func OutDir(t testing.TB, repoRoot, sub string) string {
	t.Helper()
	dir := os.Getenv("E2E_OUT")
	if dir == "" {
		dir = filepath.Join(repoRoot, "e2e-out")
	}
	dir, err := filepath.Abs(filepath.Join(dir, sub))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// Run runs the browser once with a fresh profile, the flags this
// machine's closed network needs (no background connections, no QUIC),
// console messages logged to stderr, and a virtual time budget for the
// page's scripts; args say what to do (--dump-dom, --screenshot=...).
func Run(browser string, budget time.Duration, args ...string) (stdout, stderr string, err error) {
	profile, err := os.MkdirTemp("", "journey-e2e-")
	if err != nil {
		return "", "", err
	}
	defer os.RemoveAll(profile)
	flags := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile,
		"--enable-logging=stderr", "--log-level=0", fmt.Sprintf("--virtual-time-budget=%d", budget.Milliseconds()), "--hide-scrollbars"}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var o, e bytes.Buffer
	cmd := exec.CommandContext(ctx, browser, append(flags, args...)...)
	cmd.Stdout, cmd.Stderr = &o, &e
	if err := cmd.Run(); err != nil {
		return "", "", fmt.Errorf("chromium: %v\n%s", err, e.String())
	}
	return o.String(), e.String(), nil
}
