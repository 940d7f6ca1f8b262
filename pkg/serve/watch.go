package serve

import (
	"io/fs"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watcher turns file events into batches of changed paths (absolute),
// one batch once the files have been quiet for a moment: an editor's
// save is often several events (a write, a rename, a chmod).
type watcher struct {
	fs       *fsnotify.Watcher
	debounce time.Duration
	batches  chan map[string]bool
	errors   chan error
	done     chan struct{}
	stopped  sync.WaitGroup

	mu      sync.Mutex
	watched map[string]bool
}

func newWatcher(debounce time.Duration) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{fs: fw, debounce: debounce, batches: make(chan map[string]bool), errors: make(chan error, 1),
		done: make(chan struct{}), watched: map[string]bool{}}
	w.stopped.Add(1)
	go w.loop()
	return w, nil
}

func (w *watcher) loop() {
	defer w.stopped.Done()
	pending := map[string]bool{}
	var fire <-chan time.Time
	var timer *time.Timer
	for {
		select {
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			if ev.Op == fsnotify.Chmod {
				continue
			}
			if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
				w.forget(ev.Name)
			}
			pending[abs(ev.Name)] = true
			if timer == nil {
				timer = time.NewTimer(w.debounce)
			} else {
				timer.Reset(w.debounce)
			}
			fire = timer.C
		case <-fire:
			fire = nil
			select {
			case w.batches <- pending:
				pending = map[string]bool{}
			case <-w.done:
				return
			}
		case err, ok := <-w.fs.Errors:
			if !ok {
				return
			}
			select {
			case w.errors <- err:
			default:
			}
		case <-w.done:
			return
		}
	}
}

// follow watches the given folders, and every folder under the
// recursive ones (hidden folders and dependency trees left out, as
// journey's search for maps leaves them). Folders watched already are
// skipped; ones that cannot be watched are left for the next rebuild.
func (w *watcher) follow(recursive, single []string) {
	for _, root := range recursive {
		_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return skipUnreadable(d) // left for the next rebuild
			}
			if !d.IsDir() {
				return nil
			}
			if name := d.Name(); p != root && (strings.HasPrefix(name, ".") || name == "node_modules" || name == "vendor") {
				return fs.SkipDir
			}
			w.add(p)
			return nil
		})
	}
	for _, dir := range single {
		w.add(dir)
	}
}

func (w *watcher) add(dir string) {
	a := abs(dir)
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.watched[a] {
		return
	}
	if w.fs.Add(a) == nil {
		w.watched[a] = true
	}
}

// forget drops a folder that went away, so it is watched again if it
// comes back.
func (w *watcher) forget(name string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	delete(w.watched, abs(name))
}

// skipUnreadable goes on past a folder or file the walk cannot read.
func skipUnreadable(d fs.DirEntry) error {
	if d != nil && d.IsDir() {
		return fs.SkipDir
	}
	return nil
}

func (w *watcher) close() {
	close(w.done)
	_ = w.fs.Close() // stopping: nothing more to watch
	w.stopped.Wait()
}
