package site

import (
	"html/template"
	"iter"
	"strconv"
	"strings"
)

// The rows a portfolio repeats by the thousand (backlog items, owned
// touchpoints, a persona's pain points across maps, links to other maps)
// are written here; the templates hold the pages around them. A template
// action costs about a microsecond (reflection and one escaper call per
// value), and over 500 maps these rows were most of a build. Every value
// goes through html/template's own escaper; the markup built here is
// placed in element content, where that escaping is the right one, and
// every address is a page of the site made from ids and slugs.

// chunkRows is how many rows go to a page's file at a time.
const chunkRows = 200

// chunked writes the rows of items a chunk at a time, so a page of
// thousands of rows is streamed to its file rather than held whole.
func chunked[T any](items []T, row func(f *frag, item T)) iter.Seq[template.HTML] {
	return func(yield func(template.HTML) bool) {
		var f frag
		for i, it := range items {
			row(&f, it)
			if (i+1)%chunkRows == 0 || i == len(items)-1 {
				if !yield(f.html()) {
					return
				}
				f = frag{}
			}
		}
	}
}

// frag builds a fragment of markup.
type frag struct{ b strings.Builder }

// tag writes literal markup.
func (f *frag) tag(s string) *frag {
	f.b.WriteString(s)
	return f
}

// text writes escaped text.
func (f *frag) text(s string) *frag {
	f.b.WriteString(template.HTMLEscapeString(s))
	return f
}

// link writes a link to a page of the site.
func (f *frag) link(href, text string) *frag {
	return f.tag(`<a href="`).text(href).tag(`">`).text(text).tag(`</a>`)
}

// small writes muted small text.
func (f *frag) small(s string) *frag {
	if s == "" {
		return f
	}
	return f.tag(`<small class="muted">`).text(s).tag(`</small>`)
}

func (f *frag) html() template.HTML { return template.HTML(f.b.String()) } //nolint:gosec // built from escaped text

// backlogRows are the rows of the backlog across maps, with the values
// the filters match (data-owner, data-status, data-map).
func backlogRows(items []actionInMap, root string) iter.Seq[template.HTML] {
	return chunked(items, func(f *frag, it actionInMap) {
		a := it.A
		f.tag(`<tr data-owner="`).text(a.Owner).tag(`" data-status="`).text(a.Status).tag(`" data-map="`).text(it.Map()).tag("\">\n")
		f.tag(`<td class="num" data-label="Priority"><span class="prio">`).text(prio(a.Priority)).tag(`</span></td>`)
		f.tag(`<td class="title span">`).text(a.Title).tag(`<br><small class="muted">#`).text(strconv.Itoa(a.Rank)).tag(` in its map</small></td>`)
		f.tag(`<td data-label="Map">`).link(root+it.Href()+"#backlog", it.Map()).tag(`</td>`)
		f.tag(`<td class="span" data-label="Pain point" data-v="`).text(strconv.Itoa(len(severities) - severityIndex(a.Severity))).tag(`">`)
		if a.Pain != "" {
			f.tag(string(severityChip(a.Severity))).tag(" ").text(a.Pain).tag("<br>").small(joinSome([]string{a.Touchpoint, a.Stage}))
		}
		f.tag(`</td><td data-label="Owner">`)
		ownerCell(f, a.Owner)
		f.tag(`</td><td data-label="Status"><span class="status">`).text(a.Status).tag(`</span></td><td data-label="Due">`).text(a.Due).tag("</td>\n</tr>\n")
	})
}

func ownerCell(f *frag, owner string) {
	if owner == "" {
		f.tag(`<span class="muted">none</span>`)
		return
	}
	f.text(owner)
}

func prio(p float64) string { return strconv.Itoa(int(p + 0.5)) }

// teamTouchpointRows are the touchpoints a team owns.
func teamTouchpointRows(ts []touchpointInMap, root string) iter.Seq[template.HTML] {
	return chunked(ts, func(f *frag, t touchpointInMap) {
		f.tag(`<tr><td>`).text(t.T.Name).tag(" ").small(t.T.Channel).tag(`</td><td>`).text(t.T.Stage).tag(`</td><td>`).link(root+t.Href(), t.Map())
		f.tag(`</td><td class="num">`).tag(string(emotionChip(t.T.Emotion, t.T.HasEmotion))).tag(`</td><td class="num">`).text(strconv.Itoa(t.T.OpenPains)).tag("</td></tr>\n")
	})
}

// painItems lists pain points, each with its severity, touchpoint and map.
func painItems(ps []painInMap, root string) iter.Seq[template.HTML] {
	return chunked(ps, func(f *frag, p painInMap) {
		f.tag(`<li>`).tag(string(severityChip(p.Pain.Severity))).tag(" ").text(p.Pain.Description).tag(` <small class="muted">`).text(p.Pain.Touchpoint).tag(` · `).link(root+p.Href(), p.Map()).tag("</small></li>\n")
	})
}

// actionItems lists open actions with their priority, status and map.
func actionItems(as []actionInMap, root string) iter.Seq[template.HTML] {
	return chunked(as, func(f *frag, a actionInMap) {
		f.tag(`<li><span class="prio">`).text(prio(a.A.Priority)).tag(`</span> `).text(a.A.Title).tag(` <span class="status">`).text(a.A.Status).tag(`</span> <small class="muted">`).link(root+a.Href()+"#backlog", a.Map()).tag("</small></li>\n")
	})
}

// painRows are the rows of a persona's pain points across maps.
func painRows(ps []painInMap, root string) iter.Seq[template.HTML] {
	return chunked(ps, func(f *frag, p painInMap) {
		f.tag(`<tr><td>`).tag(string(severityChip(p.Pain.Severity))).tag(`</td><td>`).text(p.Pain.Description).tag(`</td><td>`).text(p.Pain.Touchpoint).tag(" ").small(p.Pain.Stage)
		f.tag(`</td><td>`).link(root+p.Href(), p.Map()).tag(`</td><td>`)
		if p.Pain.Open {
			f.tag("open")
		} else {
			f.tag(`<span class="muted">addressed</span>`)
		}
		f.tag("</td></tr>\n")
	})
}

// personaUses are the maps a persona appears in: its experience there,
// its emotion at each touchpoint, and its lowest moments.
func personaUses(uses []personaInMap, root string) iter.Seq[template.HTML] {
	return chunked(uses, func(f *frag, u personaInMap) {
		f.tag(`<article class="use"><h3>`).link(root+u.Href()+"#personas", u.Map()).tag(" ").tag(string(emotionChip(u.Experience, u.HasExperience))).tag("</h3>\n")
		f.tag(`<ol class="strip" aria-label="Emotion at each touchpoint">`).tag(string(strip(u.Strip))).tag("</ol>\n")
		if len(u.Lowest) > 0 {
			f.tag(`<p>Lowest: `)
			for i, m := range u.Lowest {
				if i > 0 {
					f.tag("; ")
				}
				f.tag("<strong>").text(m.Touchpoint).tag(`</strong> <span class="muted">(`).text(m.Stage)
				if m.Feeling != "" {
					f.tag(", “").text(m.Feeling).tag("”")
				}
				f.tag(")</span>")
			}
			f.tag("</p>\n")
		}
		f.tag("</article>\n")
	})
}

// connectionGroups are a page's connections: the personas, metrics,
// teams and libraries it shares, each with the other maps it is in.
func connectionGroups(gs []connectionGroup, root string) template.HTML {
	var f frag
	for _, g := range gs {
		f.tag("<div><dt>").text(g.Title).tag("</dt>\n<dd><ul>")
		for _, it := range g.Items {
			f.tag("<li>").link(root+it.Href, it.Label).tag(string(alsoIn(it.Others, it.More, root))).tag("</li>")
		}
		f.tag("</ul></dd></div>\n")
	}
	return f.html()
}

// alsoIn names the other maps a persona, metric, team or library is in.
func alsoIn(others []link, more int, root string) template.HTML {
	if len(others) == 0 {
		return ""
	}
	var f frag
	f.tag(` <span class="also">also in `)
	for i, l := range others {
		if i > 0 {
			f.tag(", ")
		}
		f.link(root+l.Href, l.Label)
	}
	if more > 0 {
		f.tag(" and ").text(strconv.Itoa(more)).tag(" more")
	}
	return f.tag("</span>").html()
}

// findingRows are the rows of a file's findings, each with the anchor
// the findings page links to.
func findingRows(items []finding, root string) template.HTML {
	var f frag
	for _, d := range items {
		f.tag("<tr")
		if d.Anchor != "" {
			f.tag(` id="`).text(d.Anchor).tag(`"`)
		}
		sev := d.Severity.String()
		f.tag(`><td><span class="sev f-`).text(sev).tag(`">`).text(sev).tag(`</span></td><td><code>`).text(where(d.Diagnostic)).tag(`</code></td><td>`).text(d.Message)
		f.tag(`</td><td><a href="`).text(root + "findings.html#rule-" + d.Rule).tag(`"><code>`).text(d.Rule).tag("</code></a></td></tr>\n")
	}
	return f.html()
}

// findingAtRows are the rows of one rule's findings across the files.
func findingAtRows(items []findingAt) iter.Seq[template.HTML] {
	return chunked(items, func(f *frag, it findingAt) {
		sev := it.F.Severity.String()
		f.tag(`<tr><td><span class="sev f-`).text(sev).tag(`">`).text(sev).tag(`</span></td><td>`)
		f.tag(`<a href="`).text(it.File.href + "#" + anchorOf(it.File.Findings, it.F)).tag(`"><code>`).text(where(it.F)).tag(`</code></a>`)
		f.tag(`</td><td>`).text(it.F.Message).tag(`</td><td>`).text(it.File.Label).tag("</td></tr>\n")
	})
}

// goalRowsHTML are the rows of a map's goals.
func goalRowsHTML(goals []goalRow, root string) template.HTML {
	var f frag
	for _, g := range goals {
		f.tag(`<tr><td>`).text(g.Title).tag(`</td><td>`)
		if g.MetricID != "" {
			f.link(root+"metrics.html#metric-"+g.MetricID, g.Metric)
		} else {
			f.tag(`<span class="muted">none</span>`)
		}
		for _, v := range []string{g.Baseline, g.Current, g.Target, g.Progress} {
			f.tag(`</td><td class="num">`).text(v)
		}
		f.tag(`</td><td>`).text(g.Due).tag(`</td><td><span class="track t-`).tag(trackClass(g.Track)).tag(`">`).text(g.Track).tag("</span></td></tr>\n")
	}
	return f.html()
}

// personaCards are the profiles of a map's personas, each linking to
// the persona's page across maps.
func personaCards(ps []personaUse, root string) template.HTML {
	var f frag
	for _, p := range ps {
		pr := p.Profile
		f.tag(`<article class="card"><h3>`).link(root+"personas/"+p.ID+".html", pr.Name).tag(" <small>").text(p.ID).tag("</small></h3>\n")
		if pr.Share != "" {
			f.tag(`<p class="muted">`).text(pr.Share).tag(" of customers</p>\n")
		}
		if pr.Demographics != "" {
			f.tag("<p>").text(pr.Demographics).tag("</p>\n")
		}
		if p.HasExperience {
			f.tag("<p>Experience here ").tag(string(emotionChip(p.Experience, true))).tag("</p>\n")
		}
		for _, l := range []struct {
			title string
			items []string
		}{{"Goals", pr.Goals}, {"Pain points", pr.PainPoints}, {"Behaviours", pr.Behaviors}, {"Preferences", pr.Preferences}} {
			if len(l.items) == 0 {
				continue
			}
			f.tag("<h4>").tag(l.title).tag("</h4><ul>")
			for _, it := range l.items {
				f.tag("<li>").text(it).tag("</li>")
			}
			f.tag("</ul>\n")
		}
		if pr.Library != "" {
			f.tag(`<p class="muted small">From <code>`).text(pr.Library).tag("</code></p>\n")
		}
		f.tag("</article>\n")
	}
	return f.html()
}
