// Package gitrev reads files from git revisions. git is run directly, never
// through a shell, and revisions are passed after --end-of-options so a
// revision cannot be taken for an option.
package gitrev

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// Repo is a git work tree.
type Repo struct {
	// Dir is the top level of the work tree, absolute.
	Dir string
}

// Open finds the repository that holds dir.
func Open(dir string) (*Repo, error) {
	out, err := run(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, fmt.Errorf("not in a git repository: %w", err)
	}
	top := strings.TrimSpace(string(out))
	if real, err := filepath.EvalSymlinks(top); err == nil {
		top = real
	}
	return &Repo{Dir: top}, nil
}

// Resolve turns a revision (branch, tag, HEAD~1, hash) into a commit hash.
func (r *Repo) Resolve(rev string) (string, error) {
	if rev == "" || strings.HasPrefix(rev, "-") {
		return "", fmt.Errorf("%q is not a revision", rev)
	}
	out, err := run(r.Dir, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}")
	if err != nil {
		return "", fmt.Errorf("unknown revision %q", rev)
	}
	return strings.TrimSpace(string(out)), nil
}

// ErrNotFound means the path does not exist at the revision.
var ErrNotFound = errors.New("not in this revision")

// Show returns the content of a repository-relative path at a commit.
func (r *Repo) Show(commit, rel string) ([]byte, error) {
	rel = filepath.ToSlash(filepath.Clean(rel))
	out, err := run(r.Dir, "cat-file", "blob", "--end-of-options", commit+":"+rel)
	if err != nil {
		return nil, fmt.Errorf("%s at %.12s: %w", rel, commit, ErrNotFound)
	}
	return out, nil
}

// Rel turns a path (absolute, or relative to the current directory) into
// a path relative to the top of the work tree.
func (r *Repo) Rel(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	dir, base := filepath.Split(abs)
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		abs = filepath.Join(real, base)
	}
	rel, err := filepath.Rel(r.Dir, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("%s is outside the repository", path)
	}
	return rel, nil
}

// ReadFileFunc returns a reader of files at a commit, addressed like files
// on disk (for loader.Options.ReadFile), limited to max bytes.
func (r *Repo) ReadFileFunc(commit string, max int64) func(path string) ([]byte, error) {
	return func(path string) ([]byte, error) {
		rel, err := r.Rel(path)
		if err != nil {
			return nil, err
		}
		data, err := r.Show(commit, rel)
		if err != nil {
			return nil, err
		}
		if max > 0 && int64(len(data)) > max {
			return nil, fmt.Errorf("file too large: over %d bytes", max)
		}
		return data, nil
	}
}

// ListFiles lists the repository-relative paths of the files at a commit
// under the given paths (repository-relative; none means everything).
func (r *Repo) ListFiles(commit string, paths ...string) ([]string, error) {
	// ls-tree takes paths straight after the tree: a "--" there would be a
	// path itself (after --end-of-options nothing is an option) and, with
	// no other path, would match nothing.
	args := []string{"ls-tree", "-r", "--name-only", "--full-tree", "--end-of-options", commit}
	for _, p := range paths {
		args = append(args, filepath.ToSlash(p))
	}
	out, err := run(r.Dir, args...)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		if line != "" {
			files = append(files, filepath.FromSlash(line))
		}
	}
	return files, nil
}

func run(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return nil, errors.New(msg)
	}
	return out, nil
}

// Root returns the top of the work tree holding dir: the nearest directory
// at or above it with a .git entry (a directory, or a file in a linked
// worktree or submodule), absolute but with symbolic links as written;
// "" outside any, or above a directory of GIT_CEILING_DIRECTORIES. It
// reads the file system only, so a command can work it out once without
// starting git.
func Root(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	ceilings := filepath.SplitList(os.Getenv("GIT_CEILING_DIRECTORIES"))
	for {
		if _, err := os.Lstat(filepath.Join(abs, ".git")); err == nil {
			return abs
		}
		parent := filepath.Dir(abs)
		if parent == abs || slices.Contains(ceilings, parent) {
			return ""
		}
		abs = parent
	}
}
