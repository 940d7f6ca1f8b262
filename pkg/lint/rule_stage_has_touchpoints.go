package lint

import (
	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/model"
)

var stageHasTouchpoints = Rule{
	ID:       "stage-has-touchpoints",
	Severity: diag.Error,
	Summary:  "A stage with no touchpoint",
	Why: `A stage is where the customer meets the business through touchpoints: an
advert, a page, a call, a parcel. A stage without any says nothing about the
experience, gets no emotion and cannot hold pain points or actions.`,
	Fix: `List the touchpoints of the stage, digital and physical, or remove the
stage.`,
	Bad: `kind: Journey
version: 1
title: Online checkout
stages:
  - id: purchase
    name: Purchase
    phase: purchase
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
`,
	visit: visitor{stage: func(c *Check, s *model.Stage) {
		if len(s.Touchpoints) == 0 {
			c.Report(s.Pos, itemStage(s), "stage %q has no touchpoint", s.ID)
		}
	}},
}
