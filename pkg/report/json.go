package report

import (
	"encoding/json"
	"io"

	"github.com/journey-maps/journey/pkg/diag"
)

// JSONReport is the documented shape of `--format json` for validate and
// lint (docs/output.md).
type JSONReport struct {
	Files       []FileSummary     `json:"files"`
	Diagnostics []diag.Diagnostic `json:"diagnostics"`
	Summary     JSONSummary       `json:"summary"`
}

// JSONSummary counts the findings.
type JSONSummary struct {
	Files    int `json:"files"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
}

// JSON writes the result as one JSON object.
func JSON(w io.Writer, r *Result, _ Options) error {
	e, wn, i := r.Counts()
	out := JSONReport{Files: r.Files, Diagnostics: r.Diags, Summary: JSONSummary{len(r.Files), e, wn, i}}
	if out.Files == nil {
		out.Files = []FileSummary{}
	}
	if out.Diagnostics == nil {
		out.Diagnostics = []diag.Diagnostic{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
