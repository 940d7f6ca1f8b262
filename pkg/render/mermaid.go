package render

import (
	"io"
	"math"

	"github.com/journey-maps/journey/pkg/mermaid"
	"github.com/journey-maps/journey/pkg/model"
)

// WriteMermaid writes a Mermaid `journey` diagram, which GitHub renders in
// markdown: every stage becomes a section (empty ones too), touchpoints
// tasks, the emotion the task's score (Mermaid uses the same 1..5 scale)
// and the touchpoint's personas its actors, in the order the touchpoint
// lists them. The title is also the accessible title (x-acc-title where
// the map has one) and the description the accessible description.
// Mermaid has one score per task, so without --persona a per-persona
// emotion is shown as its share-weighted mean. pkg/mermaid writes the
// text so that Mermaid reads it as meant (docs/mermaid.md).
func WriteMermaid(w io.Writer, d *Data) error {
	return mermaid.Write(w, mermaidDiagram(d))
}

// mermaidDiagram is the diagram WriteMermaid writes.
func mermaidDiagram(d *Data) *mermaid.Diagram {
	title := d.Title()
	accTitle := title
	if t, ok := d.J.Ext["x-acc-title"].(string); ok && t != "" {
		accTitle = t
	}
	if d.Persona != nil {
		title += " (" + PersonaName(d.Persona) + ")"
		accTitle += " (" + PersonaName(d.Persona) + ")"
	}
	md := &mermaid.Diagram{Title: title, AccTitle: accTitle, AccDescr: d.J.Description}
	shown := map[string]bool{}
	for _, p := range d.Personas {
		shown[p.ID] = true
	}
	for _, s := range d.J.Stages {
		sec := &mermaid.Section{Name: name(s.Name, s.ID)}
		for _, tp := range s.Touchpoints {
			if d.Persona != nil && !contains(tp.Personas, d.Persona.ID) {
				continue
			}
			sec.Tasks = append(sec.Tasks, mermaidTask(d, tp, shown))
		}
		md.Sections = append(md.Sections, sec)
	}
	return md
}

func mermaidTask(d *Data, tp *model.Touchpoint, shown map[string]bool) *mermaid.Task {
	t := &mermaid.Task{Name: name(tp.Name, tp.ID), Score: 3}
	if v, ok := d.Emotion(tp); ok {
		t.Score = math.Round(v)
	} else {
		// Mermaid needs a score: show neutral and say so.
		t.Note = "no emotion recorded, shown as neutral"
	}
	seen := map[string]bool{}
	for _, id := range tp.Personas {
		if p := d.J.Persona(id); p != nil && shown[id] && !seen[id] {
			seen[id] = true
			t.Actors = append(t.Actors, PersonaName(p))
		}
	}
	return t
}
