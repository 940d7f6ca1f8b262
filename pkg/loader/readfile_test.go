package loader

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name     string
		size     int
		limit    int64
		tooLarge bool
	}{
		{"empty", 0, 10, false},
		{"small", 5, 10, false},
		{"at the limit", 10, 10, false},
		{"one byte over the limit", 11, 10, true},
		{"several pages", 3*4096 + 7, 1 << 20, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := bytes.Repeat([]byte("abcdefghij\n"), tc.size/11+1)[:tc.size]
			path := filepath.Join(dir, strings.ReplaceAll(tc.name, " ", "-"))
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
			got, err := ReadFile(path, tc.limit)
			if tc.tooLarge {
				if !errors.Is(err, ErrTooLarge) {
					t.Fatalf("got %d bytes, error %v; want ErrTooLarge", len(got), err)
				}
				return
			}
			if err != nil || !bytes.Equal(got, want) {
				t.Fatalf("got %q, %v; want %q", got, err, want)
			}
		})
	}
	for _, tc := range []struct{ name, path, want string }{
		{"a directory", dir, "is a directory"},
		{"a missing file", filepath.Join(dir, "missing.journey.yaml"), "no such file"},
		{"a path through a file", filepath.Join(dir, "small", "x.journey.yaml"), "not a directory"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReadFile(tc.path, 100)
			if err == nil || ReadMessage(err) != tc.want {
				t.Fatalf("got %q, %v; want the error %q", got, err, tc.want)
			}
		})
	}
}
