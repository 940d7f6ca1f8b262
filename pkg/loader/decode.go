package loader

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/journey-maps/journey/pkg/model"
	"github.com/journey-maps/journey/pkg/yamlx"
)

// decoder turns a validated node tree into the model. It is tolerant: a
// value of the wrong type is skipped, because the schema has reported it.
type decoder struct {
	file string
	// uniqueKeys is set when yamlx.Check found no duplicate key, so a key
	// need not be looked for earlier in its mapping.
	uniqueKeys bool
	// keys records where the keys of the file's elements are.
	keys *model.KeyRecorder
}

// object is one mapping node being decoded into an element, with the
// element's meta.
type object struct {
	d    *decoder
	meta model.Meta
	node *yaml.Node // the mapping; nil when the value is not one
	// has has yamlx.KeyBit set for every key of the mapping, so most
	// lookups of a field the map leaves out end without a scan.
	has uint64
	// next is where the next lookup starts when keys are unique: fields
	// are read in about the order they are written.
	next int
}

func (d *decoder) pos(n *yaml.Node) model.Pos {
	return model.Pos{File: d.file, Line: n.Line, Col: n.Column}
}

func (d *decoder) object(n *yaml.Node) object {
	n = yamlx.Resolve(n)
	o := object{d: d}
	o.meta.Pos = d.pos(n)
	if n.Kind != yaml.MappingNode {
		return o
	}
	o.node = n
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := yamlx.Resolve(n.Content[i])
		if k.Kind != yaml.ScalarNode {
			d.keys.UnnamedKey(k.Line, k.Column)
			continue
		}
		d.keys.Key(k.Value, k.Line, k.Column)
		if list := yamlx.Resolve(n.Content[i+1]); list.Kind == yaml.SequenceNode {
			for _, item := range list.Content {
				if item = yamlx.Resolve(item); listValue(item) {
					d.keys.Entry(item.Line, item.Column)
				}
			}
		}
		o.has |= yamlx.KeyBit(k.Value)
		if strings.HasPrefix(k.Value, "x-") {
			o.extension(i)
		}
	}
	o.meta.Keys = d.keys.Keys()
	return o
}

// extension keeps the `x-` key at index i of the mapping in Meta.Ext.
func (o *object) extension(i int) {
	k := o.node.Content[i]
	name := yamlx.Resolve(k).Value
	if !o.d.uniqueKeys {
		if first, _ := yamlx.MapGet(o.node, name); first != k {
			return // the first one wins; the duplicate is reported
		}
	}
	if v, _, err := yamlx.ToValue(o.node.Content[i+1]); err == nil {
		if o.meta.Ext == nil {
			o.meta.Ext = map[string]any{}
		}
		o.meta.Ext[name] = v
	}
}

// listValue reports whether an entry of a list of plain values is one
// the model holds: the schema has reported the others.
func listValue(item *yaml.Node) bool {
	return item.Kind == yaml.ScalarNode && item.Tag != "!!null"
}

// value returns the value of key; the first one when it is repeated.
func (o *object) value(key string) *yaml.Node {
	if o.node == nil || o.has&yamlx.KeyBit(key) == 0 {
		return nil
	}
	if !o.d.uniqueKeys {
		_, v := yamlx.MapGet(o.node, key)
		return v
	}
	c := o.node.Content
	n := len(c) &^ 1
	for j := 0; j < n; j += 2 {
		i := o.next + j
		if i >= n {
			i -= n
		}
		if k := yamlx.Resolve(c[i]); k.Kind == yaml.ScalarNode && k.Value == key {
			o.next = i + 2
			if o.next >= n {
				o.next = 0
			}
			return c[i+1]
		}
	}
	return nil
}

func (o *object) scalar(key string) (*yaml.Node, bool) {
	n := yamlx.Resolve(o.value(key))
	if n == nil || n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return nil, false
	}
	return n, true
}

func (o *object) str(key string) string {
	if n, ok := o.scalar(key); ok {
		return n.Value
	}
	return ""
}

func (o *object) integer(key string) int {
	if n, ok := o.scalar(key); ok && n.Tag == "!!int" {
		if v, ok := yamlx.Int(n); ok {
			return int(v)
		}
	}
	// JSON Schema counts 90.0 as an integer, so the decoder does too.
	if n, ok := o.scalar(key); ok && n.Tag == "!!float" {
		if f, ok := yamlx.Number(n); ok && f == math.Trunc(f) && math.Abs(f) < math.MaxInt32 {
			return int(f)
		}
	}
	return 0
}

func (o *object) number(key string) *float64 {
	if n, ok := o.scalar(key); ok {
		// .nan and .inf are reported as format errors; the model never
		// holds them, so figures computed from it are numbers.
		if v, ok := yamlx.Number(n); ok && !math.IsNaN(v) && !math.IsInf(v, 0) {
			return &v
		}
	}
	return nil
}

func (o *object) date(key string) time.Time {
	if n, ok := o.scalar(key); ok {
		if t, ok := model.ParseDate(n.Value); ok {
			return t
		}
	}
	return time.Time{}
}

func (o *object) strings(key string) []string {
	n := yamlx.Resolve(o.value(key))
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	out := make([]string, 0, len(n.Content))
	for _, item := range n.Content {
		if item = yamlx.Resolve(item); listValue(item) {
			out = append(out, item.Value)
		}
	}
	return out
}

// decodeList decodes the mappings in the sequence at key, numbered from
// 0, into a slice made at their number; other items are skipped (the
// schema has reported them). It is nil when there are none.
func decodeList[T any](o *object, key string, one func(n *yaml.Node, i int) T) []T {
	n := yamlx.Resolve(o.value(key))
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	count := 0
	for _, item := range n.Content {
		if yamlx.Resolve(item).Kind == yaml.MappingNode {
			count++
		}
	}
	if count == 0 {
		return nil
	}
	out := make([]T, 0, count)
	for _, item := range n.Content {
		if item = yamlx.Resolve(item); item.Kind == yaml.MappingNode {
			out = append(out, one(item, len(out)))
		}
	}
	return out
}

// id returns the written id, or the slug of the given name, or a
// positional id when the name has no letters or digits.
func (o *object) id(name string, kind string, index int) string {
	if id := o.str("id"); id != "" {
		return id
	}
	if s := model.Slug(name); s != "" {
		return s
	}
	return fmt.Sprintf("%s-%d", kind, index+1)
}

func (d *decoder) journey(root *yaml.Node) *model.Journey {
	o := d.object(root)
	j := &model.Journey{
		Kind:            o.str("kind"),
		Version:         o.integer("version"),
		Title:           o.str("title"),
		Description:     o.str("description"),
		Owner:           o.str("owner"),
		LastReviewed:    o.date("last_reviewed"),
		ReviewEveryDays: o.integer("review_every_days"),
		BrandValues:     o.strings("brand_values"),
		Tags:            o.strings("tags"),
		Include:         d.includes(&o),
	}
	if j.ReviewEveryDays <= 0 {
		j.ReviewEveryDays = 90
	}
	j.ID = o.id(j.Title, "journey", 0)
	j.Goals = decodeList(&o, "goals", d.goal)
	j.Metrics = decodeList(&o, "metrics", d.metric)
	j.Personas = decodeList(&o, "personas", d.persona)
	j.Stages = decodeList(&o, "stages", d.stage)
	j.Meta = o.meta
	d.keys.Done()
	return j
}

func (d *decoder) library(root *yaml.Node) *model.PersonaLibrary {
	o := d.object(root)
	l := &model.PersonaLibrary{
		Kind:        o.str("kind"),
		Version:     o.integer("version"),
		Title:       o.str("title"),
		Description: o.str("description"),
		Owner:       o.str("owner"),
		Tags:        o.strings("tags"),
		Include:     d.includes(&o),
	}
	l.ID = o.id(l.Title, "personas", 0)
	l.Personas = decodeList(&o, "personas", d.persona)
	for _, p := range l.Personas {
		p.From = l
	}
	l.Meta = o.meta
	d.keys.Done()
	return l
}

func (d *decoder) includes(o *object) []model.Include {
	n := yamlx.Resolve(o.value("include"))
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	var out []model.Include
	for _, item := range n.Content {
		if item = yamlx.Resolve(item); item.Kind == yaml.ScalarNode && item.Value != "" {
			out = append(out, model.Include{Path: item.Value, Pos: d.pos(item)})
		}
	}
	return out
}

func (d *decoder) goal(n *yaml.Node, i int) *model.Goal {
	o := d.object(n)
	g := &model.Goal{
		Title:       o.str("title"),
		Description: o.str("description"),
		Metric:      o.str("metric"),
		Baseline:    o.number("baseline"),
		Target:      o.number("target"),
		Due:         o.date("due"),
	}
	g.ID = o.id(g.Title, "goal", i)
	g.Meta = o.meta
	return g
}

func (d *decoder) metric(n *yaml.Node, i int) *model.Metric {
	o := d.object(n)
	m := &model.Metric{
		Name:         o.str("name"),
		Description:  o.str("description"),
		Kind:         o.str("kind"),
		Unit:         o.str("unit"),
		Direction:    o.str("direction"),
		Baseline:     o.number("baseline"),
		BaselineDate: o.date("baseline_date"),
		Current:      o.number("current"),
		CurrentDate:  o.date("current_date"),
		Target:       o.number("target"),
		Source:       o.str("source"),
	}
	if m.Direction == "" {
		m.Direction = "higher-is-better"
	}
	m.ID = o.id(m.Name, "metric", i)
	m.Meta = o.meta
	return m
}

func (d *decoder) persona(n *yaml.Node, i int) *model.Persona {
	o := d.object(n)
	p := &model.Persona{
		Name:         o.str("name"),
		Share:        o.number("share"),
		Demographics: o.str("demographics"),
		Goals:        o.strings("goals"),
		PainPoints:   o.strings("pain_points"),
		Behaviors:    o.strings("behaviors"),
		Preferences:  o.strings("preferences"),
	}
	p.ID = o.id(p.Name, "persona", i)
	p.Meta = o.meta
	return p
}

func (d *decoder) stage(n *yaml.Node, i int) *model.Stage {
	o := d.object(n)
	s := &model.Stage{
		Name:        o.str("name"),
		Phase:       o.str("phase"),
		Description: o.str("description"),
		Emotion:     o.integer("emotion"),
	}
	s.ID = o.id(s.Name, "stage", i)
	s.Touchpoints = decodeList(&o, "touchpoints", d.touchpoint)
	for _, t := range s.Touchpoints {
		t.Stage = s
	}
	s.Meta = o.meta
	return s
}

func (d *decoder) touchpoint(n *yaml.Node, i int) *model.Touchpoint {
	o := d.object(n)
	t := &model.Touchpoint{
		Name:        o.str("name"),
		Description: o.str("description"),
		Channel:     o.str("channel"),
		Type:        o.str("type"),
		Owner:       o.str("owner"),
		Doing:       o.str("doing"),
		Thinking:    o.str("thinking"),
		Feeling:     o.str("feeling"),
		Backstage:   o.str("backstage"),
		Metrics:     o.strings("metrics"),
		Next:        o.strings("next"),
		URL:         o.str("url"),
	}
	t.ID = o.id(t.Name, "touchpoint", i)
	if t.Type == "" && t.Channel != "" {
		t.Type = model.DefaultType(t.Channel)
	}
	if o.meta.Has("personas") {
		t.Personas = o.strings("personas")
		t.PersonasExplicit = true
	}
	t.Emotion = d.emotion(&o)
	t.PainPoints = decodeList(&o, "pain_points", d.painPoint)
	for _, p := range t.PainPoints {
		p.Touchpoint = t
	}
	t.Meta = o.meta
	return t
}

func (d *decoder) emotion(o *object) model.Emotion {
	n := yamlx.Resolve(o.value("emotion"))
	if n == nil {
		return model.Emotion{}
	}
	switch n.Kind {
	case yaml.ScalarNode:
		return model.Emotion{Value: o.integer("emotion")}
	case yaml.MappingNode:
		var e model.Emotion
		if len(n.Content) > 0 {
			e.PerPersona = make([]model.PersonaEmotion, 0, len(n.Content)/2)
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := yamlx.Resolve(n.Content[i]), yamlx.Resolve(n.Content[i+1])
			if k.Kind != yaml.ScalarNode || v.Kind != yaml.ScalarNode || v.Tag != "!!int" {
				continue
			}
			val, err := strconv.Atoi(v.Value)
			if err != nil {
				continue
			}
			e.PerPersona = append(e.PerPersona, model.PersonaEmotion{Persona: k.Value, Value: val, Pos: d.pos(k)})
		}
		return e
	}
	return model.Emotion{}
}

func (d *decoder) painPoint(n *yaml.Node, i int) *model.PainPoint {
	o := d.object(n)
	p := &model.PainPoint{
		Description: o.str("description"),
		Severity:    o.str("severity"),
	}
	p.ID = o.id(p.Description, "pain-point", i)
	p.Evidence = decodeList(&o, "evidence", d.evidence)
	p.Actions = decodeList(&o, "actions", d.action)
	for _, a := range p.Actions {
		a.PainPoint = p
	}
	p.Meta = o.meta
	return p
}

func (d *decoder) evidence(n *yaml.Node, _ int) *model.Evidence {
	o := d.object(n)
	return &model.Evidence{
		Meta:    o.meta,
		Source:  o.str("source"),
		Summary: o.str("summary"),
		Date:    o.date("date"),
		Link:    o.str("link"),
	}
}

func (d *decoder) action(n *yaml.Node, i int) *model.Action {
	o := d.object(n)
	a := &model.Action{
		Title:       o.str("title"),
		Description: o.str("description"),
		Status:      o.str("status"),
		Owner:       o.str("owner"),
		Due:         o.date("due"),
		Impact:      o.integer("impact"),
		Ease:        o.integer("ease"),
		Resources:   o.integer("resources"),
		ROI:         o.integer("roi"),
		Confidence:  1,
		Metrics:     o.strings("metrics"),
	}
	if a.Status == "" {
		a.Status = "idea"
	}
	if c := o.number("confidence"); c != nil {
		a.Confidence = *c
	}
	a.ID = o.id(a.Title, "action", i)
	a.Meta = o.meta
	return a
}
