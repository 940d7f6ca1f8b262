package lint

import (
	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/model"
)

var actionHasOwner = Rule{
	ID:       "action-has-owner",
	Severity: diag.Warning,
	Summary:  "A planned or in-progress action with no owner",
	Why: `An improvement that is planned or under way but owned by nobody does not
happen. Ideas may wait for an owner; committed work may not.`,
	Fix: `Set owner on the action to the team doing the work, or move it back to
status idea.`,
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
            actions:
              - id: guest-checkout
                title: Offer guest checkout
                status: planned
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
                status: planned
                owner: web-team
`,
	visit: visitor{action: func(c *Check, a *model.Action) {
		if (a.Status == "planned" || a.Status == "in-progress") && a.Owner == "" {
			c.Report(a.Pos, itemAction(a), "action %q is %s but has no owner", a.ID, a.Status)
		}
	}},
}
