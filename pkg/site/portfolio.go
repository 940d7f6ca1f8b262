package site

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/journey-maps/journey/pkg/model"
)

// portfolio is every file of the site, named, seen across maps: what the
// pages that span maps are made from.
type portfolio struct {
	o        Options
	entries  []*entry
	maps     []*entry // journey maps, drawn or not, and unreadable files
	libs     []*entry
	personas []*personaAcross
	metrics  []*metricAcross
	teams    []*team
	teamByID map[string]*team

	// The maps each persona, metric and library is in, for connections.
	personaMaps, metricMaps, libMaps map[string][]link
	libByAbs                         map[string]*entry
}

// namer gives each file its page, in the order files come: the map's id
// (else its file name), made unique with -2, -3.
type namer struct{ taken map[string]bool }

func (n *namer) name(e *entry) {
	if n.taken == nil {
		n.taken = map[string]bool{}
	}
	dir := "maps/"
	if e.Kind == kindLibrary {
		dir = "libraries/"
	}
	// A map by its id; a library, a file the map names, by its file.
	base := e.ID
	if !e.Drawn || e.Kind == kindLibrary || model.Slug(base) != base {
		base = model.Slug(baseName(e.Path))
	}
	if base == "" {
		base = "file"
	}
	name := dir + base
	for i := 2; n.taken[name]; i++ {
		name = fmt.Sprintf("%s%s-%d", dir, base, i)
	}
	n.taken[name] = true
	e.Name, e.href = name, name+".html"
}

// href is the address of a file's page from the top of the site.
func (e *entry) Href() string { return e.href }

// at is the map an item is in, for the pages that list items of many.
type at struct{ E *entry }

// Map names the map.
func (a at) Map() string { return a.E.Label }

// Href is the address of the map's page.
func (a at) Href() string { return a.E.href }

func newPortfolio(entries []*entry, o Options) *portfolio {
	p := &portfolio{o: o, entries: entries, teamByID: map[string]*team{},
		personaMaps: map[string][]link{}, metricMaps: map[string][]link{}, libMaps: map[string][]link{}, libByAbs: map[string]*entry{}}
	for _, e := range entries {
		if e.Kind == kindLibrary {
			p.libs = append(p.libs, e)
			p.libByAbs[e.Abs] = e
		} else {
			p.maps = append(p.maps, e)
		}
	}
	p.labelDuplicates()
	for _, e := range p.maps {
		l := link{Href: e.Href(), Label: e.Label}
		for _, u := range e.Personas {
			p.personaMaps[u.ID] = append(p.personaMaps[u.ID], l)
		}
		for _, m := range e.Metrics {
			p.metricMaps[m.ID] = append(p.metricMaps[m.ID], l)
		}
		for _, abs := range e.Libs {
			p.libMaps[abs] = append(p.libMaps[abs], l)
		}
	}
	p.gatherPersonas()
	p.gatherMetrics()
	p.gatherTeams()
	return p
}

// labelDuplicates tells maps of the same title apart by their file.
func (p *portfolio) labelDuplicates() {
	count := map[string]int{}
	for _, e := range p.entries {
		count[e.Row.Title]++
	}
	for _, e := range p.entries {
		e.Label = e.Row.Title
		if count[e.Row.Title] > 1 {
			e.Label += " (" + e.Path + ")"
		}
	}
}

// personaAcross is one persona id across every map and library.
type personaAcross struct {
	ID, Name      string
	Profile       personaProfile
	DefinedIn     string
	Variants      []variant
	Uses          []personaInMap
	Experience    float64
	HasExperience bool
	Lowest        *lowMoment
	OpenPains     int
	Pains         []painInMap
}

type variant struct{ Name, Map string }

type personaInMap struct {
	*personaUse
	at
}

type lowMoment struct {
	Moment moment
	at
}

type painInMap struct {
	Pain *painRow
	at
}

func (p *portfolio) gatherPersonas() {
	byID := map[string]*personaAcross{}
	get := func(id string, u personaUse, where string) *personaAcross {
		pa := byID[id]
		if pa == nil {
			pa = &personaAcross{ID: id, Name: u.Profile.Name, Profile: u.Profile, DefinedIn: where}
			byID[id] = pa
			p.personas = append(p.personas, pa)
		} else if u.Profile.Name != pa.Name && !slices.ContainsFunc(pa.Variants, func(v variant) bool { return v.Name == u.Profile.Name }) {
			pa.Variants = append(pa.Variants, variant{u.Profile.Name, where})
		}
		return pa
	}
	// Libraries first: a persona they define is described as they do.
	for _, e := range p.libs {
		for _, u := range e.Personas {
			get(u.ID, u, e.Label)
		}
	}
	for _, e := range p.maps {
		for i := range e.Personas {
			u := &e.Personas[i]
			pa := get(u.ID, *u, e.Label)
			pa.Uses = append(pa.Uses, personaInMap{u, at{e}})
			for _, k := range u.Pains {
				pain := &e.Pains[k]
				pa.Pains = append(pa.Pains, painInMap{pain, at{e}})
				if pain.Open {
					pa.OpenPains++
				}
			}
		}
	}
	for _, pa := range p.personas {
		pa.summarize()
	}
	slices.SortStableFunc(p.personas, func(a, b *personaAcross) int {
		return cmp.Or(cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), cmp.Compare(a.ID, b.ID))
	})
}

func (pa *personaAcross) summarize() {
	sum, n := 0.0, 0
	for _, u := range pa.Uses {
		if u.HasExperience {
			sum += u.Experience
			n++
		}
		for _, m := range u.Lowest {
			if pa.Lowest == nil || m.Value < pa.Lowest.Moment.Value {
				pa.Lowest = &lowMoment{m, u.at}
			}
		}
	}
	if n > 0 {
		pa.Experience, pa.HasExperience = sum/float64(n), true
	}
	slices.SortStableFunc(pa.Pains, func(a, b painInMap) int {
		return cmp.Or(-cmp.Compare(boolInt(a.Pain.Open), boolInt(b.Pain.Open)), severityIndex(a.Pain.Severity)-severityIndex(b.Pain.Severity))
	})
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// metricAcross is one metric id across the maps that measure it.
type metricAcross struct {
	ID, Name, Kind, Unit string
	LowerIsBetter        bool
	Uses                 []metricInMap
}

type metricInMap struct {
	M *metricUse
	at
}

func (p *portfolio) gatherMetrics() {
	byID := map[string]*metricAcross{}
	for _, e := range p.maps {
		for i := range e.Metrics {
			m := &e.Metrics[i]
			ma := byID[m.ID]
			if ma == nil {
				ma = &metricAcross{ID: m.ID, Name: m.Name, Kind: m.Kind, Unit: m.Unit, LowerIsBetter: m.LowerIsBetter}
				byID[m.ID] = ma
				p.metrics = append(p.metrics, ma)
			}
			ma.Uses = append(ma.Uses, metricInMap{m, at{e}})
		}
	}
	slices.SortStableFunc(p.metrics, func(a, b *metricAcross) int {
		return cmp.Or(cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), cmp.Compare(a.ID, b.ID))
	})
}

// team is what one owning team owns across the maps.
type team struct {
	Name, Anchor string
	Maps         []link
	Touchpoints  []touchpointInMap
	Pains        []painInMap
	Actions      []actionInMap
	allMaps      []link // every map it owns something in
}

type touchpointInMap struct {
	T *touchpointRow
	at
}

type actionInMap struct {
	A *actionRow
	at
}

// noOwner gathers what no team owns.
const noOwner = "No owner"

func (p *portfolio) team(name string) *team {
	if name == "" {
		name = noOwner
	}
	if t := p.teamByID[name]; t != nil {
		return t
	}
	t := &team{Name: name}
	p.teamByID[name] = t
	p.teams = append(p.teams, t)
	return t
}

func (p *portfolio) gatherTeams() {
	for _, e := range p.maps {
		if e.Row.Owner != "" {
			t := p.team(e.Row.Owner)
			t.Maps = append(t.Maps, link{Href: e.Href(), Label: e.Label})
		}
		for i := range e.Touchpoints {
			tp := &e.Touchpoints[i]
			t := p.team(tp.Owner)
			t.Touchpoints = append(t.Touchpoints, touchpointInMap{tp, at{e}})
		}
		for i := range e.Pains {
			if pain := &e.Pains[i]; pain.Open {
				t := p.team(pain.Owner)
				t.Pains = append(t.Pains, painInMap{pain, at{e}})
			}
		}
		for i := range e.Actions {
			a := &e.Actions[i]
			t := p.team(a.Owner)
			t.Actions = append(t.Actions, actionInMap{a, at{e}})
		}
		for _, name := range e.teams() {
			t := p.team(name)
			t.allMaps = append(t.allMaps, link{Href: e.Href(), Label: e.Label})
		}
	}
	slices.SortStableFunc(p.teams, func(a, b *team) int {
		return cmp.Or(cmp.Compare(boolInt(a.Name == noOwner), boolInt(b.Name == noOwner)),
			cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), cmp.Compare(a.Name, b.Name))
	})
	taken := map[string]bool{}
	for _, t := range p.teams {
		base := "team-" + cmp.Or(model.Slug(t.Name), "unnamed")
		if t.Name == noOwner {
			base = "no-owner"
		}
		t.Anchor = base
		for i := 2; taken[t.Anchor]; i++ {
			t.Anchor = fmt.Sprintf("%s-%d", base, i)
		}
		taken[t.Anchor] = true
		slices.SortStableFunc(t.Pains, func(a, b painInMap) int { return severityIndex(a.Pain.Severity) - severityIndex(b.Pain.Severity) })
		slices.SortStableFunc(t.Actions, func(a, b actionInMap) int { return cmp.Compare(b.A.Priority, a.A.Priority) })
	}
}
