package site

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/journey-maps/journey/pkg/render"
	"github.com/journey-maps/journey/pkg/render/palette"
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
// come first. It yields them one at a time: over thousands of maps the
// index is tens of megabytes.
func (p *portfolio) searchIndex(yield func(searchItem) bool) {
	add := func(kind, title, url string, sub ...string) bool {
		return yield(searchItem{Kind: kind, Title: oneLine(title), Sub: oneLine(joinSome(sub)), URL: url})
	}
	for _, e := range p.maps {
		if !add("map", e.Label, e.Href(), e.Row.Owner, strings.Join(e.Row.Tags, " "), e.Row.Description) {
			return
		}
	}
	for _, pa := range p.personas {
		if !add("persona", pa.Name, "personas/"+pa.ID+".html", pa.ID, pa.Profile.Demographics) {
			return
		}
	}
	for _, t := range p.teams {
		if !add("team", t.Name, "owners.html#"+t.Anchor) {
			return
		}
	}
	for _, m := range p.metrics {
		if !add("metric", m.Name, "metrics.html#metric-"+m.ID, m.ID, m.Kind) {
			return
		}
	}
	for _, e := range p.libs {
		if !add("persona library", e.Label, e.Href(), e.Path) {
			return
		}
	}
	for _, e := range p.maps {
		if !p.mapItems(e, add) {
			return
		}
	}
}

// mapItems are a map's touchpoints, pain points and actions.
func (p *portfolio) mapItems(e *entry, add func(kind, title, url string, sub ...string) bool) bool {
	for _, t := range e.Touchpoints {
		if !add("touchpoint", t.Name, e.Href()+"#matrix", e.Label, t.Stage, t.Channel, t.Owner) {
			return false
		}
	}
	for _, pain := range e.Pains {
		if !add("pain point", pain.Description, e.Href()+"#matrix", e.Label, pain.Touchpoint, pain.Severity) {
			return false
		}
	}
	for _, a := range e.Actions {
		if !add("action", a.Title, e.Href()+"#backlog", e.Label, a.Owner, a.Status) {
			return false
		}
	}
	return true
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
// script the search box loads, which works from file:// too. Both are
// written an item at a time. encoding/json escapes <, >, &, U+2028 and
// U+2029, so the JSON is also a safe script.
func (p *portfolio) writeSearch(sink Sink) (err error) {
	jf, err := sink.Create("search.json")
	if err != nil {
		return err
	}
	defer closeInto(jf, &err)
	sf, err := sink.Create("assets/search-index.js")
	if err != nil {
		return err
	}
	defer closeInto(sf, &err)
	jw, sw := bufio.NewWriterSize(jf, 64<<10), bufio.NewWriterSize(sf, 64<<10)
	w := io.MultiWriter(jw, sw)
	// Both writers are buffered: an error shows at Flush, checked below.
	sw.WriteString("// The search index of the site (the same as search.json).\nwindow.journeySearchIndex = (")
	_, _ = io.WriteString(w, `{"version":1,"items":[`)
	first := true
	for it := range p.searchIndex {
		b, merr := json.Marshal(it)
		if merr != nil {
			return merr
		}
		if !first {
			_, _ = io.WriteString(w, ",\n")
		}
		first = false
		_, _ = w.Write(b)
	}
	_, _ = io.WriteString(w, "]}")
	jw.WriteString("\n")
	sw.WriteString(").items;\n")
	if err := jw.Flush(); err != nil {
		return err
	}
	return sw.Flush()
}

// closeInto closes a file, keeping the first error.
func closeInto(c io.Closer, err *error) {
	if cerr := c.Close(); *err == nil {
		*err = cerr
	}
}

// writeAssets writes the stylesheet and the script every page uses, and
// the fonts the pictures of the map pages were measured with (embedded as
// data, once for the whole site).
func writeAssets(sink Sink) error {
	for _, name := range []string{"assets/site.css", "assets/site.js"} {
		data, err := assetFS.ReadFile(name)
		if err != nil {
			return err
		}
		if name == "assets/site.css" {
			data = append(data, emotionCSS()...)
		}
		if err := putFile(sink, name, data); err != nil {
			return err
		}
	}
	return putFile(sink, "assets/fonts.css", []byte(render.FontCSS()))
}

// emotionCSS is the emotion scale of the pictures as the style sheet's
// custom properties, so chips and pictures share one palette.
func emotionCSS() string {
	var b strings.Builder
	b.WriteString(":root {")
	for i, c := range palette.EmotionSteps() {
		fmt.Fprintf(&b, " --emo-%d: %s; --emo-%d-ink: %s;", i+1, c.Hex(), i+1, palette.TextOn(c).Hex())
	}
	b.WriteString(" }\n")
	return b.String()
}
