package lint

import (
	"github.com/journey-maps/journey/pkg/diag"
)

// UnusedIgnore is the id of the finding for a suppression comment that
// suppresses nothing.
const UnusedIgnore = "unused-ignore"

var unusedIgnore = Rule{
	ID:       UnusedIgnore,
	Severity: diag.Info,
	Summary:  "A # journey:ignore comment that suppresses nothing",
	Why: `A suppression comment is a promise that a finding was looked at and
accepted. One that matches no finding (the problem was fixed, the rule id is
misspelt, or the comment sits on the wrong line) hides nothing today but
would silently hide a future finding, and misleads readers.`,
	Fix: `Remove the comment, or correct the rule id or its place: it applies to
findings on its own line (a trailing comment) or on the line below it (a
comment on a line of its own). The syntax is
# journey:ignore rule-id[,rule-id] -- reason.`,
	Bad: `kind: Journey
version: 1
title: Online checkout
stages:
  - id: purchase
    name: Purchase
    touchpoints:
      # journey:ignore touchpoint-has-owner -- owned by the payment provider
      - id: checkout-form
        name: Checkout form
        channel: website
        owner: web-team
`,
	Good: `kind: Journey
version: 1
title: Online checkout
stages:
  - id: purchase
    name: Purchase
    touchpoints:
      # journey:ignore touchpoint-has-owner -- owned by the payment provider
      - id: checkout-form
        name: Checkout form
        channel: website
`,
	// Reported by suppress, after every other rule has run.
}
