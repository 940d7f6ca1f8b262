package atomicfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteReplacesAndKeepsMode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.txt")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteBytes(path, []byte("new")); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	st, _ := os.Stat(path)
	if string(got) != "new" || st.Mode().Perm() != 0o600 {
		t.Fatalf("got %q mode %v", got, st.Mode().Perm())
	}
}

func TestFailedFillLeavesFileUntouched(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.txt")
	os.WriteFile(path, []byte("old"), 0o644)
	err := Write(path, func(w io.Writer) error {
		io.WriteString(w, "half")
		return errors.New("boom")
	})
	if err == nil {
		t.Fatal("want the fill error")
	}
	got, _ := os.ReadFile(path)
	entries, _ := os.ReadDir(dir)
	if string(got) != "old" || len(entries) != 1 {
		t.Fatalf("file %q, %d entries in dir", got, len(entries))
	}
}

func TestCreateNeverReplaces(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "new.yaml")
	if err := Create(path, []byte("first\n")); err != nil {
		t.Fatal(err)
	}
	if err := Create(path, []byte("second\n")); !errors.Is(err, fs.ErrExist) {
		t.Fatalf("second Create: %v, want fs.ErrExist", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "first\n" {
		t.Errorf("the file was replaced: %q", b)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

// TestErrorNamesThePathAndWhy: a write that fails names the file asked
// for and the reason, never the temporary file beside it.
func TestErrorNamesThePathAndWhy(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "no-such-folder", "x.svg")
	err := WriteBytes(missing, []byte("x"))
	var we *Error
	if !errors.As(err, &we) || err.Error() != "cannot write "+missing+": the folder "+filepath.Dir(missing)+" does not exist" {
		t.Errorf("missing folder: %v", err)
	}
	if err != nil && strings.Contains(err.Error(), ".tmp") {
		t.Errorf("the temporary name leaks: %v", err)
	}
	onDir := filepath.Join(dir, "sub")
	os.Mkdir(onDir, 0o755)
	os.WriteFile(filepath.Join(onDir, "keep"), []byte("x"), 0o644)
	if err := WriteBytes(onDir, []byte("x")); err == nil || strings.Contains(err.Error(), ".tmp") || !strings.HasPrefix(err.Error(), "cannot write "+onDir+": ") {
		t.Errorf("a folder as the target: %v", err)
	}
	if err := Create(filepath.Join(dir, "no-such-folder", "m.yaml"), []byte("x")); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("Create in a missing folder: %v", err)
	}
}
