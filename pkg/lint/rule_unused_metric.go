package lint

import (
	"github.com/journey-maps/journey/pkg/diag"
)

var unusedMetric = Rule{
	ID:       "unused-metric",
	Severity: diag.Info,
	Summary:  "A metric no goal, touchpoint or action refers to",
	Why: `A metric earns its place on a journey map by measuring a goal, a touchpoint
or the effect of an action. One that nothing refers to is either a missing
link (which touchpoint does it measure?) or clutter.`,
	Fix: `Refer to the metric from the goal it measures, the touchpoints it
describes (metrics: [...]) or the actions meant to move it, or remove it.`,
	Bad: `kind: Journey
version: 1
title: Online checkout
metrics:
  - {id: nps, name: Net promoter score, baseline: 31, target: 45}
`,
	Good: `kind: Journey
version: 1
title: Online checkout
metrics:
  - {id: nps, name: Net promoter score, baseline: 31, target: 45}
stages:
  - id: advocacy
    name: Recommendation
    touchpoints:
      - {id: review-request, name: Review request, channel: email, metrics: [nps]}
`,
	visit: visitor{done: func(c *Check) {
		j, refs := c.Journey(), c.Refs()
		if j == nil {
			return
		}
		for _, m := range j.Metrics {
			if !refs.Metric(m.ID) {
				c.Report(m.Pos, itemMetric(m), "metric %q is not used by any goal, touchpoint or action", m.ID)
			}
		}
	}},
}
