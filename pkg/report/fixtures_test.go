package report

import (
	"path/filepath"

	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/model"
)

// Shared fixtures of the sarif, github and junit tests: messages and paths
// that break naive escaping, in several files, in and out of a repository.

// hostile is a message with everything an output format has to escape.
const hostile = "quote \" apostrophe ' <tag> & amp; 100% a,b: c::d\nsecond line\r\n" +
	"NUL\x00 ESC\x1b[31m red FFFE\uFFFE é 日本 😀 \u2028 %0A literal"

// repo is a fake repository root, so tests do not depend on git.
var repo = filepath.FromSlash("/repo")

// fakeRoot is the repository root of the fixtures: /repo, which need not
// exist.
var fakeRoot = repo

func at(file string, line, col int) model.Pos {
	return model.Pos{File: filepath.FromSlash(file), Line: line, Col: col}
}

// hostileResult has findings of each severity in four files, one of them
// clean, one outside the repository, one at file level (no line).
func hostileResult() *Result {
	return &Result{
		Command: "lint",
		Files: []FileSummary{
			{Path: filepath.FromSlash("/repo/maps/a b%#.journey.yaml")},
			{Path: filepath.FromSlash("/repo/x:y,z.journey.yaml")},
			{Path: filepath.FromSlash("/repo/clean.journey.yaml")},
			{Path: filepath.FromSlash("/outside/o.journey.yaml")},
		},
		Diags: []diag.Diagnostic{
			{Pos: at("/repo/maps/a b%#.journey.yaml", 3, 5), Severity: diag.Error, Rule: "goal-measurable", Message: hostile, Item: "goal:g1"},
			{Pos: at("/repo/maps/a b%#.journey.yaml", 9, 1), Severity: diag.Warning, Rule: "touchpoint-has-owner", Message: "touchpoint \"cart\" has no owner", Item: "stage:s/touchpoint:cart"},
			{Pos: at("/repo/maps/a b%#.journey.yaml", 0, 0), Severity: diag.Error, Rule: diag.RuleSyntax, Message: "not one mapping document"},
			{Pos: at("/repo/x:y,z.journey.yaml", 12, 7), Severity: diag.Info, Rule: "channel-mix", Message: "all touchpoints are digital, 100%", Item: "journey"},
			{Pos: at("/outside/o.journey.yaml", 1, 1), Severity: diag.Error, Rule: diag.RuleSchema, Message: "missing required key \"title\""},
		},
		Rules: []diag.RuleDoc{
			{ID: "goal-measurable", Summary: "A goal without a metric, baseline, target or due date", Fix: "Give the goal a metric.", Severity: diag.Error},
			{ID: "touchpoint-has-owner", Summary: "A touchpoint with no owning team", Severity: diag.Warning, HelpURI: "https://example.com/owner"},
			{ID: "channel-mix", Summary: "All touchpoints digital or all physical", Severity: diag.Info},
		},
	}
}
