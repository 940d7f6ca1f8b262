package site

import (
	"bufio"
	"cmp"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/journey-maps/journey/pkg/diag"
)

// finish writes what spans the files: the portfolio, the personas, the
// backlog, the owners, the metrics, the findings, the search index and
// the assets; and puts each file's connections into its page, which the
// sink already holds. The pages are made on every core.
func finish(entries []*entry, o Options, sink Sink) error {
	p := newPortfolio(entries, o)
	sink = &lockedSink{sink: sink}
	page := func(name, kind string, data func() any) func() error {
		return func() error { return put(sink, name, kind, data()) }
	}
	// The largest first, so the cores finish together.
	jobs := []func() error{
		page("owners.html", "owners", p.ownersPage),
		page("backlog.html", "backlog", p.backlogPage),
		func() error { return p.writeSearch(sink) },
		page("index.html", "index", p.indexPage),
		page("findings.html", "findings", p.findingsPage),
		page("metrics.html", "metrics", p.metricsPage),
		page("personas.html", "personas", p.personasPage),
		func() error { return writeAssets(sink) },
	}
	for _, pa := range p.personas {
		jobs = append(jobs, page("personas/"+pa.ID+".html", "persona", func() any { return p.personaPage(pa) }))
	}
	for _, e := range entries {
		jobs = append(jobs, func() error { return p.connect(e, sink) })
	}
	return runAll(jobs)
}

// runAll runs the jobs on every core and returns the first error of the
// first job that failed.
func runAll(jobs []func() error) error {
	errs := make([]error, len(jobs))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				errs[i] = jobs[i]()
			}
		}()
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// put renders a page with its layout straight into its file.
func put(sink Sink, name, kind string, data any) error {
	w, err := sink.Create(name)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	err = pageTemplates[kind].ExecuteTemplate(bw, "layout", data)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

func (p *portfolio) base(title, nav string) pageBase {
	return pageBase{Title: title, Nav: nav, Dated: dated(p.o)}
}

type indexPage struct {
	pageBase
	Totals    totals
	Rows      []*entry
	Owners    []string
	Libraries []link
}

type totals struct {
	Maps, Teams, Libraries, Touchpoints int
	OpenPains, OpenActions, Findings    int
	Goals, GoalsOn, GoalsOff, Overdue   int
	Experience                          float64
	HasExperience                       bool
	HealthMean                          string
	Row                                 mapRow // open pain points by severity
}

func (p *portfolio) indexPage() any {
	d := &indexPage{pageBase: p.base("Portfolio", "index"), Rows: p.maps}
	t := &d.Totals
	t.Maps, t.Libraries, t.HealthMean = len(p.maps), len(p.libs), "–"
	for _, tm := range p.teams {
		if tm.Name != noOwner {
			t.Teams++
		}
	}
	owners := map[string]bool{}
	exp, health, drawn := 0.0, 0, 0
	for _, e := range p.entries {
		t.Findings += e.Row.Errors + e.Row.Warnings + e.Row.Infos
	}
	for _, e := range p.maps {
		if e.Row.Owner != "" && !owners[e.Row.Owner] {
			owners[e.Row.Owner] = true
			d.Owners = append(d.Owners, e.Row.Owner)
		}
		if !e.Drawn {
			continue
		}
		r := e.Row
		drawn++
		health += r.Health
		t.Touchpoints += r.Touchpoints
		t.OpenActions += r.OpenActions
		t.Goals += r.GoalsOn + r.GoalsOff + r.GoalsNA
		t.GoalsOn += r.GoalsOn
		t.GoalsOff += r.GoalsOff
		t.Overdue += boolInt(r.Overdue)
		for i, n := range r.OpenPains {
			t.Row.OpenPains[i] += n
		}
		if r.HasExperience {
			exp += r.Experience
			t.HasExperience = true
			t.Experience++
		}
	}
	t.OpenPains = t.Row.OpenPainTotal()
	if t.HasExperience {
		t.Experience = exp / t.Experience
	}
	if drawn > 0 {
		t.HealthMean = fmt.Sprintf("%.0f", float64(health)/float64(drawn))
	}
	slices.Sort(d.Owners)
	for _, e := range p.libs {
		d.Libraries = append(d.Libraries, link{Href: e.Href(), Label: e.Label, Note: fmt.Sprintf("%s · %s", e.Path, plural(len(e.Personas), "persona"))})
	}
	return d
}

type personasPage struct {
	pageBase
	Personas []*personaAcross
	Maps     int
}

func (p *portfolio) personasPage() any {
	return &personasPage{pageBase: p.base("Personas", "personas"), Personas: p.personas, Maps: len(p.maps)}
}

type personaPage struct {
	pageBase
	*personaAcross
}

func (p *portfolio) personaPage(pa *personaAcross) any {
	b := p.base(pa.Name, "personas")
	b.Root = "../"
	return &personaPage{pageBase: b, personaAcross: pa}
}

type backlogPage struct {
	pageBase
	Items                      []actionInMap
	Maps, Unowned              int
	Owners, Statuses, MapNames []string
}

func (p *portfolio) backlogPage() any {
	d := &backlogPage{pageBase: p.base("Backlog", "backlog")}
	owners, statuses := map[string]bool{}, map[string]bool{}
	for _, e := range p.maps {
		if len(e.Actions) > 0 {
			d.Maps++
			d.MapNames = append(d.MapNames, e.Label)
		}
		for i, a := range e.Actions {
			d.Items = append(d.Items, actionInMap{&e.Actions[i], at{e}})
			if a.Owner == "" {
				d.Unowned++
			} else if !owners[a.Owner] {
				owners[a.Owner] = true
				d.Owners = append(d.Owners, a.Owner)
			}
			statuses[a.Status] = true
		}
	}
	// Equal priorities keep map order and the map's own ranking.
	slices.SortStableFunc(d.Items, func(a, b actionInMap) int { return cmp.Compare(b.A.Priority, a.A.Priority) })
	slices.Sort(d.Owners)
	for _, s := range []string{"idea", "planned", "in-progress"} {
		if statuses[s] {
			d.Statuses = append(d.Statuses, s)
		}
	}
	return d
}

type ownersPage struct {
	pageBase
	Teams []*team
}

func (p *portfolio) ownersPage() any {
	return &ownersPage{pageBase: p.base("Owners", "owners"), Teams: p.teams}
}

type metricsPage struct {
	pageBase
	Metrics []*metricAcross
}

func (p *portfolio) metricsPage() any {
	return &metricsPage{pageBase: p.base("Metrics", "metrics"), Metrics: p.metrics}
}

type findingsPage struct {
	pageBase
	Rules                                 []*ruleGroup
	Total, Files, Errors, Warnings, Infos int
}

type ruleGroup struct {
	ID, Summary, URL string
	Count            int
	worst            diag.Severity
	Items            []findingAt
}

type findingAt struct {
	F    diag.Diagnostic
	File *entry // the page it is shown on
}

func (p *portfolio) findingsPage() any {
	d := &findingsPage{pageBase: p.base("Findings", "findings")}
	byPath := map[string]*entry{}
	for _, e := range p.entries {
		byPath[e.Path] = e
	}
	groups := map[string]*ruleGroup{}
	seen := map[diag.Diagnostic]bool{}
	files := map[string]bool{}
	for _, e := range p.entries {
		for _, f := range e.Findings {
			if seen[f.Diagnostic] {
				continue // a library's finding, reported by each map that includes it
			}
			seen[f.Diagnostic] = true
			g := groups[f.Rule]
			if g == nil {
				g = &ruleGroup{ID: f.Rule}
				groups[f.Rule] = g
				d.Rules = append(d.Rules, g)
			}
			owner := e
			if o := byPath[f.File]; o != nil {
				owner = o
			}
			g.Items = append(g.Items, findingAt{f.Diagnostic, owner})
			g.Count++
			g.worst = max(g.worst, f.Severity)
			files[f.File] = true
			d.count(f.Severity)
		}
	}
	d.Files = len(files)
	for _, r := range p.o.Rules {
		if g := groups[r.ID]; g != nil {
			g.Summary, g.URL = r.Summary, r.URL
		}
	}
	slices.SortStableFunc(d.Rules, func(a, b *ruleGroup) int {
		return cmp.Or(cmp.Compare(b.worst, a.worst), cmp.Compare(b.Count, a.Count), cmp.Compare(a.ID, b.ID))
	})
	return d
}

func (d *findingsPage) count(s diag.Severity) {
	d.Total++
	switch s {
	case diag.Error:
		d.Errors++
	case diag.Warning:
		d.Warnings++
	default:
		d.Infos++
	}
}

// connections is what a file shares with the others.
type connections struct {
	Root   string
	Shared bool
	Groups []connectionGroup
}

type connectionGroup struct {
	Title string
	Items []connection
}

type connection struct {
	Href, Label string
	Others      []link
	More        int
}

// maxOthers is how many other maps a connection names on a map's page;
// the persona, metric or team page lists them all.
const maxOthers = 8

// connect closes a file's page with its connections to the others.
func (p *portfolio) connect(e *entry, sink Sink) error {
	var c *connections
	if e.Drawn {
		c = p.connectionsOf(e)
	}
	end, err := closePage(c, pageBase{Dated: dated(p.o)})
	if err != nil {
		return fmt.Errorf("%s: %w", e.Path, err)
	}
	return sink.Append(e.Href(), end)
}

func (p *portfolio) connectionsOf(e *entry) *connections {
	c := &connections{Root: "../"}
	item := func(href, label string, uses []link) connection {
		k := connection{Href: href, Label: label}
		for _, u := range uses {
			switch {
			case u.Href == e.Href():
			case len(k.Others) < maxOthers:
				k.Others = append(k.Others, u)
			default:
				k.More++
			}
		}
		c.Shared = c.Shared || len(k.Others) > 0
		return k
	}
	var personas, metrics, teams, libs connectionGroup
	personas.Title, metrics.Title, teams.Title, libs.Title = "Personas", "Metrics", "Teams", "Persona libraries"
	for _, u := range e.Personas {
		personas.Items = append(personas.Items, item("personas/"+u.ID+".html", u.Profile.Name, p.personaMaps[u.ID]))
	}
	for _, m := range e.Metrics {
		metrics.Items = append(metrics.Items, item("metrics.html#metric-"+m.ID, m.Name, p.metricMaps[m.ID]))
	}
	for _, name := range e.teams() {
		t := p.teamByID[name]
		if t == nil {
			continue // a library's owner: teams are gathered from maps
		}
		teams.Items = append(teams.Items, item("owners.html#"+t.Anchor, t.Name, t.allMaps))
	}
	if e.Kind == kindLibrary {
		libs.Title = "Included by"
		for _, m := range p.libMaps[e.Abs] {
			libs.Items = append(libs.Items, connection{Href: m.Href, Label: m.Label})
			c.Shared = true
		}
	}
	for _, abs := range e.Libs {
		if lib := p.libByAbs[abs]; lib != nil {
			libs.Items = append(libs.Items, item(lib.Href(), lib.Label, p.libMaps[abs]))
		}
	}
	for _, g := range []connectionGroup{personas, metrics, teams, libs} {
		if len(g.Items) > 0 {
			c.Groups = append(c.Groups, g)
		}
	}
	return c
}

// teams are the teams that own the map, its touchpoints or its actions.
func (e *entry) teams() []string {
	set := map[string]bool{}
	add := func(t string) {
		if t != "" {
			set[t] = true
		}
	}
	add(e.Row.Owner)
	for _, t := range e.Touchpoints {
		add(t.Owner)
	}
	for _, a := range e.Actions {
		add(a.Owner)
	}
	out := make([]string, 0, len(set))
	for t := range set {
		out = append(out, t)
	}
	slices.Sort(out)
	return out
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	if strings.HasSuffix(word, "y") {
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(word, "y"))
	}
	return fmt.Sprintf("%d %ss", n, word)
}
