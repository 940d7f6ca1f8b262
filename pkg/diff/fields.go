package diff

import (
	"time"

	"github.com/journey-maps/journey/pkg/model"
)

// The fields compared for each kind, named as in the file and in schema
// order. Values are the effective ones (a touchpoint's type defaulted from
// its channel, an action's status and confidence defaults), except a
// touchpoint's personas: only a list written in the file counts, so adding
// a persona to the map does not change every touchpoint that names none.

func str(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func num(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

func float(f *float64) any {
	if f == nil {
		return nil
	}
	return *f
}

func date(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Format(time.DateOnly)
}

func list(l []string) any {
	if len(l) == 0 {
		return nil
	}
	return append([]string(nil), l...)
}

// ext adds the x- extension keys, sorted by name.
func ext(vs []value, m model.Meta) []value {
	for _, k := range sortedKeys(m.Ext) {
		vs = append(vs, value{k, m.Ext[k]})
	}
	return vs
}

func journeyValues(j *model.Journey) []value {
	var incs []string
	for _, inc := range j.Include {
		incs = append(incs, inc.Path)
	}
	return ext([]value{
		{"kind", str(j.Kind)},
		{"version", num(j.Version)},
		{"id", str(j.ID)},
		{"title", str(j.Title)},
		{"description", str(j.Description)},
		{"owner", str(j.Owner)},
		{"last_reviewed", date(j.LastReviewed)},
		{"review_every_days", num(j.ReviewEveryDays)},
		{"brand_values", list(j.BrandValues)},
		{"tags", list(j.Tags)},
		{"include", list(incs)},
	}, j.Meta)
}

func personaValues(p *model.Persona) []value {
	return ext([]value{
		{"name", str(p.Name)},
		{"share", float(p.Share)},
		{"demographics", str(p.Demographics)},
		{"goals", list(p.Goals)},
		{"pain_points", list(p.PainPoints)},
		{"behaviors", list(p.Behaviors)},
		{"preferences", list(p.Preferences)},
	}, p.Meta)
}

func goalValues(g *model.Goal) []value {
	return ext([]value{
		{"title", str(g.Title)},
		{"description", str(g.Description)},
		{"metric", str(g.Metric)},
		{"baseline", float(g.Baseline)},
		{"target", float(g.Target)},
		{"due", date(g.Due)},
	}, g.Meta)
}

func metricValues(m *model.Metric) []value {
	return ext([]value{
		{"name", str(m.Name)},
		{"description", str(m.Description)},
		{"kind", str(m.Kind)},
		{"unit", str(m.Unit)},
		{"direction", str(m.Direction)},
		{"baseline", float(m.Baseline)},
		{"baseline_date", date(m.BaselineDate)},
		{"current", float(m.Current)},
		{"current_date", date(m.CurrentDate)},
		{"target", float(m.Target)},
		{"source", str(m.Source)},
	}, m.Meta)
}

func stageValues(s *model.Stage) []value {
	return ext([]value{
		{"name", str(s.Name)},
		{"phase", str(s.Phase)},
		{"description", str(s.Description)},
		{"emotion", num(s.Emotion)},
	}, s.Meta)
}

func emotion(e model.Emotion) any {
	if len(e.PerPersona) > 0 {
		m := make(map[string]int, len(e.PerPersona))
		for _, pe := range e.PerPersona {
			m[pe.Persona] = pe.Value
		}
		return m
	}
	return num(e.Value)
}

func touchpointValues(t *model.Touchpoint) []value {
	var personas any
	if t.PersonasExplicit {
		personas = list(t.Personas)
	}
	return ext([]value{
		{"name", str(t.Name)},
		{"description", str(t.Description)},
		{"channel", str(t.Channel)},
		{"type", str(t.Type)},
		{"owner", str(t.Owner)},
		{"personas", personas},
		{"doing", str(t.Doing)},
		{"thinking", str(t.Thinking)},
		{"feeling", str(t.Feeling)},
		{"backstage", str(t.Backstage)},
		{"emotion", emotion(t.Emotion)},
		{"metrics", list(t.Metrics)},
		{"next", list(t.Next)},
		{"url", str(t.URL)},
	}, t.Meta)
}

func painPointValues(p *model.PainPoint) []value {
	return ext([]value{
		{"description", str(p.Description)},
		{"severity", str(p.Severity)},
	}, p.Meta)
}

func evidenceValues(e *model.Evidence) []value {
	return ext([]value{
		{"source", str(e.Source)},
		{"summary", str(e.Summary)},
		{"date", date(e.Date)},
		{"link", str(e.Link)},
	}, e.Meta)
}

func actionValues(a *model.Action) []value {
	return ext([]value{
		{"title", str(a.Title)},
		{"description", str(a.Description)},
		{"status", str(a.Status)},
		{"owner", str(a.Owner)},
		{"due", date(a.Due)},
		{"impact", num(a.Impact)},
		{"ease", num(a.Ease)},
		{"resources", num(a.Resources)},
		{"roi", num(a.ROI)},
		{"confidence", a.Confidence},
		{"metrics", list(a.Metrics)},
	}, a.Meta)
}
