package render

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strings"
)

// WriteMermaid writes a Mermaid `journey` diagram, which GitHub renders in
// markdown: stages become sections, touchpoints tasks, the emotion the
// task's score (Mermaid uses the same 1..5 scale) and the touchpoint's
// personas its actors. Mermaid has one score per task, so without
// --persona a per-persona emotion is shown as its share-weighted mean.
func WriteMermaid(w io.Writer, d *Data) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "journey")
	title := d.Title()
	if d.Persona != nil {
		title += " (" + PersonaName(d.Persona) + ")"
	}
	fmt.Fprintf(bw, "    title %s\n", EscapeMermaid(title))
	for _, sd := range d.Stages {
		fmt.Fprintf(bw, "    section %s\n", EscapeMermaid(name(sd.Stage.Name, sd.Stage.ID)))
		for _, tp := range sd.Touchpoints {
			score := 3
			v, ok := d.Emotion(tp)
			if ok {
				score = int(math.Round(v))
			} else {
				// Mermaid needs a score: show neutral and say so.
				fmt.Fprintf(bw, "      %%%% no emotion recorded, shown as neutral\n")
			}
			var actors []string
			for _, p := range d.Personas {
				if contains(tp.Personas, p.ID) {
					actors = append(actors, strings.ReplaceAll(EscapeMermaid(PersonaName(p)), ",", "\u201a"))
				}
			}
			line := fmt.Sprintf("      %s: %d", EscapeMermaid(name(tp.Name, tp.ID)), score)
			if len(actors) > 0 {
				line += ": " + strings.Join(actors, ", ")
			}
			fmt.Fprintln(bw, line)
		}
	}
	return bw.Flush()
}
