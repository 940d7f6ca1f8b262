package config_test

import (
	"encoding/json"
	"errors"
	"maps"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/journey-maps/journey/pkg/config"
	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/schemas"
)

// testSchema is a few rules shaped like lint's (the command line passes
// the real ones), the score weights and a check that refuses all zeros.
var testSchema = config.Schema{
	Rules: []config.RuleSpec{
		{ID: "channel-mix", Severity: diag.Info},
		{ID: "evidence-stale", Severity: diag.Info, Options: []config.OptionSpec{{Name: "days", Default: 365, Min: 1}}},
		{ID: "goal-measurable", Severity: diag.Error},
		{ID: "pain-point-has-evidence", Severity: diag.Warning},
		{ID: "review-overdue", Severity: diag.Warning, Options: []config.OptionSpec{{Name: "days", Default: 90, Min: 1}}},
		{ID: "touchpoint-has-owner", Severity: diag.Warning},
	},
	Weights: []string{"impact", "ease", "resources", "roi", "confidence", "severity", "reach"},
	CheckWeights: func(w map[string]float64) error {
		for _, v := range w {
			if v > 0 {
				return nil
			}
		}
		return errors.New("score weights: at least one weight must be above 0")
	},
}

// spec returns the spec of a rule of testSchema, or an unknown rule's.
func spec(id string) config.RuleSpec {
	for _, r := range testSchema.Rules {
		if r.ID == id {
			return r
		}
	}
	return config.RuleSpec{ID: id}
}

func parse(t *testing.T, src string) (*config.Config, error) {
	t.Helper()
	return config.Parse(filepath.Join(t.TempDir(), ".journeylint.yaml"), []byte(src), testSchema)
}

func TestDefault(t *testing.T) {
	c := config.Default()
	for id, want := range map[string]diag.Severity{"goal-measurable": diag.Error, "touchpoint-has-owner": diag.Warning, "channel-mix": diag.Info} {
		if got := c.Rule(spec(id), "m.journey.yaml").Severity; got != want {
			t.Errorf("%s: %v, want %v", id, got, want)
		}
	}
	if got := c.Rule(spec("evidence-stale"), "x").Int("days"); got != 365 {
		t.Errorf("evidence-stale days %d", got)
	}
	if got := c.Rule(spec("review-overdue"), "x").Int("days"); got != 90 {
		t.Errorf("review-overdue days %d", got)
	}
	if c.Rule(spec("no-such-rule"), "x").On() {
		t.Error("unknown rule on")
	}
}

func TestLevelsOptionsExtendsAndOverrides(t *testing.T) {
	c, err := parse(t, `extends: strict
rules:
  touchpoint-has-owner: off
  evidence-stale: {days: 30}
  review-overdue: {severity: error, days: 120}
overrides:
  - files: ["legacy/**"]
    rules:
      pain-point-has-evidence: off
      review-overdue: {days: 7}
  - files: "*.draft.journey.yaml"
    rules:
      goal-measurable: info
score:
  weights: {impact: 5, reach: 0}
`)
	if err != nil {
		t.Fatal(err)
	}
	dir := c.Dir
	at := func(p string) string { return filepath.Join(dir, p) }
	cases := []struct {
		rule, file string
		sev        diag.Severity
		days       int
	}{
		{"touchpoint-has-owner", at("m.journey.yaml"), 0, 0},
		{"channel-mix", at("m.journey.yaml"), diag.Warning, 0},     // strict lifts info
		{"evidence-stale", at("m.journey.yaml"), diag.Warning, 30}, // strict, option kept
		{"review-overdue", at("m.journey.yaml"), diag.Error, 120},
		{"review-overdue", at("legacy/a/b/m.journey.yaml"), diag.Error, 7},
		{"pain-point-has-evidence", at("legacy/m.journey.yaml"), 0, 0},
		{"pain-point-has-evidence", at("legacyx/m.journey.yaml"), diag.Warning, 0},
		{"goal-measurable", at("deep/dir/x.draft.journey.yaml"), diag.Info, 0},
		{"goal-measurable", "<stdin>", diag.Error, 0},
	}
	// Twice: the answers for files no override matches are kept after the
	// first time, and must not leak into files an override matches.
	for pass := range 2 {
		for _, tc := range cases {
			e := c.Rule(spec(tc.rule), tc.file)
			if e.Severity != tc.sev || (tc.days != 0 && e.Int("days") != tc.days) {
				t.Errorf("pass %d, %s for %s: %v days %d, want %v days %d", pass+1, tc.rule, tc.file, e.Severity, e.Int("days"), tc.sev, tc.days)
			}
		}
	}
	if c.Weights["impact"] != 5 || c.Weights["reach"] != 0 {
		t.Errorf("weights %v", c.Weights)
	}
}

func TestErrorsArePositionedWithSuggestions(t *testing.T) {
	cases := map[string]string{
		"rulez: {}\n":                               `1:1: error: unknown key "rulez": did you mean "rules"?`,
		"extends: strcit\n":                         `1:10: error: extends "strcit": want recommended or strict`,
		"rules:\n  goal-measureable: off\n":         `2:3: error: unknown rule "goal-measureable": did you mean "goal-measurable"?`,
		"rules:\n  goal-measurable: loud\n":         `2:20: error: rule goal-measurable: "loud" is not a level`,
		"rules:\n  review-overdue: {dais: 3}\n":     `2:20: error: unknown option of review-overdue "dais": did you mean "days"?`,
		"rules:\n  review-overdue: {days: -3}\n":    `2:26: error: rule review-overdue: days "-3": want a whole number of at least 1`,
		"rules:\n  review-overdue: {days: 1.5}\n":   `want a whole number`,
		"rules:\n  goal-measurable: {days: 3}\n":    `rule goal-measurable has no option "days"`,
		"overrides:\n  - rules: {}\n":               `2:5: error: an override needs files`,
		"overrides:\n  - files: \"[\"\n":            `files "[": not a valid glob`,
		"overrides:\n  - files: a\n    rulez: {}\n": `unknown key of an override "rulez": did you mean "rules"?`,
		"score:\n  weights: {impakt: 1}\n":          `2:13: error: unknown score weight "impakt": did you mean "impact"?`,
		"score:\n  weights: {impact: 0, ease: 0, resources: 0, roi: 0, confidence: 0, severity: 0, reach: 0}\n": `at least one weight`,
		"score:\n  weights: {impact: .inf}\n":  `2:21: error: score weight impact ".inf": want a number of 0 or more`,
		"score:\n  weights: {impact: -1}\n":    `score weight impact "-1": want a number of 0 or more`,
		"score:\n  weights: {impact: \"2\"}\n": `score weight impact "2": want a number of 0 or more`,
		"rules: [a]\n":                         `rules must be a mapping`,
		"- a\n":                                `the configuration must be a mapping`,
		"rules:\n  goal-measurable: off\n  goal-measurable: error\n": `duplicate`,
		"a: [\n": `error:`,
	}
	for src, want := range cases {
		_, err := parse(t, src)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want %q", src, err, want)
		}
	}
}

func TestEmptyConfigIsDefault(t *testing.T) {
	for _, src := range []string{"", "# nothing\n", "extends: recommended\n"} {
		c, err := parse(t, src)
		if err != nil || c.Rule(spec("goal-measurable"), "x").Severity != diag.Error {
			t.Errorf("%q: %v", src, err)
		}
	}
}

func TestFindUpward(t *testing.T) {
	dir := t.TempDir()
	deep := filepath.Join(dir, "a", "b")
	os.MkdirAll(deep, 0o755)
	if p, err := config.Find(deep); err != nil || p != "" {
		// A .journeylint.yaml above the temp dir would be found; none is expected.
		t.Skipf("found %q (%v) above the temporary directory", p, err)
	}
	os.WriteFile(filepath.Join(dir, config.FileName), []byte("rules: {channel-mix: off}\n"), 0o644)
	p, err := config.Find(deep)
	if err != nil || p != filepath.Join(dir, config.FileName) {
		t.Fatalf("Find: %q %v", p, err)
	}
	c, err := config.Discover("", deep, testSchema)
	if err != nil || c.Rule(spec("channel-mix"), "x").On() {
		t.Fatalf("Discover: %v", err)
	}
}

func TestGlob(t *testing.T) {
	cases := []struct {
		glob, path string
		want       bool
	}{
		{"legacy/**", "legacy/a.journey.yaml", true},
		{"legacy/**", "legacy/x/y/a.journey.yaml", true},
		{"legacy/**", "other/legacy/a.journey.yaml", false},
		{"**/legacy/**", "other/legacy/a.journey.yaml", true},
		{"**/*.journey.yaml", "a.journey.yaml", true},
		{"**/*.journey.yaml", "a/b/c.journey.yaml", true},
		{"maps/*.yaml", "maps/a/b.yaml", false},
		{"./maps/*.yaml", "maps/b.yaml", true},
		{"a/**/b", "a/b", true},
		{"a/**/b", "a/x/y/b", true},
	}
	for _, c := range cases {
		if got := config.Match(c.glob, c.path); got != c.want {
			t.Errorf("Match(%q, %q) = %v", c.glob, c.path, got)
		}
	}
}

// yamlToJSON turns a YAML document into JSON-like values for the schema.
func yamlToJSON(t *testing.T, path string) any {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	out, err := jsonschema.UnmarshalJSON(strings.NewReader(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSchema: the published schema accepts the configurations the loader
// accepts, rejects an unknown key, and names every rule.
func TestSchema(t *testing.T) {
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(string(schemas.Journeylint)))
	if err != nil {
		t.Fatal(err)
	}
	comp := jsonschema.NewCompiler()
	if err := comp.AddResource("journeylint.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := comp.Compile("journeylint.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	dir := "../../testdata/config"
	for _, name := range []string{"full.journeylint.yaml", "recommended.journeylint.yaml"} {
		if err := sch.Validate(yamlToJSON(t, filepath.Join(dir, name))); err != nil {
			t.Errorf("%s: schema rejects it: %v", name, err)
		}
		if _, err := config.Load(filepath.Join(dir, name), testSchema); err != nil {
			t.Errorf("%s: loader rejects it: %v", name, err)
		}
	}
	bad := filepath.Join(dir, "unknown-key.journeylint.yaml")
	if err := sch.Validate(yamlToJSON(t, bad)); err == nil {
		t.Error("schema accepts an unknown key")
	}
	if _, err := config.Load(bad, testSchema); err == nil {
		t.Error("loader accepts an unknown key")
	}
}

func FuzzConfig(f *testing.F) {
	seeds, _ := filepath.Glob("../../testdata/config/*.yaml")
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := config.Parse("fuzz.yaml", data, testSchema)
		if err != nil {
			if c != nil {
				t.Fatal("config and error")
			}
			return
		}
		for _, r := range testSchema.Rules {
			c.Rule(r, "legacy/a/m.journey.yaml")
		}
	})
}

// TestSharedSettingsAreEachFilesOwn: the settings For shares between the
// files the same overrides match are, for every file, those worked out
// from the definition: `rules`, then each override one of whose globs
// matches the path (or, without a slash, its base name), in order.
func TestSharedSettingsAreEachFilesOwn(t *testing.T) {
	c, err := parse(t, `rules:
  review-overdue: {days: 60}
overrides:
  - files: ["legacy/**", "*.draft.journey.yaml"]
    rules: {channel-mix: off, review-overdue: {days: 7}}
  - files: "**/team-a/**"
    rules: {channel-mix: error, touchpoint-has-owner: info}
  - files: ["legacy/team-a/*.journey.yaml"]
    rules: {review-overdue: {severity: error, days: 14}}
  - files: "x.journey.yaml"
    rules: {goal-measurable: off}
`)
	if err != nil {
		t.Fatal(err)
	}
	want := func(r config.RuleSpec, rel string) config.Effective {
		level := r.Severity
		opts := map[string]int{}
		for _, o := range r.Options {
			opts[o.Name] = o.Default
		}
		apply := func(rc config.RuleConfig) {
			if rc.Level != config.LevelUnset {
				level = rc.Level.Severity()
			}
			for k, v := range rc.Options {
				opts[k] = v
			}
		}
		if rc, ok := c.Rules[r.ID]; ok {
			apply(rc)
		}
		for _, o := range c.Overrides {
			hit := false
			for _, g := range o.Files {
				hit = hit || config.Match(g, rel) || (!strings.Contains(g, "/") && config.Match(g, path.Base(rel)))
			}
			if rc, ok := o.Rules[r.ID]; ok && hit {
				apply(rc)
			}
		}
		return config.Effective{Severity: level, Options: opts}
	}
	var files []string
	for _, dir := range []string{"", "legacy", "legacy/team-a", "team-a", "maps/team-a/old", "maps/team-b", "legacyx/team-a"} {
		for _, name := range []string{"m.journey.yaml", "x.journey.yaml", "y.draft.journey.yaml"} {
			files = append(files, path.Join(dir, name))
		}
	}
	for pass := range 2 { // the second answers from what the first worked out
		for _, rel := range files {
			fc := c.For(filepath.Join(c.Dir, filepath.FromSlash(rel)))
			for _, r := range testSchema.Rules {
				got, w := fc.Rule(r), want(r, rel)
				if got.Severity != w.Severity || !maps.Equal(got.Options, w.Options) {
					t.Errorf("pass %d, %s for %s: %v %v, want %v %v", pass+1, r.ID, rel, got.Severity, got.Options, w.Severity, w.Options)
				}
			}
		}
	}
}
