package loader

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/journey-maps/journey/pkg/diag"
)

// loadBytes loads data as a file in a temporary directory.
func loadBytes(t *testing.T, data []byte, opts Options) *File {
	t.Helper()
	dir := t.TempDir()
	t.Chdir(dir)
	write(t, dir, "m.journey.yaml", string(data))
	files, problems := New(opts).Load([]string{"m.journey.yaml"})
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	return files[0]
}

func TestHostileInput(t *testing.T) {
	bomb := &strings.Builder{}
	bomb.WriteString("kind: Journey\nversion: 1\ntitle: Bomb\nx-a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n")
	for i, prev := 0, "a"; i < 9; i++ {
		name := fmt.Sprintf("b%d", i)
		fmt.Fprintf(bomb, "x-%s: &%s [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n", name, name, prev, prev, prev, prev, prev, prev, prev, prev, prev)
		prev = name
	}
	deepFlow := "kind: Journey\nversion: 1\ntitle: Deep\nx-deep: " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "\n"
	deepMaps := "kind: Journey\nversion: 1\ntitle: Deep\nx-deep: " + strings.Repeat("{a: ", 150) + "1" + strings.Repeat("}", 150) + "\n"

	for _, c := range []struct {
		name  string
		data  string
		opts  Options
		rule  string
		fatal bool
		msg   string
		line  int
	}{
		{"alias bomb", bomb.String(), Options{}, diag.RuleSyntax, true, "alias bomb", 0},
		{"20,000-deep flow nesting", deepFlow, Options{}, diag.RuleSyntax, true, "too deep", 0},
		{"150-deep mappings", deepMaps, Options{}, diag.RuleSyntax, true, "nesting deeper than 100", 4},
		{"over the size limit", "kind: Journey\nversion: 1\ntitle: " + strings.Repeat("x", 2048) + "\n", Options{MaxFileSize: 1024}, diag.RuleFile, true, "over the 1KiB limit", 0},
		{"NUL byte", "kind: Journey\nversion: 1\ntitle: a\x00b\n", Options{}, diag.RuleSyntax, true, "NUL byte", 3},
		{"invalid UTF-8", "kind: Journey\nversion: 1\ntitle: \xff\n", Options{}, diag.RuleSyntax, true, "invalid UTF-8", 3},
		{"tab indentation", "kind: Journey\nversion: 1\ntitle: T\nstages:\n\t- name: A\n", Options{}, diag.RuleSyntax, true, "tab", 5},
		{"not a finite number", "kind: Journey\nversion: 1\ntitle: T\npersonas:\n  - name: P\n    share: .nan\n", Options{}, "", false, "not a finite number", 6},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := loadBytes(t, []byte(c.data), c.opts)
			d := firstDiag(t, f)
			if c.rule != "" && d.Rule != c.rule || d.Fatal != c.fatal || !strings.Contains(d.Message, c.msg) {
				t.Fatalf("got %s (fatal %v), want rule %s fatal %v message containing %q", d, d.Fatal, c.rule, c.fatal, c.msg)
			}
			if c.line > 0 && d.Line != c.line {
				t.Errorf("line %d, want %d", d.Line, c.line)
			}
		})
	}
}

func TestLineEndingsAndBOM(t *testing.T) {
	src := "kind: Journey\r\nversion: 1\r\ntitle: Windows\r\nstages:\r\n  - name: A\r\n    phase: nope\r\n"
	f := loadBytes(t, append([]byte("\xef\xbb\xbf"), src...), Options{})
	d := firstDiag(t, f)
	if len(f.Diags) != 1 || d.Line != 6 || d.Col != 12 || f.Journey.Title != "Windows" {
		t.Fatalf("CRLF with BOM: %v, title %q", f.Diags, f.Journey.Title)
	}
}

func TestFiftyMegabyteFileIsRefusedQuickly(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "big.journey.yaml")
	data := bytes.Repeat([]byte("x-pad: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n"), 50<<20/64)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	f := New(Options{}).LoadFile(path)
	d := firstDiag(t, f)
	if !d.Fatal || !strings.Contains(d.Message, "over the 8MiB limit") {
		t.Fatalf("got %s", d)
	}
}

func TestUnreadablePaths(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.Symlink("loop.journey.yaml", filepath.Join(dir, "loop.journey.yaml")); err != nil {
		t.Fatal(err)
	}
	os.Mkdir(filepath.Join(dir, "lib.personas.yaml"), 0o755) // a directory with a library's name
	write(t, dir, "m.journey.yaml", "kind: Journey\nversion: 1\ntitle: M\ninclude: [lib.personas.yaml]\n")
	// Named on the command line, and met in a directory walk.
	files, problems := New(Options{}).Load([]string{"loop.journey.yaml", "."})
	if len(problems) != 1 || !problems[0].Fatal || !strings.Contains(problems[0].Message, "symbolic links") {
		t.Errorf("symlink loop named: %v", problems)
	}
	if len(files) != 2 {
		t.Fatalf("walk found %d files, want the loop and m.journey.yaml", len(files))
	}
	if d := firstDiag(t, files[0]); !d.Fatal || !strings.Contains(d.Message, "symbolic links") {
		t.Errorf("symlink loop walked: %s", d)
	}
	if d := firstDiag(t, files[1]); d.Rule != diag.RuleInclude || !strings.Contains(d.Message, "is a directory") {
		t.Errorf("directory include: %s", d)
	}
	if os.Geteuid() != 0 { // root reads anything
		p := write(t, dir, "secret.journey.yaml", "kind: Journey\n")
		os.Chmod(p, 0)
		if d := firstDiag(t, New(Options{}).LoadFile(p)); !strings.Contains(d.Message, "permission denied") {
			t.Errorf("unreadable file: %s", d)
		}
	}
}

// Root reads anything, so a permission error is injected where the OS
// would return it; the message and the fatal mark must match.
func TestPermissionDenied(t *testing.T) {
	denied := func(path string) ([]byte, error) {
		return nil, &fs.PathError{Op: "open", Path: path, Err: fs.ErrPermission}
	}
	f := New(Options{ReadFile: denied}).LoadFile("secret.journey.yaml")
	d := firstDiag(t, f)
	if !d.Fatal || d.Rule != diag.RuleFile || !strings.Contains(d.Message, "permission denied") {
		t.Errorf("unreadable file: %s (fatal %v)", d, d.Fatal)
	}
	if strings.Contains(d.Message, "open secret") {
		t.Errorf("the message repeats the path: %s", d.Message)
	}
}
