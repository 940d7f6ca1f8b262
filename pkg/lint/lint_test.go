package lint

import (
	"flag"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/journey-maps/journey/pkg/config"
	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/loader"
)

// today is the date the tests judge dates on.
var today = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

func lintBytes(t *testing.T, name, src string, cfg *config.Config) (*loader.File, []diag.Diagnostic) {
	t.Helper()
	f := loader.New(loader.Options{}).LoadBytes(name, []byte(src))
	return f, Lint(f, cfg, Options{Today: today})
}

func rulesOf(ds []diag.Diagnostic) map[string]int {
	m := map[string]int{}
	for _, d := range ds {
		m[d.Rule]++
	}
	return m
}

// TestDocumentedSnippets: every rule's failing snippet is a valid map the
// rule reports, and its passing snippet is a valid map it does not.
func TestDocumentedSnippets(t *testing.T) {
	for _, r := range Rules() {
		t.Run(r.ID, func(t *testing.T) {
			if r.Summary == "" || r.Why == "" || r.Fix == "" || r.Bad == "" || r.Good == "" {
				t.Fatalf("rule %s lacks documentation", r.ID)
			}
			for _, c := range []struct {
				name, src string
				fires     bool
			}{{"failing", r.Bad, true}, {"passing", r.Good, false}} {
				f, ds := lintBytes(t, r.ID+".journey.yaml", c.src, nil)
				if !f.Valid() {
					t.Fatalf("%s snippet has format errors: %v", c.name, f.Diags)
				}
				if got := rulesOf(ds)[r.ID] > 0; got != c.fires {
					t.Errorf("%s snippet: rule fires = %v, want %v; findings:\n%s", c.name, got, c.fires, dump(ds))
				}
			}
		})
	}
}

func dump(ds []diag.Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(d.String() + "  item=" + d.Item + "\n")
	}
	return b.String()
}

func TestExamplesLintClean(t *testing.T) {
	files, problems := loader.New(loader.Options{}).Load([]string{"../../examples"})
	if len(problems) > 0 || len(files) != 4 {
		t.Fatalf("%d files, %v", len(files), problems)
	}
	for _, f := range files {
		ds := Lint(f, nil, Options{Today: today})
		if diag.Max(ds) >= diag.Warning {
			t.Errorf("%s:\n%s", f.Path, dump(ds))
		} else if len(ds) > 0 {
			t.Logf("%s:\n%s", f.Path, dump(ds))
		}
	}
}

var update = flag.Bool("update", false, "rewrite docs/rules.md")

// TestRulesDoc fails when docs/rules.md is not what the registry generates.
func TestRulesDoc(t *testing.T) {
	const path = "../../docs/rules.md"
	got := Markdown()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil || string(want) != got {
		t.Fatalf("docs/rules.md is stale: run go test ./pkg/lint -run TestRulesDoc -update")
	}
	for _, r := range Rules() {
		if !strings.Contains(got, "\n## "+r.ID+"\n") {
			t.Errorf("no section for %s", r.ID)
		}
	}
}

// TestEvidenceItems: evidence is named by its pain point and source, the
// second of a source with #2, so evidence of another source added before
// it does not change its name.
func TestEvidenceItems(t *testing.T) {
	const src = `kind: Journey
version: 1
title: Online checkout
stages:
  - id: purchase
    name: Purchase
    touchpoints:
      - id: checkout-form
        name: Checkout form
        channel: website
        pain_points:
          - id: forced-account
            description: Checkout forces account creation
            evidence:
              - {source: survey, summary: old, date: 2023-03-01}
              - {source: analytics, summary: old, date: 2023-04-01}
              - {source: survey, summary: older, date: 2022-03-01}
              - {source: survey, summary: recent, date: 2026-09-01}
`
	_, ds := lintBytes(t, "items.journey.yaml", src, nil)
	var got []string
	for _, d := range ds {
		if d.Rule == "evidence-stale" {
			got = append(got, d.Item)
		}
	}
	want := []string{
		"pain-point:forced-account/evidence:survey",
		"pain-point:forced-account/evidence:analytics",
		"pain-point:forced-account/evidence:survey#2",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("items:\n%s\nwant:\n%s\nfindings:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"), dump(ds))
	}
}
