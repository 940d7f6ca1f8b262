package lint

import (
	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/model"
)

var touchpointHasOwner = Rule{
	ID:       "touchpoint-has-owner",
	Severity: diag.Warning,
	Summary:  "A touchpoint with no owning team",
	Why: `Customer data and decisions get siloed when nobody owns a moment of the
journey. A named owning team for every touchpoint tells everyone who to ask
for data and who acts on its pain points.`,
	Fix: `Set owner on the touchpoint to the team accountable for it (web-team,
logistics-team...).`,
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
        owner: web-team
`,
	visit: visitor{touchpoint: func(c *Check, t *model.Touchpoint) {
		if t.Owner == "" {
			c.Report(t.Pos, itemTouchpoint(t), "touchpoint %q has no owning team", t.ID)
		}
	}},
}
