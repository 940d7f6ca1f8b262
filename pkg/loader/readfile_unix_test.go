//go:build unix

package loader

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// A named pipe is not a regular file: it is read through package os to
// its end, however long the writer takes.
func TestReadFileFromANamedPipe(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fifo.journey.yaml")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	const want = "kind: Journey\nversion: 1\ntitle: Piped\n"
	go func() {
		w, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		defer w.Close()
		for _, part := range []string{want[:10], want[10:]} {
			w.WriteString(part)
		}
	}()
	got, err := ReadFile(path, 1<<10)
	if err != nil || string(got) != want {
		t.Fatalf("got %q, %v; want %q", got, err, want)
	}
}
