//go:build unix

package loader

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/journey-maps/journey/pkg/diag"
)

// A named pipe, a socket or a device is refused with a finding instead of
// read: a pipe with no writer would block the run for ever. Each is met
// in a directory walk and named on the command line (a fatal file
// finding), and included (an include finding, as for any include that
// cannot be read).
func TestNotARegularFileIsRefusedWithoutBlocking(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.journey.yaml"), 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	sock, err := net.Listen("unix", filepath.Join(dir, "sock.journey.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	defer sock.Close()
	write(t, dir, "lib/m.journey.yaml", "kind: Journey\nversion: 1\ntitle: M\ninclude: [../pipe.journey.yaml]\n")

	for _, c := range []struct {
		name string
		args []string
		// where each finding is, in order, and what it says
		want []string
	}{
		{"a directory walk", []string{"."}, []string{
			"lib/m.journey.yaml include " + includeRefused,
			"pipe.journey.yaml file not a regular file (a named pipe)", "sock.journey.yaml file not a regular file (a socket)"}},
		{"named", []string{"pipe.journey.yaml", "sock.journey.yaml", os.DevNull}, []string{
			"pipe.journey.yaml file not a regular file (a named pipe)", "sock.journey.yaml file not a regular file (a socket)",
			os.DevNull + " file not a regular file (a device)"}},
		{"included", []string{"lib/m.journey.yaml"}, []string{"lib/m.journey.yaml include " + includeRefused}},
	} {
		t.Run(c.name, func(t *testing.T) {
			done := make(chan []string, 1)
			go func() {
				files, problems := New(Options{}).Load(c.args)
				var got []string
				for _, d := range problems {
					got = append(got, d.File+" "+d.Rule+" "+d.Message)
				}
				for _, f := range files {
					for _, d := range f.Diags {
						got = append(got, describeRefusal(d))
					}
				}
				done <- got
			}()
			var got []string
			select {
			case got = <-done:
			case <-time.After(20 * time.Second): // a few milliseconds of work
				t.Fatal("loading blocked")
			}
			if len(got) != len(c.want) {
				t.Fatalf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
			for i := range got {
				if got[i] != filepath.FromSlash(c.want[i]) {
					t.Errorf("finding %d: %q, want %q", i, got[i], c.want[i])
				}
			}
		})
	}
}

const includeRefused = `include "../pipe.journey.yaml" cannot be loaded: cannot read: not a regular file (a named pipe)`

// describeRefusal is "file rule message" for a finding, where a refused
// file must be fatal and say "cannot read".
func describeRefusal(d diag.Diagnostic) string {
	if d.Rule == diag.RuleFile {
		if !d.Fatal || !strings.HasPrefix(d.Message, "cannot read: ") {
			return "not fatal or not worded: " + d.String()
		}
		return d.File + " " + d.Rule + " " + strings.TrimPrefix(d.Message, "cannot read: ")
	}
	return d.File + " " + d.Rule + " " + d.Message
}
