package site

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/journey-maps/journey/pkg/config"
	"github.com/journey-maps/journey/pkg/loader"
	"github.com/journey-maps/journey/pkg/render/graphviz"
	"github.com/journey-maps/journey/pkg/render/palette"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/site")

var today = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

func testOptions() Options {
	return Options{Config: config.Default(), Today: today, Dated: true,
		Rules: []Rule{{ID: "review-overdue", Summary: "last_reviewed missing or older than review_every_days", URL: "https://example.com/rules#review-overdue"}}}
}

// inRepo runs the test from the repository root, as a user would run
// journey site, so paths read examples/...
func inRepo(t *testing.T) {
	t.Helper()
	t.Chdir("../..")
}

// build builds the site of args into memory.
func build(t *testing.T, o Options, args ...string) (MemSink, *Result) {
	t.Helper()
	sink := MemSink{}
	res, err := Build(context.Background(), loader.New(loader.Options{}), args, o, sink)
	if err != nil {
		t.Fatal(err)
	}
	return sink, res
}

// TestGoldenExamples compares the content of every page of the examples'
// site, as text (outline), with testdata/site/*.txt.
func TestGoldenExamples(t *testing.T) {
	inRepo(t)
	sink, res := build(t, testOptions(), "examples")
	if res.Maps != 3 || res.Drawn != 3 || res.Libraries != 1 || len(res.Problems) != 0 {
		t.Fatalf("result %+v", res)
	}
	dir := filepath.Join("testdata", "site")
	if *update {
		os.RemoveAll(dir)
	}
	var pages []string
	for name, data := range sink {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages = append(pages, name)
		golden := filepath.Join(dir, strings.ReplaceAll(strings.TrimSuffix(name, ".html"), "/", "_")+".txt")
		got := outline(string(data))
		if *update {
			os.MkdirAll(dir, 0o755)
			if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Errorf("%s: %v (go test ./pkg/site -run TestGoldenExamples -update writes it)", name, err)
			continue
		}
		if diff := cmp.Diff(string(want), got); diff != "" {
			t.Errorf("%s differs from %s (-want +got):\n%s", name, golden, diff)
		}
	}
	goldens, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(goldens) != len(pages) {
		t.Errorf("%d golden files for %d pages: remove the stale ones (-update)", len(goldens), len(pages))
	}
	for _, want := range []string{"index.html", "backlog.html", "owners.html", "findings.html", "metrics.html", "personas.html",
		"personas/busy-pro.html", "maps/online-checkout.html", "libraries/b2b-buyers.html", "search.json", "assets/search-index.js"} {
		if _, ok := sink[want]; !ok {
			t.Errorf("no %s in the site", want)
		}
	}
}

// TestDeterministic builds the same maps twice, with one worker and with
// many, through the streaming build and the kept site serve uses: the
// bytes are the same.
func TestDeterministic(t *testing.T) {
	inRepo(t)
	o := testOptions()
	a, _ := build(t, o, "examples")
	one := MemSink{}
	if _, err := Build(context.Background(), loader.New(loader.Options{Workers: 1}), []string{"examples"}, o, one); err != nil {
		t.Fatal(err)
	}
	kept := keptSite(t, o, "examples")
	for name, sink := range map[string]MemSink{"one worker": one, "kept site": kept} {
		if len(sink) != len(a) {
			t.Errorf("%s: %d files, want %d", name, len(sink), len(a))
		}
		for f, data := range a {
			if !bytes.Equal(sink[f], data) {
				t.Errorf("%s: %s differs", name, f)
			}
		}
	}
}

// keptSite builds the site the way journey serve does: every file
// prepared and kept, the site made from them.
func keptSite(t *testing.T, o Options, args ...string) MemSink {
	t.Helper()
	s := NewSite(o)
	paths, _ := loader.Expand(args)
	l := loader.New(loader.Options{})
	loader.Stream(l, args, func(f *loader.File) *Prepared { return Prepare(context.Background(), f, o) }, s.Set)
	sink, err := s.Files(paths)
	if err != nil {
		t.Fatal(err)
	}
	return sink
}

// TestLinks checks every page of the examples' site: each internal link
// and anchor resolves, nothing loads from outside the site, every page
// carries its Content Security Policy, and nothing needs an inline
// script or style the policy would block.
func TestLinks(t *testing.T) {
	inRepo(t)
	sink, _ := build(t, testOptions(), "examples")
	checkSite(t, sink)
}

func checkSite(t *testing.T, sink MemSink) {
	t.Helper()
	ids := map[string]map[string]bool{}
	for name, data := range sink {
		if strings.HasSuffix(name, ".html") {
			ids[name] = map[string]bool{}
			for _, tok := range tokenize(string(data)) {
				if id := tok.attrs["id"]; id != "" && !tok.closing {
					if ids[name][id] {
						t.Errorf("%s: id %q twice", name, id)
					}
					ids[name][id] = true
				}
			}
		}
	}
	links := 0
	for name, data := range sink {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		checkPage(t, name, string(data))
		for _, tok := range tokenize(string(data)) {
			for _, attr := range []string{"href", "src", "xlink:href", "action", "srcset", "poster", "data"} {
				v, ok := tok.attrs[attr]
				if !ok || tok.closing {
					continue
				}
				isLink := (tok.tag == "a" || tok.tag == "area") && attr != "src"
				if strings.Contains(v, "://") || strings.HasPrefix(v, "//") || strings.HasPrefix(v, "mailto:") {
					if !isLink {
						t.Errorf("%s: <%s %s=%q> loads from outside", name, tok.tag, attr, v)
					}
					continue
				}
				if strings.HasPrefix(v, "data:") && tok.tag == "img" {
					continue
				}
				links++
				target, frag, _ := strings.Cut(v, "#")
				file := name
				if target != "" {
					file = path.Join(path.Dir(name), target)
				}
				if _, ok := sink[file]; !ok {
					t.Errorf("%s: %s=%q: no %s in the site", name, attr, v, file)
					continue
				}
				if frag != "" && !ids[file][frag] {
					t.Errorf("%s: %s=%q: %s has no id %q", name, attr, v, file, frag)
				}
			}
		}
	}
	if links < 50 {
		t.Errorf("only %d internal links checked", links)
	}
	css := string(sink["assets/site.css"])
	if strings.Contains(css, "url(") || strings.Contains(css, "@import") {
		t.Error("the stylesheet loads something")
	}
	// The chips are coloured as the pictures are.
	for i, c := range palette.EmotionSteps() {
		if want := fmt.Sprintf("--emo-%d: %s;", i+1, c.Hex()); !strings.Contains(css, want) {
			t.Errorf("the stylesheet lacks the pictures' emotion %d: %s", i+1, want)
		}
	}
	fonts := string(sink["assets/fonts.css"])
	if !strings.Contains(fonts, "@font-face") || strings.Contains(strings.ReplaceAll(fonts, "url(data:", ""), "url(") {
		t.Error("assets/fonts.css does not embed the pictures' fonts")
	}
}

// checkPage checks one page against its policy.
func checkPage(t *testing.T, name, page string) {
	t.Helper()
	csp := false
	for _, tok := range tokenize(page) {
		switch {
		case tok.tag == "meta" && strings.EqualFold(tok.attrs["http-equiv"], "content-security-policy"):
			csp = tok.attrs["content"] == CSP
		case tok.tag == "script" && !tok.closing && tok.attrs["src"] == "":
			t.Errorf("%s: an inline script (the policy forbids it)", name)
		case tok.tag == "style" && !tok.closing:
			t.Errorf("%s: an inline stylesheet (the policy forbids it)", name)
		}
		if _, ok := tok.attrs["style"]; ok {
			t.Errorf("%s: <%s style=...> (the policy forbids inline style)", name, tok.tag)
		}
		for k := range tok.attrs {
			if strings.HasPrefix(k, "on") {
				t.Errorf("%s: <%s %s> (an inline event handler)", name, tok.tag, k)
			}
		}
	}
	if !csp {
		t.Errorf("%s: no Content-Security-Policy meta with the site's policy", name)
	}
}

// TestPagesNamedUniquely: two maps with the same id get pages of their
// own, and each page links back to the right file.
func TestPagesNamedUniquely(t *testing.T) {
	dir := t.TempDir()
	for _, sub := range []string{"a", "b"} {
		os.MkdirAll(filepath.Join(dir, sub), 0o755)
		os.WriteFile(filepath.Join(dir, sub, "shop.journey.yaml"), []byte(smallMap("shop", "Shop "+sub)), 0o644)
	}
	sink, res := build(t, testOptions(), dir)
	if res.Maps != 2 {
		t.Fatalf("%d maps", res.Maps)
	}
	for _, name := range []string{"maps/shop.html", "maps/shop-2.html"} {
		if _, ok := sink[name]; !ok {
			t.Errorf("no %s", name)
		}
	}
	if !strings.Contains(string(sink["maps/shop-2.html"]), "Shop b") {
		t.Error("the second page is not the second map's")
	}
	checkSite(t, sink)
}

func smallMap(id, title string) string {
	return `kind: Journey
version: 1
id: ` + id + `
title: ` + title + `
owner: web-team
last_reviewed: 2026-11-01
personas:
  - id: shopper
    name: Shopper
stages:
  - id: buy
    name: Buy
    phase: purchase
    touchpoints:
      - id: pay
        name: Pay
        channel: website
        owner: web-team
        emotion: 2
        pain_points:
          - id: slow
            description: Paying is slow
            severity: high
            actions:
              - id: faster
                title: Make paying faster
                status: planned
                owner: web-team
                impact: 4
`
}

func TestOneLine(t *testing.T) {
	for in, want := range map[string]string{
		"":                     "",
		"Online checkout":      "Online checkout",
		" lead":                "lead",
		"trail ":               "trail",
		"two  spaces":          "two spaces",
		"line\nbreak":          "line break",
		"tab\there":            "tab here",
		"no-break\u00a0space ": "no-break space",
		"café au lait":         "café au lait",
		"line\u2028separator":  "line separator",
	} {
		if got := oneLine(in); got != want {
			t.Errorf("oneLine(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestFlowDiagrams: with a layout (--flow), each map page has the
// Graphviz flow diagram, and the site still loads nothing from outside.
func TestFlowDiagrams(t *testing.T) {
	inRepo(t)
	o := testOptions()
	o.Layout = graphviz.SVG
	sink, _ := build(t, o, "examples")
	page := outline(string(sink["maps/online-checkout.html"]))
	if !strings.Contains(page, "## Flow\n[figure: ") || !strings.Contains(page, "- [Flow](#flow)") {
		t.Errorf("no flow diagram:\n%.600s", page)
	}
	checkSite(t, sink)
}
