package site

import (
	"math"
	"slices"
	"time"

	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/model"
	"github.com/journey-maps/journey/pkg/render"
	"github.com/journey-maps/journey/pkg/score"
)

// What the site keeps of each file once its page is made: plain values,
// never the model (which holds the parsed YAML), so a build over
// thousands of maps holds a few rows of each.

// Kinds of entry.
const (
	kindMap     = "map"
	kindLibrary = "library"
	kindBroken  = "broken" // not read or not parsed: no kind known
)

// entry is one file of the site.
type entry struct {
	Path string // as loaded, shown in findings
	Abs  string // absolute, for serve to match file events
	Kind string
	ID   string
	Name string // the page's path without .html, set in order (namer)
	href string // Name.html
	// Label names the file on other pages: its title, with its path when
	// another file has the same title.
	Label string
	// Drawn is false for a map with format errors: it is listed with its
	// findings, not drawn.
	Drawn    bool
	NotDrawn string // why not
	// Libs are the absolute paths of the persona libraries a map
	// includes, for serve to rebuild it when one changes.
	Libs []string

	Row         mapRow
	Touchpoints []touchpointRow
	Pains       []painRow
	Actions     []actionRow
	Personas    []personaUse
	Metrics     []metricUse
	Findings    []finding
}

// mapRow is a map's line in the portfolio.
type mapRow struct {
	Title, Description, Owner string
	Tags                      []string
	LastReviewed              string // YYYY-MM-DD, "" when never
	ReviewDue                 string // YYYY-MM-DD
	Overdue                   bool
	Stages, Touchpoints       int
	Personas                  int
	Experience                float64
	HasExperience             bool
	Health                    int
	// OpenPains counts open pain points by severity: critical, high,
	// medium, low, unset.
	OpenPains                  [5]int
	GoalsOn, GoalsOff, GoalsNA int
	OpenActions, DoneActions   int
	Errors, Warnings, Infos    int
}

// Severities in the order pain points are ranked and counted.
var severities = []string{"critical", "high", "medium", "low", ""}

func severityIndex(s string) int {
	if i := slices.Index(severities, s); i >= 0 {
		return i
	}
	return len(severities) - 1
}

// OpenPainTotal is the number of open pain points.
func (r mapRow) OpenPainTotal() int {
	n := 0
	for _, c := range r.OpenPains {
		n += c
	}
	return n
}

// touchpointRow is one touchpoint, for the owners page and search.
type touchpointRow struct {
	ID, Name, Stage, Channel, Owner string
	Emotion                         float64
	HasEmotion                      bool
	OpenPains                       int
}

// painRow is one pain point.
type painRow struct {
	ID, Description, Severity string
	Touchpoint, Stage, Owner  string // the touchpoint's owner
	Open                      bool
	Evidence, Actions         int
}

// actionRow is one open action of the backlog.
type actionRow struct {
	ID, Title, Status, Owner string
	Priority                 float64
	Rank                     int
	Pain, Severity           string
	Touchpoint, Stage        string
	Due                      string
}

// personaUse is a persona as one map sees it.
type personaUse struct {
	ID      string
	Profile personaProfile
	// Experience is the mean of its emotions in the map.
	Experience    float64
	HasExperience bool
	Strip         []moment // its emotion at each touchpoint it meets
	Lowest        []moment
	// Pains index the map's pain points at the touchpoints it meets,
	// the most severe first.
	Pains []int
}

// personaProfile is what a map says a persona is.
type personaProfile struct {
	Name, Demographics, Library string
	Share                       string // "40%", "" when unknown
	Goals, PainPoints           []string
	Behaviors, Preferences      []string
}

// moment is a persona's emotion at a touchpoint.
type moment struct {
	Stage, Touchpoint, Feeling string
	Value                      int // 0 when not recorded
}

// metricUse is a metric as one map records it.
type metricUse struct {
	ID, Name, Kind, Unit string
	LowerIsBetter        bool
	Baseline, Current    string // "" when unknown
	Target               string
	Goals                []string // titles of the goals that use it
}

// finding is one lint or format finding.
type finding struct {
	diag.Diagnostic
	Anchor string // the id of its row on its file's page
}

// summarize keeps what the cross-map pages need of a drawn map.
func summarize(e *entry, d *render.Data, rep *score.Report, today time.Time) {
	j := d.J
	e.Row = mapRow{
		Title: d.Title(), Description: j.Description, Owner: j.Owner, Tags: j.Tags,
		Stages: len(j.Stages), Personas: len(j.AllPersonas()),
		Experience: rep.Experience, HasExperience: rep.HasExperience, Health: rep.Health,
		Errors: rep.Findings.Errors, Warnings: rep.Findings.Warnings, Infos: rep.Findings.Infos,
		OpenActions: len(rep.Backlog),
	}
	e.Row.LastReviewed, e.Row.ReviewDue, e.Row.Overdue = review(j, today)
	for _, a := range rep.Closed {
		if a.Status == "done" {
			e.Row.DoneActions++
		}
	}
	for _, g := range rep.Goals {
		switch goalTrack(g) {
		case trackOn:
			e.Row.GoalsOn++
		case trackOff:
			e.Row.GoalsOff++
		default:
			e.Row.GoalsNA++
		}
	}
	experience := map[*model.Touchpoint]score.TouchpointScore{}
	for _, ts := range rep.Touchpoints {
		experience[ts.Touchpoint] = ts
	}
	for _, s := range j.Stages {
		for _, t := range s.Touchpoints {
			e.Row.Touchpoints++
			e.addTouchpoint(s, t, experience[t])
		}
	}
	for _, b := range rep.Backlog {
		e.Actions = append(e.Actions, actionOf(b))
	}
	for _, p := range d.Personas {
		e.Personas = append(e.Personas, personaOf(d, p, e.Pains))
	}
	for _, m := range j.Metrics {
		e.Metrics = append(e.Metrics, metricOf(j, m))
	}
}

func (e *entry) addTouchpoint(s *model.Stage, t *model.Touchpoint, ts score.TouchpointScore) {
	row := touchpointRow{ID: t.ID, Name: nameOr(t.Name, t.ID), Stage: nameOr(s.Name, s.ID), Channel: t.Channel,
		Owner: t.Owner, Emotion: ts.Experience, HasEmotion: ts.HasData}
	for _, p := range t.PainPoints {
		pr := painOf(p)
		if pr.Open {
			row.OpenPains++
			e.Row.OpenPains[severityIndex(p.Severity)]++
		}
		e.Pains = append(e.Pains, pr)
	}
	e.Touchpoints = append(e.Touchpoints, row)
}

// review returns when the map was last reviewed, when the next review
// is due, and whether it is overdue (never reviewed counts as overdue),
// as review-overdue judges it.
func review(j *model.Journey, today time.Time) (last, due string, overdue bool) {
	if j.LastReviewed.IsZero() {
		return "", "", true
	}
	every := j.ReviewEveryDays
	if every <= 0 {
		every = 90
	}
	next := j.LastReviewed.AddDate(0, 0, every)
	day := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	return j.LastReviewed.Format(time.DateOnly), next.Format(time.DateOnly), day.After(next)
}

// Goal tracks.
const (
	trackOn  = "on track"
	trackOff = "off track"
	trackNA  = "not measured"
)

// goalTrack says whether a goal is on track: met or moving toward its
// target in time; off track when past due or moving the wrong way.
func goalTrack(g score.GoalProgress) string {
	switch {
	case g.Met:
		return trackOn
	case g.DueState == score.DueOverdue, g.HasProgress && g.Progress < 0:
		return trackOff
	case g.HasProgress:
		return trackOn
	}
	return trackNA
}

// painOf summarises a pain point. It is open until an action for it is
// done and every other is done or dropped.
func painOf(p *model.PainPoint) painRow {
	r := painRow{ID: p.ID, Description: p.Description, Severity: p.Severity, Evidence: len(p.Evidence), Actions: len(p.Actions), Open: true}
	if t := p.Touchpoint; t != nil {
		r.Touchpoint, r.Owner = nameOr(t.Name, t.ID), t.Owner
		if t.Stage != nil {
			r.Stage = nameOr(t.Stage.Name, t.Stage.ID)
		}
	}
	done := 0
	open := 0
	for _, a := range p.Actions {
		if a.Status == "done" {
			done++
		}
		if a.Open() {
			open++
		}
	}
	r.Open = done == 0 || open > 0
	return r
}

func actionOf(b score.BacklogItem) actionRow {
	a := b.Action
	r := actionRow{ID: a.ID, Title: nameOr(a.Title, a.ID), Status: a.Status, Owner: a.Owner, Priority: b.Priority, Rank: b.Rank}
	if r.Status == "" {
		r.Status = "idea"
	}
	if !a.Due.IsZero() {
		r.Due = a.Due.Format(time.DateOnly)
	}
	if p := a.PainPoint; p != nil {
		r.Pain, r.Severity = nameOr(p.Description, p.ID), p.Severity
		if t := p.Touchpoint; t != nil {
			r.Touchpoint = nameOr(t.Name, t.ID)
			if t.Stage != nil {
				r.Stage = nameOr(t.Stage.Name, t.Stage.ID)
			}
		}
	}
	return r
}

// personaOf is a persona's view of the map; pains are the map's pain
// points, in map order.
func personaOf(d *render.Data, p *model.Persona, pains []painRow) personaUse {
	u := personaUse{ID: p.ID, Profile: profileOf(p)}
	sum, n := 0, 0
	low := math.MaxInt
	first := 0 // the index of the first pain point of the touchpoint
	for _, s := range d.J.Stages {
		for _, t := range s.Touchpoints {
			if slices.Contains(t.Personas, p.ID) {
				for i := range t.PainPoints {
					u.Pains = append(u.Pains, first+i)
				}
			}
			first += len(t.PainPoints)
		}
	}
	for _, t := range d.Points {
		if !slices.Contains(t.Personas, p.ID) {
			continue
		}
		m := moment{Touchpoint: nameOr(t.Name, t.ID), Feeling: t.Feeling}
		if t.Stage != nil {
			m.Stage = nameOr(t.Stage.Name, t.Stage.ID)
		}
		if v, ok := d.PersonaEmotion(t, p.ID); ok {
			m.Value = v
			sum += v
			n++
			low = min(low, v)
		}
		u.Strip = append(u.Strip, m)
	}
	if n > 0 {
		u.Experience, u.HasExperience = float64(sum)/float64(n), true
		for _, m := range u.Strip {
			if m.Value == low {
				u.Lowest = append(u.Lowest, m)
			}
		}
	}
	slices.SortStableFunc(u.Pains, func(a, b int) int { return severityIndex(pains[a].Severity) - severityIndex(pains[b].Severity) })
	return u
}

func profileOf(p *model.Persona) personaProfile {
	pr := personaProfile{Name: render.PersonaName(p), Demographics: p.Demographics,
		Goals: p.Goals, PainPoints: p.PainPoints, Behaviors: p.Behaviors, Preferences: p.Preferences}
	if p.Share != nil {
		pr.Share = formatPercent(*p.Share * 100)
	}
	if p.From != nil {
		pr.Library = p.From.Pos.File
	}
	return pr
}

func metricOf(j *model.Journey, m *model.Metric) metricUse {
	u := metricUse{ID: m.ID, Name: nameOr(m.Name, m.ID), Kind: m.Kind, Unit: m.Unit, LowerIsBetter: m.LowerIsBetter(),
		Baseline: number(m.Baseline), Current: number(m.Current), Target: number(m.Target)}
	for _, g := range j.Goals {
		if g.Metric == m.ID {
			u.Goals = append(u.Goals, nameOr(g.Title, g.ID))
		}
	}
	return u
}

func nameOr(name, id string) string {
	if name != "" {
		return name
	}
	return id
}
