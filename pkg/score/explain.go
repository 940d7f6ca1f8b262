package score

import (
	"fmt"
	"strings"
)

// Explain is the text of `journey explain scoring`: every formula of the
// score command, with the weights in force.
func Explain(w Weights) string {
	var b strings.Builder
	b.WriteString(`scoring: how journey score computes its figures

Experience (1..5, the emotion scale)
  Touchpoint: the emotions of the personas it serves, averaged with each
    persona weighted by its share. A persona without a share weighs the
    average share of those that have one; with no shares, all weigh 1.
    A single emotion: value applies to every persona it serves.
  Stage: its own emotion when written, else the mean of its touchpoints.
  Map: the mean of its stages, each stage counting once.
  Lowest: the stages and touchpoints at the minimum are marked, unless all
    are equal. --persona ID uses that persona's emotions only, and only the
    touchpoints that serve it.

Priority of an open action (idea, planned, in-progress), 0..100
  priority = 100 * sum(weight_f * factor_f) / sum(weight_f)
  Each factor is on 0..1, where 1 makes the action more worth doing:
    impact      (impact - 1) / 4
    ease        (ease - 1) / 4          5 = easiest
    resources   (5 - resources) / 4     more resources is worse
    roi         (roi - 1) / 4
    confidence  confidence              0..1, default 1
    severity    low 0, medium 1/3, high 2/3, critical 1 (of its pain point)
    reach       share of the map's customers the touchpoint serves: the
                weights of its personas over the weights of all personas
                (1 in a map without personas)
  A 1..5 factor or severity that is not written counts as 0.5.
  Priorities are rounded to one decimal; equal priorities keep map order.
  Done and dropped actions are listed apart, not ranked.

Weights (set them in .journeylint.yaml under score.weights; only their
ratios matter, 0 leaves a factor out)
`)
	for _, k := range WeightKeys {
		mark := ""
		if w.Get(k) != DefaultWeights().Get(k) {
			mark = fmt.Sprintf("   (default %s)", num(DefaultWeights().Get(k)))
		}
		fmt.Fprintf(&b, "  %-11s %s%s\n", k, num(w.Get(k)), mark)
	}
	fmt.Fprintf(&b, `
Goal progress, in percent
  progress = (current - baseline) / (target - baseline) * 100
  The baseline and target of the goal, else of its metric; current from the
  metric. The formula holds for lower-is-better metrics too: 240 down to 95
  with target 60 is (95 - 240) / (60 - 240) = 80.6%%. Above 100 is past the
  target; below 0 moved the wrong way.
  State: met (target reached, whatever the date); not-measured (no progress
  figure, whatever the date: never on track); else, against the due date,
  overdue (passed), due-soon (within %d days), on-track (later); --today sets
  the date.

Health of the map, 0..100
  health = 100 - %d per error - %d per warning - %d per info, at least 0,
  counting the findings of journey lint with your configuration. A file that
  cannot be read scores 0. Raise it by fixing what journey lint reports
  (or, where a rule does not fit the map, turning it off in .journeylint.yaml
  or suppressing one finding with # journey:ignore RULE -- reason).
  --fail-under N exits 1 when any map's health is below N.
`, DueSoonDays, ErrorPenalty, WarningPenalty, InfoPenalty)
	return b.String()
}
