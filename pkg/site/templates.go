package site

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"math"
	"strconv"
	"strings"

	"github.com/journey-maps/journey/pkg/diag"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed assets/site.css assets/site.js
var assetFS embed.FS

// CSP is the Content Security Policy of every page: nothing from
// outside, scripts and styles only from the site's own files (no inline
// script or style), pictures inline. journey serve sends the same as a
// header.
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'"

// navItem is an entry of the site navigation.
type navItem struct{ ID, Href, Label string }

var navigation = []navItem{
	{"index", "index.html", "Portfolio"},
	{"personas", "personas.html", "Personas"},
	{"backlog", "backlog.html", "Backlog"},
	{"owners", "owners.html", "Owners"},
	{"metrics", "metrics.html", "Metrics"},
	{"findings", "findings.html", "Findings"},
}

// emotionValue is an emotion to show.
type emotionValue struct{ Value float64 }

var funcs = template.FuncMap{
	"csp":         func() string { return CSP },
	"navItems":    func() []navItem { return navigation },
	"emotionChip": emotionChip,
	"painCounts":  painCounts,
	"emo":         formatEmotion,
	"float":       func(v int) float64 { return float64(v) },
	"painWeight":  painWeight,
	"healthStep":  func(h int) int { return min(4, h/25) },
	"plural":      plural,
	"where":       where,
	// The rows repeated by the thousand (rows.go).
	"backlogRows":        backlogRows,
	"teamTouchpointRows": teamTouchpointRows,
	"painItems":          painItems,
	"actionItems":        actionItems,
	"painRows":           painRows,
	"personaUses":        personaUses,
	"connectionGroups":   connectionGroups,
	"findingRows":        findingRows,
	"findingAtRows":      findingAtRows,
	"goalRows":           goalRowsHTML,
	"personaCards":       personaCards,
}

func trackClass(t string) string {
	switch t {
	case trackOn:
		return "on"
	case trackOff:
		return "off"
	}
	return "none"
}

func sevClass(s string) string {
	if s == "" {
		return "unset"
	}
	return s
}

func sevLabel(s string) string {
	if s == "" {
		return "no severity"
	}
	return s
}

func sevShort(s string) string {
	switch s {
	case "critical":
		return "crit"
	case "medium":
		return "med"
	case "":
		return "unset"
	}
	return s
}

// painWeight orders maps by their open pain: critical counts most.
func painWeight(r mapRow) int {
	w := 0
	for i, n := range r.OpenPains {
		w += n * int(math.Pow(100, float64(len(r.OpenPains)-1-i)))
	}
	return w
}

// where is a finding's place as the text report writes it.
func where(d diag.Diagnostic) string {
	if d.Line <= 0 {
		return d.File
	}
	return fmt.Sprintf("%s:%d:%d", d.File, d.Line, d.Col)
}

// Page kinds, each a template set of the layout and its content.
var pageTemplates = parsePages("map", "index", "personas", "persona", "backlog", "owners", "metrics", "findings")

func parsePages(names ...string) map[string]*template.Template {
	base := template.Must(template.New("").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/connections.html"))
	out := map[string]*template.Template{}
	for _, n := range names {
		out[n] = template.Must(template.Must(base.Clone()).ParseFS(templateFS, "templates/"+n+".html"))
	}
	return out
}

// pageBase is what the layout of every page needs.
type pageBase struct {
	Root  string // "" at the top of the site, "../" one folder down
	Title string
	Nav   string // the navigation entry of the page
	Dated string // the day figures are judged on, when fixed
	// Figures is set on a page that shows pictures drawn by package
	// render: it links the fonts they were measured with.
	Figures bool
}

// openPage renders a file's page up to where its connections go, which
// close it once every file is known (closePage).
func openPage(data *mapPage) ([]byte, error) {
	var buf bytes.Buffer
	t := pageTemplates["map"]
	if err := t.ExecuteTemplate(&buf, "top", data); err != nil {
		return nil, fmt.Errorf("map page: %w", err)
	}
	if err := t.ExecuteTemplate(&buf, "content", data); err != nil {
		return nil, fmt.Errorf("map page: %w", err)
	}
	return buf.Bytes(), nil
}

// closePage is the end of a file's page: its connections (nil for a
// file that is not drawn) and the page's foot.
func closePage(c *connections, base pageBase) ([]byte, error) {
	var buf bytes.Buffer
	t := pageTemplates["map"]
	if c != nil {
		if err := t.ExecuteTemplate(&buf, "connections", c); err != nil {
			return nil, fmt.Errorf("connections: %w", err)
		}
	}
	if err := t.ExecuteTemplate(&buf, "bottom", base); err != nil {
		return nil, fmt.Errorf("page foot: %w", err)
	}
	return buf.Bytes(), nil
}

// formatPercent shows a share as people write it: 40%, 12.5%.
func formatPercent(v float64) string {
	return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64) + "%"
}

// number shows a figure as short as it is exact, "" when unknown.
func number(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

// oneLine keeps a label on one line, its spaces single. Most labels
// are already, and the search index asks for tens of thousands.
func oneLine(s string) string {
	single := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f' || c >= 0x80 ||
			c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' ') {
			single = false
			break
		}
	}
	if single {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}
