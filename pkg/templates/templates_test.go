package templates

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/journey-maps/journey/pkg/config"
	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/format"
	"github.com/journey-maps/journey/pkg/lint"
	"github.com/journey-maps/journey/pkg/loader"
	"github.com/journey-maps/journey/pkg/model"
)

// Every template loads without findings, has the seven lifecycle stages in
// order, a persona, a measurable goal and the schema modeline, whatever
// the day it is rendered on.
func TestTemplatesValidate(t *testing.T) {
	for _, day := range []time.Time{
		time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC),
		time.Date(2028, 2, 29, 23, 59, 0, 0, time.FixedZone("x", -11*3600)),
	} {
		for _, tpl := range All() {
			t.Run(tpl.Name+"/"+day.Format(time.DateOnly), func(t *testing.T) {
				data, err := Render(tpl.Name, day)
				if err != nil {
					t.Fatal(err)
				}
				if !strings.HasPrefix(string(data), "# yaml-language-server: $schema=") {
					t.Errorf("no schema modeline on the first line")
				}
				f := loader.New(loader.Options{}).LoadBytes(tpl.FileName, data)
				for _, d := range f.Diags {
					t.Errorf("%s", d)
				}
				if f.Journey == nil {
					t.Fatal("not a journey")
				}
				j := f.Journey
				var phases []string
				for _, s := range j.Stages {
					phases = append(phases, s.Phase)
				}
				if strings.Join(phases, " ") != strings.Join(model.Phases, " ") {
					t.Errorf("phases %v, want %v", phases, model.Phases)
				}
				if len(j.Personas) == 0 || len(j.Metrics) == 0 || (tpl.Name != "blank" && (len(j.Goals) == 0 || j.Goals[0].Metric == "")) {
					t.Errorf("want a persona, a metric and (but for blank) a goal with a metric")
				}
				if want := day.Format(time.DateOnly); j.LastReviewed.Format(time.DateOnly) != want {
					t.Errorf("last_reviewed %s, want %s", j.LastReviewed.Format(time.DateOnly), want)
				}
				if tpl.Name == "blank" {
					// The blank map passes lint; its warnings are its to-do list.
					ds := lint.Lint(f, nil, lint.Options{Today: day})
					if len(ds) == 0 || diag.Max(ds) >= diag.Error {
						t.Errorf("blank template: want warnings to fill in and no error, got %v", ds)
					}
					return
				}
				lintClean(t, f, day)
				for _, tp := range j.Touchpoints() {
					if tp.Owner == "" || !tp.Emotion.IsSet() {
						t.Errorf("touchpoint %s: want an owner and an emotion", tp.ID)
					}
				}
			})
		}
	}
}

// Every template is written in the canonical layout of `journey fmt`,
// whatever the day: a new map passes `journey fmt --check` as written.
func TestTemplatesCanonical(t *testing.T) {
	for _, day := range []time.Time{
		time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC),
		time.Date(2099, 12, 31, 0, 0, 0, 0, time.UTC),
	} {
		for _, tpl := range All() {
			data, err := Render(tpl.Name, day)
			if err != nil {
				t.Fatal(err)
			}
			out, err := format.Source(data)
			if err != nil {
				t.Fatalf("%s: %v", tpl.Name, err)
			}
			if !bytes.Equal(out, data) {
				t.Errorf("%s is not in the canonical layout; journey fmt writes:\n%s", tpl.Name, out)
			}
		}
	}
}

func TestUnknownTemplate(t *testing.T) {
	if _, err := Render("nope", time.Now()); err == nil || !strings.Contains(err.Error(), "ecommerce") {
		t.Fatalf("err = %v", err)
	}
}

// lintClean wants no finding at all, with the recommended and the strict
// configuration, on the day the map was written and up to 80 days later
// (within the quarterly review), for every template but blank.
func lintClean(t *testing.T, f *loader.File, day time.Time) {
	t.Helper()
	strict, err := config.Parse(".journeylint.yaml", []byte("extends: strict\n"), config.Schema{Rules: lint.ConfigRules()})
	if err != nil {
		t.Fatal(err)
	}
	for _, cfg := range []*config.Config{nil, strict} {
		for _, later := range []int{0, 30, 80} {
			for _, d := range lint.Lint(f, cfg, lint.Options{Today: day.AddDate(0, 0, later)}) {
				t.Errorf("+%d days: %s", later, d)
			}
		}
	}
}
