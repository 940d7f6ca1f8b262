package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestActionSiteSteps runs the action's site step with bash, as the
// runner would, against a built journey: it writes the site where the
// upload step takes it from, and the publishing steps run only after it.
func TestActionSiteSteps(t *testing.T) {
	if testing.Short() {
		t.Skip("builds journey")
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	a, _ := readAction(t)
	steps := map[string]actionStep{}
	for _, s := range a.Runs.Steps {
		steps[s.Uses+"|"+s.ID] = s
	}
	site, ok := steps["|site"]
	if !ok {
		t.Fatal("no step with id site")
	}
	if !strings.Contains(site.If, "inputs.publish-site == 'true'") || !strings.Contains(site.If, "pull_request") {
		t.Errorf("the site step runs when %q", site.If)
	}
	for _, uses := range []string{"actions/upload-pages-artifact@v3|", "actions/deploy-pages@v4|deploy-site"} {
		if s, ok := steps[uses]; !ok || s.If != "steps.site.outcome == 'success'" {
			t.Errorf("%s: missing, or runs when %q", uses, s.If)
		}
	}
	if a.Inputs["publish-site"].Default != "false" {
		t.Error("publish-site is on by default")
	}
	bin := t.TempDir()
	build := exec.Command("go", "build", "-o", filepath.Join(bin, "journey"), "github.com/journey-maps/journey/cmd/journey")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	work := t.TempDir()
	if out, _, code := runCLI(t, "", "init", "--dir", filepath.Join(work, "maps")); code != 0 {
		t.Fatal(out)
	}
	cmd := exec.Command(bash, "-e", "-c", site.Run)
	cmd.Dir = work
	cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
		"JOURNEY_PATHS=maps/", "JOURNEY_CONFIG=", "JOURNEY_SITE_DIR="+a.Inputs["site-dir"].Default)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the site step failed: %v\n%s", err, out)
	}
	page, err := os.ReadFile(filepath.Join(work, a.Inputs["site-dir"].Default, "index.html"))
	if err != nil || !strings.Contains(string(page), "as of ") {
		t.Errorf("no dated index.html in %s: %v\n%s", a.Inputs["site-dir"].Default, err, out)
	}
}
