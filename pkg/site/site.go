// Package site builds the static site of a folder of journey maps
// (journey site): a portfolio, a page per map with its report and its
// connections to the other maps, a page per persona across maps, one
// backlog, the owners, the metrics, the findings by rule, and a search
// index. It is pure: loaded files in, files out through a Sink. Build
// streams maps through the loader's workers and keeps only a summary of
// each; Site keeps every file's page for journey serve, which makes the
// site again as files change. docs/site.md describes what the pages hold.
package site

import (
	"context"
	"slices"

	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/loader"
)

// Result is what a build made.
type Result struct {
	// Maps counts the journey maps and unreadable files listed; Drawn
	// those drawn; Libraries the persona libraries.
	Maps, Drawn, Libraries int
	// Files are the names of the files written, sorted.
	Files []string
	// Problems are the argument problems (a path that does not exist)
	// and the findings of files that could not be read or parsed.
	Problems []diag.Diagnostic
	// Inputs are the absolute paths of the files read, includes too.
	Inputs []string
}

// Build loads the files args name, on every core, and writes the site to
// sink: each file's page as soon as the file is drawn, then the pages
// that span the files. Of each file only its summary is kept, so memory
// grows by a summary a file, not by its model or page.
func Build(ctx context.Context, l *loader.Loader, args []string, o Options, sink Sink) (*Result, error) {
	rec := &recorder{sink: sink, written: map[string]bool{}}
	res := &Result{}
	var (
		entries []*entry
		names   namer
		failed  error
	)
	work := func(f *loader.File) *Prepared { return Prepare(ctx, f, o) }
	problems := loader.Stream(l, args, work, func(p *Prepared) {
		if failed != nil {
			return
		}
		if failed = p.err; failed != nil {
			return
		}
		names.name(p.e)
		entries = append(entries, p.e)
		res.count(p)
		failed = putFile(rec, p.e.Href(), p.page)
	})
	if failed != nil {
		return nil, failed
	}
	res.Problems = append(problems, res.Problems...)
	diag.Sort(res.Problems)
	if err := finish(entries, o, rec); err != nil {
		return nil, err
	}
	res.Files = rec.names()
	return res, nil
}

func (r *Result) count(p *Prepared) {
	if p.e.Kind == kindLibrary {
		r.Libraries++
	} else {
		r.Maps++
	}
	if p.e.Drawn && p.e.Kind == kindMap {
		r.Drawn++
	}
	for _, f := range p.e.Findings {
		if f.Fatal {
			r.Problems = append(r.Problems, f.Diagnostic)
		}
	}
	r.Inputs = append(r.Inputs, p.e.Abs)
	r.Inputs = append(r.Inputs, p.e.Libs...)
}

// Site is a site kept in memory and made again when files change: each
// file's page is made once (Prepare) and kept; the pages that span the
// files are made again from the summaries (journey serve).
type Site struct {
	opts     Options
	prepared map[string]*Prepared // by path
}

// NewSite returns an empty site built with o.
func NewSite(o Options) *Site { return &Site{opts: o, prepared: map[string]*Prepared{}} }

// Options are the options the site's pages are made with.
func (s *Site) Options() Options { return s.opts }

// SetOptions changes the options; prepare the files again with them.
func (s *Site) SetOptions(o Options) { s.opts = o }

// Set keeps a prepared file, in place of an earlier version.
func (s *Site) Set(p *Prepared) { s.prepared[p.e.Path] = p }

// Get returns the prepared file of a path, or nil.
func (s *Site) Get(path string) *Prepared { return s.prepared[path] }

// Remove forgets a file.
func (s *Site) Remove(path string) { delete(s.prepared, path) }

// Paths lists the files kept, sorted.
func (s *Site) Paths() []string {
	out := make([]string, 0, len(s.prepared))
	for p := range s.prepared {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}

// Files makes the whole site from the files kept, taken in the given
// order (the order journey site would load them in); paths not kept are
// skipped.
func (s *Site) Files(order []string) (MemSink, error) {
	sink := MemSink{}
	var entries []*entry
	var names namer
	for _, path := range order {
		p := s.prepared[path]
		if p == nil || p.err != nil {
			continue
		}
		e := *p.e // naming writes to the entry: name a copy
		names.name(&e)
		entries = append(entries, &e)
		sink[e.Href()] = p.page
	}
	if err := finish(entries, s.opts, sink); err != nil {
		return nil, err
	}
	return sink, nil
}
