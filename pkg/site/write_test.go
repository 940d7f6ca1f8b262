package site

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/journey-maps/journey/pkg/loader"
)

func writeSite(t *testing.T, dir string, clean bool, args ...string) (*Result, error) {
	t.Helper()
	return Write(context.Background(), loader.New(loader.Options{}), args, dir, testOptions(), clean)
}

func files(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	slices.Sort(out)
	return out
}

// TestWriteKeepsOtherFiles: a build replaces what it wrote before, removes
// what it no longer writes, and leaves every other file alone unless
// --clean; it writes nothing beside the folder.
func TestWriteKeepsOtherFiles(t *testing.T) {
	root := t.TempDir()
	maps := filepath.Join(root, "maps")
	out := filepath.Join(root, "site")
	os.MkdirAll(maps, 0o755)
	os.WriteFile(filepath.Join(maps, "a.journey.yaml"), []byte(smallMap("a", "Shop A")), 0o644)
	os.WriteFile(filepath.Join(maps, "b.journey.yaml"), []byte(smallMap("b", "Shop B")), 0o644)

	res, err := writeSite(t, out, false, maps)
	if err != nil {
		t.Fatal(err)
	}
	want := append(slices.Clone(res.Files), ManifestName)
	slices.Sort(want)
	if got := files(t, out); !slices.Equal(got, want) {
		t.Fatalf("wrote %v, result lists %v", got, res.Files)
	}
	os.WriteFile(filepath.Join(out, "CNAME"), []byte("maps.example.com\n"), 0o644)
	os.MkdirAll(filepath.Join(out, "maps"), 0o755)
	os.WriteFile(filepath.Join(out, "maps", "notes.txt"), []byte("mine"), 0o644)

	os.Remove(filepath.Join(maps, "b.journey.yaml"))
	if _, err := writeSite(t, out, false, maps); err != nil {
		t.Fatal(err)
	}
	got := files(t, out)
	for _, want := range []string{"CNAME", "maps/notes.txt", "maps/a.html", "index.html", ManifestName} {
		if !slices.Contains(got, want) {
			t.Errorf("after the second build, no %s: %v", want, got)
		}
	}
	if slices.Contains(got, "maps/b.html") {
		t.Error("the page of the removed map is still there")
	}
	if entries, _ := os.ReadDir(root); len(entries) != 2 {
		t.Errorf("left behind beside the site: %v", entries)
	}

	if _, err := writeSite(t, out, true, maps); err != nil {
		t.Fatal(err)
	}
	got = files(t, out)
	if slices.Contains(got, "CNAME") || slices.Contains(got, "maps/notes.txt") {
		t.Errorf("--clean kept other files: %v", got)
	}
	if !slices.Contains(got, "maps/a.html") {
		t.Errorf("--clean removed the site: %v", got)
	}
}

// TestWriteCleanRefusesInputs: --clean never deletes the maps the site
// is built from, nor the current folder.
func TestWriteCleanRefusesInputs(t *testing.T) {
	root := t.TempDir()
	os.WriteFile(filepath.Join(root, "a.journey.yaml"), []byte(smallMap("a", "Shop A")), 0o644)
	var ue *UsageError
	if _, err := writeSite(t, root, true, root); !errors.As(err, &ue) {
		t.Fatalf("--clean over the maps: %v, want a usage error", err)
	}
	if _, err := os.Stat(filepath.Join(root, "a.journey.yaml")); err != nil {
		t.Fatal("the map is gone")
	}
	t.Chdir(root)
	if _, err := writeSite(t, ".", true, "a.journey.yaml"); !errors.As(err, &ue) {
		t.Fatalf("--clean over the current folder: %v, want a usage error", err)
	}
	os.WriteFile(filepath.Join(root, "file"), nil, 0o644)
	if _, err := writeSite(t, "file", false, "a.journey.yaml"); !errors.As(err, &ue) {
		t.Fatalf("-o a file: %v, want a usage error", err)
	}
	// Without --clean, a site may be written among the maps.
	if _, err := writeSite(t, ".", false, "a.journey.yaml"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat("index.html"); err != nil {
		t.Fatal(err)
	}
}

// TestWriteManifestCannotEscape: a manifest that names files outside the
// folder removes nothing there.
func TestWriteManifestCannotEscape(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "site")
	os.MkdirAll(out, 0o755)
	victim := filepath.Join(root, "precious.txt")
	os.WriteFile(victim, []byte("x"), 0o644)
	os.WriteFile(filepath.Join(out, ManifestName), []byte("../precious.txt\n/etc/passwd\n"), 0o644)
	os.WriteFile(filepath.Join(root, "a.journey.yaml"), []byte(smallMap("a", "Shop A")), 0o644)
	if _, err := writeSite(t, out, false, filepath.Join(root, "a.journey.yaml")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(victim); err != nil {
		t.Fatal("a file outside the site was removed")
	}
}

// TestBrokenFilesListed: a file that is not YAML and a map with format
// errors are listed with their findings, not drawn; the others are.
func TestBrokenFilesListed(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "good.journey.yaml"), []byte(smallMap("good", "Good shop")), 0o644)
	os.WriteFile(filepath.Join(dir, "broken.journey.yaml"), []byte("kind: Journey\nversion: [1\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "invalid.journey.yaml"), []byte(strings.Replace(smallMap("invalid", "Invalid shop"), "emotion: 2", "emotion: 9", 1)), 0o644)
	sink, res := build(t, testOptions(), dir)
	if res.Maps != 3 || res.Drawn != 1 {
		t.Fatalf("maps %d drawn %d", res.Maps, res.Drawn)
	}
	if len(res.Problems) == 0 || !res.Problems[0].Fatal {
		t.Errorf("the unparsable file is not a problem: %v", res.Problems)
	}
	index := outline(string(sink["index.html"]))
	for _, want := range []string{"[Good shop](maps/good.html)", "[broken](maps/broken.html)", "[Invalid shop](maps/invalid.html)", "could not be read as YAML", "1 format error"} {
		if !strings.Contains(index, want) {
			t.Errorf("index lacks %q:\n%s", want, index)
		}
	}
	page := outline(string(sink["maps/invalid.html"]))
	if !strings.Contains(page, "invalid.journey.yaml:") || !strings.Contains(page, "schema") || strings.Contains(page, "[figure") {
		t.Errorf("the invalid map's page:\n%s", page)
	}
	findings := string(sink["findings.html"])
	if !strings.Contains(findings, "maps/broken.html#L") || !strings.Contains(findings, "maps/invalid.html#L") {
		t.Error("the findings page does not link to the lines of the broken files")
	}
	checkSite(t, sink)
}

// TestHostileText: text from a map is escaped on every page and in the
// search index.
func TestHostileText(t *testing.T) {
	dir := t.TempDir()
	evil := `<script>alert(1)</script><img src=x onerror=alert(2)>`
	m := strings.ReplaceAll(smallMap("evil", "Evil"), "title: Evil", "title: '"+evil+"'")
	m = strings.ReplaceAll(m, "owner: web-team", "owner: '\"><b>team</b>'")
	m = strings.ReplaceAll(m, "description: Paying is slow", "description: '</script><script>alert(3)</script>'")
	os.WriteFile(filepath.Join(dir, "evil.journey.yaml"), []byte(m), 0o644)
	sink, _ := build(t, testOptions(), dir)
	for name, data := range sink {
		s := string(data)
		for _, bad := range []string{"<script>alert", "<img src=x", "<b>team", "</script><script>"} {
			if strings.Contains(s, bad) {
				t.Errorf("%s holds %q unescaped", name, bad)
			}
		}
	}
	if !strings.Contains(outline(string(sink["index.html"])), evil) {
		t.Error("the title is not shown as text")
	}
	checkSite(t, sink)
}
