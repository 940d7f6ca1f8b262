package lint

import (
	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/model"
)

var painPointHasEvidence = Rule{
	ID:       "pain-point-has-evidence",
	Severity: diag.Warning,
	Summary:  "A pain point with no evidence: an assumption, not data",
	Why: `Journey maps go wrong when they record what the team believes instead of
what customers do. A pain point backed by analytics, a survey, support
tickets or a usability test can be prioritised and argued for; one without
evidence is a hypothesis to check first.`,
	Fix: `Add evidence to the pain point: a source (analytics, heatmap, survey,
interview, support-tickets, usability-test...), a summary of what it shows
and the date it was gathered. If there is none yet, go and get it.`,
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
            evidence:
              - source: feedback-form
                summary: 112 comments mention "account" in Q3
                date: 2026-09-30
`,
	visit: visitor{painPoint: func(c *Check, p *model.PainPoint) {
		if len(p.Evidence) == 0 {
			c.Report(p.Pos, itemPainPoint(p), "pain point %q has no evidence: it is an assumption, not data", p.ID)
		}
	}},
}
