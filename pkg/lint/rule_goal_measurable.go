package lint

import (
	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/model"
	"github.com/journey-maps/journey/pkg/score"
)

var goalMeasurable = Rule{
	ID:       "goal-measurable",
	Severity: diag.Error,
	Summary:  "A goal without a metric, a baseline (on the goal or its metric), a target or a due date",
	Why: `A goal is only useful if the team can tell whether it was reached: it needs
a metric to measure, a baseline to start from, a target to reach and a date
to reach it by. "Improve checkout" cannot be met or missed; "cart abandonment
from 72% to 55% by March" can.`,
	Fix: `Give the goal a metric (an id from metrics), and make sure the goal or that
metric has a baseline and a target; add a due date.`,
	Bad: `kind: Journey
version: 1
title: Online checkout
goals:
  - id: better-checkout
    title: Improve the checkout
`,
	Good: `kind: Journey
version: 1
title: Online checkout
goals:
  - id: cut-abandonment
    title: Reduce cart abandonment below 55%
    metric: cart-abandonment
    target: 55
    due: 2027-03-31
metrics:
  - id: cart-abandonment
    name: Cart abandonment rate
    baseline: 72
    target: 55
`,
	visit: visitor{goal: func(c *Check, g *model.Goal) {
		// The baseline and target in force, the goal's else its metric's,
		// as journey score reads them.
		gp := score.Progress(c.Journey(), g, c.Today())
		var missing []string
		if g.Metric == "" {
			missing = append(missing, "metric")
		}
		if gp.Baseline == nil {
			missing = append(missing, "baseline")
		}
		if gp.Target == nil {
			missing = append(missing, "target")
		}
		if g.Due.IsZero() {
			missing = append(missing, "due date")
		}
		if len(missing) > 0 {
			c.Report(g.Pos, itemGoal(g), "goal %q has no %s: it cannot be measured", g.ID, orList(missing))
		}
	}},
}
