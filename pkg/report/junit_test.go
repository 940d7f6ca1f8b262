package report

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/journey-maps/journey/pkg/diag"
)

// readJUnit checks that the output is well-formed XML 1.0 (every token,
// strictly) and decodes it.
func readJUnit(t *testing.T, r *Result) (JUnitSuites, string) {
	t.Helper()
	var b bytes.Buffer
	if err := JUnit(&b, r, Options{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.HasPrefix(out, `<?xml version="1.0" encoding="UTF-8"?>`) {
		t.Errorf("no XML declaration:\n%s", out)
	}
	dec := xml.NewDecoder(strings.NewReader(out))
	for {
		_, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, out)
		}
	}
	var got JUnitSuites
	if err := xml.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return got, out
}

func TestJUnit(t *testing.T) {
	type suite struct {
		name            string
		tests, failures int
	}
	for _, tc := range []struct {
		name            string
		result          *Result
		tests, failures int
		suites          []suite
	}{
		{"empty", &Result{Command: "validate"}, 0, 0, nil},
		{"clean files", &Result{Command: "validate", Files: []FileSummary{{Path: "a.yaml"}, {Path: "b.yaml"}}}, 2, 0,
			[]suite{{"a.yaml", 1, 0}, {"b.yaml", 1, 0}}},
		{"hostile", hostileResult(), 6, 5, []suite{
			{filepath.FromSlash("/repo/maps/a b%#.journey.yaml"), 3, 3},
			{filepath.FromSlash("/repo/x:y,z.journey.yaml"), 1, 1},
			{filepath.FromSlash("/repo/clean.journey.yaml"), 1, 0},
			{filepath.FromSlash("/outside/o.journey.yaml"), 1, 1},
		}},
		{"finding in a file not in Files", &Result{Diags: []diag.Diagnostic{
			{Pos: at("gone.yaml", 0, 0), Severity: diag.Error, Rule: diag.RuleFile, Message: "cannot read"},
		}}, 1, 1, []suite{{"gone.yaml", 1, 1}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, out := readJUnit(t, tc.result)
			if got.Tests != tc.tests || got.Failures != tc.failures || got.Errors != 0 || len(got.Suites) != len(tc.suites) {
				t.Fatalf("tests %d failures %d suites %d; want %d %d %d\n%s",
					got.Tests, got.Failures, len(got.Suites), tc.tests, tc.failures, len(tc.suites), out)
			}
			for i, w := range tc.suites {
				s := got.Suites[i]
				if s.Name != w.name || s.Tests != w.tests || s.Failures != w.failures || len(s.Cases) != w.tests {
					t.Errorf("suite %d: %s %d/%d, want %+v", i, s.Name, s.Tests, s.Failures, w)
				}
				failing := 0
				for _, c := range s.Cases {
					if c.Classname != s.Name {
						t.Errorf("case %q classname %q, want the path", c.Name, c.Classname)
					}
					if c.Failure != nil {
						failing++
					}
				}
				if failing != w.failures {
					t.Errorf("suite %s: %d failing cases, want %d", s.Name, failing, w.failures)
				}
			}
		})
	}
}

func TestJUnitHostileText(t *testing.T) {
	r := hostileResult()
	got, out := readJUnit(t, r)
	cases := got.Suites[0].Cases
	c := cases[0]
	// What XML 1.0 cannot carry is gone; the rest, CR and LF included
	// (written as character references), reads back exactly.
	stripped := strings.NewReplacer("\x00", "", "\x1b", "", "\uFFFE", "").Replace(hostile)
	if c.Name != "goal-measurable 3:5" || c.Failure.Type != "goal-measurable" {
		t.Errorf("case %+v", c)
	}
	if c.Failure.Message != stripped {
		t.Errorf("failure message %q\nwant %q", c.Failure.Message, stripped)
	}
	wantBody := "error: " + filepath.FromSlash("/repo/maps/a b%#.journey.yaml") + ":3:5: " + stripped + " [goal-measurable]\nitem: goal:g1"
	if c.Failure.Body != wantBody {
		t.Errorf("failure body %q\nwant %q", c.Failure.Body, wantBody)
	}
	if cases[2].Name != "yaml-syntax" || !strings.HasPrefix(cases[2].Failure.Body, "error: "+filepath.FromSlash("/repo/maps/a b%#.journey.yaml")+": ") {
		t.Errorf("file-level case %+v %+v", cases[2], cases[2].Failure)
	}
	if f := got.Suites[1].Cases[0].Failure; !strings.HasPrefix(f.Body, "info: ") {
		t.Errorf("info finding body %q", f.Body)
	}
	if pass := got.Suites[2].Cases[0]; pass.Failure != nil || pass.Name != "no problems" {
		t.Errorf("clean file case %+v", pass)
	}
	for _, bad := range []string{"\x00", "\x1b", "\uFFFE", "<tag>", "& amp"} {
		if strings.Contains(out, bad) {
			t.Errorf("output holds %q raw", bad)
		}
	}
}

func TestXMLText(t *testing.T) {
	for in, want := range map[string]string{
		"ok é 日本 😀\t\n\r":  "ok é 日本 😀\t\n\r",
		"a\x00b\x01c\x1fd": "abcd",
		"\uFFFE\uFFFFx":    "x",
		"bad \xff utf8":    "bad \uFFFD utf8",
	} {
		if got := xmlText(in); got != want {
			t.Errorf("xmlText(%q) = %q, want %q", in, got, want)
		}
	}
}
