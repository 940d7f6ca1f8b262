package lint

import (
	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/model"
)

var stageOrder = Rule{
	ID:       "stage-order",
	Severity: diag.Warning,
	Summary:  "Stage phases out of lifecycle order",
	Why: `Stages are read left to right as the customer lives them: awareness,
consideration, decision, purchase, post-purchase, loyalty, advocacy. A
purchase stage after a loyalty stage makes the diagram, the emotion curve
and the default flow between touchpoints tell the story in the wrong order.`,
	Fix: `Move the stage to its place in the lifecycle, or correct its phase. Several
stages may share a phase; stages without a phase are not checked.`,
	Bad: `kind: Journey
version: 1
title: Online checkout
stages:
  - id: delivery
    name: Delivery
    phase: post-purchase
    touchpoints:
      - {id: courier, name: Courier delivery, channel: delivery}
  - id: purchase
    name: Purchase
    phase: purchase
    touchpoints:
      - {id: checkout-form, name: Checkout form, channel: website}
`,
	Good: `kind: Journey
version: 1
title: Online checkout
stages:
  - id: purchase
    name: Purchase
    phase: purchase
    touchpoints:
      - {id: checkout-form, name: Checkout form, channel: website}
  - id: delivery
    name: Delivery
    phase: post-purchase
    touchpoints:
      - {id: courier, name: Courier delivery, channel: delivery}
`,
	visit: visitor{stage: func(c *Check, s *model.Stage) {
		furthest, _ := c.state.(*model.Stage)
		idx := model.PhaseIndex(s.Phase)
		if idx < 0 {
			return
		}
		if furthest != nil && idx < model.PhaseIndex(furthest.Phase) {
			c.Report(s.At("phase"), itemStage(s), "stage %q (phase %s) comes after stage %q (phase %s): phases are out of lifecycle order",
				s.ID, s.Phase, furthest.ID, furthest.Phase)
			return
		}
		c.state = s
	}},
}
