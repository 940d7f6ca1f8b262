package lint

import (
	"time"

	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/model"
)

var evidenceStale = Rule{
	ID:       "evidence-stale",
	Severity: diag.Info,
	Options: []Option{{Name: "days", Type: "days", Default: 365, Min: 1,
		Doc: "evidence older than this many days is stale"}},
	Summary: "Evidence older than 365 days (option days)",
	Why: `Evidence ages: a survey from two years ago may describe customers, prices
or a product that no longer exist. Old evidence still counts, but a pain
point resting on it deserves a fresh look before it drives priorities.`,
	Fix: `Gather new evidence (rerun the survey, pull recent analytics) and add it
with its date, or confirm the pain point still holds. Evidence without a date
is not checked.`,
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
            evidence:
              - source: survey
                summary: 40% dislike creating an account
                date: 2023-03-01
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
              - source: survey
                summary: 40% dislike creating an account
                date: 2026-09-01
`,
	visit: visitor{evidence: func(c *Check, p *model.PainPoint, i int) {
		e := p.Evidence[i]
		if e.Date.IsZero() {
			return
		}
		days := c.Int("days")
		age := c.daysSince(e.Date)
		if age > days {
			c.Report(e.At("date"), itemEvidence(p, i), "evidence from %s (%s) is %d days old, over %d: check that it still holds",
				e.Source, e.Date.Format(time.DateOnly), age, days)
		}
	}},
}
