package site

import (
	"html/template"
	"math"
	"strconv"
	"strings"

	"github.com/journey-maps/journey/pkg/render"
)

// The badges a portfolio repeats tens of thousands of times (an emotion,
// a severity, a persona's emotion at each touchpoint) are written here
// rather than by a template call each, which costs microseconds: over
// 500 maps that was most of a build. Every text is escaped with
// html/template's own escaper, and the markup goes where the templates
// put it: element content.

var esc = template.HTMLEscapeString

// emotionChip shows an emotion on the 1..5 scale: its figure on the
// colour of its step, its word as the tooltip; a dash when there is none.
func emotionChip(v float64, has bool) template.HTML {
	if !has {
		return `<span class="muted">–</span>`
	}
	step := min(5, max(1, int(math.Round(v))))
	return template.HTML(`<span class="emo e` + strconv.Itoa(step) + `" title="` + render.EmotionWord(v) + `">` + formatEmotion(v) + `</span>`) //nolint:gosec // fixed words and figures
}

func formatEmotion(v float64) string { return render.FormatEmotion(math.Round(v*10) / 10) }

// severityChip names a pain point's severity in words, on a badge whose
// weight (not an emotion hue) grows with it.
func severityChip(sev string) template.HTML {
	return template.HTML(`<span class="sev s-` + sevClass(sev) + `">` + esc(sevLabel(sev)) + `</span>`) //nolint:gosec // escaped
}

// painCounts shows the open pain points of a row by severity.
func painCounts(r mapRow) template.HTML {
	if r.OpenPainTotal() == 0 {
		return `<span class="muted">none</span>`
	}
	var b strings.Builder
	b.WriteString(`<span class="pains">`)
	for i, n := range r.OpenPains {
		if n == 0 {
			continue
		}
		s := severities[i]
		b.WriteString(`<span class="sev s-` + sevClass(s) + `" title="` + sevLabel(s) + `">` + strconv.Itoa(n) +
			` <abbr title="` + sevLabel(s) + `">` + sevShort(s) + `</abbr></span> `)
	}
	b.WriteString(`</span>`)
	return template.HTML(b.String()) //nolint:gosec // fixed words and figures
}

// strip is a persona's emotion at each touchpoint of a map, in order: a
// chip each, its stage and touchpoint named in the tooltip. Persona
// pages hold one strip per map, so the markup is kept short.
func strip(ms []moment) template.HTML {
	var b strings.Builder
	for _, m := range ms {
		class, text := "e0", "–"
		if m.Value > 0 {
			class, text = "e"+strconv.Itoa(m.Value), strconv.Itoa(m.Value)
		}
		b.WriteString(`<li class="emo ` + class + `" title="` + esc(m.Stage+": "+m.Touchpoint) + `">` + text + `</li>`)
	}
	return template.HTML(b.String()) //nolint:gosec // escaped
}
