package lint

import (
	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/model"
)

var lifecycleCoverage = Rule{
	ID:       "lifecycle-coverage",
	Severity: diag.Warning,
	Summary:  "No stage after purchase (post-purchase, loyalty or advocacy): the map stops at the sale",
	Why: `The customer relationship does not end at the payment: delivery, first use,
support, renewal and recommendation decide whether a customer comes back and
brings others. A map that stops at the sale hides the moments that drive
retention and word of mouth.`,
	Fix: `Add at least one stage with phase post-purchase, loyalty or advocacy, with
its touchpoints (delivery, onboarding, support, renewal, reviews).`,
	Bad: `kind: Journey
version: 1
title: Online checkout
stages:
  - id: purchase
    name: Purchase
    phase: purchase
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
    phase: purchase
    touchpoints:
      - id: checkout-form
        name: Checkout form
        channel: website
  - id: delivery
    name: Delivery
    phase: post-purchase
    touchpoints:
      - id: courier
        name: Courier delivery
        channel: delivery
`,
	visit: visitor{journey: func(c *Check, j *model.Journey) {
		for _, s := range j.Stages {
			if model.PhaseIndex(s.Phase) >= model.PhaseIndex("post-purchase") {
				return
			}
		}
		c.Report(j.At("stages"), itemJourney, "no stage after purchase (post-purchase, loyalty or advocacy): the map stops at the sale")
	}},
}
