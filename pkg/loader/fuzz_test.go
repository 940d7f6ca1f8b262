package loader

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/journey-maps/journey/pkg/diag"
)

// FuzzLoad feeds arbitrary bytes to the loader: it must never panic or
// hang, and every finding must be positioned and sorted. The seeds are the
// examples and the validate golden cases.
func FuzzLoad(f *testing.F) {
	for _, pattern := range []string{"../../examples/*/*.yaml", "../../testdata/validate/*.yaml", "../../testdata/loader/*.yaml"} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(data)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		l := New(Options{
			MaxFileSize: 1 << 20,
			ReadFile:    func(string) ([]byte, error) { return nil, errors.New("no includes while fuzzing") },
		})
		done := make(chan *File, 1)
		go func() { done <- l.LoadBytes("fuzz.journey.yaml", data) }()
		var file *File
		select {
		case file = <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("loading took over 10s: %q", data)
		}
		if file.Root == nil && len(file.Diags) == 0 {
			t.Fatal("a file that did not parse has no finding")
		}
		for i, d := range file.Diags {
			if d.Line < 0 || d.Col < 0 || d.Message == "" || d.Severity != diag.Error {
				t.Fatalf("bad finding %+v", d)
			}
			if i > 0 && d.Line < file.Diags[i-1].Line && d.File == file.Diags[i-1].File {
				t.Fatalf("findings not sorted: %v", file.Diags)
			}
		}
	})
}
