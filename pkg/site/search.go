package site

import (
	"bytes"
	"encoding/json"
	"strings"
)

// searchItem is one entry of the search index: a kind, a title, a line
// of context and the address of its page from the top of the site.
type searchItem struct {
	Kind  string `json:"k"`
	Title string `json:"t"`
	Sub   string `json:"s,omitempty"`
	URL   string `json:"u"`
}

// searchIndex lists maps, personas, teams, metrics, libraries, then the
// touchpoints, pain points and actions of each map, so broad matches
// come first.
func (p *portfolio) searchIndex() []searchItem {
	var out []searchItem
	add := func(kind, title, url string, sub ...string) {
		out = append(out, searchItem{Kind: kind, Title: oneLine(title), Sub: oneLine(joinSome(sub)), URL: url})
	}
	for _, e := range p.maps {
		add("map", e.Label, e.Href(), e.Row.Owner, strings.Join(e.Row.Tags, " "), e.Row.Description)
	}
	for _, pa := range p.personas {
		add("persona", pa.Name, "personas/"+pa.ID+".html", pa.ID, pa.Profile.Demographics)
	}
	for _, t := range p.teams {
		add("team", t.Name, "owners.html#"+t.Anchor)
	}
	for _, m := range p.metrics {
		add("metric", m.Name, "metrics.html#metric-"+m.ID, m.ID, m.Kind)
	}
	for _, e := range p.libs {
		add("persona library", e.Label, e.Href(), e.Path)
	}
	for _, e := range p.maps {
		for _, t := range e.Touchpoints {
			add("touchpoint", t.Name, e.Href()+"#matrix", e.Label, t.Stage, t.Channel, t.Owner)
		}
		for _, pain := range e.Pains {
			add("pain point", pain.Description, e.Href()+"#matrix", e.Label, pain.Touchpoint, pain.Severity)
		}
		for _, a := range e.Actions {
			add("action", a.Title, e.Href()+"#backlog", e.Label, a.Owner, a.Status)
		}
	}
	return out
}

func joinSome(parts []string) string {
	var kept []string
	for _, s := range parts {
		if s != "" {
			kept = append(kept, s)
		}
	}
	return strings.Join(kept, " · ")
}

// writeSearch writes search.json for tools and the same index as a
// script the search box loads, which works from file:// too.
func (p *portfolio) writeSearch(sink Sink) error {
	// encoding/json escapes <, >, &, U+2028 and U+2029, so the JSON is
	// also a safe script.
	data, err := json.Marshal(struct {
		Version int          `json:"version"`
		Items   []searchItem `json:"items"`
	}{1, p.searchIndex()})
	if err != nil {
		return err
	}
	if err := sink.Put("search.json", append(data, '\n')); err != nil {
		return err
	}
	var js bytes.Buffer
	js.WriteString("// The search index of the site (the same as search.json).\nwindow.journeySearchIndex = (")
	js.Write(data)
	js.WriteString(").items;\n")
	return sink.Put("assets/search-index.js", js.Bytes())
}

// writeAssets writes the stylesheet and the script every page uses.
func writeAssets(sink Sink) error {
	for _, name := range []string{"assets/site.css", "assets/site.js"} {
		data, err := assetFS.ReadFile(name)
		if err != nil {
			return err
		}
		if err := sink.Put(name, data); err != nil {
			return err
		}
	}
	return nil
}
