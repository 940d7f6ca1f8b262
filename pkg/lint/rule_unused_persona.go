package lint

import (
	"github.com/journey-maps/journey/pkg/diag"
)

var unusedPersona = Rule{
	ID:       "unused-persona",
	Severity: diag.Info,
	Summary:  "A persona no touchpoint refers to, where touchpoints name personas",
	Why: `When touchpoints say which personas they serve, a persona that none of them
names has no journey on the map: either it is missing its touchpoints or it
does not belong to this map.`,
	Fix: `Name the persona in the personas list (or per-persona emotion) of the
touchpoints it meets, or remove it from the map. The rule applies only when
at least one touchpoint lists its personas (a touchpoint that lists none
serves every persona), and only to the map's own personas, not to those of
included libraries, which other maps may use.`,
	Bad: `kind: Journey
version: 1
title: Online checkout
personas:
  - {id: busy-pro, name: Busy professional}
  - {id: student, name: Student on a budget}
stages:
  - id: purchase
    name: Purchase
    touchpoints:
      - id: checkout-form
        name: Checkout form
        channel: website
        personas: [busy-pro]
`,
	Good: `kind: Journey
version: 1
title: Online checkout
personas:
  - {id: busy-pro, name: Busy professional}
  - {id: student, name: Student on a budget}
stages:
  - id: purchase
    name: Purchase
    touchpoints:
      - id: checkout-form
        name: Checkout form
        channel: website
        personas: [busy-pro]
      - id: click-and-collect
        name: Click and collect
        channel: store
        personas: [student]
`,
	visit: visitor{done: func(c *Check) {
		j, refs := c.Journey(), c.Refs()
		if j == nil || !refs.NamedPersonas {
			return
		}
		for _, p := range j.Personas {
			if !refs.Persona(p.ID) {
				c.Report(p.Pos, itemPersona(p), "persona %q is not named by any touchpoint", p.ID)
			}
		}
	}},
}
