package cli

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/ with the current output")

// runCLI runs the command line in-process as on a terminal without colour,
// so findings come with source snippets.
func runCLI(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(args, Env{
		Stdin:      strings.NewReader(stdin),
		Stdout:     &out,
		Stderr:     &errb,
		Getenv:     func(k string) string { return map[string]string{"NO_COLOR": "1"}[k] },
		IsTerminal: func(io.Writer) bool { return true },
		Now:        func() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) },
	})
	return out.String(), errb.String(), code
}

// golden compares got with the file, or rewrites the file under -update.
func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./pkg/cli -run %s -update to create it)", err, t.Name())
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", path, diff)
	}
}

// TestValidateGolden runs `journey validate x.yaml` for every
// testdata/validate/x.yaml and compares output and exit code with x.out.
func TestValidateGolden(t *testing.T) {
	dir, _ := filepath.Abs("../../testdata/validate")
	cases, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if len(cases) < 20 {
		t.Fatalf("found only %d cases in %s", len(cases), dir)
	}
	t.Chdir(dir)
	for _, c := range cases {
		name := filepath.Base(c)
		t.Run(strings.TrimSuffix(name, ".yaml"), func(t *testing.T) {
			stdout, stderr, code := runCLI(t, "", "validate", name)
			got := fmt.Sprintf("%s--- stderr\n%s--- exit %d\n", stdout, stderr, code)
			golden(t, strings.TrimSuffix(name, ".yaml")+".out", got)
		})
	}
}
