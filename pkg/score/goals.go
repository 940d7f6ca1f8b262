package score

import (
	"fmt"
	"time"

	"github.com/journey-maps/journey/pkg/model"
	"github.com/journey-maps/journey/pkg/textfmt"
)

// Due states of a goal: where its progress stands against its due date
// (docs/scoring.md). Only a goal with a progress figure is held against
// the date: without one nobody knows whether it is on track.
const (
	DueNone        = ""             // measured, no due date
	DueMet         = "met"          // the target is reached, whatever the date
	DueNotMeasured = "not-measured" // no progress figure (see Missing), whatever the date
	DueOnTrack     = "on-track"     // measured, due in more than DueSoonDays
	DueSoon        = "due-soon"     // measured, due within DueSoonDays
	DueOverdue     = "overdue"      // measured, past its due date, target not reached
)

// GoalProgress is how far a goal has come from baseline to target.
type GoalProgress struct {
	Goal   *model.Goal
	Metric *model.Metric // nil when the goal names no known metric

	LowerIsBetter bool
	// Baseline and Target come from the goal, else from its metric;
	// Current from the metric. nil when unknown.
	Baseline, Current, Target *float64

	// Progress is the share of the way from baseline to target covered,
	// in percent: 0 at the baseline, 100 at the target, above 100 past it,
	// below 0 when the metric moved the wrong way.
	Progress    float64
	HasProgress bool
	// Missing says why there is no progress figure ("" when there is one).
	Missing string
	Met     bool

	DueState string
	// DaysLeft counts days from today to the due date, negative when it
	// has passed; valid only when the goal has a due date.
	DaysLeft int
}

func (r *Report) goals() {
	for _, g := range r.Journey.Goals {
		r.Goals = append(r.Goals, Progress(r.Journey, g, r.Today))
	}
}

// Progress computes one goal's progress on the given day.
func Progress(j *model.Journey, g *model.Goal, today time.Time) GoalProgress {
	gp := GoalProgress{Goal: g, Baseline: g.Baseline, Target: g.Target}
	if m := j.Metric(g.Metric); m != nil {
		gp.Metric = m
		gp.LowerIsBetter = m.LowerIsBetter()
		gp.Current = m.Current
		if gp.Baseline == nil {
			gp.Baseline = m.Baseline
		}
		if gp.Target == nil {
			gp.Target = m.Target
		}
	}
	// sign turns "lower is better" into "higher is better", so one formula
	// serves both directions.
	sign := 1.0
	if gp.LowerIsBetter {
		sign = -1
	}
	if gp.Current != nil && gp.Target != nil {
		gp.Met = sign*(*gp.Current-*gp.Target) >= 0
	}
	switch {
	case gp.Metric == nil:
		gp.Missing = "no metric"
	case gp.Baseline == nil:
		gp.Missing = "no baseline"
	case gp.Target == nil:
		gp.Missing = "no target"
	case gp.Current == nil:
		gp.Missing = "not measured yet"
	default:
		needed := sign * (*gp.Target - *gp.Baseline)
		gained := sign * (*gp.Current - *gp.Baseline)
		switch {
		case needed > 0:
			gp.Progress, gp.HasProgress = 100*gained/needed, true
		case needed == 0 && gp.Met:
			gp.Progress, gp.HasProgress = 100, true
		default:
			gp.Missing = "target is not an improvement on the baseline"
		}
	}
	if !g.Due.IsZero() {
		gp.DaysLeft = daysBetween(today, g.Due)
	}
	switch {
	case gp.Met:
		gp.DueState = DueMet
	case !gp.HasProgress:
		gp.DueState = DueNotMeasured
	case g.Due.IsZero():
		gp.DueState = DueNone
	case gp.DaysLeft < 0:
		gp.DueState = DueOverdue
	case gp.DaysLeft <= DueSoonDays:
		gp.DueState = DueSoon
	default:
		gp.DueState = DueOnTrack
	}
	return gp
}

// daysBetween counts calendar days from a to b, ignoring the time of day
// and time zones, so a goal due today has 0 days left.
func daysBetween(a, b time.Time) int {
	da := time.Date(a.Year(), a.Month(), a.Day(), 0, 0, 0, 0, time.UTC)
	db := time.Date(b.Year(), b.Month(), b.Day(), 0, 0, 0, 0, time.UTC)
	return int(db.Sub(da).Hours() / 24)
}

// DueText says when the goal is due and how far off that is, "2027-03-31
// (in 117 days)"; "" for a goal with no due date.
func (g GoalProgress) DueText() string {
	if g.Goal.Due.IsZero() {
		return ""
	}
	d := g.Goal.Due.Format(time.DateOnly)
	switch {
	case g.DaysLeft > 0:
		return fmt.Sprintf("%s (in %s)", d, textfmt.Plural(g.DaysLeft, "day"))
	case g.DaysLeft < 0:
		return fmt.Sprintf("%s (%s ago)", d, textfmt.Plural(-g.DaysLeft, "day"))
	}
	return d + " (today)"
}
