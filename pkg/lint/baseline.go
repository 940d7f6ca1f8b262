package lint

import (
	"github.com/journey-maps/journey/pkg/config"
	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/gitrev"
	"github.com/journey-maps/journey/pkg/loader"
)

// Baseline is --new-from-rev: the findings already present at a git
// revision, which a run does not report again.
type Baseline struct {
	Repo   *gitrev.Repo
	Commit string // resolved from the revision the user named
	// MaxFileSize bounds what is read at the revision, as in the work tree.
	MaxFileSize int64
}

// Drop lints the same files at the baseline's commit, with the same
// configuration, and drops each current finding that was already there:
// one with the same file, rule and item (the message for findings without
// an item, such as format findings). Findings about files that cannot be
// read or parsed are always kept. It returns the findings kept and how
// many were dropped.
func (b Baseline) Drop(paths []string, ds []diag.Diagnostic, cfg *config.Config, opts Options) ([]diag.Diagnostic, int) {
	old := map[[3]string]int{}
	if len(paths) > 0 {
		l := loader.New(loader.Options{MaxFileSize: b.MaxFileSize, Roots: []string{b.Repo.Dir}, ReadFile: b.Repo.ReadFileFunc(b.Commit, b.MaxFileSize)})
		lintOld := func(f *loader.File) []diag.Diagnostic {
			if diag.AnyFatal(f.Diags) {
				return nil // not in that revision (or unreadable there): all is new
			}
			return Lint(f, cfg, opts)
		}
		loader.Stream(l, paths, lintOld, func(ds []diag.Diagnostic) {
			for _, d := range ds {
				old[findingKey(d)]++
			}
		})
	}
	kept := ds[:0]
	dropped := 0
	for _, d := range ds {
		k := findingKey(d)
		if !d.Fatal && old[k] > 0 {
			old[k]--
			dropped++
			continue
		}
		kept = append(kept, d)
	}
	return kept, dropped
}

// findingKey identifies a finding across revisions: file, rule and item,
// or the message when the finding names no item (format findings).
func findingKey(d diag.Diagnostic) [3]string {
	id := d.Item
	if id == "" {
		id = "message:" + d.Message
	}
	return [3]string{d.File, d.Rule, id}
}
