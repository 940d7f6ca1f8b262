package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/journey-maps/journey/pkg/format"
)

// TestFmtGolden runs `journey fmt x.yaml` for every testdata/fmt/x.yaml
// and compares output and exit code with x.out; what it formats is
// formatted again unchanged and holds the same data.
func TestFmtGolden(t *testing.T) {
	dir, _ := filepath.Abs("../../testdata/fmt")
	cases, _ := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if len(cases) < 8 {
		t.Fatalf("found only %d cases in %s", len(cases), dir)
	}
	t.Chdir(dir)
	for _, c := range cases {
		name := filepath.Base(c)
		t.Run(strings.TrimSuffix(name, ".yaml"), func(t *testing.T) {
			stdout, stderr, code := runCLI(t, "", "fmt", name)
			golden(t, strings.TrimSuffix(name, ".yaml")+".out", fmt.Sprintf("%s--- stderr\n%s--- exit %d\n", stdout, stderr, code))
			if code != ExitOK {
				return
			}
			src, _ := os.ReadFile(name)
			if err := format.SameData(src, []byte(stdout)); err != nil {
				t.Fatal(err)
			}
			again, _, code := runCLI(t, stdout, "fmt", "-")
			if code != ExitOK || again != stdout {
				t.Fatalf("not idempotent (exit %d):\n%s", code, again)
			}
		})
	}
}

func TestFmtCheckAndWrite(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	messy := "version: 1\nkind: Journey   # kept\ntitle: T\ntags:\n  - a\n"
	tidy := "kind: Journey # kept\nversion: 1\ntitle: T\ntags: [a]\n"
	broken := "kind: Journey\nversion: [1\n"
	writeFile(t, "maps/messy.journey.yaml", messy)
	writeFile(t, "maps/tidy.journey.yaml", tidy)
	writeFile(t, "maps/notes.yaml", "b: 1\na: 2\n") // not a journey file: not searched
	os.Chmod("maps/messy.journey.yaml", 0o640)

	// --check lists what would change and exits 1; nothing is written.
	stdout, stderr, code := runCLI(t, "", "fmt", "--check", "maps")
	if code != ExitFindings || stdout != filepath.Join("maps", "messy.journey.yaml")+"\n" || stderr != "" {
		t.Fatalf("--check: exit %d\n%s%s", code, stdout, stderr)
	}
	if b, _ := os.ReadFile("maps/messy.journey.yaml"); string(b) != messy {
		t.Fatal("--check wrote the file")
	}
	if stdout, _, code := runCLI(t, "", "fmt", "--check", "maps/tidy.journey.yaml"); code != ExitOK || stdout != "" {
		t.Fatalf("--check of a tidy file: exit %d %q", code, stdout)
	}

	// -w rewrites in place, keeping the file mode; then --check is clean.
	if _, stderr, code := runCLI(t, "", "fmt", "-w", "maps"); code != ExitOK {
		t.Fatalf("-w: exit %d\n%s", code, stderr)
	}
	if b, _ := os.ReadFile("maps/messy.journey.yaml"); string(b) != tidy {
		t.Fatalf("-w wrote:\n%s", b)
	}
	if st, _ := os.Stat("maps/messy.journey.yaml"); st.Mode().Perm() != 0o640 {
		t.Errorf("-w changed the mode to %v", st.Mode().Perm())
	}
	if b, _ := os.ReadFile("maps/notes.yaml"); string(b) != "b: 1\na: 2\n" {
		t.Fatal("-w touched a file that is not a journey file")
	}
	if _, _, code := runCLI(t, "", "fmt", "--check", "maps"); code != ExitOK {
		t.Fatalf("--check after -w: exit %d", code)
	}

	// A file that does not parse is refused with exit 2 and left as it
	// is; the others are still written.
	writeFile(t, "maps/broken.journey.yaml", broken)
	writeFile(t, "maps/messy.journey.yaml", messy)
	_, stderr, code = runCLI(t, "", "fmt", "-w", "maps")
	if code != ExitUsage || !strings.Contains(stderr, "broken.journey.yaml:") {
		t.Fatalf("-w with a broken file: exit %d\n%s", code, stderr)
	}
	if b, _ := os.ReadFile("maps/broken.journey.yaml"); string(b) != broken {
		t.Fatal("the broken file was changed")
	}
	if b, _ := os.ReadFile("maps/messy.journey.yaml"); string(b) != tidy {
		t.Fatal("the good file was not written")
	}
	entries, _ := os.ReadDir("maps")
	if len(entries) != 4 {
		t.Fatalf("temporary files left behind: %v", entries)
	}
	if _, _, code := runCLI(t, "", "fmt", "--check", "maps/broken.journey.yaml"); code != ExitUsage {
		t.Fatalf("--check of a broken file: exit %d", code)
	}

	// A file named explicitly is formatted whatever its name.
	if stdout, _, code := runCLI(t, "", "fmt", "maps/notes.yaml"); code != ExitOK || stdout != "b: 1\na: 2\n" {
		t.Fatalf("notes.yaml: exit %d %q", code, stdout)
	}
}

func TestFmtStdin(t *testing.T) {
	stdout, stderr, code := runCLI(t, "title: T\nkind: Journey # k\nversion: 1\n", "fmt", "-")
	if code != ExitOK || stdout != "kind: Journey # k\nversion: 1\ntitle: T\n" {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	if _, stderr, code := runCLI(t, "kind: [\n", "fmt", "-"); code != ExitUsage || !strings.Contains(stderr, "<stdin>") {
		t.Fatalf("broken stdin: exit %d %s", code, stderr)
	}
	if _, _, code := runCLI(t, "kind: Journey\n", "fmt", "-w", "-"); code != ExitUsage {
		t.Fatalf("-w -: exit %d", code)
	}
	// The usage error comes before any file is rewritten.
	dir := t.TempDir()
	messy := filepath.Join(dir, "messy.journey.yaml")
	writeFile(t, messy, "version: 1\nkind: Journey\n")
	if _, _, code := runCLI(t, "kind: Journey\n", "fmt", "-w", messy, "-"); code != ExitUsage {
		t.Fatalf("-w FILE -: exit %d", code)
	}
	if b, _ := os.ReadFile(messy); string(b) != "version: 1\nkind: Journey\n" {
		t.Fatalf("-w FILE - rewrote the file before refusing:\n%s", b)
	}
	if _, _, code := runCLI(t, "", "fmt", "-w", "--check", "-"); code != ExitUsage {
		t.Fatalf("-w --check: exit %d", code)
	}
	if stdout, _, code := runCLI(t, "kind: Journey # k\nversion: 1\ntitle: T\n", "fmt", "--check", "-"); code != ExitOK || stdout != "" {
		t.Fatalf("--check - of a tidy map: exit %d %q", code, stdout)
	}
	if stdout, _, code := runCLI(t, "version: 1\nkind: Journey\n", "fmt", "--check", "-"); code != ExitFindings || stdout != "<stdin>\n" {
		t.Fatalf("--check - of a messy map: exit %d %q", code, stdout)
	}
}
