package lint

import (
	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/model"
)

var personaProfileComplete = Rule{
	ID:       "persona-profile-complete",
	Severity: diag.Warning,
	Summary:  "A persona missing demographics, goals, pain points, behaviors or preferences",
	Why: `A persona stands for real customers only when it says who they are
(demographics), what they want (goals), what gets in their way (pain points),
how they act (behaviors) and what they like (preferences). A persona with a
name and nothing else invites the team to project its own assumptions.`,
	Fix: `Fill in demographics, goals, pain_points, behaviors and preferences from
research (interviews, surveys, analytics). The rule checks a map's own
personas and those of a persona library when the library is linted.`,
	Bad: `kind: Journey
version: 1
title: Online checkout
personas:
  - id: busy-pro
    name: Busy professional
    demographics: Female, 35-45, urban professional
`,
	Good: `kind: Journey
version: 1
title: Online checkout
personas:
  - id: busy-pro
    name: Busy professional
    demographics: Female, 35-45, urban professional
    goals: [Save time on daily tasks]
    pain_points: [Complicated checkout process]
    behaviors: [Shops on her phone during the commute]
    preferences: [Pays with a wallet app]
`,
	visit: visitor{persona: func(c *Check, p *model.Persona) {
		var missing []string
		if p.Demographics == "" {
			missing = append(missing, "demographics")
		}
		if len(p.Goals) == 0 {
			missing = append(missing, "goals")
		}
		if len(p.PainPoints) == 0 {
			missing = append(missing, "pain points")
		}
		if len(p.Behaviors) == 0 {
			missing = append(missing, "behaviors")
		}
		if len(p.Preferences) == 0 {
			missing = append(missing, "preferences")
		}
		if len(missing) > 0 {
			c.Report(p.Pos, itemPersona(p), "persona %q has no %s", p.ID, orList(missing))
		}
	}},
}
