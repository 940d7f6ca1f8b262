package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/journey-maps/journey/pkg/diag"
)

// annotation is a workflow command read back as the Actions runner reads
// it (ActionCommand.TryParseV2 and its unescaping).
type annotation struct {
	command string
	props   map[string]string
	message string
}

func unescapeRunner(s string, property bool) string {
	s = strings.ReplaceAll(s, "%0D", "\r")
	s = strings.ReplaceAll(s, "%0A", "\n")
	if property {
		s = strings.ReplaceAll(s, "%3A", ":")
		s = strings.ReplaceAll(s, "%2C", ",")
	}
	return strings.ReplaceAll(s, "%25", "%")
}

func parseCommand(t *testing.T, line string) annotation {
	t.Helper()
	rest, ok := strings.CutPrefix(line, "::")
	if !ok {
		t.Fatalf("not a command: %q", line)
	}
	head, msg, ok := strings.Cut(rest, "::")
	if !ok {
		t.Fatalf("no message separator: %q", line)
	}
	cmd, propText, _ := strings.Cut(head, " ")
	a := annotation{command: cmd, props: map[string]string{}, message: unescapeRunner(msg, false)}
	if propText != "" {
		for _, p := range strings.Split(propText, ",") {
			k, v, ok := strings.Cut(p, "=")
			if !ok {
				t.Fatalf("property without =: %q in %q", p, line)
			}
			a.props[k] = unescapeRunner(v, true)
		}
	}
	return a
}

func writeGitHub(t *testing.T, r *Result) []string {
	t.Helper()
	var b bytes.Buffer
	if err := GitHub(&b, r, Options{RepoRoot: fakeRoot}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.HasSuffix(out, "\n") {
		t.Fatalf("no final newline: %q", out)
	}
	return strings.Split(strings.TrimSuffix(out, "\n"), "\n")
}

func TestGitHubAnnotations(t *testing.T) {
	r := hostileResult()
	lines := writeGitHub(t, r)
	// An annotation a finding, then the group with the plain list (the
	// command prints the summary on stderr): nothing in a message may add
	// a line.
	if want := len(r.Diags) + 4 + len(r.Diags); len(lines) != want {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), want, strings.Join(lines, "\n"))
	}
	want := []struct {
		command string
		props   map[string]string
	}{
		{"error", map[string]string{"file": "maps/a b%#.journey.yaml", "line": "3", "col": "5", "title": "goal-measurable"}},
		{"warning", map[string]string{"file": "maps/a b%#.journey.yaml", "line": "9", "col": "1", "title": "touchpoint-has-owner"}},
		{"error", map[string]string{"file": "maps/a b%#.journey.yaml", "title": "yaml-syntax"}}, // file level
		{"notice", map[string]string{"file": "x:y,z.journey.yaml", "line": "12", "col": "7", "title": "channel-mix"}},
		{"error", map[string]string{"file": "/outside/o.journey.yaml", "line": "1", "col": "1", "title": "schema"}},
	}
	for i, w := range want {
		a := parseCommand(t, lines[i])
		if a.command != w.command || fmt.Sprint(a.props) != fmt.Sprint(w.props) {
			t.Errorf("line %d: %q\n got %s %v\nwant %s %v", i, lines[i], a.command, a.props, w.command, w.props)
		}
		wantMsg := r.Diags[i].Message
		if i == 0 { // control characters other than CR and LF are shown, not sent
			wantMsg = strings.NewReplacer("\x00", `\u0000`, "\x1b", `\u001b`, "\u2028", `\u2028`).Replace(wantMsg)
		}
		if a.message != wantMsg {
			t.Errorf("line %d: message read back as %q, want %q", i, a.message, wantMsg)
		}
	}
	if strings.Contains(strings.Join(lines, "\n"), "./") {
		t.Errorf("a path with ./:\n%s", strings.Join(lines, "\n"))
	}

	// The whole list in plain text, shielded from command processing.
	n := len(r.Diags)
	if !strings.HasPrefix(lines[n], "::group::journey lint: all 5 findings") {
		t.Errorf("group line %q", lines[n])
	}
	token, ok := strings.CutPrefix(lines[n+1], "::stop-commands::")
	if !ok || len(token) < 16 || lines[n+2+n] != "::"+token+"::" || lines[n+3+n] != "::endgroup::" {
		t.Errorf("stop-commands block:\n%s", strings.Join(lines[n:], "\n"))
	}
	plain := lines[n+2 : n+2+n]
	for i, w := range []string{
		"maps/a b%#.journey.yaml:3:5: error: quote",
		"maps/a b%#.journey.yaml:9:1: warning: touchpoint \"cart\" has no owner [touchpoint-has-owner]",
		"maps/a b%#.journey.yaml: error: not one mapping document [yaml-syntax]",
		"x:y,z.journey.yaml:12:7: info: all touchpoints are digital, 100% [channel-mix]",
		"/outside/o.journey.yaml:1:1: error: missing required key \"title\" [schema]",
	} {
		if !strings.HasPrefix(plain[i], w) {
			t.Errorf("plain line %d: %q, want prefix %q", i, plain[i], w)
		}
	}
	if strings.Contains(strings.Join(lines, "\n"), "3 errors, 1 warning") {
		t.Errorf("the summary is repeated in the annotations:\n%s", strings.Join(lines, "\n"))
	}
}

func TestGitHubEscaping(t *testing.T) {
	for _, tc := range []struct{ in, data, prop string }{
		{"plain", "plain", "plain"},
		{"100%", "100%25", "100%25"},
		{"a\r\nb", "a%0D%0Ab", "a%0D%0Ab"},
		{"k: v, w", "k: v, w", "k%3A v%2C w"},
		{"%0A", "%250A", "%250A"},
		{"::error::x", "::error::x", "%3A%3Aerror%3A%3Ax"},
		{"é 日本 😀", "é 日本 😀", "é 日本 😀"},
		{"\x1b[31m", `\u001b[31m`, `\u001b[31m`},
	} {
		if got := escapeData(tc.in); got != tc.data {
			t.Errorf("escapeData(%q) = %q, want %q", tc.in, got, tc.data)
		}
		if got := escapeProperty(tc.in); got != tc.prop {
			t.Errorf("escapeProperty(%q) = %q, want %q", tc.in, got, tc.prop)
		}
	}
}

func TestGitHubEmptyAndStdin(t *testing.T) {
	var b strings.Builder
	if err := GitHub(&b, &Result{Command: "validate", Files: []FileSummary{{Path: "a.yaml"}}}, Options{}); err != nil || b.Len() != 0 {
		t.Errorf("a clean run writes no command: %v %q", err, b.String())
	}
	lines := writeGitHub(t, &Result{Command: "validate", Diags: []diag.Diagnostic{
		{Pos: at("<stdin>", 4, 2), Severity: diag.Warning, Rule: "r", Message: "m"},
	}})
	if a := parseCommand(t, lines[0]); a.props["file"] != "" || a.props["line"] != "4" || a.command != "warning" {
		t.Errorf("stdin: %q", lines[0])
	}
}

// A file name that looks like a command stays data in the plain list.
func TestGitHubPlainListCannotInjectCommands(t *testing.T) {
	lines := writeGitHub(t, &Result{Diags: []diag.Diagnostic{
		{Pos: at("/repo/::add-mask::secret", 1, 1), Severity: diag.Error, Rule: "r", Message: "m\n::error::forged"},
	}})
	for i, l := range lines {
		if strings.HasPrefix(l, "::error::forged") {
			t.Errorf("line %d forged a command: %q", i, l)
		}
	}
	if !strings.HasPrefix(lines[1], "::group::") || !strings.HasPrefix(lines[2], "::stop-commands::") ||
		!strings.HasPrefix(lines[3], "::add-mask::secret:1:1: error: m\\u000a::error::forged") {
		t.Errorf("plain list:\n%s", strings.Join(lines, "\n"))
	}
}
