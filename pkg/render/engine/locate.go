package engine

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// HelperName is the helper's executable name (without .exe).
const HelperName = "journey-graphviz"

// EnvVar names the helper explicitly.
const EnvVar = "JOURNEY_GRAPHVIZ"

// InstallLine is how the helper is installed beside journey.
const InstallLine = "go install github.com/journey-maps/journey/cmd/...@latest"

// Engine lays out DOT as SVG.
type Engine interface {
	SVG(ctx context.Context, dot []byte) ([]byte, error)
}

// Lookup is what Locate consults; nil fields mean the real process's.
type Lookup struct {
	Getenv     func(string) string
	Executable func() (string, error)
	LookPath   func(string) (string, error)
}

// ErrNotFound is returned (wrapped in a *NotFoundError) when no engine
// can be found.
var ErrNotFound = errors.New("no diagram engine found")

// NotFoundError says where the helper was looked for and how to get it.
type NotFoundError struct {
	Looked []string // the places tried, in order
}

func (e *NotFoundError) Error() string {
	return fmt.Sprintf("drawing a diagram needs the %s helper or Graphviz's dot, and neither was found (looked in: %s). "+
		"Install the helper beside journey with `%s` (or set %s to its path), or install Graphviz (Debian: apt-get install graphviz)",
		HelperName, strings.Join(e.Looked, "; "), InstallLine, EnvVar)
}

func (e *NotFoundError) Unwrap() error { return ErrNotFound }

// Locate finds the engine, in order: $JOURNEY_GRAPHVIZ (which must
// exist: a wrong path is an error, not a reason to look elsewhere), the
// helper beside the running executable, the helper on PATH, Graphviz's
// dot on PATH. Nothing is started.
func Locate(l Lookup) (Engine, error) {
	if l.Getenv == nil {
		l.Getenv = os.Getenv
	}
	if l.Executable == nil {
		l.Executable = os.Executable
	}
	if l.LookPath == nil {
		l.LookPath = exec.LookPath
	}
	exe := HelperName
	if runtime.GOOS == "windows" {
		exe += ".exe"
	}
	if p := l.Getenv(EnvVar); p != "" {
		if !isExecutable(p) {
			return nil, fmt.Errorf("%s=%s: no executable there; point it at the %s helper (installed by `%s`) or unset it", EnvVar, p, HelperName, InstallLine)
		}
		if b := strings.TrimSuffix(filepath.Base(p), ".exe"); b == "dot" {
			return Dot{Path: p}, nil
		}
		return &Helper{Path: p}, nil
	}
	var looked []string
	if self, err := l.Executable(); err == nil {
		p := filepath.Join(filepath.Dir(self), exe)
		if isExecutable(p) {
			return &Helper{Path: p}, nil
		}
		looked = append(looked, p)
	}
	if p, err := l.LookPath(HelperName); err == nil {
		return &Helper{Path: p}, nil
	}
	looked = append(looked, HelperName+" on PATH")
	if p, err := l.LookPath("dot"); err == nil {
		return Dot{Path: p}, nil
	}
	looked = append(looked, "dot on PATH")
	return nil, &NotFoundError{Looked: looked}
}

func isExecutable(p string) bool {
	st, err := os.Stat(p)
	if err != nil || st.IsDir() {
		return false
	}
	return runtime.GOOS == "windows" || st.Mode()&0o111 != 0
}

// Auto locates the engine on first use, so a run that draws no diagram
// never looks for it, and keeps it (one helper process) for the rest of
// the run. Close ends the helper.
type Auto struct {
	Lookup Lookup

	mu  sync.Mutex
	eng Engine
	err error
}

// SVG lays out one DOT graph with the located engine.
func (a *Auto) SVG(ctx context.Context, dot []byte) ([]byte, error) {
	a.mu.Lock()
	if a.eng == nil && a.err == nil {
		a.eng, a.err = Locate(a.Lookup)
	}
	eng, err := a.eng, a.err
	a.mu.Unlock()
	if err != nil {
		return nil, err
	}
	return eng.SVG(ctx, dot)
}

// Engine is the located engine, or nil before the first diagram.
func (a *Auto) Engine() Engine {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.eng
}

// Close ends a started helper.
func (a *Auto) Close() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if c, ok := a.eng.(interface{ Close() error }); ok {
		return c.Close()
	}
	return nil
}

// LayoutMissing tells package render that no engine is installed, so the
// html report can replace the flow with a note on how to get one.
func (e *NotFoundError) LayoutMissing() bool { return true }
