package format

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestCommentsEverywhere adds a comment above, beside or below every line
// of each example: each one formats without losing any, idempotently.
func TestCommentsEverywhere(t *testing.T) {
	files, _ := filepath.Glob("../../examples/*/*.yaml")
	if len(files) == 0 {
		t.Fatal("found no examples")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for mode := 0; mode < 3; mode++ {
			var out strings.Builder
			for i, l := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
				ind := len(l) - len(strings.TrimLeft(l, " "))
				t2 := strings.TrimSpace(l)
				switch mode {
				case 0:
					if t2 != "" && !strings.HasPrefix(t2, "#") {
						fmt.Fprintf(&out, "%s# head %d\n", strings.Repeat(" ", ind), i)
					}
					out.WriteString(l + "\n")
				case 1:
					if t2 != "" && !strings.HasPrefix(t2, "#") && !strings.HasSuffix(t2, "|") && !strings.HasSuffix(t2, ">") {
						fmt.Fprintf(&out, "%s # line %d\n", l, i)
					} else {
						out.WriteString(l + "\n")
					}
				case 2:
					out.WriteString(l + "\n")
					if t2 != "" && !strings.HasPrefix(t2, "#") {
						fmt.Fprintf(&out, "%s# after %d\n", strings.Repeat(" ", ind), i)
					}
				}
			}
			src := []byte(out.String())
			res, err := Source(src)
			if err != nil {
				t.Errorf("%s mode %d: %v", f, mode, err)
				continue
			}
			if again, err := Source(res); err != nil || string(again) != string(res) {
				t.Errorf("%s mode %d: not idempotent %v\n%s", f, mode, err, cmp.Diff(string(res), string(again)))
			}
		}
	}
}
