package lint

import (
	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/model"
)

var metricHasTarget = Rule{
	ID:       "metric-has-target",
	Severity: diag.Warning,
	Summary:  "A metric without baseline or target",
	Why: `A metric tells whether the journey improves only when it says where it
started (baseline, the "before") and where it should go (target). Without
them goal progress cannot be computed and "measure before and after" is
impossible.`,
	Fix: `Add baseline (with baseline_date) and target to the metric.`,
	Bad: `kind: Journey
version: 1
title: Online checkout
metrics:
  - id: cart-abandonment
    name: Cart abandonment rate
    current: 68
`,
	Good: `kind: Journey
version: 1
title: Online checkout
metrics:
  - id: cart-abandonment
    name: Cart abandonment rate
    baseline: 72
    baseline_date: 2026-06-30
    target: 55
`,
	visit: visitor{metric: func(c *Check, m *model.Metric) {
		var missing []string
		if m.Baseline == nil {
			missing = append(missing, "baseline")
		}
		if m.Target == nil {
			missing = append(missing, "target")
		}
		if len(missing) > 0 {
			c.Report(m.Pos, itemMetric(m), "metric %q has no %s", m.ID, orList(missing))
		}
	}},
}
