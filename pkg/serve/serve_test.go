package serve

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/journey-maps/journey/pkg/config"
	"github.com/journey-maps/journey/pkg/lint"
	"github.com/journey-maps/journey/pkg/score"
	"github.com/journey-maps/journey/pkg/site"
)

const testMap = `kind: Journey
version: 1
id: shop
title: Shop
owner: web-team
last_reviewed: 2026-11-01
include: [people.personas.yaml]
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
`

const testLibrary = `kind: Personas
version: 1
personas:
  - id: shopper
    name: Shopper
`

// preview is a running Run on a free port of the loopback, with a folder
// of maps to edit.
type preview struct {
	t    *testing.T
	dir  string
	url  string
	stop context.CancelFunc
	done chan error
}

func start(t *testing.T, o Options) *preview {
	t.Helper()
	p := &preview{t: t, dir: t.TempDir(), done: make(chan error, 1)}
	p.write("shop.journey.yaml", testMap)
	p.write("people.personas.yaml", testLibrary)
	p.write("other.journey.yaml", strings.NewReplacer("id: shop", "id: other", "title: Shop", "title: Other").Replace(testMap))
	ctx, cancel := context.WithCancel(context.Background())
	p.stop = cancel
	urls := make(chan string, 1)
	o.Addr, o.Args = "127.0.0.1:0", []string{p.dir}
	o.Site.Today = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	o.Listening = func(u string) { urls <- u }
	go func() { p.done <- Run(ctx, o) }()
	select {
	case p.url = <-urls:
	case err := <-p.done:
		t.Fatalf("Run ended: %v", err)
	case <-time.After(20 * time.Second):
		t.Fatal("the server did not start")
	}
	t.Cleanup(func() {
		cancel()
		<-p.done
	})
	return p
}

func (p *preview) write(name, content string) {
	p.t.Helper()
	if err := os.WriteFile(filepath.Join(p.dir, name), []byte(content), 0o644); err != nil {
		p.t.Fatal(err)
	}
}

// get fetches a path of the site.
func (p *preview) get(path string) (int, string, http.Header) {
	p.t.Helper()
	resp, err := http.Get(strings.TrimSuffix(p.url, "/") + path)
	if err != nil {
		p.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header
}

// events follows the server-sent events, sending each version.
func (p *preview) events() <-chan string {
	p.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, p.url+"_journey/events", nil)
	ctx, cancel := context.WithCancel(context.Background())
	p.t.Cleanup(cancel)
	resp, err := http.DefaultClient.Do(req.WithContext(ctx))
	if err != nil {
		p.t.Fatal(err)
	}
	p.t.Cleanup(func() { resp.Body.Close() })
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		p.t.Fatalf("events: Content-Type %q", ct)
	}
	out := make(chan string, 16)
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		event := ""
		for sc.Scan() {
			line := sc.Text()
			if e, ok := strings.CutPrefix(line, "event: "); ok {
				event = e
			}
			if d, ok := strings.CutPrefix(line, "data: "); ok && event == "version" {
				out <- d
			}
		}
		close(out)
	}()
	return out
}

// next waits for the next version event.
func next(t *testing.T, ch <-chan string) string {
	t.Helper()
	select {
	case v, ok := <-ch:
		if !ok {
			t.Fatal("the event stream ended")
		}
		return v
	case <-time.After(15 * time.Second):
		t.Fatal("no reload event")
	}
	return ""
}

// until waits for reload events until the page at path passes ok: an
// editor's save may come as more than one rebuild.
func (p *preview) until(events <-chan string, path string, ok func(page string) bool) string {
	p.t.Helper()
	deadline := time.After(15 * time.Second)
	for {
		select {
		case _, open := <-events:
			if !open {
				p.t.Fatal("the event stream ended")
			}
		case <-deadline:
			_, page, _ := p.get(path)
			p.t.Fatalf("%s never changed as expected:\n%s", path, page)
		}
		if _, page, _ := p.get(path); ok(page) {
			return page
		}
	}
}

func has(parts ...string) func(string) bool {
	return func(page string) bool {
		for _, s := range parts {
			if !strings.Contains(page, s) {
				return false
			}
		}
		return true
	}
}

func TestEditShowsAndReloads(t *testing.T) {
	p := start(t, Options{})
	events := p.events()
	first := next(t, events)
	code, page, h := p.get("/")
	if code != 200 || !strings.Contains(page, ">Shop</a>") || !strings.Contains(page, `content="`+first+`"`) {
		t.Fatalf("index: %d\n%s", code, page)
	}
	if !strings.Contains(page, `<script src="/_journey/live.js" defer>`) || h.Get("Content-Security-Policy") != headerCSP {
		t.Error("the page has no reload script or no policy")
	}
	p.write("shop.journey.yaml", strings.Replace(testMap, "title: Shop", "title: Shop renamed", 1))
	page = p.until(events, "/maps/shop.html", has("<h1>Shop renamed</h1>"))
	if strings.Contains(page, `content="`+first+`"`) {
		t.Error("the page shows the first version")
	}
	if _, page, _ := p.get("/index.html"); !strings.Contains(page, "Shop renamed") {
		t.Error("the portfolio does not show the edit")
	}

	// A persona library's change shows on the maps that include it.
	p.write("people.personas.yaml", strings.Replace(testLibrary, "name: Shopper", "name: Careful shopper", 1))
	p.until(events, "/maps/other.html", has("Careful shopper"))
	// A new map appears, a removed one goes.
	p.write("new.journey.yaml", strings.NewReplacer("id: shop", "id: new", "title: Shop", "title: Brand new").Replace(testMap))
	p.until(events, "/index.html", has("maps/new.html"))
	if code, _, _ := p.get("/maps/new.html"); code != 200 {
		t.Errorf("new map: %d", code)
	}
	os.Remove(filepath.Join(p.dir, "new.journey.yaml"))
	p.until(events, "/index.html", func(page string) bool { return !strings.Contains(page, "maps/new.html") })
	if code, _, _ := p.get("/maps/new.html"); code != 404 {
		t.Errorf("removed map: %d", code)
	}
}

func TestBadSaveKeepsLastGoodPagesWithBanner(t *testing.T) {
	p := start(t, Options{})
	events := p.events()
	next(t, events)
	p.write("shop.journey.yaml", strings.Replace(testMap, "title: Shop", "title: Shop broken\nstages: [", 1))
	p.until(events, "/", has("journey-live-banner"))
	for _, path := range []string{"/", "/maps/shop.html", "/backlog.html", "/nope.html"} {
		_, page, _ := p.get(path)
		if !strings.Contains(page, `class="journey-live-banner"`) || !strings.Contains(page, "shop.journey.yaml:") || !strings.Contains(page, "error: YAML syntax") {
			t.Errorf("%s: no banner with the finding:\n%s", path, page)
		}
	}
	if _, page, _ := p.get("/maps/shop.html"); !strings.Contains(page, "<h1>Shop</h1>") {
		t.Error("the last good page is gone")
	}
	// A format error, not a syntax error: the same.
	p.write("shop.journey.yaml", strings.Replace(testMap, "emotion: 2", "emotion: 7", 1))
	page := p.until(events, "/maps/shop.html", has("shop.journey.yaml:17:18: error:"))
	if !strings.Contains(page, "<h1>Shop</h1>") {
		t.Errorf("format error: the last good page is gone:\n%s", page)
	}
	p.write("shop.journey.yaml", strings.Replace(testMap, "title: Shop", "title: Shop fixed", 1))
	page = p.until(events, "/maps/shop.html", has("Shop fixed"))
	if strings.Contains(page, "journey-live-banner") {
		t.Error("the banner stays after the fix")
	}
}

func TestOnlyTheSiteIsServed(t *testing.T) {
	p := start(t, Options{})
	secret := filepath.Join(filepath.Dir(p.dir), "secret.txt")
	os.WriteFile(secret, []byte("secret"), 0o644)
	os.Symlink(secret, filepath.Join(p.dir, "link.html"))
	for _, path := range []string{
		"/../secret.txt", "/maps/../../secret.txt", "/%2e%2e/secret.txt", "/maps%2f..%2f..%2fsecret.txt",
		"/maps/..%5c..%5csecret.txt", "/index.html%00", "/link.html", "/shop.journey.yaml", "/.journey-site-files",
	} {
		req, _ := http.NewRequest(http.MethodGet, strings.TrimSuffix(p.url, "/")+"/x", nil)
		req.URL.Opaque = path // sent as written
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 404 || strings.Contains(string(b), "secret") {
			t.Errorf("%s: %d", path, resp.StatusCode)
		}
		if resp.Header.Get("Content-Security-Policy") != headerCSP {
			t.Errorf("%s: no policy", path)
		}
	}
	req, _ := http.NewRequest(http.MethodGet, p.url, nil)
	req.Host = "attacker.example"
	if code := status(http.DefaultClient.Do(req)); code != http.StatusForbidden {
		t.Errorf("another host name: %d", code)
	}
	if code := status(http.Post(p.url, "text/plain", strings.NewReader("x"))); code != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d", code)
	}
	for _, path := range []string{"/assets/site.css", "/assets/site.js", "/search.json", "/_journey/live.js", "/_journey/live.css"} {
		if code, _, h := p.get(path); code != 200 || h.Get("Content-Security-Policy") != headerCSP || h.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: %d %v", path, code, h)
		}
	}
}

// TestStopsOnCancel: the preview stops when its context ends (Ctrl-C in
// journey serve), with a page still listening for events.
func TestStopsOnCancel(t *testing.T) {
	p := start(t, Options{})
	events := p.events()
	next(t, events)
	p.stop()
	select {
	case err := <-p.done:
		p.done <- err // for the cleanup
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return after its context ended")
	}
	if _, ok := <-events; ok {
		t.Error("the event stream is still open")
	}
}

// TestConfigurationChange: saving .journeylint.yaml judges every map
// again; a configuration with mistakes goes to the banner.
func TestConfigurationChange(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	reconfigure := func() (site.Options, error) {
		cfg, err := config.Discover("", dir, config.Schema{Rules: lint.ConfigRules(), Weights: score.WeightKeys, CheckWeights: score.CheckWeights})
		if err != nil {
			return site.Options{}, err
		}
		w, _ := score.WeightsFrom(cfg.Weights)
		return site.Options{Config: cfg, Weights: w, Today: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)}, nil
	}
	p := start(t, Options{Reconfigure: reconfigure})
	events := p.events()
	next(t, events)
	if _, page, _ := p.get("/findings.html"); !strings.Contains(page, "pain-point-has-evidence") {
		t.Fatal("no pain-point-has-evidence finding to begin with")
	}
	os.WriteFile(filepath.Join(dir, config.FileName), []byte("rules:\n  pain-point-has-evidence: off\n"), 0o644)
	p.until(events, "/findings.html", func(page string) bool { return !strings.Contains(page, "pain-point-has-evidence") })
	os.WriteFile(filepath.Join(dir, config.FileName), []byte("rules:\n  no-such-rule: off\n"), 0o644)
	p.until(events, "/", has("journey-live-banner", "no-such-rule"))
}

// TestBinaryStopsOnSIGINT runs the journey binary's serve and stops it
// with Ctrl-C's signal: it exits 0, promptly.
func TestBinaryStopsOnSIGINT(t *testing.T) {
	if testing.Short() {
		t.Skip("builds journey")
	}
	bin := filepath.Join(t.TempDir(), "journey")
	build := exec.Command("go", "build", "-o", bin, "../../cmd/journey")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "shop.journey.yaml"), []byte(strings.Replace(testMap, "include: [people.personas.yaml]\n", "", 1)), 0o644)
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", dir)
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	url := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if _, after, ok := strings.Cut(sc.Text(), "serving the site at "); ok {
				url <- strings.Fields(after)[0]
			}
		}
	}()
	var u string
	select {
	case u = <-url:
	case <-time.After(20 * time.Second):
		t.Fatal("journey serve printed no address")
	}
	resp, err := http.Get(u)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("GET %s: %v", u, err)
	}
	resp.Body.Close()
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	select {
	case err := <-exited:
		if err != nil {
			t.Fatalf("journey serve ended with %v after SIGINT, want exit 0", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("journey serve still runs 5 s after SIGINT")
	}
}

// status is a response's status code, its body closed; 0 when the
// request failed.
func status(resp *http.Response, err error) int {
	if err != nil {
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}
