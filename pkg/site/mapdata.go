package site

import (
	"fmt"

	"github.com/journey-maps/journey/pkg/model"
	"github.com/journey-maps/journey/pkg/render"
	"github.com/journey-maps/journey/pkg/score"
)

// mapPage is the page of one file: a map's report, a library's
// personas, or what is wrong with a file that cannot be drawn.
type mapPage struct {
	pageBase
	Kind        string
	Path        string
	Description string
	Tags        []string
	Facts       []fact
	Contents    []link
	Drawn       bool
	NotDrawn    string
	Sections    []section
	Goals       []goalRow
	Personas    []personaUse
	Findings    findingList
}

// fact is one figure in a page's header.
type fact struct {
	Label, Value string
	Emotion      *emotionValue
	Alert        bool
}

// link is a labelled address relative to the top of the site (Href) or
// an anchor in the page (ID).
type link struct{ ID, Href, Label, Note string }

// findingList is a table of findings on a page.
type findingList struct {
	Root  string
	Items []finding
}

// goalRow is a goal's progress on the map page.
type goalRow struct {
	Title, Metric, MetricID     string
	Baseline, Current, Target   string
	Progress, Due, Track, State string
}

func mapFacts(r mapRow) []fact {
	var fs []fact
	if r.Owner != "" {
		fs = append(fs, fact{Label: "Owner", Value: r.Owner})
	}
	reviewed := "never"
	if r.LastReviewed != "" {
		reviewed = r.LastReviewed
	}
	if r.Overdue {
		reviewed += " (overdue)"
	}
	fs = append(fs,
		fact{Label: "Last reviewed", Value: reviewed, Alert: r.Overdue},
		fact{Label: "Stages", Value: fmt.Sprint(r.Stages)},
		fact{Label: "Touchpoints", Value: fmt.Sprint(r.Touchpoints)},
		fact{Label: "Personas", Value: fmt.Sprint(r.Personas)},
	)
	if r.HasExperience {
		fs = append(fs, fact{Label: "Experience", Value: render.EmotionWord(r.Experience), Emotion: &emotionValue{r.Experience}})
	}
	fs = append(fs,
		fact{Label: "Health", Value: fmt.Sprintf("%d / 100", r.Health), Alert: r.Health < 50},
		fact{Label: "Open pain points", Value: fmt.Sprint(r.OpenPainTotal())},
		fact{Label: "Open actions", Value: fmt.Sprint(r.OpenActions)},
	)
	if n := r.GoalsOn + r.GoalsOff + r.GoalsNA; n > 0 {
		fs = append(fs, fact{Label: "Goals", Value: fmt.Sprintf("%d on track, %d off", r.GoalsOn, r.GoalsOff), Alert: r.GoalsOff > 0})
	}
	return fs
}

func goalRows(j *model.Journey, rep *score.Report) []goalRow {
	var out []goalRow
	for _, g := range rep.Goals {
		r := goalRow{Title: nameOr(g.Goal.Title, g.Goal.ID), Metric: g.Goal.Metric, Track: goalTrack(g),
			Baseline: dash(number(g.Baseline)), Current: dash(number(g.Current)), Target: dash(number(g.Target))}
		if g.Metric != nil {
			r.MetricID, r.Metric = g.Metric.ID, nameOr(g.Metric.Name, g.Metric.ID)
		}
		switch {
		case g.HasProgress:
			r.Progress = formatPercent(g.Progress)
		default:
			r.Progress = g.Missing
		}
		r.Due = dueText(g)
		out = append(out, r)
	}
	return out
}

func dueText(g score.GoalProgress) string {
	if d := g.DueText(); d != "" {
		return d
	}
	return "no due date"
}

func dash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// contents lists the sections of a file's page.
func contents(p *mapPage) []link {
	var out []link
	for _, s := range p.Sections {
		out = append(out, link{ID: s.ID, Label: s.Title})
	}
	if len(p.Goals) > 0 {
		out = append(out, link{ID: "goals", Label: "Goals"})
	}
	if len(p.Personas) > 0 {
		out = append(out, link{ID: "personas", Label: "Personas"})
	}
	out = append(out, link{ID: "findings", Label: "Findings"})
	if p.Drawn {
		out = append(out, link{ID: "connections", Label: "Connections"})
	}
	return out
}
