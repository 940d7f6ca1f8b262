// Package templates holds the starter maps written by `journey init`.
//
// Each template is a text/template of a journey file. Dates are written
// relative to the day init runs ({{today}}, {{days N}} for N days from
// then), so a fresh map is never overdue for review, its evidence never
// stale and its goals never past due, whenever it is created.
package templates

import (
	"bytes"
	"embed"
	"fmt"
	"sort"
	"strings"
	"text/template"
	"time"

	"github.com/journey-maps/journey/schemas"
)

//go:embed *.journey.yaml.tmpl
var files embed.FS

// Template describes one starter map.
type Template struct {
	Name     string // what --template takes
	FileName string // the file init writes
	Summary  string // one line for help texts
}

var all = []Template{
	{"ecommerce", "online-shop.journey.yaml", "an online shop: advert, product page, checkout, delivery, reorder, review"},
	{"saas", "saas-trial.journey.yaml", "a software product: referral, pricing, trial, sales call, onboarding, renewal"},
	{"services", "home-service.journey.yaml", "a home-services business: search, booking call, engineer visit, annual service"},
	{"blank", "my-journey.journey.yaml", "the seven lifecycle stages with a touchpoint each, a persona and a metric to fill in"},
}

// All returns the templates, the example ones first.
func All() []Template { return append([]Template(nil), all...) }

// Names returns the template names.
func Names() []string {
	names := make([]string, len(all))
	for i, t := range all {
		names[i] = t.Name
	}
	return names
}

// Lookup finds a template by name.
func Lookup(name string) (Template, bool) {
	for _, t := range all {
		if t.Name == name {
			return t, true
		}
	}
	return Template{}, false
}

// Render returns the map of the named template with dates relative to today.
func Render(name string, today time.Time) ([]byte, error) {
	if _, ok := Lookup(name); !ok {
		names := Names()
		sort.Strings(names)
		return nil, fmt.Errorf("no template %q (want %s)", name, strings.Join(names, ", "))
	}
	src, err := files.ReadFile(name + ".journey.yaml.tmpl")
	if err != nil {
		return nil, err
	}
	day := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	funcs := template.FuncMap{
		"today":     func() string { return day.Format(time.DateOnly) },
		"days":      func(n int) string { return day.AddDate(0, 0, n).Format(time.DateOnly) },
		"schemaURL": func() string { return schemas.JourneyURL },
	}
	t, err := template.New(name).Funcs(funcs).Option("missingkey=error").Parse(string(src))
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, nil); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
