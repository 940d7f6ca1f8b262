package render

import (
	"fmt"
	"sort"
	"strings"

	"github.com/journey-maps/journey/pkg/model"
	"github.com/journey-maps/journey/pkg/render/canvas"
	"github.com/journey-maps/journey/pkg/render/palette"
	"github.com/journey-maps/journey/pkg/score"
	"github.com/journey-maps/journey/pkg/textfmt"
)

// canvasMap says what the canvas shows of the data, in words.
func canvasMap(d *Data) *canvas.Map {
	m := &canvas.Map{
		Title:       oneLine(d.Title()),
		Description: oneLine(d.J.Description),
		Desc:        describe(d, "Journey map"),
		Overall:     d.Persona == nil && len(d.Personas) != 1,
	}
	if d.Persona != nil {
		m.Subtitle = "As " + oneLine(PersonaName(d.Persona)) + " sees it"
	}
	for i, p := range d.Personas {
		note := ""
		if p.Share != nil {
			note = fmt.Sprintf("%.0f%% of customers", *p.Share*100)
		}
		m.Personas = append(m.Personas, canvas.Persona{Name: oneLine(PersonaName(p)), Note: note, Style: palette.Persona(i)})
	}
	for _, g := range d.J.Goals {
		s := oneLine(g.Title)
		if !g.Due.IsZero() {
			s += " (by " + g.Due.Format("2 January 2006") + ")"
		}
		m.Goals = append(m.Goals, s)
	}
	ranks := map[*model.Action]score.BacklogItem{}
	for _, r := range d.Backlog() {
		ranks[r.Action] = r
	}
	for _, sd := range d.Stages {
		st := canvas.Stage{Name: oneLine(name(sd.Stage.Name, sd.Stage.ID)), Meta: stageMeta(d, sd)}
		for _, t := range sd.Touchpoints {
			st.Touchpoints = append(st.Touchpoints, canvasTouchpoint(d, t, ranks))
		}
		m.Stages = append(m.Stages, st)
	}
	return m
}

func stageMeta(d *Data, sd *StageData) string {
	var parts []string
	if sd.Stage.Phase != "" {
		parts = append(parts, sd.Stage.Phase)
	}
	if v, ok := d.StageEmotion(sd); ok {
		parts = append(parts, "emotion "+FormatEmotion(round1(v)))
	}
	return strings.Join(parts, " · ")
}

func canvasTouchpoint(d *Data, t *model.Touchpoint, ranks map[*model.Action]score.BacklogItem) canvas.Touchpoint {
	meta := t.Channel
	if t.Owner != "" {
		meta += " · " + t.Owner
	}
	ct := canvas.Touchpoint{
		Name: oneLine(name(t.Name, t.ID)), Meta: oneLine(meta),
		Doing: t.Doing, Thinking: t.Thinking, Feeling: t.Feeling, Backstage: t.Backstage,
	}
	if d.Persona == nil && t.PersonasExplicit && len(t.Personas) < len(d.Personas) {
		var names []string
		for _, id := range t.Personas {
			if p := d.J.Persona(id); p != nil {
				names = append(names, PersonaName(p))
			}
		}
		ct.Only = "only " + oneLine(strings.Join(names, ", "))
	}
	if v, ok := d.Emotion(t); ok {
		ct.Overall = v
		ct.EmotionText = FormatEmotion(round1(v)) + " · " + EmotionWord(v)
	}
	for _, p := range d.Personas {
		v, _ := d.PersonaEmotion(t, p.ID)
		ct.Emotions = append(ct.Emotions, float64(v))
	}
	for _, pp := range t.PainPoints {
		ct.Pains = append(ct.Pains, canvas.Pain{Severity: pp.Severity, Text: oneLine(name(pp.Description, pp.ID))})
		for _, a := range pp.Actions {
			meta := status(a)
			if r, ok := ranks[a]; ok {
				meta += fmt.Sprintf(" · priority %.0f, #%d", r.Priority, r.Rank)
			}
			ct.Actions = append(ct.Actions, canvas.Action{Title: oneLine(name(a.Title, a.ID)), Meta: meta})
		}
	}
	return ct
}

// describe says in words what a picture of the data shows: the stages,
// the lowest moments and the open pain points, for readers who cannot
// see it (the SVG's <desc>).
func describe(d *Data, what string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s of %s", what, oneLine(d.Title()))
	if d.Persona != nil {
		fmt.Fprintf(&b, " as %s sees it", oneLine(PersonaName(d.Persona)))
	}
	var stages []string
	for _, sd := range d.Stages {
		stages = append(stages, oneLine(name(sd.Stage.Name, sd.Stage.ID)))
	}
	fmt.Fprintf(&b, ": %s (%s) with %s.", textfmt.Plural(len(d.Stages), "stage"),
		strings.Join(firstN(stages, 12), ", "), textfmt.Plural(len(d.Points), "touchpoint"))
	if low := lowest(d); len(low) > 0 {
		fmt.Fprintf(&b, " Lowest moments: %s.", strings.Join(low, "; "))
	}
	var open []string
	for _, t := range d.Points {
		for _, pp := range t.PainPoints {
			if painOpen(pp) {
				s := oneLine(name(pp.Description, pp.ID))
				if pp.Severity != "" {
					s += " (" + pp.Severity + ")"
				}
				open = append(open, s+" at "+oneLine(name(t.Name, t.ID)))
			}
		}
	}
	if len(open) > 0 {
		fmt.Fprintf(&b, " Open pain points: %s.", strings.Join(firstN(open, 8), "; "))
	} else {
		b.WriteString(" No open pain points.")
	}
	return b.String()
}

// lowest names the touchpoints with the lowest emotion, at most three.
func lowest(d *Data) []string {
	type moment struct {
		t *model.Touchpoint
		v float64
	}
	var ms []moment
	for _, t := range d.Points {
		if v, ok := d.Emotion(t); ok {
			ms = append(ms, moment{t, v})
		}
	}
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].v < ms[j].v })
	var out []string
	for _, m := range ms[:min(3, len(ms))] {
		out = append(out, fmt.Sprintf("%s, %s (%s)", oneLine(name(m.t.Name, m.t.ID)), FormatEmotion(round1(m.v)), EmotionWord(m.v)))
	}
	return out
}

// painOpen: a pain point is open until every one of its actions is done
// or dropped.
func painOpen(pp *model.PainPoint) bool {
	for _, a := range pp.Actions {
		if a.Open() {
			return true
		}
	}
	return len(pp.Actions) == 0
}

func firstN(list []string, n int) []string {
	if len(list) <= n {
		return list
	}
	return append(list[:n:n], fmt.Sprintf("and %d more", len(list)-n))
}
