// Package atomicfile writes files so that readers see the old content or
// the new, never a mix, and a failed write leaves the old file untouched.
package atomicfile

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// Write calls fill with a buffer and, if it succeeds, replaces path with
// the buffer's content through a temporary file in the same directory and
// a rename. An existing file keeps its permissions.
func Write(path string, fill func(w io.Writer) error) error {
	var buf bytes.Buffer
	if err := fill(&buf); err != nil {
		return err
	}
	return WriteBytes(path, buf.Bytes())
}

// Error is a file that could not be written, and why, in words that name
// the file asked for rather than the temporary file beside it.
type Error struct {
	Path string
	Err  error
}

func (e *Error) Error() string { return "cannot write " + e.Path + ": " + e.reason() }

func (e *Error) Unwrap() error { return e.Err }

func (e *Error) reason() string {
	dir := filepath.Dir(e.Path)
	if errors.Is(e.Err, fs.ErrNotExist) {
		if _, err := os.Stat(dir); err != nil {
			return "the folder " + dir + " does not exist"
		}
	}
	// The innermost error: "permission denied", not the temporary name.
	var pe *fs.PathError
	if errors.As(e.Err, &pe) {
		return pe.Err.Error()
	}
	var le *os.LinkError
	if errors.As(e.Err, &le) {
		return le.Err.Error()
	}
	return e.Err.Error()
}

// WriteBytes replaces path with data atomically. When path is a symbolic
// link, the file it points to is replaced and the link kept. A failure is
// an *Error.
func WriteBytes(path string, data []byte) error {
	if err := writeBytes(path, data); err != nil {
		return &Error{Path: path, Err: err}
	}
	return nil
}

func writeBytes(path string, data []byte) error {
	path, err := linkTarget(path)
	if err != nil {
		return err
	}
	mode := os.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm()
	}
	tmp, err := writeTemp(path, data, mode)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// Create writes a new file atomically and never replaces an existing one:
// it fails with an error matching fs.ErrExist when path exists, even when
// the file appears while it is written. A failure is an *Error.
func Create(path string, data []byte) error {
	if err := create(path, data); err != nil {
		return &Error{Path: path, Err: err}
	}
	return nil
}

func create(path string, data []byte) error {
	tmp, err := writeTemp(path, data, 0o644)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	err = os.Link(tmp, path)
	if err == nil || errors.Is(err, fs.ErrExist) {
		return err
	}
	// No hard links here: reserve the name, then move the content over it.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	f.Close()
	return os.Rename(tmp, path)
}

// writeTemp writes data with mode to a synced temporary file beside path
// and returns its name; nothing is left behind when it fails.
func writeTemp(path string, data []byte, mode os.FileMode) (name string, err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return "", err
	}
	if err = tmp.Chmod(mode); err != nil {
		return "", err
	}
	if err = tmp.Sync(); err != nil {
		return "", err
	}
	if err = tmp.Close(); err != nil {
		return "", err
	}
	return tmp.Name(), nil
}
