package diff

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/journey-maps/journey/pkg/gitrev"
	"github.com/journey-maps/journey/pkg/gitrev/gitrevtest"
)

func TestIsDriverArgs(t *testing.T) {
	hash := "0123456789abcdef0123456789abcdef01234567"
	for _, tc := range []struct {
		name string
		args []string
		want bool
	}{
		{"modified", []string{"m.yaml", "/tmp/a", hash, "100644", "m.yaml", hash[:7], "100755"}, true},
		{"added", []string{"m.yaml", "/dev/null", ".", ".", "m.yaml", hash, "100644"}, true},
		{"renamed", []string{"a.yaml", "/tmp/a", hash, "100644", "b.yaml", hash, "100644", "b.yaml", "similarity index 90%"}, true},
		{"sha-256", []string{"m.yaml", "/tmp/a", hash + hash[:24], "100644", "m.yaml", hash, "100644"}, true},
		{"two files", []string{"a.yaml", "b.yaml"}, false},
		{"hash too short", []string{"m.yaml", "/tmp/a", hash[:6], "100644", "m.yaml", hash, "100644"}, false},
		{"hash too long", []string{"m.yaml", "/tmp/a", hash + hash, "100644", "m.yaml", hash, "100644"}, false},
		{"uppercase hash", []string{"m.yaml", "/tmp/a", "ABCDEF0", "100644", "m.yaml", hash, "100644"}, false},
		{"mode not octal", []string{"m.yaml", "/tmp/a", hash, "100648", "m.yaml", hash, "100644"}, false},
		{"mode too short", []string{"m.yaml", "/tmp/a", hash, "10064", "m.yaml", hash, "100644"}, false},
		{"two dots", []string{"m.yaml", "/tmp/a", "..", "100644", "m.yaml", hash, "100644"}, false},
	} {
		if got := IsDriverArgs(tc.args); got != tc.want {
			t.Errorf("%s: IsDriverArgs = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestRevisionPairs(t *testing.T) {
	dir, git := gitrevtest.New(t)
	write := func(rel, content string) {
		t.Helper()
		p := filepath.Join(dir, rel)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const m = "kind: Journey\nversion: 1\ntitle: T\n"
	write("maps/a.journey.yaml", m)
	write("maps/gone.journey.yaml", m)
	write("notes.yaml", "a: 1\n")
	git("add", ".")
	git("commit", "-qm", "first")
	write("maps/a.journey.yaml", m+"owner: web\n")
	write("maps/b.journey.yaml", m)
	os.Remove(filepath.Join(dir, "maps/gone.journey.yaml"))
	t.Chdir(dir) // pairs name files relative to the working directory

	repo, err := gitrev.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	pairs, err := RevisionPairs(Revisions{Repo: repo, Revs: []string{"HEAD"}, WorkDir: dir, MaxFileSize: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range pairs {
		got = append(got, fmt.Sprintf("%s old=%v new=%v", filepath.ToSlash(p.Path), p.Old != nil, p.New != nil))
	}
	want := []string{"maps/a.journey.yaml old=true new=true", "maps/b.journey.yaml old=false new=true", "maps/gone.journey.yaml old=true new=false"}
	if !slices.Equal(got, want) {
		t.Errorf("pairs\n got %q\nwant %q", got, want)
	}
	if pairs[0].Old.Journey.Owner != "" || pairs[0].New.Journey.Owner != "web" {
		t.Errorf("sides not read from their versions: old owner %q, new owner %q", pairs[0].Old.Journey.Owner, pairs[0].New.Journey.Owner)
	}
	if _, err := RevisionPairs(Revisions{Repo: repo, Revs: []string{"HEAD"}, Paths: []string{filepath.Join(dir, "nowhere")}, WorkDir: dir}); err == nil {
		t.Error("a path with no journey file on either side was accepted")
	}
}
