package score

import (
	"encoding/json"
	"io"
	"time"
)

// JSON is the documented shape of `journey score --format json`
// (docs/scoring.md). Figures that cannot be computed are null.
type JSON struct {
	Today   string             `json:"today"`
	Persona string             `json:"persona,omitempty"`
	Weights map[string]float64 `json:"weights"`
	Maps    []JSONMap          `json:"maps"`
	Summary JSONSummary        `json:"summary"`
}

// JSONMap is one map's figures.
type JSONMap struct {
	Path  string `json:"path"`
	ID    string `json:"id"`
	Title string `json:"title"`
	// PersonaFound is false when --persona names a persona the map lacks.
	PersonaFound *bool          `json:"persona_found,omitempty"`
	Experience   *float64       `json:"experience"`
	Stages       []JSONStage    `json:"stages"`
	Backlog      []JSONAction   `json:"backlog"`
	Closed       []JSONClosed   `json:"closed"`
	Goals        []JSONGoal     `json:"goals"`
	Health       int            `json:"health"`
	Findings     JSONFindings   `json:"findings"`
	Gate         *JSONMapResult `json:"gate,omitempty"`
}

// JSONMapResult is a map's result against --fail-under.
type JSONMapResult struct {
	Passed bool `json:"passed"`
}

// JSONStage is a stage and its touchpoints.
type JSONStage struct {
	ID          string           `json:"id"`
	Name        string           `json:"name"`
	Experience  *float64         `json:"experience"`
	Derived     bool             `json:"derived"` // the mean of its touchpoints, not its own emotion
	Lowest      bool             `json:"lowest"`
	Touchpoints []JSONTouchpoint `json:"touchpoints"`
}

// JSONTouchpoint is one touchpoint's experience.
type JSONTouchpoint struct {
	ID         string   `json:"id"`
	Name       string   `json:"name"`
	Experience *float64 `json:"experience"`
	Lowest     bool     `json:"lowest"`
}

// JSONAction is one ranked open action.
type JSONAction struct {
	Rank       int     `json:"rank"`
	Priority   float64 `json:"priority"`
	ID         string  `json:"id"`
	Title      string  `json:"title"`
	Status     string  `json:"status"`
	Owner      string  `json:"owner,omitempty"`
	PainPoint  string  `json:"pain_point"`
	Severity   string  `json:"severity,omitempty"`
	Touchpoint string  `json:"touchpoint"`
	Stage      string  `json:"stage"`
	// Inputs are the values written in the map (null when absent);
	// Factors the same normalised to 0..1 as used in the formula.
	Inputs  JSONInputs         `json:"inputs"`
	Factors map[string]float64 `json:"factors"`
}

// JSONInputs are an action's factors as written.
type JSONInputs struct {
	Impact     *int    `json:"impact"`
	Ease       *int    `json:"ease"`
	Resources  *int    `json:"resources"`
	ROI        *int    `json:"roi"`
	Confidence float64 `json:"confidence"`
}

// JSONClosed is a done or dropped action.
type JSONClosed struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Status string `json:"status"`
	Owner  string `json:"owner,omitempty"`
}

// JSONGoal is one goal's progress.
type JSONGoal struct {
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	Metric    string   `json:"metric"`
	Direction string   `json:"direction"`
	Baseline  *float64 `json:"baseline"`
	Current   *float64 `json:"current"`
	Target    *float64 `json:"target"`
	Progress  *float64 `json:"progress"` // percent, one decimal
	Missing   string   `json:"missing,omitempty"`
	Met       bool     `json:"met"`
	Due       string   `json:"due,omitempty"`
	DaysLeft  *int     `json:"days_left"`
	DueState  string   `json:"due_state"` // met | not-measured | on-track | due-soon | overdue | none
}

// JSONFindings counts the findings health was computed from.
type JSONFindings struct {
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
}

// JSONSummary totals the run.
type JSONSummary struct {
	Maps        int      `json:"maps"`
	Experience  *float64 `json:"experience"`
	HealthMin   int      `json:"health_min"`
	HealthMean  float64  `json:"health_mean"`
	OpenActions int      `json:"open_actions"`
	FailUnder   *int     `json:"fail_under"`
	Passed      bool     `json:"passed"`
	Failed      []string `json:"failed"` // paths of the maps below the gate
}

// ToJSON builds the JSON document of a run.
func ToJSON(rs []*Report, g Gate) JSON {
	doc := JSON{Weights: DefaultWeights().Map(), Maps: []JSONMap{}}
	if len(rs) > 0 {
		doc.Today = rs[0].Today.Format(time.DateOnly)
		doc.Persona = rs[0].Persona
		doc.Weights = rs[0].Weights.Map()
	}
	for _, r := range rs {
		doc.Maps = append(doc.Maps, jsonMap(r, g))
	}
	sum := Summarize(rs, g)
	doc.Summary = JSONSummary{
		Maps: sum.Maps, Experience: optExp(sum.Experience, sum.HasExperience), HealthMin: sum.HealthMin,
		HealthMean: round(sum.HealthMean, 1), OpenActions: sum.OpenActions, Passed: sum.Passed(), Failed: []string{},
	}
	if g.On {
		doc.Summary.FailUnder = &g.FailUnder
	}
	for _, r := range sum.Failed {
		doc.Summary.Failed = append(doc.Summary.Failed, r.Path)
	}
	return doc
}

// WriteJSON writes the run as one indented JSON object.
func WriteJSON(w io.Writer, rs []*Report, o WriteOptions) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(ToJSON(rs, o.Gate))
}

func optExp(v float64, ok bool) *float64 {
	if !ok {
		return nil
	}
	x := round(v, 2)
	return &x
}

func optInt(v int) *int {
	if v == 0 {
		return nil
	}
	return &v
}

func jsonMap(r *Report, g Gate) JSONMap {
	j := r.Journey
	m := JSONMap{
		Path: r.Path, ID: j.ID, Title: j.Title, Experience: optExp(r.Experience, r.HasExperience),
		Stages: []JSONStage{}, Backlog: []JSONAction{}, Closed: []JSONClosed{}, Goals: []JSONGoal{},
		Health: r.Health, Findings: JSONFindings(r.Findings),
	}
	if r.Persona != "" {
		m.PersonaFound = &r.PersonaFound
	}
	if g.On {
		m.Gate = &JSONMapResult{Passed: !g.Fails(r)}
	}
	i := 0
	for _, st := range r.Stages {
		js := JSONStage{ID: st.Stage.ID, Name: st.Stage.Name, Experience: optExp(st.Experience, st.HasData),
			Derived: st.Derived, Lowest: st.Lowest, Touchpoints: []JSONTouchpoint{}}
		for range st.Stage.Touchpoints {
			ts := r.Touchpoints[i]
			i++
			js.Touchpoints = append(js.Touchpoints, JSONTouchpoint{ID: ts.Touchpoint.ID, Name: ts.Touchpoint.Name,
				Experience: optExp(ts.Experience, ts.HasData), Lowest: ts.Lowest})
		}
		m.Stages = append(m.Stages, js)
	}
	for _, it := range r.Backlog {
		a := it.Action
		ja := JSONAction{Rank: it.Rank, Priority: it.Priority, ID: a.ID, Title: a.Title, Status: a.Status, Owner: a.Owner,
			Inputs:  JSONInputs{Impact: optInt(a.Impact), Ease: optInt(a.Ease), Resources: optInt(a.Resources), ROI: optInt(a.ROI), Confidence: a.Confidence},
			Factors: map[string]float64{}}
		if p := a.PainPoint; p != nil {
			ja.PainPoint, ja.Severity = p.ID, p.Severity
			if t := p.Touchpoint; t != nil {
				ja.Touchpoint = t.ID
				if t.Stage != nil {
					ja.Stage = t.Stage.ID
				}
			}
		}
		for _, k := range WeightKeys {
			ja.Factors[k] = round(it.Factors.Get(k), 4)
		}
		m.Backlog = append(m.Backlog, ja)
	}
	for _, a := range r.Closed {
		m.Closed = append(m.Closed, JSONClosed{ID: a.ID, Title: a.Title, Status: a.Status, Owner: a.Owner})
	}
	for _, gp := range r.Goals {
		jg := JSONGoal{ID: gp.Goal.ID, Title: gp.Goal.Title, Metric: gp.Goal.Metric, Direction: "higher-is-better",
			Baseline: gp.Baseline, Current: gp.Current, Target: gp.Target, Missing: gp.Missing, Met: gp.Met, DueState: gp.DueState}
		if gp.LowerIsBetter {
			jg.Direction = "lower-is-better"
		}
		if gp.HasProgress {
			p := round(gp.Progress, 1)
			jg.Progress = &p
		}
		if !gp.Goal.Due.IsZero() {
			jg.Due = gp.Goal.Due.Format(time.DateOnly)
			d := gp.DaysLeft
			jg.DaysLeft = &d
		}
		if jg.DueState == DueNone {
			jg.DueState = "none"
		}
		m.Goals = append(m.Goals, jg)
	}
	return m
}
