//go:build e2e

package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/journey-maps/journey/pkg/internal/headless"
)

// A printed word's box, from pdftotext -bbox, is taller than its font
// size by the font's ascent and descent. printCalibration prints text at
// exactly 7 pt in the report's own fonts and style sheet and returns the
// smallest box height of those words: the least a word may measure. It
// also checks that 6.5 pt text measures less, so the check can fail.
func printCalibration(t *testing.T, browser, journey, out string) float64 {
	page := filepath.Join(t.TempDir(), "calibration.html")
	cmd := exec.Command(journey, "render", "examples/ecommerce/checkout.journey.yaml", "--format", "html", "-o", page)
	cmd.Dir = root
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("render: %v: %s", err, b)
	}
	html, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	style := regexp.MustCompile(`(?s)<style>.*?</style>`).Find(html)
	cal := `<!DOCTYPE html><html><head><meta charset="utf-8">` + string(style) + `</head><body>` +
		`<p style="font-size:7pt">calibgo calibgo</p><p style="font-size:7pt;font-weight:bold">calibbold</p>` +
		`<p><code style="font-size:7pt">calibmono</code></p><p style="font-size:6.5pt">calibsmall</p></body></html>`
	if err := os.WriteFile(page, []byte(cal), 0o644); err != nil {
		t.Fatal(err)
	}
	words := printWords(t, browser, page, filepath.Join(out, "calibration.pdf"))
	least, small := 1e9, 0.0
	for _, w := range words {
		switch w.text {
		case "calibgo", "calibbold", "calibmono":
			least = min(least, w.height)
		case "calibsmall":
			small = w.height
		}
	}
	if least == 1e9 || small == 0 || small >= least-0.05 {
		t.Fatalf("print calibration failed: 7 pt words measure %.2f, 6.5 pt %.2f", least, small)
	}
	return least - 0.05
}

type word struct {
	text   string
	height float64
}

var bboxWord = regexp.MustCompile(`<word xMin="[0-9.]+" yMin="([0-9.]+)" xMax="[0-9.]+" yMax="([0-9.]+)">([^<]*)</word>`)

// printWords prints a page to PDF and reads each word's box.
func printWords(t *testing.T, browser, page, pdf string) []word {
	os.Remove(pdf)
	if _, _, err := headless.Run(browser, 5*time.Second, "--no-pdf-header-footer", "--print-to-pdf="+pdf, "file://"+page); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-bbox", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext (Debian: apt-get install poppler-utils): %v", err)
	}
	var words []word
	for _, m := range bboxWord.FindAllStringSubmatch(string(out), -1) {
		y0, _ := strconv.ParseFloat(m[1], 64)
		y1, _ := strconv.ParseFloat(m[2], 64)
		words = append(words, word{m[3], y1 - y0})
	}
	return words
}

// checkPrint fails on any printed word smaller than 7 pt.
func checkPrint(t *testing.T, browser, page, pdf string, least float64) {
	words := printWords(t, browser, page, pdf)
	if len(words) < 50 {
		t.Fatalf("the printed report has %d words", len(words))
	}
	var small []string
	for _, w := range words {
		if w.height < least {
			small = append(small, w.text+" ("+strconv.FormatFloat(w.height, 'f', 2, 64)+")")
		}
	}
	if len(small) > 0 {
		t.Errorf("in print %d words are under 7 pt (box under %.2f pt), first: %s", len(small), least, strings.Join(firstOf(small, 8), ", "))
	}
}
