package lint

import (
	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/model"
)

var emotionRecorded = Rule{
	ID:       "emotion-recorded",
	Severity: diag.Warning,
	Summary:  "A touchpoint with no emotion (and none on its stage)",
	Why: `The emotional highs and lows are what a journey map shows that a process
diagram does not. Without an emotion a touchpoint drops out of the emotion
curve and of the experience score, and its lows go unnoticed.`,
	Fix: `Record emotion on the touchpoint, 1 (very negative) to 5 (very positive),
either one value or one per persona ({busy-pro: 2, student: 4}), or give the
stage an emotion that applies to its touchpoints.`,
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
        emotion: 4
`,
	visit: visitor{touchpoint: func(c *Check, t *model.Touchpoint) {
		if !t.Emotion.IsSet() && (t.Stage == nil || t.Stage.Emotion == 0) {
			c.Report(t.Pos, itemTouchpoint(t), "touchpoint %q has no emotion (and its stage has none)", t.ID)
		}
	}},
}
