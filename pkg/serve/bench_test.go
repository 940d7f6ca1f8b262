package serve

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/journey-maps/journey/pkg/corpus"
	"github.com/journey-maps/journey/pkg/loader"
	"github.com/journey-maps/journey/pkg/site"
)

// BenchmarkRebuildOneMap is what journey serve does between a save of one
// map in a folder of 100 and the reload event: that map loaded and drawn
// again, the pages across maps made again. (The watcher waits 40 ms for
// the save to settle first.)
func BenchmarkRebuildOneMap(b *testing.B) {
	dir := b.TempDir()
	for i := 0; i < 100; i++ {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("map-%04d.journey.yaml", i)), corpus.Map(1, i), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	o := Options{Args: []string{dir}, Site: site.Options{Today: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)}}
	o.Loader.Roots = loader.DefaultRoots(o.Args, "")
	st := newState(o)
	st.rebuild(context.Background(), nil)
	path := filepath.Join(dir, "map-0042.journey.yaml")
	changed := map[string]bool{abs(path): true}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		st.rebuild(context.Background(), changed)
	}
	b.StopTimer()
	if st.version != uint64(b.N)+1 {
		b.Fatalf("%d versions for %d rebuilds", st.version, b.N)
	}
}

// BenchmarkSaveToEvent is a save as a reader sees it: one map of 100
// written, the watcher's wait for the save to settle, the rebuild, and
// the reload event reaching an open page.
func BenchmarkSaveToEvent(b *testing.B) {
	dir := b.TempDir()
	for i := 0; i < 100; i++ {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("map-%04d.journey.yaml", i)), corpus.Map(1, i), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	urls := make(chan string, 1)
	done := make(chan error, 1)
	o := Options{Addr: "127.0.0.1:0", Args: []string{dir}, Site: site.Options{Today: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)},
		Listening: func(u string) { urls <- u }}
	go func() { done <- Run(ctx, o) }()
	url := <-urls
	resp, err := http.Get(url + "_journey/events")
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	events := bufio.NewScanner(resp.Body)
	nextVersion := func() {
		for events.Scan() {
			if strings.HasPrefix(events.Text(), "data: ") {
				return
			}
		}
		b.Fatal("the event stream ended")
	}
	nextVersion() // the version at connection
	path := filepath.Join(dir, "map-0042.journey.yaml")
	original := corpus.Map(1, 42)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		edited := bytes.Replace(original, []byte("title: "), []byte(fmt.Sprintf("title: Edit %d ", i)), 1)
		if err := os.WriteFile(path, edited, 0o644); err != nil {
			b.Fatal(err)
		}
		nextVersion()
	}
	b.StopTimer()
	cancel()
	<-done
}
