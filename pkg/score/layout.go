package score

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/journey-maps/journey/pkg/model"
	"github.com/journey-maps/journey/pkg/textfmt"
)

// The layout of a score report, the same in text and markdown: a section
// per map (experience, backlog, goals, health) and a summary of several.

func (s *sink) mapSection(r *Report, g Gate) {
	j := r.Journey
	title := s.esc(j.ID)
	if j.Title != "" {
		title += ": " + s.esc(j.Title)
	}
	s.heading(1, title)
	if r.Path != "" {
		s.line("File: %s", s.code(r.Path))
	}
	if r.Persona != "" {
		if r.PersonaFound {
			s.line("View of persona %s", s.code(r.Persona))
		} else {
			s.line("Persona %s is not in this map: no experience or backlog to show", s.code(r.Persona))
		}
	}
	s.gap()

	s.experience(r)
	s.gap()
	s.backlog(r)
	s.gap()
	s.goals(r)
	s.gap()
	s.health(r, g)
}

func (s *sink) experience(r *Report) {
	if r.HasExperience {
		s.heading(2, fmt.Sprintf("Experience %s of 5", fmtExp(r.Experience)))
	} else {
		s.heading(2, "Experience: no emotion recorded")
	}
	var rows [][]string
	i := 0
	for _, st := range r.Stages {
		rows = append(rows, []string{s.esc(nameOr(st.Stage.Name, st.Stage.ID)), expCell(st.Experience, st.HasData), lowMark(st.Lowest)})
		for range st.Stage.Touchpoints {
			ts := r.Touchpoints[i]
			i++
			rows = append(rows, []string{s.st.indent() + s.esc(nameOr(ts.Touchpoint.Name, ts.Touchpoint.ID)), expCell(ts.Experience, ts.HasData), lowMark(ts.Lowest)})
		}
	}
	s.table([]string{"Stage / touchpoint", "Experience", "Lowest"}, rows, 1)
}

func (s *sink) backlog(r *Report) {
	s.heading(2, fmt.Sprintf("Backlog: %s", textfmt.Plural(len(r.Backlog), "open action")))
	if len(r.Backlog) > 0 {
		var rows [][]string
		for _, it := range r.Backlog {
			a := it.Action
			pp, tp, sev := "", "", ""
			if a.PainPoint != nil {
				pp, sev = a.PainPoint.ID, a.PainPoint.Severity
				if a.PainPoint.Touchpoint != nil {
					tp = a.PainPoint.Touchpoint.ID
				}
			}
			rows = append(rows, []string{
				strconv.Itoa(it.Rank), fmt.Sprintf("%.1f", it.Priority), s.esc(a.ID), s.esc(a.Title), a.Status,
				s.esc(pp), orDash(sev), s.esc(tp), inputs(a), s.esc(orDash(a.Owner)),
			})
		}
		s.table([]string{"Rank", "Priority", "Action", "Title", "Status", "Pain point", "Severity", "Touchpoint", "I/E/R/ROI/C", "Owner"}, rows, 0, 1)
	}
	if len(r.Closed) > 0 {
		s.gap()
		s.heading(2, "Done and dropped")
		var rows [][]string
		for _, a := range r.Closed {
			rows = append(rows, []string{s.esc(a.ID), s.esc(a.Title), a.Status, s.esc(orDash(a.Owner))})
		}
		s.table([]string{"Action", "Title", "Status", "Owner"}, rows)
	}
}

// inputs shows an action's factors as written: impact/ease/resources/roi
// and confidence, "-" for one not written.
func inputs(a *model.Action) string {
	f := func(v int) string {
		if v == 0 {
			return "-"
		}
		return strconv.Itoa(v)
	}
	return fmt.Sprintf("%s/%s/%s/%s/%s", f(a.Impact), f(a.Ease), f(a.Resources), f(a.ROI), num(a.Confidence))
}

func (s *sink) goals(r *Report) {
	s.heading(2, fmt.Sprintf("Goals: %s", textfmt.Plural(len(r.Goals), "goal")))
	if len(r.Goals) == 0 {
		return
	}
	var rows [][]string
	for _, g := range r.Goals {
		progress := "-"
		if g.HasProgress {
			progress = fmt.Sprintf("%.1f%%", g.Progress)
		} else if g.Missing != "" {
			progress = "- (" + g.Missing + ")"
		}
		metric := s.esc(orDash(g.Goal.Metric))
		if g.Metric != nil && g.LowerIsBetter {
			metric += " (lower is better)"
		}
		rows = append(rows, []string{
			s.esc(g.Goal.ID), metric, numPtr(g.Baseline), numPtr(g.Current), numPtr(g.Target),
			progress, dueCell(g), stateText(g.DueState),
		})
	}
	s.table([]string{"Goal", "Metric", "Baseline", "Current", "Target", "Progress", "Due", "State"}, rows, 2, 3, 4, 5)
}

func (s *sink) health(r *Report, g Gate) {
	c := r.Findings
	detail := "no findings"
	if c != (Counts{}) {
		detail = fmt.Sprintf("%s, %s, %s; %s lists them", textfmt.Plural(c.Errors, "error"), textfmt.Plural(c.Warnings, "warning"), textfmt.Plural(c.Infos, "info"), s.st.code("journey lint"))
	}
	if g.On {
		verdict := "passes"
		if g.Fails(r) {
			verdict = "FAILS"
		}
		detail += fmt.Sprintf("; %s --fail-under %d", verdict, g.FailUnder)
	}
	s.line("%s (%s)", s.st.strong(fmt.Sprintf("Health %d of 100", r.Health)), detail)
}

func (s *sink) summary(sum Summary, rs []*Report) {
	s.heading(1, fmt.Sprintf("Summary: %s", textfmt.Plural(sum.Maps, "map")))
	s.gap()
	header := []string{"Map", "File", "Experience", "Open actions", "Top action", "Health"}
	if sum.Gate.On {
		header = append(header, "Gate")
	}
	var rows [][]string
	for _, r := range rs {
		top := "-"
		if len(r.Backlog) > 0 {
			top = fmt.Sprintf("%s (%.1f)", s.esc(r.Backlog[0].Action.ID), r.Backlog[0].Priority)
		}
		row := []string{s.esc(r.Journey.ID), s.esc(r.Path), expCell(r.Experience, r.HasExperience), strconv.Itoa(len(r.Backlog)), top, strconv.Itoa(r.Health)}
		if sum.Gate.On {
			row = append(row, gateCell(sum.Gate.Fails(r)))
		}
		rows = append(rows, row)
	}
	s.table(header, rows, 2, 3, 5)
	s.gap()
	line := fmt.Sprintf("Experience %s, health %d lowest and %.1f mean, %s",
		expCell(sum.Experience, sum.HasExperience), sum.HealthMin, sum.HealthMean, textfmt.Plural(sum.OpenActions, "open action"))
	if sum.Gate.On {
		line += fmt.Sprintf("; gate health >= %d: %s", sum.Gate.FailUnder, gateVerdict(sum))
	}
	s.line("%s", line)
}

func gateCell(fails bool) string {
	if fails {
		return "FAIL"
	}
	return "pass"
}

func gateVerdict(sum Summary) string {
	if sum.Passed() {
		return "passed"
	}
	return fmt.Sprintf("failed by %s", textfmt.Plural(len(sum.Failed), "map"))
}

func nameOr(name, id string) string {
	if name != "" {
		return name
	}
	return id
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func fmtExp(v float64) string { return fmt.Sprintf("%.2f", v) }

func expCell(v float64, ok bool) string {
	if !ok {
		return "-"
	}
	return fmtExp(v)
}

func lowMark(low bool) string {
	if low {
		return "lowest"
	}
	return ""
}

// num shows a number as short as it is exact: 240, 3.5, 0.8.
func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func numPtr(v *float64) string {
	if v == nil {
		return "-"
	}
	return num(*v)
}

func dueCell(g GoalProgress) string {
	if d := g.DueText(); d != "" {
		return d
	}
	return "-"
}

func stateText(state string) string {
	if state == DueNone {
		return "no due date"
	}
	return strings.ReplaceAll(state, "-", " ")
}

// round keeps d decimals, for figures in JSON.
func round(v float64, d int) float64 {
	p := math.Pow(10, float64(d))
	return math.Round(v*p) / p
}
