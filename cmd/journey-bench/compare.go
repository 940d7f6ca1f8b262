//go:build bench

package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"time"
)

// compareMain runs whole processes side by side on the same generated
// maps and prints a markdown table: journey lint against the parse floor
// (and yamllint where installed), memory at two corpus sizes, start-up,
// and pictures of a 300-touchpoint map: the canvas, and the flow against
// Graphviz's own dot.
func compareMain(args []string) error {
	fs := flag.NewFlagSet("compare", flag.ExitOnError)
	journey := fs.String("journey", "bin/journey", "the journey binary to measure")
	n := fs.Int("n", 2000, "maps in the large corpus")
	small := fs.Int("small", 100, "maps in the small corpus (memory must not grow with the count)")
	runs := fs.Int("runs", 3, "runs of each command; the fastest is reported")
	pairs := fs.Int("pairs", 15, "interleaved floor and lint runs the lint / floor ratio is the median of")
	today := fs.String("today", "2026-11-23", "--today for lint, so findings do not depend on the day")
	siteMaps := fs.Int("site-maps", 500, "maps journey site is timed on, against journey lint on the same maps")
	_ = fs.Parse(args)

	self, err := os.Executable()
	if err != nil {
		return err
	}
	bin, err := filepath.Abs(*journey)
	if err != nil {
		return err
	}
	if _, err := os.Stat(bin); err != nil {
		return fmt.Errorf("compare: %w (build it first: make build)", err)
	}
	tmp, err := os.MkdirTemp("", "journey-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	c := comparison{self: self, bin: bin, tmp: tmp, n: *n, small: *small, siteMaps: *siteMaps, today: *today, m: &measurer{runs: *runs}}
	if err := c.writeCorpora(); err != nil {
		return err
	}
	c.measure()
	c.site = siteRuns(c.m, bin, tmp, *today, *small, *siteMaps, *pairs)
	// The headline ratio: on a shared machine the speed drifts between
	// the floor's runs and lint's, so they are timed in pairs, one right
	// after the other (in alternating order), and the median of the
	// pairs' ratios is reported.
	floorArgs := []string{self, "floor", c.bigDir()}
	lintArgs := []string{bin, "lint", "--today", *today, c.bigDir()}
	ratios, pairErr := pairedRatios(*pairs, lintArgs, floorArgs)
	c.printTable()
	c.printSummary(ratios, pairErr)
	return nil
}

// comparison is one run of compare: the binaries, the corpora and what
// was measured.
type comparison struct {
	self, bin, tmp, today string
	n, small, siteMaps    int
	m                     *measurer

	floor, lint, lintSmall, flow, dot *result
	site                              *siteResults
}

func (c *comparison) bigDir() string    { return filepath.Join(c.tmp, "maps") }
func (c *comparison) smallDir() string  { return filepath.Join(c.tmp, "small") }
func (c *comparison) largeFile() string { return filepath.Join(c.tmp, "large", "large.journey.yaml") }

// writeCorpora writes the large and small corpora and the 300-touchpoint
// map.
func (c *comparison) writeCorpora() error {
	for _, k := range []struct {
		dir      string
		n, large int
	}{{c.bigDir(), c.n, 0}, {c.smallDir(), c.small, 0}, {filepath.Dir(c.largeFile()), 0, 300}, {filepath.Join(c.tmp, "site-maps"), c.siteMaps, 0}} {
		if err := writeCorpus(k.dir, k.n, k.large, 1); err != nil {
			return err
		}
	}
	return nil
}

// measure runs every command of the table.
func (c *comparison) measure() {
	m, bin, today := c.m, c.bin, c.today
	one := filepath.Join(c.bigDir(), "team-000", "map-00000.journey.yaml")
	dotFile := filepath.Join(c.tmp, "large.dot")
	c.floor = m.run("parse floor (read + yaml.Node, all cores)", c.n, c.self, "floor", c.bigDir())
	c.lint = m.run("journey lint", c.n, bin, "lint", "--today", today, c.bigDir())
	m.run("journey validate", c.n, bin, "validate", c.bigDir())
	if path, err := exec.LookPath("yamllint"); err == nil {
		m.run("yamllint (default rules)", c.n, path, "-f", "parsable", c.bigDir())
	}
	c.lintSmall = m.run("journey lint", c.small, bin, "lint", "--today", today, c.smallDir())
	m.run("journey version", 0, bin, "version")
	m.run("journey lint, one map", 1, bin, "lint", "--today", today, one)
	m.run("journey render --format svg (the canvas), 300 touchpoints", 1, bin, "render", "--format", "svg", "-o", filepath.Join(c.tmp, "canvas.svg"), c.largeFile())
	m.run("journey render --view journey --format dot, 300 touchpoints", 1, bin, "render", "--view", "journey", "--format", "dot", "-o", dotFile, c.largeFile())
	c.flow = m.run("journey render --view journey --format svg, 300 touchpoints", 1, bin, "render", "--view", "journey", "--format", "svg", "-o", filepath.Join(c.tmp, "flow.svg"), c.largeFile())
	if path, err := exec.LookPath("dot"); err == nil {
		c.dot = m.run("Graphviz dot -Tsvg on that DOT", 1, path, "-Tsvg", "-o", filepath.Join(c.tmp, "native.svg"), dotFile)
	}
}

func (c *comparison) printTable() {
	fmt.Printf("Machine: %s, %d cores, %s/%s, %s. Best of %d runs; CPU is user+system time; memory is peak resident set.\n\n",
		cpuModel(), runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, runtime.Version(), c.m.runs)
	fmt.Println("| command | maps | wall | CPU | peak memory | vs floor |")
	fmt.Println("|---|---:|---:|---:|---:|---:|")
	for _, r := range c.m.results {
		ratio := ""
		if r.err == nil && c.floor.err == nil && r.files == c.floor.files && r != c.floor {
			ratio = fmt.Sprintf("%.2fx", r.wall.Seconds()/c.floor.wall.Seconds())
		}
		if r.err != nil {
			fmt.Printf("| %s | %d | failed: %s | | | |\n", r.name, r.files, oneLine(r.err.Error()))
			continue
		}
		fmt.Printf("| %s | %d | %s | %s | %.1f MB | %s |\n", r.name, r.files, round(r.wall), round(r.cpu), float64(r.rss)/1024, ratio)
	}
	fmt.Println()
}

func (c *comparison) printSummary(ratios []float64, pairErr error) {
	if pairErr == nil && len(ratios) > 0 {
		fmt.Printf("- lint / floor, wall time on %d maps: %.2fx, the median of %d interleaved pairs (%.2fx to %.2fx; target 1.2x)\n",
			c.n, ratios[len(ratios)/2], len(ratios), ratios[0], ratios[len(ratios)-1])
	} else if pairErr != nil {
		fmt.Printf("- lint / floor pairs failed: %s\n", oneLine(pairErr.Error()))
	}
	if c.lint.err == nil && c.lintSmall.err == nil {
		fmt.Printf("- lint peak memory, %d maps / %d maps: %.2fx (flat is 1x)\n", c.n, c.small, float64(c.lint.rss)/float64(c.lintSmall.rss))
	}
	c.site.print()
	if c.flow.err == nil && c.dot != nil && c.dot.err == nil {
		fmt.Printf("- journey render --view journey --format svg / native dot, 300 touchpoints, whole processes: %.2fx (the 1.5x target is for the layout in-process: BenchmarkRenderLarge/journey-svg)\n", c.flow.wall.Seconds()/c.dot.wall.Seconds())
	}
}

type result struct {
	name  string
	files int
	wall  time.Duration
	cpu   time.Duration
	rss   int64 // KiB
	err   error
}

type measurer struct {
	runs    int
	results []*result
}

// run times a command; exit 1 (findings) counts as success.
func (m *measurer) run(name string, files int, bin string, args ...string) *result {
	r := &result{name: name, files: files}
	m.results = append(m.results, r)
	for i := 0; i < m.runs; i++ {
		wall, state, err := execOnce(append([]string{bin}, args...))
		if err != nil {
			r.err = err
			return r
		}
		cpu := state.UserTime() + state.SystemTime()
		var rss int64
		if u, ok := state.SysUsage().(*syscall.Rusage); ok {
			rss = int64(u.Maxrss)
		}
		if i == 0 || wall < r.wall {
			r.wall, r.cpu = wall, cpu
		}
		r.rss = max(r.rss, rss)
		if wall > 20*time.Second {
			break // one run of a slow peer says enough
		}
	}
	return r
}

// pairedRatios runs a and b one right after the other n times, b first
// every other time, and returns the ratios of a's wall time to b's, sorted.
func pairedRatios(n int, a, b []string) ([]float64, error) {
	var out []float64
	for i := 0; i < n; i++ {
		first, second := a, b
		if i%2 == 1 {
			first, second = b, a
		}
		t1, _, err := execOnce(first)
		if err != nil {
			return nil, err
		}
		t2, _, err := execOnce(second)
		if err != nil {
			return nil, err
		}
		if i%2 == 1 {
			t1, t2 = t2, t1
		}
		out = append(out, t1.Seconds()/t2.Seconds())
	}
	sort.Float64s(out)
	return out, nil
}

// execOnce runs a command line once and returns its wall time and how it
// ended; exit 1 (findings) counts as success.
func execOnce(argv []string) (time.Duration, *os.ProcessState, error) {
	var stderr bytes.Buffer
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdout = io.Discard
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	var exit *exec.ExitError
	if errors.As(err, &exit) && exit.ExitCode() == 1 {
		err = nil
	}
	if err != nil {
		return 0, nil, fmt.Errorf("%v: %s", err, stderr.String())
	}
	return wall, cmd.ProcessState, nil
}

func round(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf("%d ms", d.Milliseconds())
	}
	return fmt.Sprintf("%.2f s", d.Seconds())
}

func oneLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return strings.ReplaceAll(s, "|", "/")
}

func cpuModel() string {
	data, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "unknown CPU"
	}
	for _, line := range strings.Split(string(data), "\n") {
		if name, ok := strings.CutPrefix(line, "model name"); ok {
			return strings.TrimSpace(strings.TrimLeft(name, " \t:"))
		}
	}
	return "unknown CPU"
}

// siteResults are journey site's runs: on the small corpus and on its
// own, against journey lint on the same maps.
type siteResults struct {
	n            int
	small, large *result
	lint         *result
	ratios       []float64
	pairErr      error
}

// siteRuns times journey site (written over the same folder each run,
// as a rebuild would) against journey lint on the same maps, in
// interleaved pairs as the headline lint ratio is.
func siteRuns(m *measurer, bin, tmp, today string, small, n, pairs int) *siteResults {
	dir := filepath.Join(tmp, "site-maps")
	out := filepath.Join(tmp, "site-out")
	r := &siteResults{n: n}
	r.small = m.run("journey site", small, bin, "site", "--today", today, filepath.Join(tmp, "small"), "-o", filepath.Join(tmp, "site-small"))
	r.lint = m.run("journey lint", n, bin, "lint", "--today", today, dir)
	r.large = m.run("journey site", n, bin, "site", "--today", today, dir, "-o", out)
	siteArgs := []string{bin, "site", "--today", today, dir, "-o", out}
	lintArgs := []string{bin, "lint", "--today", today, dir}
	r.ratios, r.pairErr = pairedRatios(pairs, siteArgs, lintArgs)
	return r
}

func (r *siteResults) print() {
	if r.pairErr == nil && len(r.ratios) > 0 {
		fmt.Printf("- site / lint, wall time on %d maps: %.2fx, the median of %d interleaved pairs (%.2fx to %.2fx; target 3x)\n",
			r.n, r.ratios[len(r.ratios)/2], len(r.ratios), r.ratios[0], r.ratios[len(r.ratios)-1])
	} else if r.pairErr != nil {
		fmt.Printf("- site / lint pairs failed: %s\n", oneLine(r.pairErr.Error()))
	}
	if r.small.err == nil && r.large.err == nil && r.lint.err == nil {
		fmt.Printf("- site peak memory, %d maps / %d maps: %.2fx (%.1f MB against %.1f MB; lint on %d maps: %.1f MB)\n",
			r.n, r.small.files, float64(r.large.rss)/float64(r.small.rss), float64(r.large.rss)/1024, float64(r.small.rss)/1024, r.n, float64(r.lint.rss)/1024)
	}
}
