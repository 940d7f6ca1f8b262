package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

// The tests that run the real binaries share one build of journey and
// journey-graphviz, removed when the tests end.
var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// journeyBin returns the directory of the built binaries; the test is
// skipped under -short.
func journeyBin(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds journey")
	}
	binOnce.Do(func() {
		binPath, binErr = os.MkdirTemp("", "journey-bin-")
		if binErr != nil {
			return
		}
		build := exec.Command("go", "build", "-o", binPath+string(filepath.Separator),
			"github.com/journey-maps/journey/cmd/journey", "github.com/journey-maps/journey/cmd/journey-graphviz")
		build.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := build.CombinedOutput(); err != nil {
			binErr = err
			t.Logf("go build:\n%s", out)
		}
	})
	if binErr != nil {
		t.Fatalf("building journey: %v", binErr)
	}
	return binPath
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binPath != "" {
		os.RemoveAll(binPath)
	}
	os.Exit(code)
}
