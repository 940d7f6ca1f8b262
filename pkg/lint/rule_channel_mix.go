package lint

import (
	"fmt"

	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/model"
)

var channelMix = Rule{
	ID:       "channel-mix",
	Severity: diag.Info,
	Summary:  "All touchpoints digital or all physical",
	Why: `Customers move between channels: they read a review on their phone, call
support, receive a parcel. A map whose touchpoints are all digital (or all
physical) has likely missed the moments on the other side, where the
experience often breaks. A touchpoint with neither channel nor type (as
journey import mermaid writes them) is of no known kind and not counted;
when no touchpoint's kind is known, the rule says nothing.`,
	Fix: `List the touchpoints of the other kind too: calls, stores, deliveries,
packaging and printed material, or emails, apps and websites. The type
defaults from the channel; set type where the default is wrong.`,
	Bad: `kind: Journey
version: 1
title: Online checkout
stages:
  - id: purchase
    name: Purchase
    touchpoints:
      - {id: product-page, name: Product page, channel: website}
      - {id: checkout-form, name: Checkout form, channel: website}
`,
	Good: `kind: Journey
version: 1
title: Online checkout
stages:
  - id: purchase
    name: Purchase
    touchpoints:
      - {id: checkout-form, name: Checkout form, channel: website}
      - {id: courier, name: Courier delivery, channel: delivery}
`,
	visit: visitor{journey: func(c *Check, j *model.Journey) {
		digital, physical, unknown := 0, 0, 0
		for _, t := range j.Touchpoints() {
			switch t.Type {
			case "physical":
				physical++
			case "":
				unknown++ // no channel and no type: the kind is not known
			default:
				digital++
			}
		}
		all := func(n int) string {
			switch {
			case unknown > 0 && n == 1:
				return "the only touchpoint with a channel is"
			case unknown > 0:
				return fmt.Sprintf("all %d touchpoints with a channel are", n)
			case n == 1:
				return "the only touchpoint is"
			}
			return fmt.Sprintf("all %d touchpoints are", n)
		}
		switch {
		case digital > 0 && physical == 0:
			c.Report(j.At("stages"), itemJourney, "%s digital: no physical touchpoint (phone, store, delivery, packaging...)", all(digital))
		case physical > 0 && digital == 0:
			c.Report(j.At("stages"), itemJourney, "%s physical: no digital touchpoint (website, email, app...)", all(physical))
		}
	}},
}
