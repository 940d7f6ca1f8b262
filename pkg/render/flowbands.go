package render

// flowPerBand is how many touchpoints one band of the flow holds in the
// report: about 1,200 px of cards, which prints on A4 landscape with its
// smallest text at 7 pt or more.
const flowPerBand = 5

// flowBands splits the data into bands of stages of at most n
// touchpoints, for the report to lay out and print one by one. A stage
// that does not fit in what is left of a band starts the next; one wider
// than a band is split. Each band keeps the flow between its own
// touchpoints.
func flowBands(d *Data, n int) []*Data {
	var out []*Data
	var cur *Data
	start := func() {
		cur = &Data{In: d.In, J: d.J, Persona: d.Persona, Personas: d.Personas, next: d.next, index: d.index, score: d.score, emotion: d.emotion}
		out = append(out, cur)
	}
	for _, sd := range d.Stages {
		if cur == nil || (len(cur.Points)+len(sd.Touchpoints) > n && len(sd.Touchpoints) <= n && len(cur.Points) > 0) {
			start()
		}
		var part *StageData
		for _, t := range sd.Touchpoints {
			if len(cur.Points) == n {
				start()
				part = nil
			}
			if part == nil {
				part = &StageData{Stage: sd.Stage}
				cur.Stages = append(cur.Stages, part)
			}
			part.Touchpoints = append(part.Touchpoints, t)
			cur.Points = append(cur.Points, t)
		}
	}
	if len(out) == 0 {
		start()
	}
	return out
}
