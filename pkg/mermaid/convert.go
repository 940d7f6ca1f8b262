package mermaid

import (
	"bytes"
	"fmt"
	"math"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/journey-maps/journey/pkg/format"
	"github.com/journey-maps/journey/pkg/model"
	"github.com/journey-maps/journey/schemas"
)

// Options tune Convert.
type Options struct {
	// Source names the diagram in the header comment and gives the title
	// when the diagram has none; "" or "-" for standard input.
	Source string
	// SchemaURL goes in the yaml-language-server modeline.
	SchemaURL string
}

// DefaultSchemaURL is where editors find the journey schema.
const DefaultSchemaURL = schemas.JourneyURL

// phaseOf maps section names onto lifecycle phases where the name says so.
var phaseOf = map[string]string{
	"awareness": "awareness", "discover": "awareness", "discovery": "awareness",
	"consideration": "consideration", "consider": "consideration", "research": "consideration",
	"decision": "decision", "decide": "decision", "evaluation": "decision",
	"purchase": "purchase", "buy": "purchase", "checkout": "purchase",
	"post-purchase": "post-purchase", "postpurchase": "post-purchase", "onboarding": "post-purchase",
	"delivery": "post-purchase", "use": "post-purchase", "usage": "post-purchase",
	"loyalty": "loyalty", "retention": "loyalty", "renewal": "loyalty",
	"advocacy": "advocacy", "referral": "advocacy", "recommendation": "advocacy",
}

// Emotion maps a Mermaid score onto the map's 1..5 emotion scale: the
// nearest of 1..5, so Mermaid's 0 becomes 1, 6 becomes 5 and 4.4 becomes
// 4. ok is false for a score that is not a number.
func Emotion(score float64) (emotion int, ok bool) {
	if math.IsNaN(score) {
		return 0, false
	}
	return int(math.Max(1, math.Min(5, math.Round(score)))), true
}

// Result is what Import and Convert made.
type Result struct {
	// Map is the journey map, in the canonical layout of journey fmt.
	Map                           []byte
	Stages, Touchpoints, Personas int
	// Warnings are the diagram's, then the conversion's, by line.
	Warnings []Warning
}

// Convert writes the diagram as a journey map in YAML.
func Convert(d *Diagram, opts Options) (*Result, error) {
	if opts.SchemaURL == "" {
		opts.SchemaURL = DefaultSchemaURL
	}
	c := &converter{res: &Result{Warnings: append([]Warning(nil), d.Warnings...)}}
	title := oneLine(d.Title)
	if title == "" {
		title = oneLine(d.AccTitle)
	}
	if title == "" {
		title = titleFromPath(opts.Source)
	}
	id := model.Slug(title)
	if id == "" {
		id = "imported-journey"
	}

	doc := mapping()
	src := "standard input"
	if opts.Source != "" && opts.Source != "-" {
		src = filepath.Base(opts.Source)
	}
	doc.HeadComment = fmt.Sprintf("yaml-language-server: $schema=%s\n\nImported from the Mermaid journey diagram in %s by `journey import mermaid`.\nAdd owners, channels, pain points and goals, then run `journey lint`.", opts.SchemaURL, oneLine(src))
	add(doc, "kind", str(model.KindJourney))
	add(doc, "version", num(1))
	add(doc, "id", str(id))
	add(doc, "title", str(title))
	if d.AccDescr != "" {
		add(doc, "description", str(d.AccDescr))
	}
	if acc := oneLine(d.AccTitle); acc != "" && acc != title {
		add(doc, "x-acc-title", str(acc))
	}
	if ps := c.personas(d); ps != nil {
		add(doc, "personas", ps)
	}
	add(doc, "stages", c.stages(d))

	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	out, err := format.Source(buf.Bytes())
	if err != nil {
		return nil, fmt.Errorf("formatting the imported map: %w", err)
	}
	c.res.Map = out
	sort.SliceStable(c.res.Warnings, func(i, j int) bool { return c.res.Warnings[i].Line < c.res.Warnings[j].Line })
	return c.res, nil
}

// Import parses a diagram and converts it.
func Import(src []byte, opts Options) (*Result, error) {
	d, err := Parse(src)
	if err != nil {
		return nil, err
	}
	return Convert(d, opts)
}

type converter struct {
	res       *Result
	personaID map[string]string
}

func (c *converter) warnf(line int, format string, args ...any) {
	c.res.Warnings = append(c.res.Warnings, Warning{Line: line, Msg: fmt.Sprintf(format, args...)})
}

// personas lists the actors in the order they first appear.
func (c *converter) personas(d *Diagram) *yaml.Node {
	c.personaID = map[string]string{}
	pids := newIDs("persona")
	ps := sequence()
	for _, s := range d.Sections {
		for _, t := range s.Tasks {
			for _, a := range t.Actors {
				a = oneLine(a)
				if _, ok := c.personaID[a]; ok || a == "" {
					continue
				}
				pid := pids.next(a)
				c.personaID[a] = pid
				p := mapping()
				add(p, "id", str(pid))
				add(p, "name", str(a))
				ps.Content = append(ps.Content, p)
			}
		}
	}
	c.res.Personas = len(ps.Content)
	if len(ps.Content) == 0 {
		return nil
	}
	return ps
}

// stages makes a stage of every section, empty ones too.
func (c *converter) stages(d *Diagram) *yaml.Node {
	stages := sequence()
	sids, tids := newIDs("stage"), newIDs("touchpoint")
	for _, sec := range d.Sections {
		name := oneLine(sec.Name)
		switch {
		case sec.Implicit:
			name = "Tasks"
		case name == "":
			name = "Unnamed stage"
			c.warnf(sec.Line, "a section with no name becomes the stage %q", name)
		}
		s := mapping()
		add(s, "id", str(sids.next(name)))
		add(s, "name", str(name))
		if ph, ok := phaseOf[model.Slug(name)]; ok {
			add(s, "phase", str(ph))
		}
		tps := sequence()
		for _, t := range sec.Tasks {
			tps.Content = append(tps.Content, c.touchpoint(t, tids))
		}
		if len(tps.Content) == 0 {
			tps.Style = yaml.FlowStyle
			// A map's stage should have touchpoints; this one is empty as
			// the diagram's section is, and stays so to render back.
			s.HeadComment = "journey:ignore stage-has-touchpoints -- empty in the Mermaid diagram"
		}
		add(s, "touchpoints", tps)
		stages.Content = append(stages.Content, s)
		c.res.Stages++
	}
	if len(stages.Content) == 0 {
		stages.Style = yaml.FlowStyle
	}
	return stages
}

func (c *converter) touchpoint(t *Task, tids *ids) *yaml.Node {
	name := oneLine(t.Name)
	if name == "" {
		name = "Unnamed task"
		c.warnf(t.Line, "a task with no name becomes the touchpoint %q", name)
	}
	tp := mapping()
	add(tp, "id", str(tids.next(name)))
	add(tp, "name", str(name))
	var ids []*yaml.Node
	seen := map[string]bool{}
	for _, a := range t.Actors {
		if a = oneLine(a); a == "" {
			continue
		}
		if seen[a] {
			c.warnf(t.Line, "task %q lists actor %q twice; the touchpoint has the persona once", clip(name), clip(a))
			continue
		}
		seen[a] = true
		ids = append(ids, str(c.personaID[a]))
	}
	if len(ids) > 0 || len(c.personaID) > 0 {
		// An empty list: a touchpoint with no personas listed is for
		// every persona of the map.
		ps := sequence()
		ps.Style = yaml.FlowStyle
		ps.Content = ids
		add(tp, "personas", ps)
	}
	if e, ok := Emotion(t.Score); ok {
		n := num(e)
		if float64(e) != t.Score {
			n.LineComment = "Mermaid score " + formatNumber(t.Score)
			what := "is not a whole number"
			if t.Score == math.Trunc(t.Score) {
				what = "is outside 1..5"
			}
			if t.Score != 0 {
				c.warnf(t.Line, "task %q: score %s %s: the emotion is %d, the nearest", clip(name), clip(jsTrim(t.ScoreText)), what, e)
			}
		}
		add(tp, "emotion", n)
	} else {
		c.warnf(t.Line, "task %q: score %q is not a number: Mermaid draws the task without a face, and the touchpoint gets no emotion", clip(name), clip(jsTrim(t.ScoreText)))
	}
	c.res.Touchpoints++
	return tp
}

// ids hands out unique kebab-case ids from names.
type ids struct {
	kind string
	used map[string]bool
	n    int
}

func newIDs(kind string) *ids { return &ids{kind: kind, used: map[string]bool{}} }

func (g *ids) next(name string) string {
	g.n++
	base := model.Slug(name)
	if base == "" {
		base = g.kind + "-" + strconv.Itoa(g.n)
	}
	id := base
	for k := 2; g.used[id]; k++ {
		id = base + "-" + strconv.Itoa(k)
	}
	g.used[id] = true
	return id
}

func titleFromPath(p string) string {
	if p == "" || p == "-" {
		return "Imported journey"
	}
	base := filepath.Base(p)
	if i := strings.IndexByte(base, '.'); i > 0 {
		base = base[:i]
	}
	words := strings.FieldsFunc(base, func(r rune) bool { return r == '-' || r == '_' || r == ' ' })
	if len(words) == 0 {
		return "Imported journey"
	}
	t := strings.Join(words, " ")
	t = oneLine(t)
	if t == "" {
		return "Imported journey"
	}
	r, size := utf8.DecodeRuneInString(t)
	return string(unicode.ToUpper(r)) + t[size:]
}

// oneLine turns line breaks and other control characters, which a name
// in a map does not hold, into blanks, and trims the ends.
func oneLine(s string) string {
	return jsTrim(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s))
}

func mapping() *yaml.Node  { return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"} }
func sequence() *yaml.Node { return &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"} }
func num(n int) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(n)}
}

// str is a string scalar; yaml quotes it where it would read as another
// type (yes, 1.0, null, 2026-01-01).
func str(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

func add(m *yaml.Node, key string, v *yaml.Node) {
	m.Content = append(m.Content, str(key), v)
}
