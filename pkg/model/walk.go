package model

// AllPersonas returns the map's own personas followed by those of its
// included libraries, in include order, each once.
func (j *Journey) AllPersonas() []*Persona {
	out := append([]*Persona(nil), j.Personas...)
	for _, l := range Libraries(j.Included) {
		out = append(out, l.Personas...)
	}
	return out
}

// Libraries returns the included libraries and those they include in
// turn, in include order, each once.
func Libraries(included []*PersonaLibrary) []*PersonaLibrary {
	var out []*PersonaLibrary
	seen := map[*PersonaLibrary]bool{}
	var add func(libs []*PersonaLibrary)
	add = func(libs []*PersonaLibrary) {
		for _, l := range libs {
			if seen[l] {
				continue
			}
			seen[l] = true
			out = append(out, l)
			add(l.Included)
		}
	}
	add(included)
	return out
}

// Persona returns the persona with the given id, or nil.
func (j *Journey) Persona(id string) *Persona {
	for _, p := range j.AllPersonas() {
		if p.ID == id {
			return p
		}
	}
	return nil
}

// Metric returns the metric with the given id, or nil.
func (j *Journey) Metric(id string) *Metric {
	for _, m := range j.Metrics {
		if m.ID == id {
			return m
		}
	}
	return nil
}

// Touchpoints returns every touchpoint in stage order.
func (j *Journey) Touchpoints() []*Touchpoint {
	var out []*Touchpoint
	for _, s := range j.Stages {
		out = append(out, s.Touchpoints...)
	}
	return out
}

// Touchpoint returns the touchpoint with the given id, or nil.
func (j *Journey) Touchpoint(id string) *Touchpoint {
	for _, s := range j.Stages {
		for _, t := range s.Touchpoints {
			if t.ID == id {
				return t
			}
		}
	}
	return nil
}

// PainPoints returns every pain point in map order.
func (j *Journey) PainPoints() []*PainPoint {
	var out []*PainPoint
	for _, t := range j.Touchpoints() {
		out = append(out, t.PainPoints...)
	}
	return out
}

// Actions returns every action in map order.
func (j *Journey) Actions() []*Action {
	var out []*Action
	for _, p := range j.PainPoints() {
		out = append(out, p.Actions...)
	}
	return out
}

// NextOf returns the touchpoints a touchpoint flows to: its `next` list when
// given, otherwise the touchpoint that follows it in map order (none for
// the last).
func (j *Journey) NextOf(t *Touchpoint) []string {
	if len(t.Next) > 0 {
		return t.Next
	}
	all := j.Touchpoints()
	for i, x := range all {
		if x == t && i+1 < len(all) {
			return []string{all[i+1].ID}
		}
	}
	return nil
}

// ForgetKeys drops what lets the map's own elements find where their keys
// are written (Meta.Keys, which the loader answers from the parsed YAML),
// so a run that keeps the model after its findings are made (score keeps
// every map's for its report) does not keep every file's node tree with
// it. Afterwards At and ItemAt return an element's own position and Has
// is false.
// Included libraries are shared between maps and left as they are.
func (j *Journey) ForgetKeys() {
	j.forgetKeys()
	forgetKeys(j.Goals)
	forgetKeys(j.Metrics)
	forgetKeys(j.Personas)
	forgetKeys(j.Stages)
	for _, s := range j.Stages {
		forgetKeys(s.Touchpoints)
		for _, t := range s.Touchpoints {
			forgetKeys(t.PainPoints)
			for _, p := range t.PainPoints {
				forgetKeys(p.Evidence)
				forgetKeys(p.Actions)
			}
		}
	}
}

func (m *Meta) forgetKeys() { m.Keys = nil }

func forgetKeys[E interface{ forgetKeys() }](elements []E) {
	for _, e := range elements {
		e.forgetKeys()
	}
}
