// Package atomicfile writes files so that readers see the old content or
// the new, never a mix, and a failed write leaves the old file untouched.
package atomicfile

import (
	"bytes"
	"io"
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

// WriteBytes replaces path with data atomically.
func WriteBytes(path string, data []byte) (err error) {
	mode := os.FileMode(0o644)
	if st, statErr := os.Stat(path); statErr == nil {
		mode = st.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Chmod(mode); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
