package lint

import (
	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/model"
)

var emotionalLowUnaddressed = Rule{
	ID:       "emotional-low-unaddressed",
	Severity: diag.Warning,
	Summary:  "A touchpoint at emotion 1 or 2 with no pain point recorded",
	Why: `An emotional low is where customers leave, complain or stop recommending.
If the map records the low but not what causes it, there is nothing to
gather evidence on and no action to plan.`,
	Fix: `Record the pain point that explains the low (with evidence and an action),
or correct the emotion if the moment is not negative. A touchpoint counts as
low when its emotion, or any persona's emotion there, is 1 or 2; the finding
points at that emotion.`,
	Bad: `kind: Journey
version: 1
title: Online checkout
stages:
  - id: purchase
    name: Purchase
    touchpoints:
      - id: checkout-form
        name: Checkout form
        channel: website
        emotion: 2
`,
	Good: `kind: Journey
version: 1
title: Online checkout
stages:
  - id: purchase
    name: Purchase
    touchpoints:
      - id: checkout-form
        name: Checkout form
        channel: website
        emotion: 2
        pain_points:
          - id: forced-account
            description: Checkout forces account creation
`,
	visit: visitor{touchpoint: func(c *Check, t *model.Touchpoint) {
		if len(t.PainPoints) > 0 {
			return
		}
		low, at := 0, t.At("emotion")
		if t.Emotion.Value != 0 && t.Emotion.Value <= 2 {
			low = t.Emotion.Value
		}
		for _, pe := range t.Emotion.PerPersona {
			if pe.Value != 0 && pe.Value <= 2 && (low == 0 || pe.Value < low) {
				low = pe.Value
				if !pe.Pos.IsZero() {
					at = pe.Pos
				}
			}
		}
		if low != 0 {
			c.Report(at, itemTouchpoint(t), "touchpoint %q is an emotional low (%d) with no pain point recorded", t.ID, low)
		}
	}},
}
