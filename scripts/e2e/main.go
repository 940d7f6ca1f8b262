// Command e2e renders maps to the HTML report and opens each page in
// headless Chromium, failing on console messages (the page runs no script,
// so any message is an error or a blocked request) or a blank page. It
// keeps a screenshot of each page to look at.
//
//	go run ./scripts/e2e -journey bin/journey -out e2e-out examples/ecommerce/checkout.journey.yaml ...
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

func main() {
	journey := flag.String("journey", "bin/journey", "the journey binary")
	out := flag.String("out", "e2e-out", "directory for pages and screenshots")
	browser := flag.String("chromium", "", "the Chromium binary (default: chromium or chromium-browser on PATH)")
	flag.Parse()
	if flag.NArg() == 0 {
		fail("usage: e2e [-journey BIN] [-out DIR] MAP...")
	}
	if *browser == "" {
		for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
			if p, err := exec.LookPath(name); err == nil {
				*browser = p
				break
			}
		}
		if *browser == "" {
			fail("Chromium not found: install it (Debian: apt-get install chromium) or pass -chromium")
		}
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fail(err.Error())
	}
	failed := false
	for _, m := range flag.Args() {
		if err := check(*journey, *browser, *out, m); err != nil {
			fmt.Fprintf(os.Stderr, "FAIL %s: %v\n", m, err)
			failed = true
			continue
		}
		fmt.Printf("ok   %s\n", m)
	}
	if failed {
		os.Exit(1)
	}
}

var consoleLine = regexp.MustCompile(`(?m)^.*:CONSOLE[:(].*$`)

func check(journey, browser, out, m string) error {
	base := strings.TrimSuffix(filepath.Base(m), ".journey.yaml")
	page, err := filepath.Abs(filepath.Join(out, base+".html"))
	if err != nil {
		return err
	}
	if b, err := exec.Command(journey, "render", m, "--format", "html", "-o", page).CombinedOutput(); err != nil {
		return fmt.Errorf("render: %v: %s", err, b)
	}
	shot, _ := filepath.Abs(filepath.Join(out, base+".png"))
	profile, err := os.MkdirTemp("", "journey-e2e-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(profile)
	flags := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile,
		"--enable-logging=stderr", "--log-level=0", "--virtual-time-budget=5000", "--hide-scrollbars"}

	dom, logs, err := chromium(browser, append(flags, "--dump-dom", "file://"+page))
	if err != nil {
		return err
	}
	if msgs := consoleLine.FindAllString(logs, -1); len(msgs) > 0 {
		return fmt.Errorf("console messages:\n%s", strings.Join(msgs, "\n"))
	}
	for _, want := range []string{"<h1>", "<svg", `id="matrix"`, `id="backlog"`, `id="findings"`} {
		if !strings.Contains(dom, want) {
			return fmt.Errorf("the page has no %s: blank or broken", want)
		}
	}

	if _, logs, err = chromium(browser, append(flags, "--window-size=1400,2200", "--screenshot="+shot, "file://"+page)); err != nil {
		return err
	}
	if msgs := consoleLine.FindAllString(logs, -1); len(msgs) > 0 {
		return fmt.Errorf("console messages:\n%s", strings.Join(msgs, "\n"))
	}
	return notBlank(shot)
}

func chromium(browser string, args []string) (stdout, stderr string, err error) {
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	var o, e bytes.Buffer
	cmd := exec.CommandContext(ctx, browser, args...)
	cmd.Stdout, cmd.Stderr = &o, &e
	if err := cmd.Run(); err != nil {
		return "", "", fmt.Errorf("chromium: %v\n%s", err, e.String())
	}
	return o.String(), e.String(), nil
}

// notBlank fails when the screenshot is (almost) one colour.
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

func fail(msg string) {
	fmt.Fprintln(os.Stderr, "e2e:", msg)
	os.Exit(2)
}
