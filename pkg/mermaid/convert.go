package mermaid

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

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

// Emotion maps a Mermaid score (0..5) onto the map's 1..5 emotion scale:
// the scales agree except that Mermaid also has 0, which becomes 1.
func Emotion(score int) int {
	if score < 1 {
		return 1
	}
	if score > MaxScore {
		return MaxScore
	}
	return score
}

// Stats counts what Convert wrote.
type Stats struct{ Stages, Touchpoints, Personas int }

// Convert writes the diagram as a journey map in YAML.
func Convert(d *Diagram, opts Options) ([]byte, Stats, error) {
	if opts.SchemaURL == "" {
		opts.SchemaURL = DefaultSchemaURL
	}
	var st Stats
	title := d.Title
	if title == "" {
		title = d.AccTitle
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
	if d.Title != "" && d.AccTitle != "" && d.AccTitle != d.Title {
		add(doc, "x-acc-title", str(d.AccTitle))
	}

	// Personas, in an order that agrees with every task's actor list where
	// one exists, so that rendering the map lists actors as written.
	actors := actorOrder(d)
	personaID := map[string]string{}
	pids := newIDs("persona")
	if len(actors) > 0 {
		ps := sequence()
		for _, a := range actors {
			pid := pids.next(a)
			personaID[a] = pid
			p := mapping()
			add(p, "id", str(pid))
			add(p, "name", str(a))
			ps.Content = append(ps.Content, p)
		}
		add(doc, "personas", ps)
		st.Personas = len(actors)
	}

	stages := sequence()
	sids, tids := newIDs("stage"), newIDs("touchpoint")
	for _, sec := range d.Sections {
		name := sec.Name
		if name == "" {
			name = "Tasks"
		}
		s := mapping()
		sid := sids.next(name)
		add(s, "id", str(sid))
		add(s, "name", str(name))
		if ph, ok := phaseOf[model.Slug(name)]; ok {
			add(s, "phase", str(ph))
		}
		tps := sequence()
		for _, t := range sec.Tasks {
			tp := mapping()
			add(tp, "id", str(tids.next(t.Name)))
			add(tp, "name", str(t.Name))
			if len(actors) > 0 {
				ids := sequence()
				ids.Style = yaml.FlowStyle
				for _, a := range t.Actors {
					ids.Content = append(ids.Content, str(personaID[a]))
				}
				add(tp, "personas", ids)
			}
			e := num(Emotion(t.Score))
			if t.Score != Emotion(t.Score) {
				e.LineComment = fmt.Sprintf("Mermaid score %d", t.Score)
			}
			add(tp, "emotion", e)
			tps.Content = append(tps.Content, tp)
			st.Touchpoints++
		}
		if len(tps.Content) == 0 {
			tps.Style = yaml.FlowStyle
		}
		add(s, "touchpoints", tps)
		stages.Content = append(stages.Content, s)
		st.Stages++
	}
	if len(stages.Content) == 0 {
		stages.Style = yaml.FlowStyle
	}
	add(doc, "stages", stages)

	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, st, err
	}
	if err := enc.Close(); err != nil {
		return nil, st, err
	}
	return buf.Bytes(), st, nil
}

// Import parses a diagram and converts it.
func Import(src []byte, opts Options) ([]byte, Stats, error) {
	d, err := Parse(src)
	if err != nil {
		return nil, Stats{}, err
	}
	return Convert(d, opts)
}

// actorOrder orders the actors so that, where possible, each task's actors
// appear in the order the task lists them (a topological order of those
// constraints, ties broken by first appearance); when the tasks disagree
// the rest follow in order of first appearance.
func actorOrder(d *Diagram) []string {
	var first []string
	index := map[string]int{}
	after := map[string]map[string]bool{} // a -> actors that must follow a
	indeg := map[string]int{}
	for _, s := range d.Sections {
		for _, t := range s.Tasks {
			for i, a := range t.Actors {
				if _, ok := index[a]; !ok {
					index[a] = len(first)
					first = append(first, a)
					after[a] = map[string]bool{}
				}
				if i > 0 {
					prev := t.Actors[i-1]
					if !after[prev][a] {
						after[prev][a] = true
						indeg[a]++
					}
				}
			}
		}
	}
	var out []string
	done := map[string]bool{}
	for len(out) < len(first) {
		pick := ""
		for _, a := range first {
			if !done[a] && indeg[a] == 0 {
				pick = a
				break
			}
		}
		if pick == "" { // a cycle: take the earliest remaining
			for _, a := range first {
				if !done[a] {
					pick = a
					break
				}
			}
		}
		done[pick] = true
		out = append(out, pick)
		for b := range after[pick] {
			indeg[b]--
		}
	}
	return out
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
	t = clean(t)
	if t == "" {
		return "Imported journey"
	}
	r, size := utf8.DecodeRuneInString(t)
	return string(unicode.ToUpper(r)) + t[size:]
}

func oneLine(s string) string { return clean(strings.ReplaceAll(s, "\n", " ")) }

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
