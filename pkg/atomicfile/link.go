package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// maxLinks is how many symbolic links in a row are followed, as Linux's
// limit (ELOOP).
const maxLinks = 40

// linkTarget returns the file a path names once its symbolic links are
// followed: path itself when it is not a link or does not exist, and the
// file a link points to (which may not exist yet) when it is. Writing
// there, not over the link, keeps the link and changes what it shows,
// as a shell's > does.
func linkTarget(path string) (string, error) {
	for range maxLinks {
		st, err := os.Lstat(path)
		if errors.Is(err, fs.ErrNotExist) {
			return path, nil // a new file
		}
		if err != nil {
			return "", err
		}
		if st.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		dest, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(dest) {
			// Relative to the link's folder as the system finds it: its
			// own links followed before any .. in dest is applied.
			dir, err := filepath.EvalSymlinks(filepath.Dir(path))
			if err != nil {
				return "", err
			}
			dest = filepath.Join(dir, dest)
		}
		path = dest
	}
	return "", &fs.PathError{Op: "write", Path: path, Err: errors.New("too many levels of symbolic links")}
}
