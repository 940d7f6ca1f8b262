package diff

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/gitrev"
	"github.com/journey-maps/journey/pkg/loader"
)

// Pair is the two versions of one file; a nil side is a file added or
// removed.
type Pair struct {
	Path, OldPath string
	Old, New      *loader.File
}

// IsDriverArgs recognises the arguments git passes to an external diff
// driver: path old-file old-hex old-mode new-file new-hex new-mode, plus
// new-path and a rename message on a rename (docs/diff.md).
func IsDriverArgs(args []string) bool {
	if len(args) != 7 && len(args) != 9 {
		return false
	}
	return isHash(args[2]) && isMode(args[3]) && isHash(args[5]) && isMode(args[6])
}

// isHash and isMode recognise the object hash (7 to 64 lowercase hex
// digits) and the file mode (6 octal digits) git passes a diff driver; git
// writes "." for both on a side that does not exist (an added or deleted
// file, whose file is /dev/null).
func isHash(s string) bool { return s == "." || allIn(s, 7, 64, "0123456789abcdef") }

func isMode(s string) bool { return s == "." || allIn(s, 6, 6, "01234567") }

// allIn reports whether s has least to most bytes, each one of digits.
func allIn(s string, least, most int, digits string) bool {
	if len(s) < least || len(s) > most {
		return false
	}
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(digits, s[i]) < 0 {
			return false
		}
	}
	return true
}

// DriverPair loads the two files git gives an external diff driver. git
// writes the old blob to a temporary file; it is loaded under its real
// path so that its includes resolve, from the working tree.
func DriverPair(args []string, maxSize int64) (Pair, error) {
	path, newPath := args[0], args[0]
	if len(args) == 9 {
		newPath = args[7]
	}
	load := func(file, as string) (*loader.File, error) {
		if file == "/dev/null" {
			return nil, nil
		}
		data, err := loader.ReadFile(file, maxSize)
		if err != nil {
			return nil, fmt.Errorf("%s: %s", file, loader.ReadMessage(err))
		}
		args := []string{as}
		l := loader.New(loader.Options{MaxFileSize: maxSize, Roots: loader.DefaultRoots(args, gitrev.Root(loader.FirstDir(args)))})
		return l.LoadBytes(as, data), nil
	}
	old, err := load(args[1], path)
	if err != nil {
		return Pair{}, err
	}
	nw, err := load(args[4], newPath)
	if err != nil {
		return Pair{}, err
	}
	return Pair{Path: newPath, OldPath: path, Old: old, New: nw}, nil
}

// FilePair loads two files (one of them may be "-", standard input), each
// with a loader newLoader makes for it.
func FilePair(oldPath, newPath string, newLoader func(path string) *loader.Loader) (Pair, error) {
	if oldPath == "-" && newPath == "-" {
		return Pair{}, fmt.Errorf("only one side can be read from standard input")
	}
	load := func(p string) (*loader.File, error) {
		files, problems := newLoader(p).Load([]string{p})
		if len(problems) > 0 {
			return nil, fmt.Errorf("%s", problems[0].Message)
		}
		return files[0], nil
	}
	old, err := load(oldPath)
	if err != nil {
		return Pair{}, err
	}
	nw, err := load(newPath)
	if err != nil {
		return Pair{}, err
	}
	return Pair{Path: nw.Path, OldPath: old.Path, Old: old, New: nw}, nil
}

// Revisions names what RevisionPairs compares: the journey files under
// Paths (the whole repository when none) at Revs[0] and at Revs[1], or in
// the working tree when only one revision is given (HEAD when none).
type Revisions struct {
	Repo        *gitrev.Repo
	Revs, Paths []string
	WorkDir     string // paths are shown relative to it
	MaxFileSize int64
}

// snapshot is the journey files of one side and the loader that reads them.
type snapshot struct {
	files  map[string]bool // repository-relative
	loader *loader.Loader
}

// RevisionPairs lists the journey files of both sides and pairs them by
// path, sorted.
func RevisionPairs(rv Revisions) ([]Pair, error) {
	revs := rv.Revs
	if len(revs) == 0 {
		revs = []string{"HEAD"}
	}
	var rels []string
	for _, p := range rv.Paths {
		rel, err := rv.Repo.Rel(p)
		if err != nil {
			return nil, err
		}
		rels = append(rels, rel)
	}
	var sides []snapshot
	for _, rev := range revs {
		s, err := rv.atRevision(rev, rels)
		if err != nil {
			return nil, err
		}
		sides = append(sides, s)
	}
	if len(sides) == 1 {
		sides = append(sides, rv.workTree(rels))
	}
	all := map[string]bool{}
	for _, s := range sides {
		for f := range s.files {
			all[f] = true
		}
	}
	for _, rel := range rels {
		if !coversAny(all, rel) {
			return nil, fmt.Errorf("%s: no journey file there in either version", rel)
		}
	}
	return rv.pairs(all, sides[0], sides[1]), nil
}

func (rv Revisions) atRevision(rev string, rels []string) (snapshot, error) {
	commit, err := rv.Repo.Resolve(rev)
	if err != nil {
		return snapshot{}, err
	}
	listed, err := rv.Repo.ListFiles(commit, rels...)
	if err != nil {
		return snapshot{}, fmt.Errorf("listing files at %s: %w", rev, err)
	}
	s := snapshot{files: map[string]bool{}}
	for _, f := range listed {
		// A file named itself as a path is read whatever its name.
		if loader.IsJourneyFile(f) || slices.Contains(rels, f) {
			s.files[f] = true
		}
	}
	s.loader = loader.New(loader.Options{MaxFileSize: rv.MaxFileSize, Roots: []string{rv.Repo.Dir}, ReadFile: rv.Repo.ReadFileFunc(commit, rv.MaxFileSize)})
	return s, nil
}

// workTree lists the journey files of the working tree under the
// repository-relative paths (everything when none).
func (rv Revisions) workTree(rels []string) snapshot {
	s := snapshot{files: map[string]bool{}, loader: loader.New(loader.Options{MaxFileSize: rv.MaxFileSize, Roots: []string{rv.Repo.Dir}})}
	var args []string
	for _, r := range rels {
		abs := filepath.Join(rv.Repo.Dir, r)
		if _, err := os.Stat(abs); err == nil {
			args = append(args, abs)
		}
	}
	if len(rels) == 0 {
		args = []string{rv.Repo.Dir}
	}
	if len(args) == 0 {
		return s
	}
	found, _ := loader.Expand(args)
	for _, f := range found {
		if rel, err := filepath.Rel(rv.Repo.Dir, f); err == nil {
			s.files[rel] = true
		}
	}
	return s
}

// coversAny reports whether a repository-relative path is, or holds, one
// of the files.
func coversAny(files map[string]bool, rel string) bool {
	for f := range files {
		if f == rel || strings.HasPrefix(f, rel+string(filepath.Separator)) || rel == "." {
			return true
		}
	}
	return false
}

// pairs loads each file on the sides that have it, shown relative to the
// working directory.
func (rv Revisions) pairs(all map[string]bool, old, nw snapshot) []Pair {
	sorted := make([]string, 0, len(all))
	for f := range all {
		sorted = append(sorted, f)
	}
	sort.Strings(sorted)
	realWd := rv.WorkDir
	if r, err := filepath.EvalSymlinks(realWd); err == nil {
		realWd = r
	}
	var out []Pair
	for _, rel := range sorted {
		shown := filepath.Join(rv.Repo.Dir, rel)
		if r, err := filepath.Rel(realWd, shown); err == nil {
			shown = r
		}
		p := Pair{Path: shown, OldPath: shown}
		if old.files[rel] {
			p.Old = old.loader.LoadFile(shown)
		}
		if nw.files[rel] {
			p.New = nw.loader.LoadFile(shown)
		}
		out = append(out, p)
	}
	return out
}

// CompareOptions tune ComparePairs.
type CompareOptions struct {
	Options
	// Judge gives a loaded version's findings: its lint findings under
	// the configuration in force, from which health is scored.
	Judge func(*loader.File) []diag.Diagnostic
	// OnlyDifferent leaves out files that did not change (when there is
	// more than one).
	OnlyDifferent bool
}

// ComparePairs compares every pair. A side with format errors (or that
// cannot be read or parsed) is not compared, as no command computes from
// such a map: its format findings are returned for the caller to print,
// with the comparison of the rest.
func ComparePairs(pairs []Pair, o CompareOptions) (*Result, []diag.Diagnostic) {
	var refused []diag.Diagnostic
	var files []*FileDiff
	for _, p := range pairs {
		var versions [2]*Version
		for i, lf := range []*loader.File{p.Old, p.New} {
			if lf == nil {
				continue
			}
			if !lf.Valid() {
				refused = append(refused, lf.Diags...)
				continue
			}
			versions[i] = versionOf(lf, o.Judge(lf))
		}
		if (p.Old != nil && versions[0] == nil) || (p.New != nil && versions[1] == nil) {
			continue // a side that could not be read is not compared
		}
		fd := CompareFile(p.Path, p.OldPath, versions[0], versions[1], o.Options)
		if o.OnlyDifferent && len(pairs) > 1 && !fd.Different() {
			continue
		}
		files = append(files, fd)
	}
	diag.Sort(refused)
	return NewResult(files), diag.Dedup(refused)
}

// versionOf is a loaded map or persona library as a version to compare.
func versionOf(f *loader.File, findings []diag.Diagnostic) *Version {
	v := &Version{Findings: findings}
	switch {
	case f.Journey != nil:
		v.Journey = f.Journey
	case f.Personas != nil:
		v.Journey = LibraryAsJourney(f.Personas)
	}
	return v
}
