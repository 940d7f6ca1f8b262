//go:build unix

package atomicfile

import (
	"os"
	"path/filepath"
	"testing"
)

// A write to a symbolic link replaces the file it points to and keeps the
// link: through a chain of links, a relative one under a linked folder
// (its .. taken from where the folder really is), and a link to a file
// not yet there, which is created.
func TestWriteThroughLinks(t *testing.T) {
	dir := t.TempDir()
	mk := func(p string) string { return filepath.Join(dir, p) }
	os.MkdirAll(mk("real/sub"), 0o755)
	os.WriteFile(mk("real/target.txt"), []byte("old"), 0o600)
	// shortcut -> real/sub, so shortcut/up.txt -> ../target.txt is real/target.txt
	os.Symlink(mk("real/sub"), mk("shortcut"))
	os.Symlink("../target.txt", mk("real/sub/up.txt"))
	os.Symlink(mk("shortcut/up.txt"), mk("chain.txt"))
	os.Symlink("missing.txt", mk("dangling.txt"))

	if err := WriteBytes(mk("chain.txt"), []byte("new")); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(mk("real/target.txt"))
	st, _ := os.Stat(mk("real/target.txt"))
	if string(got) != "new" || st.Mode().Perm() != 0o600 {
		t.Errorf("target %q mode %v, want the new content and its mode kept", got, st.Mode().Perm())
	}
	for _, link := range []string{"chain.txt", "real/sub/up.txt", "shortcut"} {
		if st, err := os.Lstat(mk(link)); err != nil || st.Mode()&os.ModeSymlink == 0 {
			t.Errorf("%s is no longer a link", link)
		}
	}

	if err := WriteBytes(mk("dangling.txt"), []byte("made")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(mk("missing.txt")); string(got) != "made" {
		t.Errorf("the target of a dangling link holds %q", got)
	}
	if st, _ := os.Lstat(mk("dangling.txt")); st.Mode()&os.ModeSymlink == 0 {
		t.Error("the dangling link was replaced")
	}

	// No temporary file left anywhere.
	for _, d := range []string{"", "real", "real/sub"} {
		entries, _ := os.ReadDir(mk(d))
		for _, e := range entries {
			if filepath.Ext(e.Name()) == ".tmp" {
				t.Errorf("left behind: %s", filepath.Join(d, e.Name()))
			}
		}
	}
}

func TestWriteRefusesALinkLoop(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	os.Symlink(b, a)
	os.Symlink(a, b)
	if err := WriteBytes(a, []byte("x")); err == nil {
		t.Fatal("wrote through a link loop")
	}
	if st, _ := os.Lstat(a); st.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced")
	}
}
