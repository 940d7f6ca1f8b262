package render

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/journey-maps/journey/pkg/model"
	"github.com/journey-maps/journey/pkg/textfmt"
)

// Cell is one table cell as lines of raw map text; each format joins and
// escapes them its own way.
type Cell []string

// Table is a view as rows and columns, independent of the output format.
type Table struct {
	Title  string
	Header []string
	Rows   [][]Cell
}

func cell(lines ...string) Cell {
	var c Cell
	for _, l := range lines {
		if l != "" {
			c = append(c, l)
		}
	}
	return c
}

// TableOf builds the table of a view.
func TableOf(d *Data, view string) (*Table, error) {
	switch view {
	case ViewJourney:
		return journeyTable(d), nil
	case ViewMatrix:
		return matrixTable(d), nil
	case ViewPersonas:
		return personasTable(d), nil
	case ViewBacklog:
		return backlogTable(d), nil
	case ViewEmotions:
		return emotionsTable(d), nil
	}
	return nil, fmt.Errorf("the %s view has no table", view)
}

func (d *Data) tableTitle(what string) string {
	t := d.Title() + " — " + what
	if d.Persona != nil {
		t += " (" + PersonaName(d.Persona) + ")"
	}
	return t
}

func emotionCell(d *Data, t *model.Touchpoint) string {
	v, ok := d.Emotion(t)
	if !ok {
		return "—"
	}
	return fmt.Sprintf("%s %s", FormatEmotion(v), EmotionWord(v))
}

func painLine(p *model.PainPoint) string {
	s := name(p.Description, p.ID)
	if p.Severity != "" {
		s = "[" + p.Severity + "] " + s
	}
	return s
}

func journeyTable(d *Data) *Table {
	t := &Table{Title: d.tableTitle("journey"),
		Header: []string{"Stage", "Touchpoint", "Channel", "Owner", "Emotion", "Pain points", "Next"}}
	for _, sd := range d.Stages {
		for _, tp := range sd.Touchpoints {
			var pains, next []string
			for _, p := range tp.PainPoints {
				pains = append(pains, painLine(p))
			}
			for _, n := range d.Next(tp) {
				next = append(next, name(n.Name, n.ID))
			}
			t.Rows = append(t.Rows, []Cell{
				cell(name(sd.Stage.Name, sd.Stage.ID)),
				cell(name(tp.Name, tp.ID)),
				cell(tp.Channel + " (" + tp.Type + ")"),
				cell(tp.Owner),
				cell(emotionCell(d, tp)),
				cell(pains...),
				cell(next...),
			})
		}
	}
	return t
}

// matrixLanes are the rows of the matrix view, in the order docs/render.md lists them.
var matrixLanes = []string{"Touchpoints", "Doing", "Thinking", "Feeling", "Emotion", "Pain points", "Actions", "Owners", "Backstage"}

func matrixTable(d *Data) *Table {
	t := &Table{Title: d.tableTitle("matrix"), Header: []string{""}}
	for _, sd := range d.Stages {
		h := name(sd.Stage.Name, sd.Stage.ID)
		if v, ok := d.StageEmotion(sd); ok {
			h += " (emotion " + FormatEmotion(round1(v)) + ")"
		}
		t.Header = append(t.Header, h)
	}
	for _, lane := range matrixLanes {
		row := []Cell{cell(lane)}
		for _, sd := range d.Stages {
			var lines []string
			multi := len(sd.Touchpoints) > 1
			// In lanes about touchpoints, name the touchpoint when the
			// stage has several, so each line can be placed.
			label := func(tp *model.Touchpoint, s string) {
				if s == "" {
					return
				}
				if multi {
					s = name(tp.Name, tp.ID) + ": " + s
				}
				lines = append(lines, s)
			}
			owners := map[string]bool{}
			for _, tp := range sd.Touchpoints {
				switch lane {
				case "Touchpoints":
					lines = append(lines, name(tp.Name, tp.ID)+" ("+tp.Channel+")")
				case "Doing":
					label(tp, tp.Doing)
				case "Thinking":
					label(tp, tp.Thinking)
				case "Feeling":
					label(tp, tp.Feeling)
				case "Emotion":
					if _, ok := d.Emotion(tp); ok {
						label(tp, emotionCell(d, tp))
					}
				case "Pain points":
					for _, p := range tp.PainPoints {
						lines = append(lines, painLine(p))
					}
				case "Actions":
					for _, p := range tp.PainPoints {
						for _, a := range p.Actions {
							lines = append(lines, name(a.Title, a.ID)+" ("+status(a)+")")
						}
					}
				case "Owners":
					if tp.Owner != "" && !owners[tp.Owner] {
						owners[tp.Owner] = true
						lines = append(lines, tp.Owner)
					}
				case "Backstage":
					label(tp, tp.Backstage)
				}
			}
			row = append(row, cell(lines...))
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func status(a *model.Action) string {
	if a.Status == "" {
		return "idea"
	}
	return a.Status
}

func personasTable(d *Data) *Table {
	t := &Table{Title: d.tableTitle("personas"),
		Header: []string{"Persona", "ID", "Share", "Demographics", "Goals", "Pain points", "Behaviours", "Preferences", "Touchpoints"}}
	for _, p := range d.Personas {
		share := ""
		if p.Share != nil {
			share = fmt.Sprintf("%.0f%%", *p.Share*100)
		}
		n := 0
		for _, tp := range d.Points {
			if contains(tp.Personas, p.ID) {
				n++
			}
		}
		t.Rows = append(t.Rows, []Cell{
			cell(PersonaName(p)),
			cell(p.ID),
			cell(share),
			cell(p.Demographics),
			cell(bullets(p.Goals)...),
			cell(bullets(p.PainPoints)...),
			cell(bullets(p.Behaviors)...),
			cell(bullets(p.Preferences)...),
			cell(fmt.Sprint(n)),
		})
	}
	return t
}

func bullets(items []string) []string {
	out := make([]string, len(items))
	for i, s := range items {
		out[i] = "• " + s
	}
	return out
}

func backlogTable(d *Data) *Table {
	t := &Table{Title: d.tableTitle("improvement backlog"),
		Header: []string{"Rank", "Priority", "Action", "Status", "Owner", "Pain point", "Touchpoint", "Impact", "Ease", "Resources", "ROI", "Confidence"}}
	for _, r := range d.Backlog() {
		a := r.Action
		pain, where := "", ""
		if a.PainPoint != nil {
			pain = painLine(a.PainPoint)
			if tp := a.PainPoint.Touchpoint; tp != nil {
				where = name(tp.Name, tp.ID)
			}
		}
		t.Rows = append(t.Rows, []Cell{
			cell(fmt.Sprint(r.Rank)),
			cell(fmt.Sprintf("%.0f", r.Priority)),
			cell(name(a.Title, a.ID)),
			cell(status(a)),
			cell(a.Owner),
			cell(pain),
			cell(where),
			cell(factor(a.Impact)), cell(factor(a.Ease)), cell(factor(a.Resources)), cell(factor(a.ROI)),
			cell(fmt.Sprintf("%.0f%%", a.Confidence*100)),
		})
	}
	return t
}

func factor(v int) string {
	if v == 0 {
		return "—"
	}
	return fmt.Sprint(v)
}

func emotionsTable(d *Data) *Table {
	t := &Table{Title: d.tableTitle("emotions"), Header: []string{"Stage", "Touchpoint"}}
	for _, p := range d.Personas {
		t.Header = append(t.Header, PersonaName(p))
	}
	if d.Persona == nil {
		t.Header = append(t.Header, "Overall")
	}
	for _, sd := range d.Stages {
		for _, tp := range sd.Touchpoints {
			row := []Cell{cell(name(sd.Stage.Name, sd.Stage.ID)), cell(name(tp.Name, tp.ID))}
			for _, p := range d.Personas {
				v, ok := d.PersonaEmotion(tp, p.ID)
				row = append(row, cell(map[bool]string{true: fmt.Sprint(v), false: "—"}[ok]))
			}
			if d.Persona == nil {
				v, ok := d.Emotion(tp)
				row = append(row, cell(map[bool]string{true: FormatEmotion(round1(v)), false: "—"}[ok]))
			}
			t.Rows = append(t.Rows, row)
		}
	}
	return t
}

func round1(v float64) float64 { return float64(int(v*10+0.5)) / 10 }

// WriteTerminal writes the table for a terminal: its title, then the
// table fitted to width columns (textfmt.WriteTable); 0 does not wrap.
func WriteTerminal(w io.Writer, t *Table, width int) error {
	if _, err := fmt.Fprintln(w, textfmt.Sanitize(oneLine(t.Title))); err != nil {
		return err
	}
	tt := textfmt.Table{Header: sanitizeRow(t.Header)}
	for _, r := range t.Rows {
		row := make([][]string, len(r))
		for i, c := range r {
			row[i] = make([]string, len(c))
			for k, l := range c {
				row[i][k] = textfmt.Sanitize(clean(l))
			}
		}
		tt.Rows = append(tt.Rows, row)
	}
	if len(t.Rows) == 0 {
		row := make([][]string, len(tt.Header))
		for i, c := range emptyRow(len(tt.Header)) {
			row[i] = []string{c}
		}
		tt.Rows = append(tt.Rows, row)
	}
	return textfmt.WriteTable(w, tt, width)
}

func emptyRow(n int) []string {
	row := make([]string, n)
	if n > 0 {
		row[0] = "(none)"
	}
	return row
}

func sanitizeRow(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = textfmt.Sanitize(oneLine(c))
	}
	return out
}

// WriteMarkdown writes a GitHub-flavoured markdown table under a heading.
// Cells are escaped here (tablewriter does not escape '|') and their lines
// joined with <br>, the only line break a table cell can hold.
func WriteMarkdown(w io.Writer, t *Table) error {
	if _, err := fmt.Fprintf(w, "### %s\n\n", EscapeMarkdown(t.Title)); err != nil {
		return err
	}
	tb := tablewriter.NewTable(w,
		tablewriter.WithRenderer(renderer.NewMarkdown()),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithHeaderAutoWrap(tw.WrapNone),
	)
	header := make([]string, len(t.Header))
	for i, h := range t.Header {
		header[i] = EscapeMarkdown(h)
	}
	tb.Header(header)
	for _, r := range t.Rows {
		row := make([]string, len(r))
		for i, c := range r {
			lines := make([]string, len(c))
			for k, l := range c {
				lines[k] = EscapeMarkdown(l)
			}
			row[i] = strings.Join(lines, "<br>")
		}
		if err := tb.Append(row); err != nil {
			return err
		}
	}
	if len(t.Rows) == 0 {
		if err := tb.Append(emptyRow(len(t.Header))); err != nil {
			return err
		}
	}
	return tb.Render()
}

// WriteCSV writes the header and rows (no title), lines of a cell joined
// with line breaks, formulas neutralised.
func WriteCSV(w io.Writer, t *Table) error {
	cw := csv.NewWriter(w)
	header := make([]string, len(t.Header))
	for i, h := range t.Header {
		header[i] = EscapeCSV(clean(h))
	}
	if header[0] == "" {
		header[0] = "Lane"
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, r := range t.Rows {
		row := make([]string, len(r))
		for i, c := range r {
			lines := make([]string, len(c))
			for k, l := range c {
				lines[k] = clean(l)
			}
			row[i] = EscapeCSV(strings.Join(lines, "\n"))
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
