package score

// Gate is the --fail-under threshold of a run.
type Gate struct {
	On        bool
	FailUnder int // health below this fails
}

// Fails reports whether a map's health fails the gate.
func (g Gate) Fails(r *Report) bool { return g.On && r.Health < g.FailUnder }

// Summary is the account of several maps scored together.
type Summary struct {
	Maps          int
	Experience    float64 // mean of the maps that have an experience figure
	HasExperience bool
	HealthMin     int
	HealthMean    float64
	OpenActions   int
	Gate          Gate
	Failed        []*Report // maps whose health fails the gate, in input order
}

// Passed reports whether every map passed the gate (true without one).
func (s Summary) Passed() bool { return len(s.Failed) == 0 }

// Summarize totals the reports of one run.
func Summarize(rs []*Report, g Gate) Summary {
	s := Summary{Maps: len(rs), Gate: g, HealthMin: 100}
	var exps []float64
	health := 0
	for _, r := range rs {
		if r.HasExperience {
			exps = append(exps, r.Experience)
		}
		health += r.Health
		s.HealthMin = min(s.HealthMin, r.Health)
		s.OpenActions += len(r.Backlog)
		if g.Fails(r) {
			s.Failed = append(s.Failed, r)
		}
	}
	if len(exps) > 0 {
		s.Experience, s.HasExperience = mean(exps), true
	}
	if len(rs) > 0 {
		s.HealthMean = float64(health) / float64(len(rs))
	} else {
		s.HealthMin = 0
	}
	return s
}
