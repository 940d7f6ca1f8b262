package cli

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/journey-maps/journey/pkg/gitrev"
	"github.com/journey-maps/journey/pkg/report"
)

// The machine-readable formats of validate, driven through the command
// line on testdata/validate: the same findings in every format, paths
// relative to the repository root, all formats written in one run.

var formatCases = []string{"references.yaml", "unknown-key.yaml", "valid.yaml", "syntax-error.yaml"}

// inValidateDir runs the test in testdata/validate and returns how a path
// there is written relative to the repository root (the current
// directory when the checkout is not a git repository).
func inValidateDir(t *testing.T) (rel func(name string) string) {
	t.Helper()
	dir, err := filepath.Abs("../../testdata/validate")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	root := gitrev.Root(dir)
	if root != "" {
		root, _ = filepath.EvalSymlinks(root)
	}
	return func(name string) string {
		if root == "" {
			return name
		}
		real, _ := filepath.EvalSymlinks(filepath.Join(dir, name))
		r, _ := filepath.Rel(root, real)
		return filepath.ToSlash(r)
	}
}

// validateJSON is the json report of the same run, the reference the other
// formats are compared with.
func validateJSON(t *testing.T, args ...string) report.JSONReport {
	t.Helper()
	stdout, _, _ := runCLI(t, "", append([]string{"validate", "--format", "json"}, args...)...)
	var r report.JSONReport
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatalf("%v\n%s", err, stdout)
	}
	if len(r.Diagnostics) < 8 {
		t.Fatalf("only %d findings: the cases changed?", len(r.Diagnostics))
	}
	return r
}

func compileSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "report", "sarif-schema-2.1.0.json")) // from testdata/validate
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("sarif.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("sarif.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func checkValidateSARIF(t *testing.T, data []byte, want report.JSONReport, rel func(string) string) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(string(data)))
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if err := compileSARIFSchema(t).Validate(inst); err != nil {
		t.Fatalf("not valid SARIF 2.1.0: %v", err)
	}
	var log report.SARIFLog
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if len(run.Results) != len(want.Diagnostics) {
		t.Fatalf("%d results, want %d", len(run.Results), len(want.Diagnostics))
	}
	rules := map[string]bool{}
	for _, r := range run.Tool.Driver.Rules {
		rules[r.ID] = true
	}
	for _, id := range []string{"schema", "yaml-syntax", "reference", "unknown-key"} {
		if !rules[id] {
			t.Errorf("rule %s missing from tool.driver.rules", id)
		}
	}
	for i, res := range run.Results {
		d := want.Diagnostics[i]
		loc := res.Locations[0].PhysicalLocation
		line := max(d.Line, 1)
		if res.RuleID != d.Rule || res.Message.Text != d.Message || loc.ArtifactLocation.URI != rel(d.File) ||
			loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || loc.Region.StartLine != line {
			t.Errorf("result %d: %+v at %+v; want %+v", i, res, loc, d)
		}
	}
}

func TestValidateFormatSARIF(t *testing.T) {
	rel := inValidateDir(t)
	want := validateJSON(t, formatCases...)
	stdout, stderr, code := runCLI(t, "", append([]string{"validate", "--format", "sarif"}, formatCases...)...)
	if code != ExitUsage { // syntax-error.yaml cannot be parsed
		t.Errorf("exit %d, want %d; stderr:\n%s", code, ExitUsage, stderr)
	}
	checkValidateSARIF(t, []byte(stdout), want, rel)

	// A clean run is a valid log with no results.
	stdout, _, code = runCLI(t, "", "validate", "--format", "sarif", "valid.yaml")
	if code != ExitOK || !strings.Contains(stdout, `"results": []`) {
		t.Errorf("exit %d:\n%s", code, stdout)
	}
}

func TestValidateFormatGitHub(t *testing.T) {
	rel := inValidateDir(t)
	want := validateJSON(t, formatCases...)
	stdout, stderr, code := runCLI(t, "", append([]string{"validate", "--format", "github"}, formatCases...)...)
	if code != ExitUsage {
		t.Errorf("exit %d", code)
	}
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	n := len(want.Diagnostics)
	if len(lines) != 2*n+4 {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), 2*n+4, stdout)
	}
	for i, d := range want.Diagnostics {
		prefix := "::error file=" + rel(d.File)
		if d.Line > 0 {
			prefix += ",line=" + strconv.Itoa(d.Line) + ",col=" + strconv.Itoa(d.Col)
		}
		prefix += ",title=" + d.Rule + "::"
		if !strings.HasPrefix(lines[i], prefix) {
			t.Errorf("annotation %d: %q, want prefix %q", i, lines[i], prefix)
		}
		plain := rel(d.File)
		if d.Line > 0 {
			plain += ":" + strconv.Itoa(d.Line) + ":" + strconv.Itoa(d.Col)
		}
		if p := lines[n+2+i]; !strings.HasPrefix(p, plain+": error: ") || !strings.HasSuffix(p, "["+d.Rule+"]") {
			t.Errorf("plain line %d: %q", i, p)
		}
	}
	// The summary is printed once, on stderr, which the job log shows too.
	summary := strconv.Itoa(n) + " errors in 4 files"
	if strings.Count(stdout+stderr, summary) != 1 || !strings.Contains(stderr, summary) {
		t.Errorf("summary %q printed other than once on stderr:\nstdout:\n%s\nstderr:\n%s", summary, stdout, stderr)
	}
}

func TestValidateFormatJUnit(t *testing.T) {
	inValidateDir(t)
	want := validateJSON(t, formatCases...)
	stdout, _, code := runCLI(t, "", append([]string{"validate", "--format", "junit"}, formatCases...)...)
	if code != ExitUsage {
		t.Errorf("exit %d", code)
	}
	checkJUnit(t, []byte(stdout), want)
}

func checkJUnit(t *testing.T, data []byte, want report.JSONReport) {
	t.Helper()
	var got report.JUnitSuites
	if err := xml.Unmarshal(data, &got); err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	perFile := map[string]int{}
	for _, d := range want.Diagnostics {
		perFile[d.File]++
	}
	if got.Failures != len(want.Diagnostics) || len(got.Suites) != len(want.Files) {
		t.Fatalf("%d failures in %d suites, want %d in %d\n%s", got.Failures, len(got.Suites), len(want.Diagnostics), len(want.Files), data)
	}
	for i, s := range got.Suites {
		if s.Name != want.Files[i].Path || s.Failures != perFile[s.Name] || s.Tests != max(perFile[s.Name], 1) {
			t.Errorf("suite %s: %d tests, %d failures; want %d findings", s.Name, s.Tests, s.Failures, perFile[s.Name])
		}
	}
}

func TestValidateAllFormatsInOneRun(t *testing.T) {
	rel := inValidateDir(t)
	want := validateJSON(t, formatCases...)
	out := t.TempDir()
	sarif, junit := filepath.Join(out, "out.sarif"), filepath.Join(out, "out.xml")
	args := append([]string{"validate", "--format", "sarif=" + sarif, "--format", "junit=" + junit, "--format", "github"}, formatCases...)
	stdout, stderr, code := runCLI(t, "", args...)
	if code != ExitUsage {
		t.Errorf("exit %d; stderr:\n%s", code, stderr)
	}
	if !strings.HasPrefix(stdout, "::error file=") || strings.Contains(stdout, "<testsuites") || strings.Contains(stdout, `"runs"`) {
		t.Errorf("stdout should hold the github format only:\n%s", stdout)
	}
	data, err := os.ReadFile(sarif)
	if err != nil {
		t.Fatal(err)
	}
	checkValidateSARIF(t, data, want, rel)
	data, err = os.ReadFile(junit)
	if err != nil {
		t.Fatal(err)
	}
	checkJUnit(t, data, want)

	// With only files named, text goes to standard output as usual.
	stdout, _, _ = runCLI(t, "", "validate", "--format", "sarif="+sarif, "--format", "junit="+junit, "references.yaml")
	if !strings.HasPrefix(stdout, "references.yaml:6:5: error: ") {
		t.Errorf("want text on stdout:\n%s", stdout)
	}
}
