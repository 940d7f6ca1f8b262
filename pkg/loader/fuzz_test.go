package loader

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/journey-maps/journey/pkg/diag"
)

// FuzzLoad feeds arbitrary bytes to the loader: it must never panic or
// hang, every finding must be positioned and sorted, and the positions
// the model records must be those of the parse tree. The seeds are the
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
	// The hostile shapes, small enough to mutate quickly.
	for _, seed := range []string{
		"a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c]\n",
		strings.Repeat("[", 200) + strings.Repeat("]", 200),
		"\xef\xbb\xbfkind: Journey\r\nversion: 1\r\ntitle: T\r\n",
		"kind: Journey\nversion: 1\ntitle: \xff\xfe\n",
		"kind: Journey\n\tversion: 1\n",
		"kind: Journey\nversion: 1\ntitle: T\n---\nkind: Journey\n",
		"kind: Journey\nversion: 1\ntitle: T\nstages:\n  - name: S\n    touchpoints:\n      - name: T\n        emotion: .nan\n",
	} {
		f.Add([]byte(seed))
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
		if file.Kind == "" && len(file.Diags) == 0 {
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
		checkPositions(t, data)
	})
}
