// Package loader reads journey files and persona libraries from files,
// directories and stdin, validates their format, resolves includes and
// returns the model with positioned findings.
package loader

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/model"
	"github.com/journey-maps/journey/pkg/schema"
	"github.com/journey-maps/journey/pkg/yamlx"
)

// DefaultMaxFileSize is the largest file read unless Options say otherwise:
// far above any real map, small enough to bound memory.
const DefaultMaxFileSize = 8 << 20

// MaxIncludeDepth is how deep includes may nest (SPEC section 1).
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
	// Workers is how many files are loaded at once; 0 means one per core.
	Workers int
}

// File is one loaded file.
type File struct {
	Path   string     // as shown in findings
	Source []byte     // the bytes read, for source snippets
	Root   *yaml.Node // the document mapping; nil when it did not parse
	Kind   string     // model.KindJourney or model.KindPersonas; "" when unknown

	Journey  *model.Journey        // for kind Journey
	Personas *model.PersonaLibrary // for kind Personas

	// Diags are the format findings of this file and of the files it
	// includes, sorted.
	Diags []diag.Diagnostic
}

// Valid reports whether the file and its includes have no format errors.
func (f *File) Valid() bool { return diag.Max(f.Diags) < diag.Error }

// Loader loads files, sharing parsed includes between them.
type Loader struct {
	opts Options

	mu      sync.Mutex
	entries map[string]*entry // by absolute path
	sources map[string][]byte // by display path
}

type entry struct {
	once sync.Once
	file *File
	own  []diag.Diagnostic // findings in this file only
}

// New returns a Loader.
func New(opts Options) *Loader {
	if opts.MaxFileSize <= 0 {
		opts.MaxFileSize = DefaultMaxFileSize
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	l := &Loader{opts: opts, entries: map[string]*entry{}, sources: map[string][]byte{}}
	if l.opts.ReadFile == nil {
		l.opts.ReadFile = l.readOS
	}
	return l
}

// Source returns the bytes of a file loaded under its display path.
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
	paths, problems := Expand(args)
	if len(l.opts.Roots) == 0 {
		l.opts.Roots = defaultRoots(args)
	}
	files := make([]*File, len(paths))
	work := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(l.opts.Workers, max(len(paths), 1)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				if paths[i] == "-" {
					files[i] = l.LoadStdin()
				} else {
					files[i] = l.LoadFile(paths[i])
				}
			}
		}()
	}
	for i := range paths {
		work <- i
	}
	close(work)
	wg.Wait()
	return files, problems
}

// defaultRoots: includes may not leave the tree of the first argument or
// the current directory (SPEC section 1).
func defaultRoots(args []string) []string {
	var roots []string
	if wd, err := os.Getwd(); err == nil {
		roots = append(roots, wd)
	}
	for _, a := range args {
		if a == "-" {
			continue
		}
		dir := a
		if st, err := os.Stat(a); err != nil || !st.IsDir() {
			dir = filepath.Dir(a)
		}
		if abs, err := filepath.Abs(dir); err == nil {
			roots = append(roots, abs)
		}
		break
	}
	return roots
}

// LoadStdin loads a file from Options.Stdin.
func (l *Loader) LoadStdin() *File {
	var data []byte
	var err error
	if l.opts.Stdin == nil {
		err = errors.New("no standard input")
	} else {
		data, err = readLimited(l.opts.Stdin, l.opts.MaxFileSize)
	}
	wd, _ := os.Getwd()
	return l.loadBytes(StdinPath, filepath.Join(wd, "stdin"), data, err, nil)
}

// LoadFile loads one file by path, with its includes.
func (l *Loader) LoadFile(path string) *File {
	return l.load(filepath.Clean(path), nil)
}

// LoadBytes loads a file whose content is already in memory (for example
// from a git revision); path names it and anchors its includes.
func (l *Loader) LoadBytes(path string, data []byte) *File {
	abs, _ := filepath.Abs(path)
	return l.loadBytes(filepath.Clean(path), abs, data, nil, nil)
}

func (l *Loader) load(path string, chain []string) *File {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	l.mu.Lock()
	e, ok := l.entries[abs]
	if !ok {
		e = &entry{}
		l.entries[abs] = e
	}
	l.mu.Unlock()
	e.once.Do(func() {
		data, err := l.opts.ReadFile(path)
		e.file = l.loadBytes(path, abs, data, err, chain)
	})
	return e.file
}

func (l *Loader) readOS(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, errors.New("is a directory")
	}
	return readLimited(f, l.opts.MaxFileSize)
}

// ErrTooLarge is returned for files over the size limit.
var ErrTooLarge = errors.New("file too large")

func readLimited(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%w: over the %s limit (raise it with --max-file-size)", ErrTooLarge, FormatSize(limit))
	}
	return data, nil
}

func (l *Loader) loadBytes(path, abs string, data []byte, readErr error, chain []string) *File {
	f := &File{Path: path, Source: data}
	l.mu.Lock()
	l.sources[path] = data
	l.mu.Unlock()
	fatal := func(line, col int, rule, msg string) *File {
		f.Diags = []diag.Diagnostic{{Pos: model.Pos{File: path, Line: line, Col: col}, Severity: diag.Error, Rule: rule, Message: msg, Fatal: true}}
		return f
	}
	if readErr != nil {
		return fatal(0, 0, diag.RuleFile, "cannot read: "+readMessage(readErr))
	}
	root, err := yamlx.Parse(data)
	if err != nil {
		var pe *yamlx.Error
		if errors.As(err, &pe) {
			return fatal(pe.Line, pe.Col, diag.RuleSyntax, pe.Msg)
		}
		return fatal(1, 1, diag.RuleSyntax, err.Error())
	}
	value, problems, err := yamlx.ToValue(root)
	if err != nil {
		var pe *yamlx.Error
		if errors.As(err, &pe) {
			return fatal(pe.Line, pe.Col, diag.RuleSyntax, pe.Msg)
		}
		return fatal(1, 1, diag.RuleSyntax, err.Error())
	}
	f.Root = root
	var own []diag.Diagnostic
	for _, p := range problems {
		rule := diag.RuleSyntax
		if p.Kind == "duplicate-key" {
			rule = diag.RuleDuplicateKey
		}
		own = append(own, diag.Diagnostic{Pos: model.Pos{File: path, Line: p.Line, Col: p.Col}, Severity: diag.Error, Rule: rule, Message: p.Msg})
	}
	own = append(own, schema.Validate(path, root, value)...)

	dec := &decoder{file: path}
	kindNode, _ := value.(map[string]any)["kind"].(string)
	var includes []model.Include
	switch kindNode {
	case model.KindPersonas:
		f.Kind = model.KindPersonas
		f.Personas = dec.library(root)
		includes = f.Personas.Include
	default:
		// A missing or wrong kind is reported by the schema; read the
		// rest as a journey so its other problems are found too.
		f.Kind = model.KindJourney
		f.Journey = dec.journey(root)
		includes = f.Journey.Include
	}

	// Includes: each must be a persona library inside the allowed tree,
	// with no cycle and at most MaxIncludeDepth levels.
	chain = append(append([]string(nil), chain...), abs)
	var included []*model.PersonaLibrary
	var inherited []diag.Diagnostic
	for _, inc := range includes {
		lib, ds := l.include(path, abs, inc, chain)
		own = append(own, ds...)
		if lib != nil {
			included = append(included, lib.Personas)
			inherited = append(inherited, lib.Diags...)
		}
	}
	if f.Journey != nil {
		f.Journey.Included = included
		own = append(own, checkJourney(f.Journey)...)
	} else {
		f.Personas.Included = included
		own = append(own, checkLibrary(f.Personas)...)
	}
	f.Diags = append(own, inherited...)
	diag.Sort(f.Diags)
	f.Diags = diag.Dedup(f.Diags)
	return f
}

// include resolves one include of the file at path (absolute abs).
func (l *Loader) include(path, abs string, inc model.Include, chain []string) (*File, []diag.Diagnostic) {
	bad := func(format string, args ...any) (*File, []diag.Diagnostic) {
		return nil, []diag.Diagnostic{{Pos: inc.Pos, Severity: diag.Error, Rule: diag.RuleInclude, Message: fmt.Sprintf(format, args...)}}
	}
	if filepath.IsAbs(inc.Path) {
		return bad("include %q: an absolute path; write it relative to this file", inc.Path)
	}
	target := filepath.Join(filepath.Dir(abs), filepath.FromSlash(inc.Path))
	if !l.inside(target) {
		return bad("include %q leaves the directory tree of the files being checked", inc.Path)
	}
	for _, c := range chain {
		if c == target {
			return bad("include %q makes a cycle: %s", inc.Path, cycle(chain, target))
		}
	}
	if len(chain) > MaxIncludeDepth {
		return bad("include %q: includes nest deeper than %d levels", inc.Path, MaxIncludeDepth)
	}
	shown := filepath.Join(filepath.Dir(path), filepath.FromSlash(inc.Path))
	if path == StdinPath {
		shown = filepath.Clean(filepath.FromSlash(inc.Path))
	}
	lib := l.load(shown, chain)
	if lib.Root == nil {
		// Say where the include is; the file's own finding says why.
		_, ds := bad("include %q cannot be loaded: %s", inc.Path, firstMessage(lib.Diags))
		return lib, ds
	}
	if lib.Kind != model.KindPersonas {
		return bad("include %q is a %s file: only persona libraries (kind: Personas) can be included", inc.Path, lib.Kind)
	}
	return lib, nil
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

func readMessage(err error) string {
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
