package config_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/journey-maps/journey/pkg/config"
)

// manyOverrides is a configuration of n overrides, each matching every
// map or the folder of one of teams teams, and setting one to five rules.
func manyOverrides(t testing.TB, n, teams int) *config.Config {
	t.Helper()
	var b strings.Builder
	b.WriteString("overrides:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - files: [\"**/*.journey.yaml\", \"maps/team-%d/**\"]\n    rules:\n", i%teams)
		for _, r := range testSchema.Rules[:i%5+1] {
			fmt.Fprintf(&b, "      %s: warning\n", r.ID)
		}
	}
	dir := t.TempDir()
	c, err := config.Parse(filepath.Join(dir, ".journeylint.yaml"), []byte(b.String()), testSchema)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// mapPaths are n map paths under the configuration's directory.
func mapPaths(c *config.Config, n int) []string {
	paths := make([]string, n)
	for i := range paths {
		paths[i] = filepath.Join(c.Dir, "maps", fmt.Sprintf("team-%d", i%50), fmt.Sprintf("m%d.journey.yaml", i))
	}
	return paths
}

// settle asks for every rule of every file, as lint does.
func settle(c *config.Config, paths []string) {
	for _, p := range paths {
		fc := c.For(p)
		for _, r := range testSchema.Rules {
			fc.Rule(r)
		}
	}
}

// BenchmarkForManyOverrides works out the settings of 10,000 maps under
// 300 overrides.
func BenchmarkForManyOverrides(b *testing.B) {
	c := manyOverrides(b, 300, 50)
	paths := mapPaths(c, 10000)
	b.ReportAllocs()
	for b.Loop() {
		settle(c, paths)
	}
}

// BenchmarkMatchHostileGlob matches a glob of many ** segments that fails
// against a deep path.
func BenchmarkMatchHostileGlob(b *testing.B) {
	glob := strings.Repeat("**/a/", 8) + "**/nomatch"
	name := strings.Repeat("a/", 30) + "m.journey.yaml"
	for b.Loop() {
		config.Match(glob, name)
	}
}

// within fails t when do takes longer than limit, a bound far above its
// expected cost: it catches a hang or a blow-up, not noise.
func within(t *testing.T, limit time.Duration, do func()) {
	t.Helper()
	start := time.Now()
	do()
	if took := time.Since(start); took > limit {
		t.Fatalf("took %v, want well under %v", took.Round(time.Millisecond), limit)
	}
}

// A glob of many ** segments that does not match is refused in time in
// proportion to its length times the path's (microseconds), not by
// trying every way to spread the path over the ** segments (45 s).
func TestHostileGlobIsQuick(t *testing.T) {
	glob := strings.Repeat("**/a/", 8) + "**/nomatch"
	name := strings.Repeat("a/", 40) + "m.journey.yaml"
	within(t, 5*time.Second, func() {
		if config.Match(glob, name) {
			t.Error("matched")
		}
		if !config.Match(glob, strings.Repeat("a/", 40)+"nomatch") {
			t.Error("did not match")
		}
	})
	c, err := config.Parse(filepath.Join(t.TempDir(), ".journeylint.yaml"),
		[]byte("overrides:\n  - files: [\""+glob+"\"]\n    rules: {channel-mix: off}\n"), testSchema)
	if err != nil {
		t.Fatal(err)
	}
	within(t, 5*time.Second, func() {
		for i := range 100 {
			file := filepath.Join(c.Dir, strings.Repeat("a/", 40), fmt.Sprintf("m%d.journey.yaml", i))
			if !c.Rule(spec("channel-mix"), file).On() {
				t.Fatal("the override matched")
			}
		}
	})
}

// The settings of 10,000 maps under 1,000 overrides are worked out once
// per set of matching globs and each distinct glob is matched once a file
// (milliseconds), not for every rule, override and glob (over 15 s).
func TestManyOverridesAreQuick(t *testing.T) {
	c := manyOverrides(t, 1000, 5)
	paths := mapPaths(c, 10000)
	within(t, 5*time.Second, func() { settle(c, paths) })
}
