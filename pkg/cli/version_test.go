package cli

import (
	"bytes"
	"encoding/json"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

func TestBuildInfoFrom(t *testing.T) {
	info := &debug.BuildInfo{
		GoVersion: "go1.99.1",
		Main:      debug.Module{Path: "github.com/journey-maps/journey", Version: "v1.4.0"},
		Settings: []debug.BuildSetting{
			{Key: "vcs", Value: "git"},
			{Key: "vcs.revision", Value: "0123456789abcdef"},
			{Key: "vcs.time", Value: "2026-11-01T10:00:00Z"},
			{Key: "vcs.modified", Value: "true"},
		},
	}
	b := buildInfoFrom("", info)
	want := buildInfo{Version: "v1.4.0", Commit: "0123456789abcdef", Date: "2026-11-01T10:00:00Z", Go: "go1.99.1", Modified: true}
	if b != want {
		t.Errorf("got %+v, want %+v", b, want)
	}
	var out bytes.Buffer
	if err := writeVersion(&out, b, "text"); err != nil {
		t.Fatal(err)
	}
	wantText := "journey v1.4.0\ncommit:  0123456789abcdef (modified)\nbuilt:   2026-11-01T10:00:00Z\ngo:      go1.99.1 " + runtime.GOOS + "/" + runtime.GOARCH + "\n"
	if out.String() != wantText {
		t.Errorf("text:\n%s\nwant:\n%s", out.String(), wantText)
	}

	// -ldflags -X wins over the module version; (devel) is no version
	if b := buildInfoFrom("v2.0.0", info); b.Version != "v2.0.0" {
		t.Errorf("ldflags version: %s", b.Version)
	}
	info.Main.Version = "(devel)"
	info.Settings = nil
	if b := buildInfoFrom("", info); b.Version != "dev" || b.Commit != "" || b.Modified {
		t.Errorf("devel build: %+v", b)
	}
	if b := buildInfoFrom("", nil); b.Version != "dev" || b.Go != runtime.Version() {
		t.Errorf("no build info: %+v", b)
	}
}

func TestVersionCommand(t *testing.T) {
	out, _, code := runCLI(t, "", "version")
	if code != 0 || !strings.HasPrefix(out, "journey ") || !strings.Contains(out, "go:      go") {
		t.Errorf("exit %d: %q", code, out)
	}
	out, _, code = runCLI(t, "", "version", "--format", "json")
	var v struct{ Version, Go string }
	if err := json.Unmarshal([]byte(out), &v); code != 0 || err != nil || v.Go == "" || v.Version == "" {
		t.Errorf("json: exit %d %v %q", code, err, out)
	}
	if out, _, code := runCLI(t, "", "--version"); code != 0 || !strings.HasPrefix(out, "journey ") {
		t.Errorf("--version: exit %d %q", code, out)
	}
	if _, _, code := runCLI(t, "", "version", "--format", "xml"); code != ExitUsage {
		t.Errorf("--format xml: exit %d", code)
	}
	if _, _, code := runCLI(t, "", "version", "extra"); code != ExitUsage {
		t.Errorf("extra argument: exit %d", code)
	}
}
