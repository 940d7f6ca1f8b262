package mermaid_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/journey-maps/journey/pkg/mermaid"
)

// The conformance tests read diagrams with the real Mermaid parser (npm
// mermaid under jsdom, pinned in testdata/mermaid/conformance) and compare
// what it reads with what journey reads and writes. `make mermaid-deps`
// installs it into a cache folder outside the repository; the tests
// install it themselves when it is missing, and skip, saying why, only
// where node or npm is missing or npm cannot reach its registry.

const conformanceDir = "../../testdata/mermaid/conformance"

var realMermaid struct {
	once    sync.Once
	modules string
	skip    string
	err     error
}

// mermaidModules installs (once per lockfile) and returns the node_modules
// folder of the pinned Mermaid.
func mermaidModules(t testing.TB) string {
	t.Helper()
	realMermaid.once.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
		defer cancel()
		var out, errOut bytes.Buffer
		cmd := exec.CommandContext(ctx, "sh", filepath.Join(conformanceDir, "install.sh"))
		cmd.Stdout, cmd.Stderr = &out, &errOut
		err := cmd.Run()
		var exit *exec.ExitError
		switch {
		case errors.As(err, &exit) && exit.ExitCode() == 3:
			realMermaid.skip = strings.TrimSpace(errOut.String())
		case err != nil:
			realMermaid.err = fmt.Errorf("installing Mermaid: %v\n%s", err, errOut.String())
		default:
			realMermaid.modules = filepath.Join(strings.TrimSpace(out.String()), "node_modules")
		}
	})
	if realMermaid.skip != "" {
		t.Skipf("the real Mermaid parser is not available (%s): conformance with Mermaid is not checked", realMermaid.skip)
	}
	if realMermaid.err != nil {
		t.Fatal(realMermaid.err)
	}
	return realMermaid.modules
}

// jsModel is what Mermaid reads in a diagram (model.mjs prints it), with
// every text as a reader sees it in the drawn SVG.
type jsModel struct {
	Error    string   `json:"error"`
	Title    string   `json:"title"`
	AccTitle string   `json:"accTitle"`
	AccDescr string   `json:"accDescr"`
	Sections []string `json:"sections"`
	Tasks    []struct {
		Section string          `json:"section"`
		Task    string          `json:"task"`
		Score   json.RawMessage `json:"score"`
		People  []string        `json:"people"`
	} `json:"tasks"`
}

// readWithMermaid runs Mermaid over every text in one node process.
func readWithMermaid(t testing.TB, texts []string) []jsModel {
	t.Helper()
	modules := mermaidModules(t)
	in, err := json.Marshal(texts)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "node", filepath.Join(conformanceDir, "model.mjs"), modules)
	cmd.Stdin = bytes.NewReader(in)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("node model.mjs: %v\n%s", err, errOut.String())
	}
	var models []jsModel
	if err := json.Unmarshal(out.Bytes(), &models); err != nil || len(models) != len(texts) {
		t.Fatalf("node model.mjs printed %d models for %d diagrams (%v)", len(models), len(texts), err)
	}
	return models
}

// view is a diagram reduced to what the conformance tests compare: the
// texts as shown, trimmed; tasks with their section's name, their score as
// JavaScript prints it and their actors in order.
type view struct {
	Title, AccTitle, AccDescr string
	Sections                  []string
	Tasks                     []viewTask
}

type viewTask struct {
	Section, Name, Score string
	Actors               []string
}

func (v view) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "title %q accTitle %q accDescr %q\nsections %q\n", v.Title, v.AccTitle, v.AccDescr, v.Sections)
	for _, t := range v.Tasks {
		fmt.Fprintf(&b, "  [%s] %q %s %q\n", t.Section, t.Name, t.Score, t.Actors)
	}
	return b.String()
}

// trim is JavaScript's String.prototype.trim.
func trim(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return strings.ContainsRune("\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff", r) || r >= 0x2000 && r <= 0x200a
	})
}

func viewOfModel(m jsModel) view {
	v := view{Title: trim(m.Title), AccTitle: trim(m.AccTitle), AccDescr: trim(m.AccDescr)}
	for _, s := range m.Sections {
		v.Sections = append(v.Sections, trim(s))
	}
	for _, t := range m.Tasks {
		score := string(t.Score)
		if s, err := jsonString(t.Score); err == nil {
			score = s
		}
		vt := viewTask{Section: trim(t.Section), Name: trim(t.Task), Score: score}
		for _, p := range t.People {
			vt.Actors = append(vt.Actors, trim(p))
		}
		v.Tasks = append(v.Tasks, vt)
	}
	return v
}

func jsonString(raw json.RawMessage) (string, error) {
	var s string
	err := json.Unmarshal(raw, &s)
	return s, err
}

func viewOfDiagram(d *mermaid.Diagram) view {
	v := view{Title: d.Title, AccTitle: d.AccTitle, AccDescr: d.AccDescr}
	for _, s := range d.Sections {
		if !s.Implicit {
			v.Sections = append(v.Sections, s.Name)
		}
		for _, t := range s.Tasks {
			v.Tasks = append(v.Tasks, viewTask{Section: s.Name, Name: t.Name, Score: jsScore(t.Score), Actors: t.Actors})
		}
	}
	return v
}

// jsScore prints a score as JSON.stringify does, and NaN and the
// infinities as String does (model.mjs).
func jsScore(f float64) string { return mermaid.FormatNumber(f) }
