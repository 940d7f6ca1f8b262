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
