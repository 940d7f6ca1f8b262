package diff

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/journey-maps/journey/pkg/loader"
	"github.com/journey-maps/journey/pkg/model"
)

func load(t testing.TB, path string, data []byte) *loader.File {
	t.Helper()
	l := loader.New(loader.Options{
		MaxFileSize: 1 << 20,
		Workers:     1,
		ReadFile:    func(string) ([]byte, error) { return nil, errors.New("no includes here") },
	})
	return l.LoadBytes(path, data)
}

func journeyOf(f *loader.File) *model.Journey {
	switch {
	case f.Journey != nil:
		return f.Journey
	case f.Personas != nil:
		return LibraryAsJourney(f.Personas)
	}
	return nil
}

func TestMovedByOrder(t *testing.T) {
	for _, tc := range []struct {
		old, new string
		want     string
	}{
		{"a b c", "a b c", ""},
		{"a b c", "a c", ""},          // a removal moves nothing
		{"a b c", "a x b c", ""},      // nor does an insertion
		{"a b c d", "a c b d", "c"},   // a swap: the item that moved up
		{"a b c d", "a d b c", "d"},   // one item up
		{"a b c d", "b c d a", "a"},   // one item down
		{"a b c d", "c d a b", "c d"}, // two blocks: those that moved up
		{"a b c d e", "e d c b a", "b c d e"},
		{"a b", "b a x", "b"},
	} {
		got := movedByOrder(strings.Fields(tc.old), strings.Fields(tc.new))
		keys := sortedKeys(got)
		if strings.Join(keys, " ") != tc.want {
			t.Errorf("%q → %q: moved %v, want %q", tc.old, tc.new, keys, tc.want)
		}
	}
}

func exampleFiles(t testing.TB) []string {
	paths, _ := filepath.Glob("../../examples/*/*.yaml")
	more, _ := filepath.Glob("../../testdata/diff/*/*.yaml")
	paths = append(paths, more...)
	sort.Strings(paths)
	if len(paths) < 10 {
		t.Fatalf("found only %d maps", len(paths))
	}
	return paths
}

// TestSelfIsEmpty: every map compared with itself, loaded twice, has no
// change, no regression and no score delta.
func TestSelfIsEmpty(t *testing.T) {
	for _, p := range exampleFiles(t) {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		a, b := load(t, p, data), load(t, p, data)
		checkSelf(t, p, a, b)
	}
}

func checkSelf(t *testing.T, name string, a, b *loader.File) {
	t.Helper()
	ja, jb := journeyOf(a), journeyOf(b)
	if c := Compare(ja, jb); len(c) != 0 {
		t.Fatalf("%s against itself: %+v", name, c)
	}
	fd := CompareFile(name, name, &Version{Journey: ja, Findings: a.Diags}, &Version{Journey: jb, Findings: b.Diags},
		Options{Lint: true, Today: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)})
	if fd.Different() || len(fd.Regressions) > 0 || len(fd.Lint.Introduced)+len(fd.Lint.Fixed) > 0 {
		t.Fatalf("%s against itself: %+v", name, fd)
	}
	if s := fd.Scores; s != nil && (s.Experience.Changed() || s.Health.Changed() || len(s.Stages) > 0 || len(s.Priorities) > 0) {
		t.Fatalf("%s against itself: scores %+v", name, s)
	}
}

// TestNilSides: a nil side is a file that does not exist; every item of
// the other side is added or removed, in the same number.
func TestNilSides(t *testing.T) {
	data, _ := os.ReadFile("../../testdata/diff/added/new.journey.yaml")
	j := journeyOf(load(t, "x", data))
	added, removed := Count(Compare(nil, j)), Count(Compare(j, nil))
	if added.Added == 0 || added.Total() != added.Added || removed.Removed != added.Added || removed.Total() != removed.Removed {
		t.Fatalf("added %+v, removed %+v", added, removed)
	}
	if c := Compare(nil, nil); len(c) != 0 {
		t.Fatalf("nil against nil: %+v", c)
	}
}

// TestFieldValuesNaN: a NaN read from a file equals itself.
func TestFieldValuesNaN(t *testing.T) {
	src := []byte("kind: Personas\nversion: 1\npersonas:\n  - id: a\n    name: A\n    share: .nan\n")
	a, b := journeyOf(load(t, "x", src)), journeyOf(load(t, "x", src))
	if c := Compare(a, b); len(c) != 0 {
		t.Fatalf("%+v", c)
	}
}

// FuzzDiff compares arbitrary maps: a map against itself is empty, and no
// pair of maps makes the comparison or its outputs panic.
func FuzzDiff(f *testing.F) {
	for _, p := range exampleFiles(f) {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, data)
	}
	pairs, _ := filepath.Glob("../../testdata/diff/*/old.*.yaml")
	for _, p := range pairs {
		news, _ := filepath.Glob(filepath.Join(filepath.Dir(p), "new.*.yaml"))
		a, _ := os.ReadFile(p)
		b, _ := os.ReadFile(news[0])
		f.Add(a, b)
	}
	today := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, a, b []byte) {
		fa, fb := load(t, "a.journey.yaml", a), load(t, "b.journey.yaml", b)
		checkSelf(t, "a", fa, load(t, "a.journey.yaml", a))
		var va, vb *Version
		if j := journeyOf(fa); j != nil {
			va = &Version{Journey: j, Findings: fa.Diags}
		}
		if j := journeyOf(fb); j != nil {
			vb = &Version{Journey: j, Findings: fb.Diags}
		}
		fd := CompareFile("b.journey.yaml", "a.journey.yaml", va, vb, Options{Lint: true, Today: today})
		r := NewResult([]*FileDiff{fd})
		for _, format := range Formats {
			var buf bytes.Buffer
			if err := format.Write(&buf, r, WriteOptions{Color: true}); err != nil {
				t.Fatalf("%s: %v", format.Name, err)
			}
		}
		// Swapping the sides swaps additions and removals.
		back := Count(Compare(journeyOf(fb), journeyOf(fa)))
		fwd := fd.Summary
		if fwd.Added != back.Removed || fwd.Removed != back.Added {
			t.Fatalf("forward %+v, backward %+v", fwd, back)
		}
		if (fwd.Total() == 0) != (back.Total() == 0) {
			t.Fatalf("forward %+v, backward %+v", fwd, back)
		}
	})
}
