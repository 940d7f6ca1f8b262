package lint

import (
	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/model"
)

var measuredAfter = Rule{
	ID:       "measured-after",
	Severity: diag.Warning,
	Summary:  "A done action whose metrics have no current value dated after its baseline",
	Why: `Measure before and after: an action marked done has only cost money until
someone checks that it moved the needle. A metric's current value, dated
after its baseline, is the "after" that shows whether it worked.`,
	Fix: `List in the action's metrics what it should move, and record on those
metrics a current value with a current_date later than baseline_date. The
rule is satisfied when at least one of the action's metrics has such a
measurement; a done action that names no metric is reported too.`,
	Bad: `kind: Journey
version: 1
title: Online checkout
metrics:
  - id: cart-abandonment
    name: Cart abandonment rate
    baseline: 72
    baseline_date: 2026-06-30
    target: 55
stages:
  - id: purchase
    name: Purchase
    touchpoints:
      - id: checkout-form
        name: Checkout form
        channel: website
        pain_points:
          - id: no-wallet
            description: No wallet payments
            actions:
              - id: wallet-pay
                title: Add wallet payments
                status: done
                metrics: [cart-abandonment]
`,
	Good: `kind: Journey
version: 1
title: Online checkout
metrics:
  - id: cart-abandonment
    name: Cart abandonment rate
    baseline: 72
    baseline_date: 2026-06-30
    current: 68
    current_date: 2026-10-31
    target: 55
stages:
  - id: purchase
    name: Purchase
    touchpoints:
      - id: checkout-form
        name: Checkout form
        channel: website
        pain_points:
          - id: no-wallet
            description: No wallet payments
            actions:
              - id: wallet-pay
                title: Add wallet payments
                status: done
                metrics: [cart-abandonment]
`,
	visit: visitor{action: func(c *Check, a *model.Action) {
		if a.Status != "done" {
			return
		}
		if len(a.Metrics) == 0 {
			c.Report(a.Pos, itemAction(a), "action %q is done but names no metric to measure its effect by", a.ID)
			return
		}
		for _, id := range a.Metrics {
			if measuredAfterBaseline(c.Journey().Metric(id)) {
				return
			}
		}
		c.Report(a.Pos, itemAction(a), "action %q is done but its metrics have no current value dated after their baseline: measure after", a.ID)
	}},
}

// measuredAfterBaseline reports whether a metric has a current value dated
// after its baseline (any dated current value when the baseline is undated).
func measuredAfterBaseline(m *model.Metric) bool {
	if m == nil || m.Current == nil || m.CurrentDate.IsZero() {
		return false
	}
	return m.BaselineDate.IsZero() || m.CurrentDate.After(m.BaselineDate)
}
