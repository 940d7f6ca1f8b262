package lint

import (
	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/model"
)

var painPointHasAction = Rule{
	ID:       "pain-point-has-action",
	Severity: diag.Warning,
	Summary:  "A pain point with no improvement action",
	Why: `A journey map earns its keep by turning pain points into improvements. A
pain point with no action is a known problem nobody has decided to fix; it
also stays out of the prioritised backlog of journey score.`,
	Fix: `Add at least one action to the pain point (status idea is fine), with an
owner and its impact, ease, resources and ROI so it can be ranked.`,
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
        pain_points:
          - id: forced-account
            description: Checkout forces account creation
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
        pain_points:
          - id: forced-account
            description: Checkout forces account creation
            actions:
              - id: guest-checkout
                title: Offer guest checkout
                impact: 5
                ease: 3
`,
	visit: visitor{painPoint: func(c *Check, p *model.PainPoint) {
		if len(p.Actions) == 0 {
			c.Report(p.Pos, itemPainPoint(p), "pain point %q has no improvement action", p.ID)
		}
	}},
}
