package report

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/gitrev"
)

var (
	sarifSchemaOnce sync.Once
	sarifSchema     *jsonschema.Schema
	sarifSchemaErr  error
)

// officialSARIFSchema compiles the OASIS SARIF 2.1.0 schema in
// testdata/report (see its README), checking formats (uri, uri-reference).
func officialSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	sarifSchemaOnce.Do(func() {
		f, err := os.Open("../../testdata/report/sarif-schema-2.1.0.json")
		if err != nil {
			sarifSchemaErr = err
			return
		}
		defer f.Close()
		doc, err := jsonschema.UnmarshalJSON(f)
		if err != nil {
			sarifSchemaErr = err
			return
		}
		c := jsonschema.NewCompiler()
		c.AssertFormat()
		if err := c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
			sarifSchemaErr = err
			return
		}
		sarifSchema, sarifSchemaErr = c.Compile("sarif-schema-2.1.0.json")
	})
	if sarifSchemaErr != nil {
		t.Fatal(sarifSchemaErr)
	}
	return sarifSchema
}

// checkSARIF validates a log against the official schema and the fields
// GitHub code scanning requires, and returns it decoded.
func checkSARIF(t *testing.T, out []byte) SARIFLog {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if err := officialSARIFSchema(t).Validate(inst); err != nil {
		t.Fatalf("not valid SARIF 2.1.0: %v\n%s", err, out)
	}
	var raw map[string]any
	if err := json.Unmarshal(out, &raw); err != nil {
		t.Fatal(err)
	}
	runs, _ := raw["runs"].([]any)
	if raw["$schema"] == nil || raw["version"] != "2.1.0" || len(runs) != 1 {
		t.Fatalf("want $schema, version 2.1.0 and one run:\n%s", out)
	}
	if res, ok := runs[0].(map[string]any)["results"].([]any); !ok || res == nil {
		t.Fatalf("results must be an array, even when empty:\n%s", out)
	}
	var log SARIFLog
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	drv := run.Tool.Driver
	if drv.Name != "journey" || drv.InformationURI != InformationURI || run.ColumnKind != "unicodeCodePoints" {
		t.Errorf("driver %+v, columnKind %q", drv, run.ColumnKind)
	}
	levels := map[string]bool{"none": true, "note": true, "warning": true, "error": true}
	ids := map[string]bool{}
	for _, r := range drv.Rules {
		if r.ID == "" || r.Name == "" || r.ShortDescription.Text == "" || r.FullDescription.Text == "" ||
			r.Help.Text == "" || !strings.HasPrefix(r.HelpURI, "https://") || !levels[r.DefaultConfiguration.Level] {
			t.Errorf("rule lacks a field GitHub needs: %+v", r)
		}
		if ids[r.ID] {
			t.Errorf("rule %s listed twice", r.ID)
		}
		ids[r.ID] = true
	}
	for _, res := range run.Results {
		if res.RuleIndex < 0 || res.RuleIndex >= len(drv.Rules) || drv.Rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %s: ruleIndex %d does not point at its rule", res.RuleID, res.RuleIndex)
		}
		if !levels[res.Level] || res.Message.Text == "" || len(res.Locations) != 1 || len(res.PartialFingerprints) == 0 {
			t.Errorf("result lacks a field GitHub needs: %+v", res)
		}
		for _, loc := range res.Locations {
			u := loc.PhysicalLocation.ArtifactLocation.URI
			if u == "" || strings.HasPrefix(u, "./") || strings.Contains(u, `\`) || loc.PhysicalLocation.Region.StartLine < 1 {
				t.Errorf("location %+v", loc)
			}
		}
	}
	return log
}

func writeSARIF(t *testing.T, r *Result, o Options) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := SARIF(&b, r, o); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestSARIF(t *testing.T) {
	for _, tc := range []struct {
		name    string
		result  *Result
		results int
		rules   []string // ids, in order
	}{
		{"empty", &Result{Command: "validate"}, 0, []string{}},
		{"empty with rules", &Result{Command: "validate", Rules: hostileResult().Rules}, 0,
			[]string{"goal-measurable", "touchpoint-has-owner", "channel-mix"}},
		{"hostile", hostileResult(), 5,
			[]string{"goal-measurable", "touchpoint-has-owner", "channel-mix", diag.RuleSyntax, diag.RuleSchema}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			log := checkSARIF(t, writeSARIF(t, tc.result, Options{Version: "v1.2.3", RepoRoot: fakeRoot}))
			run := log.Runs[0]
			if run.Tool.Driver.Version != "v1.2.3" {
				t.Errorf("version %q", run.Tool.Driver.Version)
			}
			var ids []string
			for _, r := range run.Tool.Driver.Rules {
				ids = append(ids, r.ID)
			}
			if strings.Join(ids, " ") != strings.Join(tc.rules, " ") || len(run.Results) != tc.results {
				t.Errorf("rules %v, %d results; want %v, %d", ids, len(run.Results), tc.rules, tc.results)
			}
		})
	}
}

func TestSARIFHostileResults(t *testing.T) {
	r := hostileResult()
	log := checkSARIF(t, writeSARIF(t, r, Options{RepoRoot: fakeRoot}))
	run := log.Runs[0]
	type want struct {
		uri, base, level string
		line, col        int
	}
	for i, w := range []want{
		{"maps/a%20b%25%23.journey.yaml", "%SRCROOT%", "error", 3, 5},
		{"maps/a%20b%25%23.journey.yaml", "%SRCROOT%", "warning", 9, 1},
		{"maps/a%20b%25%23.journey.yaml", "%SRCROOT%", "error", 1, 0}, // file level: line 1
		{"x%3Ay%2Cz.journey.yaml", "%SRCROOT%", "note", 12, 7},
		{"file:///outside/o.journey.yaml", "", "error", 1, 1},
	} {
		res := run.Results[i]
		loc := res.Locations[0].PhysicalLocation
		got := want{loc.ArtifactLocation.URI, loc.ArtifactLocation.URIBaseID, res.Level, loc.Region.StartLine, loc.Region.StartColumn}
		if got != w {
			t.Errorf("result %d: got %+v, want %+v", i, got, w)
		}
		if res.Message.Text != r.Diags[i].Message {
			t.Errorf("result %d: message %q, want %q", i, res.Message.Text, r.Diags[i].Message)
		}
	}
	// Rules from Result.Rules keep their text; the others get a generic one.
	rules := run.Tool.Driver.Rules
	if rules[0].Help.Text != "Give the goal a metric." || rules[0].DefaultConfiguration.Level != "error" ||
		rules[0].HelpURI != InformationURI+"/blob/main/docs/rules.md#goal-measurable" {
		t.Errorf("rule 0: %+v", rules[0])
	}
	if rules[1].HelpURI != "https://example.com/owner" || rules[2].DefaultConfiguration.Level != "note" {
		t.Errorf("rules 1, 2: %+v %+v", rules[1], rules[2])
	}
	if rules[3].ID != diag.RuleSyntax || rules[3].HelpURI != InformationURI+"/blob/main/docs/format.md" || rules[3].Name != "YamlSyntax" {
		t.Errorf("rule synthesised for a validate finding: %+v", rules[3])
	}
}

func TestSARIFFingerprintsFollowItemsNotLines(t *testing.T) {
	fp := func(r *Result) []string {
		log := checkSARIF(t, writeSARIF(t, r, Options{RepoRoot: fakeRoot}))
		var out []string
		for _, res := range log.Runs[0].Results {
			out = append(out, res.PartialFingerprints[SARIFFingerprint])
		}
		return out
	}
	before := fp(hostileResult())
	moved := hostileResult()
	for i := range moved.Diags {
		moved.Diags[i].Line += 10
		moved.Diags[i].Col++
	}
	after := fp(moved)
	if strings.Join(before, " ") != strings.Join(after, " ") {
		t.Errorf("fingerprints changed when lines moved:\n%v\n%v", before, after)
	}
	seen := map[string]bool{}
	for _, f := range before {
		if seen[f] {
			t.Errorf("fingerprint %s given twice", f)
		}
		seen[f] = true
	}
	// Two findings of one rule on one item stay apart.
	twice := &Result{Diags: []diag.Diagnostic{
		{Pos: at("/repo/a.yaml", 1, 1), Severity: diag.Error, Rule: "schema", Message: "x", Item: "stage:s"},
		{Pos: at("/repo/a.yaml", 2, 1), Severity: diag.Error, Rule: "schema", Message: "y", Item: "stage:s"},
	}}
	if got := fp(twice); got[0] == got[1] {
		t.Errorf("same fingerprint for two findings: %v", got)
	}
}

func TestSARIFRepoRoot(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	dir := t.TempDir()
	if out, err := exec.Command("git", "init", "-q", dir).CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	file := filepath.Join(dir, "maps", "deep", "m.journey.yaml")
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(file, []byte("kind: Journey\n"), 0o644)
	t.Chdir(filepath.Join(dir, "maps")) // a relative path, from below the root
	r := &Result{Diags: []diag.Diagnostic{{Pos: at("./deep/m.journey.yaml", 2, 3), Severity: diag.Error, Rule: "schema", Message: "m"}}}
	log := checkSARIF(t, writeSARIF(t, r, Options{RepoRoot: gitrev.Root(".")}))
	if u := log.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI; u != "maps/deep/m.journey.yaml" {
		t.Errorf("uri %q, want maps/deep/m.journey.yaml", u)
	}

	// Outside git: relative to the current directory.
	plain := t.TempDir()
	os.MkdirAll(filepath.Join(plain, "sub"), 0o755)
	t.Chdir(plain)
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(plain))
	r.Diags[0].File = filepath.Join("sub", "n.journey.yaml")
	log = checkSARIF(t, writeSARIF(t, r, Options{RepoRoot: gitrev.Root(".")}))
	if u := log.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI; u != "sub/n.journey.yaml" {
		t.Errorf("uri %q, want sub/n.journey.yaml", u)
	}
}

func TestSARIFStdin(t *testing.T) {
	r := &Result{Diags: []diag.Diagnostic{{Pos: at("<stdin>", 2, 3), Severity: diag.Warning, Rule: "r", Message: "m"}}}
	log := checkSARIF(t, writeSARIF(t, r, Options{RepoRoot: fakeRoot}))
	if u := log.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI; u != "%3Cstdin%3E" {
		t.Errorf("uri %q", u)
	}
}

// The schema check is real: it rejects what GitHub would reject.
func TestOfficialSARIFSchemaRejects(t *testing.T) {
	good := string(writeSARIF(t, hostileResult(), Options{RepoRoot: fakeRoot}))
	for name, bad := range map[string]string{
		"level":      strings.Replace(good, `"level": "warning"`, `"level": "fatal"`, 1),
		"startLine":  strings.Replace(good, `"startLine": 3`, `"startLine": 0`, 1),
		"columnKind": strings.Replace(good, `"unicodeCodePoints"`, `"codePoints"`, 1),
		"ruleIndex":  strings.Replace(good, `"ruleIndex": 0`, `"ruleIndex": -2`, 1),
		"extra key":  strings.Replace(good, `"ruleId"`, `"rule_id": "x", "ruleId"`, 1),
	} {
		if bad == good {
			t.Fatalf("%s: the replacement did not apply", name)
		}
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		if err != nil {
			t.Fatal(err)
		}
		if officialSARIFSchema(t).Validate(inst) == nil {
			t.Errorf("%s: the schema accepted an invalid log", name)
		}
	}
}
