// Package loader reads journey files and persona libraries from files,
// directories and stdin, validates their format, resolves includes and
// returns the model with positioned findings.
package loader

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/gitrev"
	"github.com/journey-maps/journey/pkg/model"
	"github.com/journey-maps/journey/pkg/schema"
	"github.com/journey-maps/journey/pkg/yamlx"
)

// DefaultMaxFileSize is the largest file read unless Options say otherwise:
// far above any real map, small enough to bound memory.
const DefaultMaxFileSize = 8 << 20

// MaxIncludeDepth is how deep includes may nest (docs/format.md, "Ids,
// references and includes").
const MaxIncludeDepth = 8

// StdinPath is how standard input is named in findings.
const StdinPath = "<stdin>"

// Options configure a Loader.
type Options struct {
	// MaxFileSize in bytes; 0 means DefaultMaxFileSize.
	MaxFileSize int64
	// Stdin is read for the argument "-".
	Stdin io.Reader
	// ReadFile reads a file by path; nil means the OS, limited to
	// MaxFileSize. Set it to read maps from elsewhere (a git revision).
	ReadFile func(path string) ([]byte, error)
	// Roots are the directories includes may not leave. Empty means the
	// directory of the first argument and the current directory.
	Roots []string
	// Workers is how many files are loaded at once; 0 means one per core
	// and one more.
	Workers int
}

// File is one loaded file. It holds no YAML nodes: what later steps need
// of the parse (positions, comments) is recorded while it is decoded, so
// a file can be kept without its parse tree.
type File struct {
	Path   string // as shown in findings
	Source []byte // the bytes read, for source snippets
	// Kind is model.KindJourney or model.KindPersonas; "" when the file
	// did not parse.
	Kind string
	// Comments are the lines of the file's comments as the YAML parser
	// found them ("# text", leading spaces included), so a `#` inside a
	// value is not taken for one.
	Comments []string

	Journey  *model.Journey        // for kind Journey
	Personas *model.PersonaLibrary // for kind Personas

	// Diags are the format findings of this file and of the files it
	// includes, sorted.
	Diags []diag.Diagnostic

	abs string // absolute path, anchors includes
}

// Valid reports whether the file and its includes have no format errors.
func (f *File) Valid() bool { return diag.Max(f.Diags) < diag.Error }

// Loader loads files. Included libraries are parsed once per Loader and
// shared; include resolution (cycles, depth) is done for each top-level
// file, so its findings do not depend on the order files were loaded in.
type Loader struct {
	opts Options
	wd   string // the working directory when the loader was made

	mu      sync.Mutex
	parsed  map[string]*cacheEntry // included files, by absolute path
	sources map[string][]byte      // by display path
}

// parsedFile is a file parsed, checked against the schema and decoded,
// before its includes are followed.
type parsedFile struct {
	file *File
	own  []diag.Diagnostic // findings in this file itself
}

type cacheEntry struct {
	once sync.Once
	p    *parsedFile
}

// New returns a Loader.
func New(opts Options) *Loader {
	if opts.MaxFileSize <= 0 {
		opts.MaxFileSize = DefaultMaxFileSize
	}
	if opts.Workers <= 0 {
		// One more than the cores, to run while another waits for its
		// file to be read: about 4% faster over 2,000 maps on 2 cores.
		opts.Workers = runtime.GOMAXPROCS(0) + 1
	}
	l := &Loader{opts: opts, parsed: map[string]*cacheEntry{}, sources: map[string][]byte{}}
	// Relative paths are made absolute against the directory the loader
	// starts in, asked once instead of once per file.
	l.wd, _ = os.Getwd()
	if l.opts.ReadFile == nil {
		l.opts.ReadFile = l.readOS
	}
	return l
}

// Source returns the bytes of a file loaded under its display path: an
// included file, or a file Load, LoadFile, LoadStdin or LoadBytes returned.
// Each does not keep what it hands over; its callback keeps what it needs.
func (l *Loader) Source(path string) []byte {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.sources[path]
}

// Load expands the arguments (files, directories, "-") and loads every
// file in parallel. Files come back in argument order, directory contents
// sorted by path. Problems with the arguments themselves (a path that does
// not exist) are returned as fatal findings.
func (l *Loader) Load(args []string) ([]*File, []diag.Diagnostic) {
	var files []*File
	problems := Stream(l, args, func(f *File) *File { return f }, func(f *File) {
		l.keepSource(f.Path, f.Source)
		files = append(files, f)
	})
	return files, problems
}

// Stream loads the files the arguments name, as Load does, and runs work
// on each in the worker that loaded it: per-file work uses every core, and
// a file is let go as soon as its work is done. deliver gets the results
// in argument order on the calling goroutine. Only a small window of
// results waits for deliver at once, however many files there are.
// Problems with the arguments themselves are returned.
func Stream[T any](l *Loader, args []string, work func(*File) T, deliver func(T)) []diag.Diagnostic {
	paths, problems := Expand(args)
	if len(l.opts.Roots) == 0 {
		l.opts.Roots = DefaultRoots(args, gitrev.Root(FirstDir(args)))
	}
	each(l, paths, work, deliver)
	return problems
}

// each loads paths on the worker pool and works on them there. A file
// may be done ahead of the one deliver is waiting for, but at most
// window results are held at once.
func each[T any](l *Loader, paths []string, work func(*File) T, deliver func(T)) {
	workers := min(l.opts.Workers, max(len(paths), 1))
	window := 4 * workers
	slots := make(chan struct{}, window)
	// File i's result goes to ready[i%window]: file i+window is only sent
	// out once file i is delivered, so the channel is empty again by then,
	// and memory stays the same however many files there are.
	ready := make([]chan T, window)
	for i := range ready {
		ready[i] = make(chan T, 1)
	}
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				if paths[i] == "-" {
					ready[i%window] <- work(l.loadStdin())
				} else {
					ready[i%window] <- work(l.loadFile(paths[i]))
				}
			}
		}()
	}
	go func() {
		for i := range paths {
			slots <- struct{}{}
			jobs <- i
		}
		close(jobs)
	}()
	for i := range paths {
		deliver(<-ready[i%window])
		<-slots
	}
	wg.Wait()
}

// DefaultRoots returns the trees includes may not leave when
// Options.Roots is empty: the current directory, that of the first
// argument (docs/format.md) and the repository holding it (repoRoot,
// gitrev.Root of FirstDir; "" when there is none), so that a map named by
// an absolute path, or from outside its repository, may still include
// libraries elsewhere in it.
func DefaultRoots(args []string, repoRoot string) []string {
	var roots []string
	if wd, err := os.Getwd(); err == nil {
		roots = append(roots, wd)
	}
	if dir := FirstDir(args); dir != "" {
		roots = append(roots, dir)
	}
	if repoRoot != "" {
		roots = append(roots, repoRoot)
	}
	return roots
}

// FirstDir is the absolute directory of the first argument that names a
// file or directory (not standard input), or "" when there is none.
func FirstDir(args []string) string {
	for _, a := range args {
		if a == "-" {
			continue
		}
		dir := a
		if st, err := os.Stat(a); err != nil || !st.IsDir() {
			dir = filepath.Dir(a)
		}
		abs, err := filepath.Abs(dir)
		if err != nil {
			return ""
		}
		return abs
	}
	return ""
}

// LoadStdin loads a file from Options.Stdin.
func (l *Loader) LoadStdin() *File {
	f := l.loadStdin()
	l.keepSource(f.Path, f.Source)
	return f
}

func (l *Loader) loadStdin() *File {
	var data []byte
	var err error
	if l.opts.Stdin == nil {
		err = errors.New("no standard input")
	} else {
		data, err = ReadLimited(l.opts.Stdin, l.opts.MaxFileSize)
	}
	return l.resolve(l.parse(StdinPath, filepath.Join(l.wd, "stdin"), data, err))
}

// LoadFile loads one file by path, with its includes.
func (l *Loader) LoadFile(path string) *File {
	f := l.loadFile(path)
	l.keepSource(f.Path, f.Source)
	return f
}

func (l *Loader) loadFile(path string) *File {
	path = filepath.Clean(path)
	abs := l.absPath(path)
	data, err := l.opts.ReadFile(path)
	return l.resolve(l.parse(path, abs, data, err))
}

// LoadBytes loads a file whose content is already in memory (for example
// from a git revision); path names it and anchors its includes.
func (l *Loader) LoadBytes(path string, data []byte) *File {
	path = filepath.Clean(path)
	l.keepSource(path, data)
	return l.resolve(l.parse(path, l.absPath(path), data, nil))
}

func (l *Loader) absPath(path string) string {
	if filepath.IsAbs(path) || l.wd == "" {
		return filepath.Clean(path)
	}
	return filepath.Join(l.wd, path)
}

// parseIncluded parses an included file once per Loader.
func (l *Loader) parseIncluded(path, abs string) *parsedFile {
	l.mu.Lock()
	e, ok := l.parsed[abs]
	if !ok {
		e = &cacheEntry{}
		l.parsed[abs] = e
	}
	l.mu.Unlock()
	e.once.Do(func() {
		data, err := l.opts.ReadFile(path)
		e.p = l.parse(path, abs, data, err)
		l.keepSource(path, data)
	})
	return e.p
}

// keepSource remembers a file's bytes for Source.
func (l *Loader) keepSource(path string, data []byte) {
	l.mu.Lock()
	l.sources[path] = data
	l.mu.Unlock()
}

func (l *Loader) readOS(path string) ([]byte, error) { return ReadFile(path, l.opts.MaxFileSize) }

// ReadFile reads a regular file of at most limit bytes: a larger one
// fails with ErrTooLarge, unread; a directory with "is a directory";
// anything else that is not a regular file (a named pipe, a device, a
// socket) with ErrNotRegular, without waiting on it. ReadMessage words
// its errors for a finding.
func ReadFile(path string, limit int64) ([]byte, error) {
	// Looked at before it is opened: opening a named pipe waits for a
	// writer, and opening a device can do anything.
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := regular(st); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDONLY|openFlags, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// What was opened is looked at again: the path may have changed.
	if st, err = f.Stat(); err != nil {
		return nil, err
	}
	if err := regular(st); err != nil {
		return nil, err
	}
	if st.Size() > limit {
		return nil, tooLarge(limit)
	}
	// The size is known: read into one buffer of that size, as
	// os.ReadFile does, still bounded if the file grows while read.
	buf := bytes.NewBuffer(make([]byte, 0, st.Size()+bytes.MinRead))
	if _, err := buf.ReadFrom(io.LimitReader(f, limit+1)); err != nil {
		return nil, err
	}
	if int64(buf.Len()) > limit {
		return nil, tooLarge(limit)
	}
	return buf.Bytes(), nil
}

// ErrNotRegular is returned for a path that is neither a regular file
// nor a directory: a named pipe, a device, a socket.
var ErrNotRegular = errors.New("not a regular file")

// regular returns nil for a regular file, and why it is not one otherwise.
func regular(st fs.FileInfo) error {
	mode := st.Mode()
	switch {
	case mode.IsRegular():
		return nil
	case mode.IsDir():
		return errors.New("is a directory")
	case mode&fs.ModeNamedPipe != 0:
		return fmt.Errorf("%w (a named pipe)", ErrNotRegular)
	case mode&fs.ModeSocket != 0:
		return fmt.Errorf("%w (a socket)", ErrNotRegular)
	case mode&fs.ModeDevice != 0:
		return fmt.Errorf("%w (a device)", ErrNotRegular)
	}
	return ErrNotRegular
}

// ErrTooLarge is returned for files over the size limit.
var ErrTooLarge = errors.New("file too large")

// ReadLimited reads r to its end, failing with ErrTooLarge past limit
// bytes (standard input, a pipe).
func ReadLimited(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, tooLarge(limit)
	}
	return data, nil
}

func tooLarge(limit int64) error {
	return fmt.Errorf("%w: over the %s limit (raise it with --max-file-size)", ErrTooLarge, FormatSize(limit))
}

// parse reads one file without following its includes.
func (l *Loader) parse(path, abs string, data []byte, readErr error) *parsedFile {
	f := &File{Path: path, Source: data, abs: abs}
	p := &parsedFile{file: f}
	stop := func(line, col int, rule, msg string, fatal bool) *parsedFile {
		p.own = []diag.Diagnostic{{Pos: model.Pos{File: path, Line: line, Col: col}, Severity: diag.Error, Rule: rule, Message: msg, Fatal: fatal}}
		return p
	}
	if readErr != nil {
		return stop(0, 0, diag.RuleFile, "cannot read: "+ReadMessage(readErr), true)
	}
	root, err := yamlx.Parse(data)
	if err == nil {
		var problems []yamlx.Problem
		problems, err = yamlx.Check(root)
		if err == nil {
			l.decode(p, root, problems)
			return p
		}
	}
	var pe *yamlx.Error
	if errors.As(err, &pe) {
		if pe.Structural {
			return stop(pe.Line, pe.Col, diag.RuleSchema, pe.Msg, false)
		}
		return stop(pe.Line, pe.Col, diag.RuleSyntax, pe.Msg, true)
	}
	return stop(1, 1, diag.RuleSyntax, err.Error(), true)
}

func (l *Loader) decode(p *parsedFile, root *yaml.Node, problems []yamlx.Problem) {
	f := p.file
	if bytes.IndexByte(f.Source, '#') >= 0 {
		f.Comments = yamlx.Comments(root)
	}
	for _, pr := range problems {
		rule := diag.RuleSyntax
		switch pr.Kind {
		case "duplicate-key":
			rule = diag.RuleDuplicateKey
		case "number":
			rule = diag.RuleSchema
		}
		p.own = append(p.own, diag.Diagnostic{Pos: model.Pos{File: f.Path, Line: pr.Line, Col: pr.Col}, Severity: diag.Error, Rule: rule, Message: pr.Msg})
	}
	// A value the conversion already reported (a NaN, a duplicate key) gets
	// no second, vaguer schema finding at the same place.
	reported := map[[2]int]bool{}
	for _, pr := range problems {
		reported[[2]int{pr.Line, pr.Col}] = true
	}
	unique := !slices.ContainsFunc(problems, func(p yamlx.Problem) bool { return p.Kind == "duplicate-key" })
	for _, d := range schema.Validate(f.Path, root, unique) {
		if !reported[[2]int{d.Line, d.Col}] {
			p.own = append(p.own, d)
		}
	}
	// A map has about as many keys and list entries as lines (1.0 to 1.1
	// times in the examples and generated maps). The room given up front
	// is capped, so that a file of blank lines does not reserve it.
	lines := bytes.Count(f.Source, []byte("\n")) + 1
	dec := &decoder{file: f.Path, uniqueKeys: unique, keys: model.NewKeyRecorder(min(lines+lines/4, 1<<16))}
	if _, kind := yamlx.MapGet(root, "kind"); kind != nil && yamlx.Resolve(kind).Value == model.KindPersonas {
		f.Kind = model.KindPersonas
		f.Personas = dec.library(root)
		return
	}
	// A missing or wrong kind is reported by the schema; read the rest as
	// a journey so that its other problems are found too.
	f.Kind = model.KindJourney
	f.Journey = dec.journey(root)
}

// resolve follows the includes of a top-level file and runs the checks
// that need them. The File it returns is the top-level file's own.
func (l *Loader) resolve(p *parsedFile) *File {
	f := p.file
	r := &resolution{l: l, seen: map[string]bool{}}
	r.diags = append(r.diags, p.own...)
	switch {
	case f.Journey != nil:
		f.Journey.Included = r.includes(f.Path, f.abs, f.Journey.Include, []string{f.abs})
		r.diags = append(r.diags, checkJourney(f.Journey)...)
	case f.Personas != nil:
		f.Personas.Included = r.includes(f.Path, f.abs, f.Personas.Include, []string{f.abs})
		r.diags = append(r.diags, checkLibrary(f.Personas)...)
	}
	diag.Sort(r.diags)
	f.Diags = diag.Dedup(r.diags)
	return f
}

// resolution is the include walk of one top-level file.
type resolution struct {
	l     *Loader
	seen  map[string]bool // files whose own findings are already collected
	diags []diag.Diagnostic
}

// includes resolves the includes of the file at path (absolute abs),
// reached through chain, and returns the libraries they name. Each library
// is a copy whose Included belongs to this walk, so shared parses are
// never written to.
func (r *resolution) includes(path, abs string, incs []model.Include, chain []string) []*model.PersonaLibrary {
	var out []*model.PersonaLibrary
	for _, inc := range incs {
		bad := func(format string, args ...any) {
			r.diags = append(r.diags, diag.Diagnostic{Pos: inc.Pos, Severity: diag.Error, Rule: diag.RuleInclude, Message: fmt.Sprintf(format, args...)})
		}
		if filepath.IsAbs(inc.Path) {
			bad("include %q: an absolute path; write it relative to this file", inc.Path)
			continue
		}
		target := filepath.Join(filepath.Dir(abs), filepath.FromSlash(inc.Path))
		if !r.l.inside(target) {
			bad("include %q leaves the directory tree of the files being checked", inc.Path)
			continue
		}
		if slices.Contains(chain, target) {
			bad("include %q makes a cycle: %s", inc.Path, cycle(chain, target))
			continue
		}
		if len(chain) > MaxIncludeDepth {
			bad("include %q: includes nest deeper than %d levels", inc.Path, MaxIncludeDepth)
			continue
		}
		shown := filepath.Join(filepath.Dir(path), filepath.FromSlash(inc.Path))
		if path == StdinPath {
			shown = filepath.Clean(filepath.FromSlash(inc.Path))
		}
		p := r.l.parseIncluded(shown, target)
		if p.file.Kind == "" {
			// Say where the include is; the file's own finding says why.
			bad("include %q cannot be loaded: %s", inc.Path, firstMessage(p.own))
			if p.file.Source != nil {
				r.collect(target, p) // where the file is broken
			}
			continue
		}
		if p.file.Kind != model.KindPersonas {
			bad("include %q is a %s file: only persona libraries (kind: Personas) can be included", inc.Path, p.file.Kind)
			continue
		}
		r.collect(target, p)
		lib := *p.file.Personas
		lib.Included = r.includes(p.file.Path, target, lib.Include, append(chain[:len(chain):len(chain)], target))
		out = append(out, &lib)
	}
	return out
}

// collect adds an included file's own findings once per walk.
func (r *resolution) collect(abs string, p *parsedFile) {
	if !r.seen[abs] {
		r.seen[abs] = true
		r.diags = append(r.diags, p.own...)
	}
}

func firstMessage(ds []diag.Diagnostic) string {
	if len(ds) == 0 {
		return "unknown error"
	}
	return ds[0].Message
}

func cycle(chain []string, target string) string {
	var names []string
	start := false
	for _, c := range chain {
		if c == target {
			start = true
		}
		if start {
			names = append(names, filepath.Base(c))
		}
	}
	return strings.Join(append(names, filepath.Base(target)), " -> ")
}

// inside reports whether path lies within one of the allowed roots, both
// as written and once symbolic links are followed, so a link cannot lead
// an include out of the tree.
func (l *Loader) inside(path string) bool {
	real := evalSymlinks(path)
	for _, root := range l.opts.Roots {
		if within(root, path) && within(evalSymlinks(root), real) {
			return true
		}
	}
	return false
}

func evalSymlinks(path string) string {
	if r, err := filepath.EvalSymlinks(path); err == nil {
		return r
	}
	return path
}

func within(root, path string) bool {
	rel, err := filepath.Rel(root, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// ReadMessage words an error of reading a file for a finding: "no such
// file", "permission denied", or the error itself without the path.
func ReadMessage(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	return err.Error()
}

// FormatSize renders a byte count as people write it: 8MiB, 512KiB, 100B.
func FormatSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%dMiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%dKiB", n>>10)
	}
	return fmt.Sprintf("%dB", n)
}
