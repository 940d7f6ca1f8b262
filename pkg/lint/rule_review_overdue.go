package lint

import (
	"time"

	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/model"
)

var reviewOverdue = Rule{
	ID:       "review-overdue",
	Severity: diag.Warning,
	Options: []Option{{Name: "days", Type: "days", Default: 90, Min: 1,
		Doc: "review interval for maps that do not set review_every_days"}},
	Summary: "last_reviewed missing or older than review_every_days",
	Why: `Customers, channels and products change; a journey map that is not
revisited drifts from reality and leads decisions astray. Review it every
quarter, and say when it was last done.`,
	Fix: `Review the map with its owners and set last_reviewed to the date of the
review. The interval is the map's review_every_days when it sets one, else
the option days (default 90). --today fixes the date the rule judges by.`,
	Bad: `kind: Journey
version: 1
title: Online checkout
last_reviewed: 2025-01-15
`,
	Good: `kind: Journey
version: 1
title: Online checkout
last_reviewed: 2026-11-16
review_every_days: 90
`,
	visit: visitor{journey: func(c *Check, j *model.Journey) {
		days := c.Int("days")
		if j.Has("review_every_days") && j.ReviewEveryDays > 0 {
			days = j.ReviewEveryDays
		}
		if j.LastReviewed.IsZero() {
			c.Report(j.Pos, itemJourney+"/last_reviewed", "the map has no last_reviewed date: review it every %d days and record when", days)
			return
		}
		due := j.LastReviewed.AddDate(0, 0, days)
		if c.Today().After(due) {
			ago := c.daysSince(j.LastReviewed)
			c.Report(j.At("last_reviewed"), itemJourney+"/last_reviewed", "last reviewed %s, %d days ago: a review was due every %d days (on %s)",
				j.LastReviewed.Format(time.DateOnly), ago, days, due.Format(time.DateOnly))
		}
	}},
}
