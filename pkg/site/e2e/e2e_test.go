//go:build e2e

// Package e2e checks the site journey site writes in a real browser: it
// builds journey, writes the site of the examples, opens the portfolio, a
// map, a persona and the backlog in headless Chromium from disk (file://)
// and fails on any console message (an error, or a request the pages'
// policy blocked) and on a blank screenshot; then it drives the search
// box, the filters and the sorting through a harness page that holds the
// site in a frame (served over HTTP, so the frame is the harness's
// origin), and checks what they show.
//
//	go test -tags e2e ./pkg/site/e2e      (make e2e)
//
// Chromium is Debian's `chromium` (or set E2E_CHROMIUM). Screenshots are
// kept in $E2E_OUT/site, default e2e-out/site at the repository root.
package e2e

import (
	"encoding/json"
	"fmt"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/journey-maps/journey/pkg/internal/headless"
)

const root = "../../.."

// buildSite builds journey and writes the examples' site.
func buildSite(t *testing.T) string {
	bin := filepath.Join(t.TempDir(), "journey")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/journey")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	site := filepath.Join(t.TempDir(), "site")
	cmd = exec.Command(bin, "site", "--today", "2026-11-23", "examples", "-o", site)
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("journey site: %v\n%s", err, out)
	}
	return site
}

var consoleLine = regexp.MustCompile(`(?m)^.*:CONSOLE[:(].*$`)

// pages are the pages opened, with what each must show.
var pages = []struct{ name, path, want string }{
	{"index", "index.html", `id="map-table"`},
	{"map", "maps/online-checkout.html", `id="connections"`},
	{"persona", "personas/busy-pro.html", `class="strip"`},
	{"backlog", "backlog.html", `id="backlog-table"`},
}

// TestPagesFromDisk opens each page from disk at a laptop's and a
// phone's size: no console message, the script ran (the controls it
// reveals are shown), and the screenshot is not blank.
func TestPagesFromDisk(t *testing.T) {
	browser := headless.Browser(t)
	site := buildSite(t)
	out := headless.OutDir(t, root, "site")

	// The checker must see what it fails on: a page that breaks its own
	// policy logs console messages.
	canary := filepath.Join(t.TempDir(), "canary.html")
	os.WriteFile(canary, []byte(`<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head>`+
		`<body><h1>x</h1><script>console.error("boom")</script></body></html>`), 0o644)
	if _, logs, err := headless.Run(browser, 10*time.Second, "--dump-dom", "file://"+canary); err != nil {
		t.Fatal(err)
	} else if len(consoleLine.FindAllString(logs, -1)) == 0 {
		t.Fatalf("Chromium reported no console message for a page that breaks its policy: the check would be blind\n%s", logs)
	}

	for _, p := range pages {
		t.Run(p.name, func(t *testing.T) {
			url := "file://" + filepath.Join(site, filepath.FromSlash(p.path))
			dom, logs, err := headless.Run(browser, 10*time.Second, "--dump-dom", url)
			if err != nil {
				t.Fatal(err)
			}
			if msgs := consoleLine.FindAllString(logs, -1); len(msgs) > 0 {
				t.Errorf("console messages:\n%s", strings.Join(msgs, "\n"))
			}
			if !strings.Contains(dom, p.want) {
				t.Errorf("the page has no %s", p.want)
			}
			if strings.Contains(dom, `<form class="search" role="search" hidden`) {
				t.Error("the search box is still hidden: the page's script did not run")
			}
			for _, size := range []struct {
				name string
				w, h int
			}{{"1440", 1440, 900}, {"390", 390, 844}} {
				shot := filepath.Join(out, p.name+"-"+size.name+".png")
				os.Remove(shot)
				if _, logs, err = headless.Run(browser, 10*time.Second, fmt.Sprintf("--window-size=%d,%d", size.w, size.h), "--screenshot="+shot, url); err != nil {
					t.Fatal(err)
				}
				if msgs := consoleLine.FindAllString(logs, -1); len(msgs) > 0 {
					t.Errorf("%s: console messages:\n%s", size.name, strings.Join(msgs, "\n"))
				}
				if err := notBlank(shot, size.w); err != nil {
					t.Errorf("%s: %v", size.name, err)
				}
			}
		})
	}
}

// notBlank fails on a screenshot of (almost) one colour, or one that
// is not as wide as the window (a page wider than a phone scrolls
// sideways instead of wrapping).
func notBlank(path string, width int) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("no screenshot: %v", err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		return fmt.Errorf("screenshot: %v", err)
	}
	b := img.Bounds()
	if b.Dx() != width {
		return fmt.Errorf("screenshot is %d wide, want %d", b.Dx(), width)
	}
	colours := map[uint32]bool{}
	inked := 0
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			r, g, bl, _ := img.At(x, y).RGBA()
			colours[(r>>12)<<8|(g>>12)<<4|bl>>12] = true
			if r+g+bl < 3*0xe000 {
				inked++
			}
		}
	}
	if len(colours) < 8 || inked < 500 {
		return fmt.Errorf("the page looks blank (%d colours, %d inked samples)", len(colours), inked)
	}
	return nil
}

// TestSearchFiltersAndSorting drives the controls the pages' script adds
// and reads what they show.
func TestSearchFiltersAndSorting(t *testing.T) {
	browser := headless.Browser(t)
	site := buildSite(t)
	mux := http.NewServeMux()
	mux.Handle("/", http.FileServer(http.Dir(site)))
	mux.HandleFunc("/_e2e/harness.html", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(harness))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	dom, logs, err := headless.Run(browser, 10*time.Second, "--dump-dom", srv.URL+"/_e2e/harness.html")
	if err != nil {
		t.Fatal(err)
	}
	if msgs := consoleLine.FindAllString(logs, -1); len(msgs) > 0 {
		t.Errorf("console messages:\n%s", strings.Join(msgs, "\n"))
	}
	m := regexp.MustCompile(`(?s)<pre id="out">(.*?)</pre>`).FindStringSubmatch(dom)
	if m == nil {
		t.Fatalf("the harness wrote no result:\n%s", dom)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(htmlUnescape(m[1])), &got); err != nil {
		t.Fatalf("harness result %q: %v", m[1], err)
	}
	want := map[string]any{
		"index rows":             3.0,
		"index filter boiler":    1.0,
		"index filter owner":     1.0,
		"index count":            "1 of 3 shown",
		"index sorted by health": "ascending",
		"index first by title":   "B2B trial to advocate",
		"search hits guest":      true,
		"search first guest":     "Offer guest checkout with optional account after payment",
		"backlog rows":           8.0,
		"backlog status planned": 4.0,
		"backlog map checkout":   3.0,
		"map search busy":        true,
		"persona strip chips":    10.0,
		"error":                  nil,
	}
	for k, v := range want {
		if fmt.Sprint(got[k]) != fmt.Sprint(v) {
			t.Errorf("%s: got %v, want %v", k, got[k], v)
		}
	}
	t.Logf("harness: %v", got)
}

func htmlUnescape(s string) string {
	return strings.NewReplacer("&quot;", `"`, "&lt;", "<", "&gt;", ">", "&#39;", "'", "&amp;", "&").Replace(s)
}

// harness opens pages of the site in a frame, works their controls as a
// reader would (typing, choosing, clicking) and writes what they show
// as JSON into #out.
const harness = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>harness</title></head>
<body><iframe id="f" width="1400" height="900"></iframe><pre id="out"></pre>
<script>
const out = {};
const frame = document.getElementById("f");
const wait = ms => new Promise(r => setTimeout(r, ms));
function open(url) {
  return new Promise(r => { frame.onload = () => r(frame.contentWindow); frame.src = url; });
}
function type(w, el, value) {
  el.value = value;
  el.dispatchEvent(new w.Event("input", {bubbles: true}));
  el.dispatchEvent(new w.Event("change", {bubbles: true}));
}
const shown = (d, sel) => Array.from(d.querySelectorAll(sel)).filter(r => !r.hidden).length;
async function run() {
  let w = await open("/index.html"); await wait(300);
  let d = w.document;
  out["index rows"] = shown(d, "#map-table tbody tr");
  type(w, d.querySelector('.filters [data-filter="text"]'), "boiler");
  out["index filter boiler"] = shown(d, "#map-table tbody tr");
  out["index count"] = d.querySelector(".filters .count").textContent;
  type(w, d.querySelector('.filters [data-filter="text"]'), "");
  type(w, d.querySelector('.filters [data-filter="owner"]'), "growth-team");
  out["index filter owner"] = shown(d, "#map-table tbody tr");
  type(w, d.querySelector('.filters [data-filter="owner"]'), "");
  const heads = d.querySelectorAll("#map-table thead th");
  heads[6].querySelector("button").click();
  out["index sorted by health"] = heads[6].getAttribute("aria-sort");
  heads[0].querySelector("button").click();
  out["index first by title"] = d.querySelector("#map-table tbody tr th a").textContent;
  const q = d.getElementById("search-q");
  q.focus(); q.dispatchEvent(new w.Event("focus"));
  await wait(500);
  type(w, q, "guest checkout");
  await wait(100);
  const hits = d.querySelectorAll("#search-hits a");
  out["search hits guest"] = hits.length > 0 && !d.getElementById("search-hits").hidden;
  out["search first guest"] = hits.length ? hits[0].firstChild.textContent : "";

  w = await open("/backlog.html"); await wait(300); d = w.document;
  out["backlog rows"] = shown(d, "#backlog-table tbody tr");
  type(w, d.querySelector('.filters [data-filter="status"]'), "planned");
  out["backlog status planned"] = shown(d, "#backlog-table tbody tr");
  type(w, d.querySelector('.filters [data-filter="status"]'), "");
  type(w, d.querySelector('.filters [data-filter="map"]'), "Online checkout");
  out["backlog map checkout"] = shown(d, "#backlog-table tbody tr");

  w = await open("/maps/online-checkout.html"); await wait(300); d = w.document;
  const mq = d.getElementById("search-q");
  mq.dispatchEvent(new w.Event("focus"));
  await wait(500);
  type(w, mq, "busy professional");
  await wait(100);
  const mh = d.querySelectorAll("#search-hits a");
  out["map search busy"] = mh.length > 0 && mh[0].getAttribute("href") === "../personas/busy-pro.html";

  w = await open("/personas/busy-pro.html"); await wait(300); d = w.document;
  out["persona strip chips"] = d.querySelectorAll("ol.strip li").length;
  out["error"] = null;
}
run().catch(e => { out["error"] = String(e); }).finally(() => {
  document.getElementById("out").textContent = JSON.stringify(out);
});
</script></body></html>`
