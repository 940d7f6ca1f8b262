package gitrev

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// newRepo makes a repository with one commit holding a.txt = "one", then
// changes a.txt to "two" in the work tree.
func newRepo(t *testing.T) (string, *Repo) {
	t.Helper()
	dir := t.TempDir()
	git := func(args ...string) {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q", "-b", "main")
	os.MkdirAll(filepath.Join(dir, "maps"), 0o755)
	os.WriteFile(filepath.Join(dir, "maps", "a.txt"), []byte("one"), 0o644)
	git("add", ".")
	git("commit", "-qm", "first")
	os.WriteFile(filepath.Join(dir, "maps", "a.txt"), []byte("two"), 0o644)
	r, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return dir, r
}

func TestShowAndList(t *testing.T) {
	dir, r := newRepo(t)
	head, err := r.Resolve("HEAD")
	if err != nil {
		t.Fatal(err)
	}
	got, err := r.ReadFileFunc(head, 0)(filepath.Join(dir, "maps", "a.txt"))
	if err != nil || string(got) != "one" {
		t.Fatalf("read at HEAD = %q, %v", got, err)
	}
	files, err := r.ListFiles(head, "maps")
	if err != nil || len(files) != 1 || files[0] != filepath.Join("maps", "a.txt") {
		t.Fatalf("ListFiles = %v, %v", files, err)
	}
	files, err = r.ListFiles(head)
	if err != nil || len(files) != 1 || files[0] != filepath.Join("maps", "a.txt") {
		t.Fatalf("ListFiles with no path = %v, %v", files, err)
	}
	if _, err := r.Show(head, "maps/none.txt"); err == nil {
		t.Fatal("a missing path must fail")
	}
}

func TestRevisionsAreNotOptions(t *testing.T) {
	_, r := newRepo(t)
	for _, rev := range []string{"--output=/tmp/x", "-p", "", "no-such-branch"} {
		if _, err := r.Resolve(rev); err == nil {
			t.Errorf("Resolve(%q) succeeded", rev)
		}
	}
}

func TestRoot(t *testing.T) {
	dir, _ := newRepo(t)
	if got := Root(filepath.Join(dir, "maps")); got != dir {
		t.Errorf("Root(maps) = %q, want %q", got, dir)
	}
	// A linked worktree has a .git file, not a directory.
	wt := t.TempDir()
	os.WriteFile(filepath.Join(wt, ".git"), []byte("gitdir: elsewhere\n"), 0o644)
	os.MkdirAll(filepath.Join(wt, "a", "b"), 0o755)
	if got, want := Root(filepath.Join(wt, "a", "b")), wt; got != want {
		t.Errorf("Root in a worktree = %q, want %q", got, want)
	}
	plain := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(plain))
	if got := Root(plain); got != "" {
		t.Errorf("Root outside a repository = %q", got)
	}
	// The agreement with git itself.
	r, err := Open(filepath.Join(dir, "maps"))
	if err != nil || r.Dir != mustReal(t, Root(filepath.Join(dir, "maps"))) {
		t.Errorf("git says %v (%v), Root says %q", r, err, Root(filepath.Join(dir, "maps")))
	}
}

func mustReal(t *testing.T, p string) string {
	t.Helper()
	r, err := filepath.EvalSymlinks(p)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
