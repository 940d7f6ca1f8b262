package site

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
)

// Sink receives the files of a site by slash-separated name. Pages are
// written into it as they are made, so a page of thousands of rows is
// never held whole; a map's page is created when the map is drawn and
// its end appended once every map is known (its connections).
type Sink interface {
	// Create starts a file; it is complete when the writer is closed.
	Create(name string) (io.WriteCloser, error)
	// Append adds to the end of a file made before.
	Append(name string, data []byte) error
}

// putFile writes a whole file.
func putFile(sink Sink, name string, data []byte) error {
	w, err := sink.Create(name)
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	return err
}

// MemSink holds a site in memory.
type MemSink map[string][]byte

// Create starts a file, kept when it is closed.
func (m MemSink) Create(name string) (io.WriteCloser, error) {
	return &memFile{sink: m, name: name}, nil
}

// Append adds to the end of a file, in a copy: the bytes put may be
// shared (Site keeps each file's page for the next build).
func (m MemSink) Append(name string, data []byte) error {
	b, ok := m[name]
	if !ok {
		return fmt.Errorf("%s: %w", name, fs.ErrNotExist)
	}
	m[name] = slices.Concat(b, data)
	return nil
}

type memFile struct {
	bytes.Buffer
	sink MemSink
	name string
}

func (f *memFile) Close() error {
	f.sink[f.name] = f.Bytes()
	return nil
}

// dirSink writes a site into a folder.
type dirSink string

func (d dirSink) Create(name string) (io.WriteCloser, error) {
	p := filepath.Join(string(d), filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return nil, err
	}
	f, err := os.Create(p)
	if err != nil {
		return nil, err
	}
	return &bufferedFile{Writer: bufio.NewWriterSize(f, 64<<10), f: f}, nil
}

func (d dirSink) Append(name string, data []byte) error {
	f, err := os.OpenFile(filepath.Join(string(d), filepath.FromSlash(name)), os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

type bufferedFile struct {
	*bufio.Writer
	f *os.File
}

func (b *bufferedFile) Close() error {
	err := b.Flush()
	if cerr := b.f.Close(); err == nil {
		err = cerr
	}
	return err
}

// recorder notes the names a sink was given.
type recorder struct {
	sink    Sink
	mu      sync.Mutex
	written map[string]bool
}

func (r *recorder) Create(name string) (io.WriteCloser, error) {
	r.mu.Lock()
	r.written[name] = true
	r.mu.Unlock()
	return r.sink.Create(name)
}

func (r *recorder) Append(name string, data []byte) error { return r.sink.Append(name, data) }

func (r *recorder) names() []string {
	out := make([]string, 0, len(r.written))
	for n := range r.written {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// lockedSink lets the jobs of finish share a sink that is not safe for
// concurrent use: each call, and the closing of each file, is one at a
// time; writing a file is not.
type lockedSink struct {
	mu   sync.Mutex
	sink Sink
}

func (l *lockedSink) Create(name string) (io.WriteCloser, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	w, err := l.sink.Create(name)
	if err != nil {
		return nil, err
	}
	return &lockedFile{WriteCloser: w, mu: &l.mu}, nil
}

func (l *lockedSink) Append(name string, data []byte) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.sink.Append(name, data)
}

type lockedFile struct {
	io.WriteCloser
	mu *sync.Mutex
}

func (f *lockedFile) Close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.WriteCloser.Close()
}
