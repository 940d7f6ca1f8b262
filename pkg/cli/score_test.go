package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/journey-maps/journey/pkg/score"
	"github.com/mattn/go-runewidth"
)

const scoreBasic = "../../testdata/score/basic.journey.yaml"

func scoreJSON(t *testing.T, args ...string) score.JSON {
	t.Helper()
	stdout, stderr, code := runCLI(t, "", append([]string{"score", "--format", "json", "--today", "2026-11-23"}, args...)...)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc score.JSON
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, stdout)
	}
	return doc
}

// TestScoreJSONHandWorked checks the figures of testdata/score/basic
// against values worked out by hand (docs/scoring.md walks through them).
func TestScoreJSONHandWorked(t *testing.T) {
	doc := scoreJSON(t, scoreBasic)
	if len(doc.Maps) != 1 {
		t.Fatalf("%d maps, want 1", len(doc.Maps))
	}
	m := doc.Maps[0]
	// product: pro 2 * 0.75 + student 4 * 0.25 = 2.5; browse (2.5+5)/2 =
	// 3.75; buy has its own 4; the map (3.75+4)/2 = 3.875.
	if m.Experience == nil || *m.Experience != 3.88 {
		t.Errorf("experience = %v, want 3.88", m.Experience)
	}
	if e := m.Stages[0].Touchpoints[0].Experience; e == nil || *e != 2.5 {
		t.Errorf("product = %v, want 2.5", e)
	}
	if !m.Stages[0].Lowest || !m.Stages[0].Derived || !m.Stages[1].Touchpoints[0].Lowest {
		t.Errorf("browse should be the lowest stage (derived) and checkout the lowest touchpoint: %+v", m.Stages)
	}
	// show-cost: (3*1 + 2*.75 + 1*.75 + 2*.75 + 1*.8 + 2*2/3 + 1*1)/12 = 82.4
	// add-bench: best factors but severity low (0) and reach 0.25 (student
	// only): (3 + 2 + 1 + 2 + 1 + 0 + .25)/12 = 77.1
	if len(m.Backlog) != 2 || m.Backlog[0].ID != "show-cost" || m.Backlog[0].Priority != 82.4 ||
		m.Backlog[1].ID != "add-bench" || m.Backlog[1].Priority != 77.1 {
		t.Errorf("backlog = %+v, want show-cost 82.4 then add-bench 77.1", m.Backlog)
	}
	if len(m.Closed) != 1 || m.Closed[0].ID != "old-sign" {
		t.Errorf("closed = %+v, want old-sign", m.Closed)
	}
	// 240 down to 95, target 60: 145/180 = 80.6%; due 2027-03-31 is 128
	// days after 2026-11-23.
	g := m.Goals[0]
	if g.Progress == nil || *g.Progress != 80.6 || g.Direction != "lower-is-better" || g.DueState != "on-track" || *g.DaysLeft != 128 {
		t.Errorf("goal = %+v, want 80.6%% lower-is-better, on track, 128 days left", g)
	}
	if doc.Summary.Maps != 1 || !doc.Summary.Passed || doc.Summary.FailUnder != nil {
		t.Errorf("summary = %+v", doc.Summary)
	}
}

func TestScorePersonaView(t *testing.T) {
	doc := scoreJSON(t, "--persona", "pro", scoreBasic)
	m := doc.Maps[0]
	// pro: product 2, showroom not served; browse 2, buy 4, map 3.
	if m.Experience == nil || *m.Experience != 3 {
		t.Errorf("pro's experience = %v, want 3", m.Experience)
	}
	if len(m.Backlog) != 1 || m.Backlog[0].ID != "show-cost" {
		t.Errorf("pro's backlog = %+v, want show-cost only", m.Backlog)
	}
	if doc.Persona != "pro" || m.PersonaFound == nil || !*m.PersonaFound {
		t.Errorf("persona not reported: %q %v", doc.Persona, m.PersonaFound)
	}
	_, stderr, code := runCLI(t, "", "score", "--persona", "nobody", scoreBasic)
	if code != ExitUsage || !strings.Contains(stderr, "nobody") {
		t.Errorf("unknown persona: exit %d, %q; want 2", code, stderr)
	}
}

func TestScoreWeightsChangeRanking(t *testing.T) {
	// With only reach counting, the bench (student only, reach 0.25) falls
	// to 25 and show-cost (every persona) rises to 100.
	dir := t.TempDir()
	cfg := filepath.Join(dir, "weights.yaml")
	body := "score:\n  weights: {impact: 0, ease: 0, resources: 0, roi: 0, confidence: 0, severity: 0, reach: 1}\n"
	if err := os.WriteFile(cfg, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := runCLI(t, "", "score", "--format", "json", "--config", cfg, scoreBasic)
	if code != ExitOK {
		t.Fatalf("--config %s: exit %d: %s", cfg, code, stderr)
	}
	var doc score.JSON
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Weights["impact"] != 0 || doc.Weights["reach"] != 1 {
		t.Fatalf("weights = %v, want those of --config (reach 1, the rest 0)", doc.Weights)
	}
	b := doc.Maps[0].Backlog
	if b[0].ID != "show-cost" || b[0].Priority != 100 || b[1].Priority != 25 {
		t.Errorf("reach-only backlog = %+v, want show-cost 100, add-bench 25", b)
	}
}

// TestScoreGate checks --fail-under: health below N exits 1, at N exits 0.
func TestScoreGate(t *testing.T) {
	health := scoreJSON(t, scoreBasic).Maps[0].Health
	for _, c := range []struct {
		n    int
		want int
	}{{0, ExitOK}, {health, ExitOK}, {health + 1, ExitFindings}} {
		if c.n > 100 {
			continue
		}
		_, stderr, code := runCLI(t, "", "score", "--today", "2026-11-23", "--fail-under", strconv.Itoa(c.n), scoreBasic)
		if code != c.want {
			t.Errorf("health %d, --fail-under %d: exit %d, want %d (%s)", health, c.n, code, c.want, stderr)
		}
		if c.want == ExitFindings && !strings.Contains(stderr, "below --fail-under") {
			t.Errorf("failed gate not explained on stderr: %q", stderr)
		}
	}

	for _, args := range [][]string{
		{"score", "--fail-under", "101", scoreBasic},
		{"score", "--fail-under", "-1", scoreBasic},
		{"score", "--today", "23/11/2026", scoreBasic},
		{"score", "--format", "sarif", scoreBasic},
		{"score", "missing.journey.yaml"},
	} {
		if _, _, code := runCLI(t, "", args...); code != ExitUsage {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

// TestScoreRefusesMapsWithFormatErrors: a map that breaks its format is
// not scored (its figures would be impossible: a stage at 7.00, a backlog
// row of severity hihg); its findings are printed as validate prints
// them and the exit code is 1, or 2 when the YAML does not parse. The
// other maps of the run are still scored.
func TestScoreRefusesMapsWithFormatErrors(t *testing.T) {
	dir := t.TempDir()
	src, _ := os.ReadFile(scoreBasic)
	broken := strings.Replace(string(src), "personas: [student]", "personas: [ghost]", 1)
	broken = strings.Replace(broken, "emotion: 2", "emotion: 7", 1)
	broken = strings.Replace(broken, "severity: high", "severity: hihg", 1)
	if broken == string(src) {
		t.Fatal("the test map did not change")
	}
	writeFiles(t, dir, map[string]string{
		"bad.journey.yaml":    broken,
		"good.journey.yaml":   string(src),
		"syntax.journey.yaml": "kind: Journey\nstages: [\n",
	})
	bad, good, syntax := filepath.Join(dir, "bad.journey.yaml"), filepath.Join(dir, "good.journey.yaml"), filepath.Join(dir, "syntax.journey.yaml")
	for _, format := range []string{"text", "json", "markdown"} {
		stdout, stderr, code := runCLI(t, "", "score", "--format", format, bad)
		if code != ExitFindings || strings.TrimSpace(stdout) != "" {
			t.Errorf("%s: exit %d, want 1, with no figures; stdout:\n%s", format, code, stdout)
		}
		for _, want := range []string{"bad.journey.yaml:", "[reference]", "[schema]", "hihg", "fix the errors above first"} {
			if !strings.Contains(stderr, want) {
				t.Errorf("%s: stderr lacks %q:\n%s", format, want, stderr)
			}
		}
	}
	stdout, stderr, code := runCLI(t, "", "score", "--format", "json", bad, good)
	var doc score.JSON
	if code != ExitFindings || json.Unmarshal([]byte(stdout), &doc) != nil || len(doc.Maps) != 1 || !strings.Contains(stderr, "[reference]") {
		t.Errorf("a good map beside a bad one: exit %d, %d maps scored\n%s", code, len(doc.Maps), stderr)
	}
	if _, stderr, code := runCLI(t, "", "score", syntax); code != ExitUsage || !strings.Contains(stderr, "[yaml-syntax]") {
		t.Errorf("a map that does not parse: exit %d, want 2\n%s", code, stderr)
	}
}

func TestScoreSeveralMapsAndFiles(t *testing.T) {
	dir := t.TempDir()
	md := filepath.Join(dir, "score.md")
	stdout, _, code := runCLI(t, "", "score", "--today", "2026-11-23", "--format", "markdown="+md,
		scoreBasic, "../../testdata/score/hostile.journey.yaml")
	if code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"basic: Basic shop", "hostile: Pipes", "Summary: 2 maps"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("text output lacks %q", want)
		}
	}
	b, err := os.ReadFile(md)
	if err != nil {
		t.Fatal(err)
	}
	got := string(b)
	if !strings.Contains(got, "## Summary: 2 maps") || !strings.Contains(got, "## basic: Basic shop") {
		t.Errorf("markdown file lacks a section per map and a summary:\n%s", got)
	}
	// Map text cannot break a table row or inject HTML into a comment.
	if strings.Contains(got, "<script>") || strings.Contains(got, "<img") || !strings.Contains(got, `Pipes \| and &lt;script&gt;`) {
		t.Errorf("markdown not escaped:\n%s", got)
	}
	// Every row of a table has as many cell borders as its header.
	cols := -1
	for _, line := range strings.Split(got, "\n") {
		if !strings.HasPrefix(line, "|") {
			cols = -1
			continue
		}
		n := strings.Count(line, "|") - strings.Count(line, `\|`)
		if cols == -1 {
			cols = n
		} else if n != cols {
			t.Errorf("row with %d borders under a header with %d: %s", n, cols, line)
		}
	}
	if strings.Contains(stdout, "\x1b") {
		t.Error("a control character from the map reached the terminal")
	}
}

func TestExplainScoring(t *testing.T) {
	text, _, code := runCLI(t, "", "explain", "scoring")
	if code != ExitOK {
		t.Fatalf("explain scoring: exit %d", code)
	}
	for _, want := range []string{"priority = 100 * sum(weight_f * factor_f) / sum(weight_f)", "impact      3", "80.6%", "health = 100 - 10 per error"} {
		if !strings.Contains(text, want) {
			t.Errorf("explain scoring lacks %q", want)
		}
	}
}

// TestScoreGolden compares the three formats of testdata/score/x.yaml
// with x.txt, x.md and x.json.
func TestScoreGolden(t *testing.T) {
	dir, _ := filepath.Abs("../../testdata/score")
	t.Chdir(dir)
	cases, _ := filepath.Glob("*.journey.yaml")
	if len(cases) < 2 {
		t.Fatalf("found only %d cases in %s", len(cases), dir)
	}
	for _, c := range cases {
		base := strings.TrimSuffix(c, ".journey.yaml")
		for _, f := range []struct{ format, ext string }{{"text", "txt"}, {"markdown", "md"}, {"json", "json"}} {
			t.Run(base+"/"+f.format, func(t *testing.T) {
				stdout, stderr, code := runCLI(t, "", "score", "--today", "2026-11-23", "--format", f.format, c)
				golden(t, fmt.Sprintf("%s.%s", base, f.ext), fmt.Sprintf("%s--- stderr\n%s--- exit %d\n", stdout, stderr, code))
			})
		}
	}
}

// TestTablesFitTheTerminal: with COLUMNS=80 (or --width 80) every line of
// score and of render's tables fits 80 columns and no word is cut; in a
// pipe without COLUMNS nothing wraps.
func TestTablesFitTheTerminal(t *testing.T) {
	run := func(env map[string]string, args ...string) string {
		var out, errb bytes.Buffer
		code := Run(args, Env{Stdout: &out, Stderr: &errb,
			Getenv:     func(k string) string { return env[k] },
			IsTerminal: func(io.Writer) bool { return false },
			Now:        func() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) }})
		if code != ExitOK {
			t.Fatalf("%v: exit %d\n%s", args, code, errb.String())
		}
		return out.String()
	}
	m := "../../examples/ecommerce/checkout.journey.yaml"
	cols := map[string]string{"COLUMNS": "80"}
	for _, args := range [][]string{
		{"score", m}, {"score", "../../examples"},
		{"render", m, "--view", "backlog"}, {"render", m, "--view", "matrix"}, {"render", m},
	} {
		for _, out := range []string{run(cols, args...), run(nil, append(args, "--width", "80")...)} {
			for _, l := range strings.Split(out, "\n") {
				if w := runewidth.StringWidth(l); w > 80 {
					t.Errorf("%v: a line of %d columns:\n%s", args, w, l)
				}
			}
			// A cut word makes a token the unwrapped output does not have.
			whole := tokens(run(nil, args...))
			for tok := range tokens(out) {
				if !whole[tok] {
					t.Errorf("%v: %q is a piece of a cut word:\n%s", args, tok, out)
				}
			}
		}
	}
	if out := run(nil, "score", m); !strings.Contains(out, "Offer guest checkout with optional account after payment") {
		t.Errorf("a pipe without COLUMNS wraps:\n%s", out)
	}
}

// tokens is the set of the words of a text, split at anything that is
// not a letter or a digit.
func tokens(s string) map[string]bool {
	set := map[string]bool{}
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		set[f] = true
	}
	return set
}
