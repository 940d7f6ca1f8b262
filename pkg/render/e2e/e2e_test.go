//go:build e2e

// Package e2e checks the html report in a real browser: it builds journey
// and its diagram helper, renders every example map and generated maps of
// 40 and 300 touchpoints to html, opens each page in headless Chromium
// and fails on a console message (the page runs no script, so any message
// is an error or a blocked request), on a page without its sections, on a
// screenshot that is blank, on text under 11 CSS px or outside its box at
// 1440x900 and 390x844 (measure.js, run in a copy of the page), and on
// text under 7 pt in print (the PDF's words, measured by pdftotext).
//
//	go test -tags e2e ./pkg/render/e2e      (make e2e)
//
// Chromium is Debian's `chromium` (or set E2E_CHROMIUM). Pages and
// screenshots are kept in $E2E_OUT, default e2e-out/ at the repository
// root (ignored by git).
package e2e

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	stdhtml "html"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/journey-maps/journey/pkg/corpus"
	"github.com/journey-maps/journey/pkg/internal/headless"
	"github.com/journey-maps/journey/pkg/render/internal/pagecheck"
)

const root = "../../.."

// build compiles journey and journey-graphviz side by side.
func build(t *testing.T) string {
	dir := t.TempDir()
	for _, pkg := range []string{"./cmd/journey", "./cmd/journey-graphviz"} {
		cmd := exec.Command("go", "build", "-o", filepath.Join(dir, filepath.Base(pkg)), pkg)
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go build %s: %v\n%s", pkg, err, out)
		}
	}
	return filepath.Join(dir, "journey")
}

func examples(t *testing.T) []string {
	var maps []string
	err := filepath.WalkDir(filepath.Join(root, "examples"), func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".journey.yaml") {
			rel, _ := filepath.Rel(root, p)
			maps = append(maps, rel)
		}
		return err
	})
	if err != nil || len(maps) == 0 {
		t.Fatalf("no example maps: %v", err)
	}
	sort.Strings(maps)
	return maps
}

// maps lists the example maps and writes generated maps of 40 and 300
// touchpoints.
func maps(t *testing.T) []string {
	list := examples(t)
	for _, n := range []int{40, 300} {
		p := filepath.Join(t.TempDir(), fmt.Sprintf("large-%d.journey.yaml", n))
		if err := os.WriteFile(p, corpus.Large(n), 0o644); err != nil {
			t.Fatal(err)
		}
		list = append(list, p)
	}
	return list
}

func TestReportInChromium(t *testing.T) {
	browser := headless.Browser(t)
	journey := build(t)
	out := headless.OutDir(t, root, "")
	canary(t, browser)
	measureCanary(t, browser)
	printMin := printCalibration(t, browser, journey, out)

	for _, m := range maps(t) {
		base := strings.TrimSuffix(filepath.Base(m), ".journey.yaml")
		t.Run(base, func(t *testing.T) {
			page := filepath.Join(out, base+".html")
			// Run from the repository root, as a user would: includes
			// must stay inside the tree of the files named.
			cmd := exec.Command(journey, "render", m, "--format", "html", "-o", page)
			cmd.Dir = root
			if b, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("render: %v: %s", err, b)
			}
			html, err := os.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			if loads := pagecheck.ExternalLoads(html); len(loads) > 0 {
				t.Errorf("the page loads from outside: %q", loads)
			}
			checkDOM(t, browser, page)
			for _, size := range []string{"1440,900", "390,844"} {
				checkSize(t, browser, page, html, size, filepath.Join(out, base+"-"+strings.Split(size, ",")[0]+".png"))
			}
			checkPrint(t, browser, page, filepath.Join(out, base+".pdf"), printMin)
		})
	}
}

// canary proves the checker sees what it must fail on: a page that
// breaks its own Content Security Policy logs console messages.
func canary(t *testing.T, browser string) {
	canary := filepath.Join(t.TempDir(), "canary.html")
	os.WriteFile(canary, []byte(`<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head>`+
		`<body><h1>x</h1><img src="http://127.0.0.1:9/x.png"><script>console.error("boom")</script></body></html>`), 0o644)
	if _, logs, err := headless.Run(browser, 5*time.Second, "--dump-dom", "file://"+canary); err != nil {
		t.Fatal(err)
	} else if len(consoleLine.FindAllString(logs, -1)) == 0 {
		t.Fatalf("Chromium reported no console message for a page that breaks its CSP: the check would be blind\n%s", logs)
	}
}

// measureCanary proves measure.js sees small and overflowing text, in
// html and in a scaled SVG.
func measureCanary(t *testing.T, browser string) {
	page := []byte(`<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none';"></head><body>` +
		`<p style="font-size:9px">tiny</p><div style="width:50px;white-space:nowrap">overflowing text here and more</div>` +
		`<svg width="100" height="50" viewBox="0 0 200 100"><rect class="box" x="0" y="0" width="50" height="50"/>` +
		`<text x="5" y="20" font-size="12">scaled and out of its box</text></svg></body></html>`)
	r := measure(t, browser, page, "800,600")
	if len(r.Small) != 2 || len(r.Overflow) != 2 {
		t.Fatalf("measure.js is blind: %+v", r)
	}
}

func checkDOM(t *testing.T, browser, page string) {
	dom, logs, err := headless.Run(browser, 5*time.Second, "--dump-dom", "file://"+page)
	if err != nil {
		t.Fatal(err)
	}
	if msgs := consoleLine.FindAllString(logs, -1); len(msgs) > 0 {
		t.Errorf("console messages:\n%s", strings.Join(msgs, "\n"))
	}
	for _, want := range []string{"<h1>", "<svg", `role="img"`, "<figcaption>", `id="canvas"`, `id="flow"`, `id="emotions"`, `id="matrix"`, `id="personas"`, `id="backlog"`, `id="findings"`} {
		if !strings.Contains(dom, want) {
			t.Errorf("the page has no %s: blank or broken", want)
		}
	}
}

//go:embed measure.js
var measureJS string

// result is what measure.js reports.
type result struct {
	Texts    int      `json:"texts"`
	Small    []string `json:"small"`
	Overflow []string `json:"overflow"`
}

var resultPre = regexp.MustCompile(`(?s)<pre id="e2e-result">(.*?)</pre>`)

// measure runs measure.js in a copy of the page (its policy then allows
// that one script) at a window size.
func measure(t *testing.T, browser string, html []byte, size string) result {
	policy := regexp.MustCompile(`content="default-src 'none';[^"]*"`)
	probe := policy.ReplaceAll(html, []byte(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; script-src 'unsafe-inline'"`))
	probe = bytes.Replace(probe, []byte("</body>"), []byte("<script>"+measureJS+"</script></body>"), 1)
	path := filepath.Join(t.TempDir(), "probe.html")
	if err := os.WriteFile(path, probe, 0o644); err != nil {
		t.Fatal(err)
	}
	dom, _, err := headless.Run(browser, 5*time.Second, "--window-size="+size, "--dump-dom", "file://"+path)
	if err != nil {
		t.Fatal(err)
	}
	all := resultPre.FindAllStringSubmatch(dom, -1) // the last: the script's own text names the element too
	if len(all) == 0 {
		t.Fatalf("at %s the measuring script reported nothing", size)
	}
	var r result
	if err := json.Unmarshal([]byte(stdhtml.UnescapeString(all[len(all)-1][1])), &r); err != nil {
		t.Fatal(err)
	}
	return r
}

func checkSize(t *testing.T, browser, page string, html []byte, size, shot string) {
	r := measure(t, browser, html, size)
	if r.Texts < 50 {
		t.Errorf("at %s only %d texts measured: the page did not render", size, r.Texts)
	}
	if len(r.Small) > 0 {
		t.Errorf("at %s %d texts are under 11 px, first: %s", size, len(r.Small), strings.Join(firstOf(r.Small, 5), "; "))
	}
	if len(r.Overflow) > 0 {
		t.Errorf("at %s %d texts overflow their box, first: %s", size, len(r.Overflow), strings.Join(firstOf(r.Overflow, 5), "; "))
	}
	os.Remove(shot)
	_, logs, err := headless.Run(browser, 5*time.Second, "--window-size="+size, "--screenshot="+shot, "file://"+page)
	if err != nil {
		t.Fatal(err)
	}
	if msgs := consoleLine.FindAllString(logs, -1); len(msgs) > 0 {
		t.Errorf("console messages:\n%s", strings.Join(msgs, "\n"))
	}
	if err := notBlank(shot); err != nil {
		t.Error(err)
	}
}

func firstOf(list []string, n int) []string { return list[:min(n, len(list))] }

var (
	consoleLine = regexp.MustCompile(`(?m)^.*:CONSOLE[:(].*$`)
)

// notBlank fails when the screenshot is (almost) one colour, or when its
// ink is all in one corner (a page that drew only its title).
func notBlank(path string) error {
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
	if b.Dx() < 300 || b.Dy() < 600 {
		return fmt.Errorf("screenshot is %dx%d", b.Dx(), b.Dy())
	}
	colours := map[uint32]bool{}
	inked := 0
	var bands [4]int // ink in each quarter of the page, top to bottom
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			r, g, bl, _ := img.At(x, y).RGBA()
			colours[(r>>12)<<8|(g>>12)<<4|bl>>12] = true
			if r+g+bl < 3*0xe000 {
				inked++
				bands[4*(y-b.Min.Y)/b.Dy()]++
			}
		}
	}
	if len(colours) < 8 || inked < 500 {
		return fmt.Errorf("the page looks blank (%d colours, %d inked samples)", len(colours), inked)
	}
	for i, n := range bands[:3] {
		if n < 50 {
			return fmt.Errorf("quarter %d of the page is empty (%d inked samples): the report stops early", i+1, n)
		}
	}
	return nil
}
