package site

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/journey-maps/journey/pkg/atomicfile"
	"github.com/journey-maps/journey/pkg/loader"
)

// ManifestName is the file in the output folder that lists the files
// journey site wrote there, so the next build removes those it no longer
// writes and leaves every other file alone.
const ManifestName = ".journey-site-files"

// UsageError is a request Write refuses: nothing was written.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// Write builds the site of the files args name into dir. The site is
// built in a temporary folder beside dir and then moved into place: a
// new dir in one rename, an existing one file by file, each file
// replaced whole. Files an earlier build wrote and this one does not are
// removed; other files in dir are kept unless clean is set.
func Write(ctx context.Context, l *loader.Loader, args []string, dir string, o Options, clean bool) (*Result, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	if err := checkOutput(abs, clean); err != nil {
		return nil, err
	}
	parent := filepath.Dir(abs)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(parent, ".journey-site-*")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	res, err := Build(ctx, l, args, o, dirSink(tmp))
	if err != nil {
		return nil, err
	}
	if clean {
		if in := inside(abs, res.Inputs); in != "" {
			return nil, &UsageError{fmt.Sprintf("--clean would delete %s, which the site is built from: choose an output folder that holds no maps", in)}
		}
	}
	if err := os.WriteFile(filepath.Join(tmp, ManifestName), manifest(res.Files), 0o644); err != nil {
		return nil, err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, err
	}
	if _, err := os.Lstat(abs); errors.Is(err, fs.ErrNotExist) {
		return res, os.Rename(tmp, abs)
	}
	return res, moveInto(tmp, abs, res.Files, clean)
}

// checkOutput refuses an output that is a file, the root of a file
// system, or (with clean) the current folder or one above it.
func checkOutput(abs string, clean bool) error {
	if st, err := os.Stat(abs); err == nil && !st.IsDir() {
		return &UsageError{fmt.Sprintf("-o %s is a file, not a folder", abs)}
	}
	if filepath.Dir(abs) == abs {
		return &UsageError{fmt.Sprintf("-o %s: refusing to write a site at the root of a file system", abs)}
	}
	if wd, err := os.Getwd(); err == nil && clean && within(abs, wd) {
		return &UsageError{fmt.Sprintf("--clean with -o %s would delete the current folder's files: choose a folder of its own, such as site/", abs)}
	}
	return nil
}

// inside returns the first path that lies within dir, or "".
func inside(dir string, paths []string) string {
	for _, p := range paths {
		if within(dir, p) {
			return p
		}
	}
	return ""
}

func within(dir, path string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

func manifest(files []string) []byte {
	var b bytes.Buffer
	b.WriteString("# Files journey site wrote in this folder. The next build removes those it\n# does not write again and leaves every other file alone.\n")
	for _, f := range files {
		b.WriteString(f + "\n")
	}
	return b.Bytes()
}

func readManifest(dir string) []string {
	data, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if err != nil {
		return nil
	}
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		// Only names a build could have written: relative, inside dir.
		if line == "" || strings.HasPrefix(line, "#") || !fs.ValidPath(line) {
			continue
		}
		out = append(out, line)
	}
	return out
}

// moveInto moves the built files from tmp into the existing dir, then
// removes what an earlier build wrote and this one did not, and with
// clean every other file; the manifest goes last.
func moveInto(tmp, dir string, files []string, clean bool) error {
	old := readManifest(dir)
	for _, f := range files {
		to := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return err
		}
		if err := os.Rename(filepath.Join(tmp, filepath.FromSlash(f)), to); err != nil {
			return err
		}
	}
	keep := map[string]bool{ManifestName: true}
	for _, f := range files {
		keep[f] = true
	}
	for _, f := range old {
		if !keep[f] {
			removeFile(dir, f)
		}
	}
	if clean {
		if err := removeOthers(dir, keep); err != nil {
			return err
		}
	}
	return atomicfile.WriteBytes(filepath.Join(dir, ManifestName), manifest(files))
}

// removeFile removes a file and the folders it leaves empty, up to dir.
func removeFile(dir, name string) {
	p := filepath.Join(dir, filepath.FromSlash(name))
	if os.Remove(p) != nil {
		return
	}
	for d := filepath.Dir(p); d != dir && within(dir, d); d = filepath.Dir(d) {
		if os.Remove(d) != nil { // not empty
			return
		}
	}
}

// removeOthers removes every file under dir that keep does not name
// (links themselves, never what they point to).
func removeOthers(dir string, keep map[string]bool) error {
	var others []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if !d.IsDir() && !keep[filepath.ToSlash(rel)] {
			others = append(others, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		return err
	}
	slices.Sort(others)
	for _, f := range others {
		removeFile(dir, f)
	}
	return nil
}
