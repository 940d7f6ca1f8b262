package cli

import (
	"bufio"
	"bytes"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/journey-maps/journey/pkg/gitrev/gitrevtest"
)

// Every journey command line in a shell block of README.md and docs/*.md
// is run for real, with bash, against the built binaries, in a workspace
// that has the files the documentation names, and does what its comment
// says: docCommands holds, for each line, its exit code and what to check.
// A documented line with no entry fails the test, so the documentation
// cannot drift from the tool.

// docRun is what one documented command did.
type docRun struct {
	dir            string // the workspace
	stdout, stderr string
	code           int
}

func (r docRun) file(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(r.dir, name))
	if err != nil {
		t.Errorf("%s was not written: %v", name, err)
	}
	return string(data)
}

// docCheck is what a documented command must do, after setup (if any)
// has prepared its copy of the workspace.
type docCheck struct {
	code  int
	check func(t *testing.T, r docRun)
	setup func(t *testing.T, ws string, git func(...string) string)
	// serve is set for a command that runs until stopped: it is checked
	// through the URL it prints, then stopped with Ctrl-C (SIGINT); the
	// page it served is r.stdout.
	serve bool
}

// has checks that standard output holds every string.
func has(want ...string) func(*testing.T, docRun) {
	return func(t *testing.T, r docRun) {
		t.Helper()
		for _, w := range want {
			if !strings.Contains(r.stdout, w) {
				t.Errorf("stdout lacks %q:\n%.2000s", w, r.stdout)
			}
		}
	}
}

// wrote checks that a file was written and holds every string.
func wrote(name string, want ...string) func(*testing.T, docRun) {
	return func(t *testing.T, r docRun) {
		t.Helper()
		got := r.file(t, name)
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s lacks %q:\n%.1000s", name, w, got)
			}
		}
	}
}

// stderrHas checks that standard error holds every string.
func stderrHas(want ...string) func(*testing.T, docRun) {
	return func(t *testing.T, r docRun) {
		t.Helper()
		for _, w := range want {
			if !strings.Contains(r.stderr, w) {
				t.Errorf("stderr lacks %q:\n%.2000s", w, r.stderr)
			}
		}
	}
}

func all(checks ...func(*testing.T, docRun)) func(*testing.T, docRun) {
	return func(t *testing.T, r docRun) {
		t.Helper()
		for _, c := range checks {
			c(t, r)
		}
	}
}

// docCommands is what each documented command line must do, keyed by the
// line as written, without its comment.
var docCommands = map[string]docCheck{
	// README.md
	"go run ./cmd/journey lint examples/":                                                                {check: stderrHas("no problems in")},
	"journey render checkout.journey.yaml":                                                               {check: has("Online checkout", "│ Product page")},
	"journey render checkout.journey.yaml --format svg -o checkout.svg":                                  {check: wrote("checkout.svg", `role="img"`, "Doing", "Thinking", "Feeling", "Pain points")},
	"journey render checkout.journey.yaml --view matrix --format markdown":                               {check: has("| Touchpoints", "| Doing", "|:---")},
	"journey render checkout.journey.yaml --view emotions --persona student --format png -o student.png": {check: wrote("student.png", "\x89PNG")},
	"journey render checkout.journey.yaml --format html -o checkout.html":                                {check: wrote("checkout.html", "<!DOCTYPE html>", "Online checkout", "Improvement backlog")},
	"{ echo '```mermaid'; journey render checkout.journey.yaml --format mermaid; echo '```'; } >> README.md": {
		check: wrote("README.md", "```mermaid\njourney\n", "section ", "\n```\n")},
	"journey score examples/":                                        {check: has("Experience", "Backlog", "Summary: 3 maps")},
	"journey score --persona busy-pro checkout.journey.yaml":         {check: has("View of persona busy-pro")},
	"journey score --fail-under 80 --format markdown=score.md maps/": {check: wrote("score.md", "## Summary", "gate health >= 80")},
	"journey validate checkout.journey.yaml":                         {check: stderrHas("no problems in 1 file")},
	"journey lint --today 2026-11-23 maps/":                          {check: stderrHas("no problems in 4 files")},
	"journey lint --fail-on warning --format sarif=lint.sarif --format junit=lint.xml maps/": {
		check: all(wrote("lint.sarif", `"version": "2.1.0"`), wrote("lint.xml", "<testsuites"))},
	"journey lint --new-from-rev origin/main maps/": {
		check: all(has(`"product-page" has no owning team`), stderrHas("1 warning in 5 files (1 finding also at origin/main not reported)")),
		setup: ownerlessSinceOrigin},
	"journey diff old.journey.yaml new.journey.yaml": {check: has("old.journey.yaml → new.journey.yaml", "emotion: 2 → 1")},
	"journey diff main":                      {check: has("maps/ecommerce/checkout.journey.yaml", `owner: "web-team" → (none)`), setup: ownerless},
	"journey diff origin/main HEAD -- maps/": {check: has("maps/ecommerce/checkout.journey.yaml", "emotion: 2 → 1")},
	"journey diff --format markdown --lint origin/main HEAD > comment.md": {check: wrote("comment.md", "## Journey diff", "**1 map changed**")},
	"journey diff --fail-on-regression origin/main":                       {code: 1, check: has("regression")},
	"journey fmt checkout.journey.yaml":                                   {check: has("kind: Journey\nversion: 1\n")},
	"journey fmt -w maps/":                                                {},
	"journey fmt --check .":                                               {},
	"journey fmt - < map.yaml":                                            {check: has("kind: Journey\nversion: 1\n")},
	"journey init":                                                        {check: all(has("online-shop.journey.yaml"), wrote("online-shop.journey.yaml", "kind: Journey"))},
	"journey init --template saas --dir maps/":                            {check: wrote("maps/saas-trial.journey.yaml", "kind: Journey")},
	"journey import mermaid day.mmd -o day.journey.yaml":                  {check: wrote("day.journey.yaml", "kind: Journey", "title: My working day")},
	"journey render day.journey.yaml --format mermaid | journey import mermaid -": {
		check: has("kind: Journey", "title: My working day"), setup: imported},
	"journey site maps/ -o site/": {check: all(wrote("site/index.html", "Online checkout", "B2B trial to advocate", "Emergency boiler repair"),
		wrote("site/maps/online-checkout.html", "Journey map", "<svg"), stderrHas("wrote 3 maps (3 drawn)"))},
	"journey serve maps/": {serve: true, check: has("<!DOCTYPE html>", "Online checkout")},
	// docs/ci.md
	"journey fmt --check maps/":                                         {},
	"journey lint --format text --format junit=journey-junit.xml maps/": {check: wrote("journey-junit.xml", "<testsuites")},
	"journey score --fail-under 70 maps/":                               {check: has("Health")},
	// docs/output.md
	"journey lint --format github --format sarif=journey.sarif --format junit=journey.xml maps/": {
		check: wrote("journey.sarif", `"version": "2.1.0"`)},
	// docs/scoring.md
	"journey score examples/ecommerce/checkout.journey.yaml": {check: has("Experience 3.")},
	"journey score --today 2026-12-01 --fail-under 80 maps/": {check: has("gate health >= 80: passed")},
	"journey score --format markdown=score.md --format json=score.json maps/": {
		check: all(wrote("score.md", "## Summary"), wrote("score.json", `"maps"`))},
}

// documentedCommands lists the journey command lines of the shell blocks
// of README.md and docs/*.md, without prompts and comments.
func documentedCommands(t *testing.T) map[string][]string {
	t.Helper()
	files, _ := filepath.Glob("../../docs/*.md")
	files = append([]string{"../../README.md"}, files...)
	fence := regexp.MustCompile("^(```+|~~~+)(sh|bash|shell|console)?\\s*$")
	out := map[string][]string{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var open string // the fence of the shell block we are in
		inBlock := false
		for _, line := range strings.Split(string(data), "\n") {
			if m := fence.FindStringSubmatch(line); m != nil {
				switch {
				case inBlock && strings.HasPrefix(line, open) && m[2] == "":
					inBlock = false
				case !inBlock && m[2] != "":
					inBlock, open = true, m[1]
				}
				continue
			}
			if !inBlock {
				continue
			}
			cmd := strings.TrimPrefix(strings.TrimSpace(line), "$ ")
			if k := strings.Index(cmd, "  #"); k >= 0 {
				cmd = strings.TrimSpace(cmd[:k])
			}
			if strings.HasPrefix(cmd, "journey ") || strings.HasPrefix(cmd, "go run ./cmd/journey") || strings.Contains(cmd, "; journey ") {
				out[cmd] = append(out[cmd], filepath.Base(f))
			}
		}
	}
	return out
}

func TestDocumentedCommands(t *testing.T) {
	bin := journeyBin(t)
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	base, git := docWorkspace(t)
	cmds := documentedCommands(t)
	if len(cmds) < 20 {
		t.Fatalf("found only %d documented commands", len(cmds))
	}
	repo, _ := filepath.Abs("../..")
	for _, cmd := range sortedCommands(cmds) {
		want, ok := docCommands[cmd]
		if !ok {
			t.Errorf("%s: %q has no entry in docCommands (doccmds_test.go): say what it must do", strings.Join(cmds[cmd], ", "), cmd)
			continue
		}
		ws := t.TempDir()
		copyTree(t, base, ws)
		if want.setup != nil {
			want.setup(t, ws, gitIn(t, ws, git))
		}
		c := exec.Command(bash, "-c", cmd)
		c.Dir = ws
		if strings.HasPrefix(cmd, "go run ") {
			c.Dir = repo
		}
		c.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"), "NO_COLOR=1", "COLUMNS=")
		var r docRun
		if want.serve {
			r = runServer(t, c)
		} else {
			r = runCommand(t, c)
		}
		r.dir = ws
		t.Run(cmd, func(t *testing.T) {
			if r.code != want.code {
				t.Errorf("exit %d, want %d\nstdout:\n%.2000s\nstderr:\n%.2000s", r.code, want.code, r.stdout, r.stderr)
			}
			if want.check != nil {
				want.check(t, r)
			}
		})
	}
	for cmd := range docCommands {
		if _, ok := cmds[cmd]; !ok {
			t.Errorf("docCommands has %q, which no document shows any more", cmd)
		}
	}
}

// runCommand runs a documented command to its end.
func runCommand(t *testing.T, c *exec.Cmd) docRun {
	t.Helper()
	var stdout, stderr bytes.Buffer
	c.Stdout, c.Stderr = &stdout, &stderr
	err := c.Run()
	r := docRun{stdout: stdout.String(), stderr: stderr.String()}
	if ee, ok := err.(*exec.ExitError); ok {
		r.code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("%v: %v", c.Args, err)
	}
	return r
}

// runServer starts a documented server on a free port, fetches the URL it
// prints, and stops it with SIGINT, as Ctrl-C would; r.stdout is the page.
func runServer(t *testing.T, c *exec.Cmd) docRun {
	t.Helper()
	// exec: the signal goes to the server, not to a shell around it.
	c.Args[len(c.Args)-1] = "exec " + c.Args[len(c.Args)-1] + " --addr 127.0.0.1:0"
	stderr, err := c.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	url := make(chan string, 1)
	var log strings.Builder
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			log.WriteString(sc.Text() + "\n")
			if _, u, ok := strings.Cut(sc.Text(), "serving the site at "); ok {
				url <- strings.Fields(u)[0]
			}
		}
		close(url)
	}()
	var r docRun
	select {
	case u, ok := <-url:
		if !ok {
			break
		}
		resp, err := http.Get(u)
		if err != nil {
			t.Errorf("GET %s: %v", u, err)
			break
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		r.stdout = string(body)
	case <-time.After(60 * time.Second):
		t.Errorf("the server printed no URL")
	}
	_ = c.Process.Signal(os.Interrupt)
	err = c.Wait()
	if ee, ok := err.(*exec.ExitError); ok {
		r.code = ee.ExitCode()
	}
	r.stderr = log.String()
	return r
}

// sortedCommands lists the commands in a stable order.
func sortedCommands(cmds map[string][]string) []string {
	out := make([]string, 0, len(cmds))
	for c := range cmds {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

// shopMap is the map the workspace's maps/ change.
const shopMap = "maps/ecommerce/checkout.journey.yaml"

// ownerless takes the owner off a touchpoint in the working tree.
func ownerless(t *testing.T, ws string, _ func(...string) string) {
	t.Helper()
	path := filepath.Join(ws, shopMap)
	data, _ := os.ReadFile(path)
	writeFile(t, path, strings.Replace(string(data), "        owner: web-team\n", "", 1))
}

// ownerlessSinceOrigin makes a finding that was already there at
// origin/main (a touchpoint of another map with no owner) and one that
// the working tree adds.
func ownerlessSinceOrigin(t *testing.T, ws string, git func(...string) string) {
	t.Helper()
	writeFile(t, filepath.Join(ws, "maps", "legacy.journey.yaml"), legacyMap)
	git("add", ".")
	git("commit", "-qm", "legacy")
	git("update-ref", "refs/remotes/origin/main", "HEAD")
	ownerless(t, ws, git)
}

const legacyMap = `kind: Journey
version: 1
title: Legacy
owner: web-team
last_reviewed: 2026-11-01
stages:
  - name: Purchase
    phase: purchase
    touchpoints:
      - name: Till
        channel: store
        emotion: 3
  - name: Loyalty
    phase: loyalty
    touchpoints:
      - name: Card
        channel: website
        owner: web-team
        emotion: 4
`

// imported writes the map the documented import makes.
func imported(t *testing.T, ws string, _ func(...string) string) {
	t.Helper()
	c := exec.Command(filepath.Join(journeyBin(t), "journey"), "import", "mermaid", "day.mmd", "-o", "day.journey.yaml")
	c.Dir = ws
	c.Env = os.Environ()
	if out, err := c.CombinedOutput(); err != nil {
		t.Fatalf("journey import: %v\n%s", err, out)
	}
}

// gitIn is git run in another copy of the workspace.
func gitIn(t *testing.T, dir string, _ func(...string) string) func(...string) string {
	return func(args ...string) string {
		t.Helper()
		c := exec.Command("git", args...)
		c.Dir = dir
		c.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
		out, err := c.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
}

// docWorkspace makes the folder each documented command runs a copy of: a
// git repository on main with the files the documentation names
// (checkout.journey.yaml, maps/, examples/, old and new versions of a map,
// a Mermaid diagram, a README), HEAD making a stage of maps/ worse than
// origin/main, one commit behind.
func docWorkspace(t *testing.T) (string, func(...string) string) {
	t.Helper()
	dir, git := gitrevtest.New(t)
	copyTree(t, "../../examples", filepath.Join(dir, "examples"))
	copyTree(t, "../../examples", filepath.Join(dir, "maps"))
	checkout, err := os.ReadFile("../../examples/ecommerce/checkout.journey.yaml")
	if err != nil {
		t.Fatal(err)
	}
	src := string(checkout)
	worse := strings.Replace(src, "emotion: 2\n", "emotion: 1\n", 1)
	files := map[string]string{
		"checkout.journey.yaml": src,
		"map.yaml":              src,
		"old.journey.yaml":      src,
		"new.journey.yaml":      worse,
		"README.md":             "# Shop\n",
		"day.mmd":               "journey\n    title My working day\n    section Go to work\n      Make tea: 5: Me\n      Go upstairs: 3: Me\n    section Go home\n      Go downstairs: 5: Me\n      Sit down: 5: Me\n",
	}
	for name, content := range files {
		writeFile(t, filepath.Join(dir, name), content)
	}
	git("add", ".")
	git("commit", "-qm", "maps")
	git("update-ref", "refs/remotes/origin/main", "HEAD")
	writeFile(t, filepath.Join(dir, shopMap), worse)
	git("commit", "-qam", "worse")
	return dir, git
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		writeFile(t, filepath.Join(to, rel), string(data))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
