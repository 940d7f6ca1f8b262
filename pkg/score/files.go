package score

import (
	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/loader"
)

// Scored is what scoring the files of a run gives.
type Scored struct {
	// Reports are the maps scored, in argument order.
	Reports []*Report
	// Refused are the format findings of the files not scored: maps with
	// format errors (their figures would be wrong), and files that could
	// not be read or parsed (Fatal findings).
	Refused []diag.Diagnostic
	// Sources are the bytes of the refused files, by path, for snippets.
	Sources map[string][]byte
}

// Files scores the maps args name. Maps stream through: each is scored by
// the worker that loaded it, judged by its findings (judge: its lint
// findings under the configuration in force), and only its report is
// kept, so memory grows by a report a map. Persona libraries have nothing
// to score on their own.
func Files(l *loader.Loader, args []string, judge func(*loader.File) []diag.Diagnostic, opts Options) Scored {
	type result struct {
		report  *Report
		refused []diag.Diagnostic
		path    string
		source  []byte
	}
	scoreFile := func(f *loader.File) result {
		if !f.Valid() {
			return result{refused: f.Diags, path: f.Path, source: f.Source}
		}
		if f.Journey == nil {
			return result{}
		}
		r := Compute(f.Journey, judge(f), opts)
		r.Path = f.Path
		return result{report: r}
	}
	var s Scored
	problems := loader.Stream(l, args, scoreFile, func(r result) {
		if r.report != nil {
			s.Reports = append(s.Reports, r.report)
		}
		if len(r.refused) > 0 {
			s.Refused = append(s.Refused, r.refused...)
			if s.Sources == nil {
				s.Sources = map[string][]byte{}
			}
			s.Sources[r.path] = r.source
		}
	})
	s.Refused = append(s.Refused, problems...)
	diag.Sort(s.Refused)
	s.Refused = diag.Dedup(s.Refused)
	return s
}
