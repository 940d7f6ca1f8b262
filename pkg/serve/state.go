package serve

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/journey-maps/journey/pkg/config"
	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/loader"
	"github.com/journey-maps/journey/pkg/site"
	"github.com/journey-maps/journey/pkg/textfmt"
)

// state is the site being served and what the rebuilds know of it. The
// rebuild fields belong to the one goroutine that runs Run's loop; the
// served fields are read by requests under mu.
type state struct {
	o    Options
	site *site.Site
	// order is the files in the order journey site loads them.
	order []string
	// bad holds, by path, the format errors of a file's last save when it
	// was not taken (the last good version is served instead) or could
	// not be drawn.
	bad map[string][]diag.Diagnostic
	// argProblems are paths named on the command line that cannot be
	// read; configProblem is a configuration that cannot be used.
	argProblems   []diag.Diagnostic
	configProblem string

	mu      sync.RWMutex
	files   site.MemSink
	version uint64
	banner  []string // the problems, one a line, in the banner of every page
	streams map[chan uint64]struct{}
	closed  bool
}

func newState(o Options) *state {
	if o.Log == nil {
		o.Log = io.Discard
	}
	return &state{o: o, site: site.NewSite(o.Site), bad: map[string][]diag.Diagnostic{}, streams: map[chan uint64]struct{}{}}
}

// rebuild makes again what the changed files (absolute paths) touch: the
// pages of those files and of the maps that include a changed library,
// then the pages that span the maps. nil means everything.
func (s *state) rebuild(ctx context.Context, changed map[string]bool) {
	start := time.Now()
	all := changed == nil
	configSaved := !all && s.configChanged(changed)
	if configSaved {
		all = s.reconfigure()
	}
	order, problems := loader.Expand(s.o.Args)
	s.argProblems = problems
	dirty := s.dirty(order, changed, all)
	removed := false
	for _, p := range s.site.Paths() {
		if !slices.Contains(order, p) {
			s.site.Remove(p)
			delete(s.bad, p)
			removed = true
		}
	}
	if len(dirty) == 0 && !removed && !all && !configSaved && slices.Equal(order, s.order) {
		return // nothing the site is made from
	}
	s.order = order
	if len(dirty) > 0 {
		l := loader.New(s.o.Loader)
		prepare := func(f *loader.File) *site.Prepared { return site.Prepare(ctx, f, s.site.Options()) }
		loader.Stream(l, dirty, prepare, s.take)
	}
	files, err := s.site.Files(order)
	if err != nil {
		fmt.Fprintf(s.o.Log, "journey: %v\n", err)
		return
	}
	s.publish(files)
	fmt.Fprintf(s.o.Log, "journey: built %s in %d ms%s\n", textfmt.Plural(len(dirty), "file"), time.Since(start).Milliseconds(), s.problemNote())
}

// dirty lists the files of order to load again: changed ones, new ones,
// and maps that include a changed library.
func (s *state) dirty(order []string, changed map[string]bool, all bool) []string {
	var out []string
	for _, p := range order {
		prev := s.site.Get(p)
		switch {
		case all, prev == nil, changed[abs(p)]:
			out = append(out, p)
		default:
			for _, lib := range prev.Libraries() {
				if changed[lib] {
					out = append(out, p)
					break
				}
			}
		}
	}
	return out
}

// take keeps a file made again, unless it no longer has a page worth
// showing and an earlier version did: then the earlier one stays and
// the new findings go to the banner.
func (s *state) take(p *site.Prepared) {
	path := p.Path()
	var errs []diag.Diagnostic
	for _, d := range p.Findings() {
		if d.Severity == diag.Error {
			errs = append(errs, d)
		}
	}
	if err := p.Err(); err != nil {
		errs = append(errs, diag.Diagnostic{Pos: diagPos(path), Severity: diag.Error, Rule: "site", Message: err.Error()})
	}
	if len(errs) == 0 {
		delete(s.bad, path)
	} else {
		s.bad[path] = errs
	}
	prev := s.site.Get(path)
	if p.Err() != nil || (!p.Valid() && prev != nil && prev.Valid()) {
		return // keep the last good page
	}
	s.site.Set(p)
}

// configChanged reports whether the lint configuration was saved.
func (s *state) configChanged(changed map[string]bool) bool {
	for p := range changed {
		if filepath.Base(p) == config.FileName || (s.o.ConfigFile != "" && p == abs(s.o.ConfigFile)) {
			return true
		}
	}
	return false
}

// reconfigure reads the configuration again; it reports whether every
// file must be made again under a new one.
func (s *state) reconfigure() bool {
	if s.o.Reconfigure == nil {
		return false
	}
	o, err := s.o.Reconfigure()
	if err != nil {
		s.configProblem = err.Error()
		return false
	}
	s.configProblem = ""
	s.site.SetOptions(o)
	return true
}

// publish serves new files and tells the open pages.
func (s *state) publish(files site.MemSink) {
	banner := s.problems()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.files, s.banner = files, banner
	s.version++
	for ch := range s.streams {
		select {
		case ch <- s.version:
		default: // the stream has one update waiting already
		}
	}
}

// problems are the banner's lines: path:line:col: message.
func (s *state) problems() []string {
	var ds []diag.Diagnostic
	ds = append(ds, s.argProblems...)
	for _, errs := range s.bad {
		ds = append(ds, errs...)
	}
	diag.Sort(ds)
	ds = diag.Dedup(ds)
	var out []string
	if s.configProblem != "" {
		out = append(out, strings.Split(s.configProblem, "\n")...)
	}
	for _, d := range ds {
		out = append(out, d.String())
	}
	return out
}

func (s *state) problemNote() string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if len(s.banner) == 0 {
		return ""
	}
	return "; " + textfmt.Plural(len(s.banner), "problem") + ":\n  " + textfmt.Sanitize(strings.Join(s.banner, "\n  "))
}

// watchList is every folder a change of the site's files shows in: the
// folders named (and those under them), those of the files named and of
// the libraries the maps include, and of the configuration.
func (s *state) watchList() (recursive, single []string) {
	for _, a := range s.o.Args {
		if a == "-" {
			continue
		}
		if isDir(a) {
			recursive = append(recursive, a)
		} else {
			single = append(single, filepath.Dir(a))
		}
	}
	single = append(single, ".")
	if s.o.ConfigFile != "" {
		single = append(single, filepath.Dir(s.o.ConfigFile))
	}
	for _, p := range s.site.Paths() {
		for _, lib := range s.site.Get(p).Libraries() {
			single = append(single, filepath.Dir(lib))
		}
	}
	return recursive, single
}

func abs(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}
