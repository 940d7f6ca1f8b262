// Package pagecheck finds what would make a page load anything from
// outside itself. Tests of the html report use it: the report must be
// self-contained.
package pagecheck

import (
	"regexp"
	"strings"
)

var (
	tag  = regexp.MustCompile(`(?is)<([a-z][a-z0-9:-]*)\b([^>]*)>`)
	attr = regexp.MustCompile(`(?is)([a-z][a-z0-9:-]*)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)`)
	// url(...) and @import in styles, quoted or not.
	cssURL = regexp.MustCompile(`(?i)(?:url\(\s*["']?|@import\s+["']?)\s*([^"')\s;]*)`)
)

// loading lists the attributes through which an element fetches something.
var loading = map[string]bool{
	"src": true, "srcset": true, "href": true, "xlink:href": true, "data": true,
	"poster": true, "action": true, "formaction": true, "background": true, "ping": true,
}

// ExternalLoads returns each attribute or style reference in page that
// points outside the page: anything but an in-page #anchor or a data: URL.
// An <a> element's href is a link the reader may follow, not a load, and
// is not listed.
func ExternalLoads(page []byte) []string {
	var out []string
	for _, m := range tag.FindAllSubmatch(page, -1) {
		name := strings.ToLower(string(m[1]))
		for _, a := range attr.FindAllSubmatch(m[2], -1) {
			key := strings.ToLower(string(a[1]))
			val := strings.Trim(string(a[2]), `"'`)
			switch {
			case !loading[key]: // style attributes: the whole-page scan below
			case name == "a" && (key == "href" || key == "xlink:href"):
			case external(val):
				out = append(out, "<"+name+" "+key+"="+val+">")
			}
		}
	}
	return append(out, cssLoads(string(page))...)
}

func cssLoads(s string) []string {
	var out []string
	for _, m := range cssURL.FindAllStringSubmatch(s, -1) {
		if external(m[1]) {
			out = append(out, m[0])
		}
	}
	return out
}

func external(v string) bool {
	v = strings.TrimSpace(strings.ToLower(v))
	return !strings.HasPrefix(v, "#") && !strings.HasPrefix(v, "data:")
}
