package cli

import (
	"time"

	"github.com/journey-maps/journey/pkg/loader"
	"github.com/journey-maps/journey/pkg/render"
	"github.com/journey-maps/journey/pkg/render/raster"
	"github.com/journey-maps/journey/pkg/score"
)

// renderToday is the date of the run: --today, else the environment's.
func (a *app) renderToday(flag string) (time.Time, error) {
	if flag == "" {
		return a.env.Now(), nil
	}
	t, err := time.Parse("2006-01-02", flag)
	if err != nil {
		return time.Time{}, usagef("--today %q: want a date as YYYY-MM-DD", flag)
	}
	return t, nil
}

// renderExtras scores the map as journey score does, under the
// configuration in force: the backlog, the emotions shown and the health
// come from that report, and the html report lists its lint findings.
func (a *app) renderExtras(in *render.Input, file *loader.File, f renderFlags, today time.Time) error {
	if f.persona != "" && file.Journey.Persona(f.persona) == nil {
		return nil // Prepare reports the unknown persona
	}
	findings := file.Diags
	weights := score.DefaultWeights()
	// Only the html report and the backlog show what the configuration
	// changes: lint findings, health and priorities.
	if f.format == render.FormatHTML || f.view == render.ViewBacklog {
		cfg, w, err := a.scoreConfig("")
		if err != nil {
			return err
		}
		findings, weights = scoreFindings(file, cfg, today), w
	}
	in.Findings = findings
	in.Score = score.Compute(file.Journey, findings, score.Options{Persona: f.persona, Today: today, Weights: weights})
	return nil
}

// rasterize makes PNG from our SVG in pure Go: go-graphviz's own PNG
// output is broken.
func rasterize(svg []byte) ([]byte, error) { return raster.PNG(svg, raster.Options{}) }
