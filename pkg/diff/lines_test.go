package diff

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// applyDiff rebuilds the new text from the old one and a unified diff.
func applyDiff(t *testing.T, old []string, diff string) []string {
	t.Helper()
	var out []string
	next := 0 // the old line to copy next
	for _, line := range strings.Split(strings.TrimSuffix(diff, "\n"), "\n")[2:] {
		switch {
		case strings.HasPrefix(line, "@@"):
			var os, ol, ns, nl int
			if _, err := fmt.Sscanf(normalHeader(line), "@@ -%d,%d +%d,%d @@", &os, &ol, &ns, &nl); err != nil {
				t.Fatalf("hunk header %q: %v", line, err)
			}
			start := os - 1
			if ol == 0 {
				start = os
			}
			out = append(out, old[next:start]...)
			next = start
		case line[0] == ' ':
			out = append(out, old[next])
			next++
		case line[0] == '-':
			next++
		case line[0] == '+':
			out = append(out, line[1:])
		}
	}
	return append(out, old[next:]...)
}

// normalHeader writes "-3" as "-3,1" so one Sscanf reads every header.
func normalHeader(h string) string {
	f := strings.Fields(h)
	for i := 1; i <= 2; i++ {
		if !strings.Contains(f[i], ",") {
			f[i] += ",1"
		}
	}
	return strings.Join(f, " ")
}

// lcsLen is the length of the longest common subsequence, the reference
// for a minimal diff.
func lcsLen(a, b []string) int {
	prev := make([]int, len(b)+1)
	for i := range a {
		cur := make([]int, len(b)+1)
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev = cur
	}
	return prev[len(b)]
}

func TestLineDiffRebuildsAndIsMinimal(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	words := []string{"a", "b", "c", "d", "e"}
	for n := 0; n < 300; n++ {
		gen := func() []string {
			out := make([]string, r.IntN(30))
			for i := range out {
				out[i] = words[r.IntN(len(words))]
			}
			return out
		}
		a, b := gen(), gen()
		join := func(l []string) []byte {
			if len(l) == 0 {
				return nil
			}
			return []byte(strings.Join(l, "\n") + "\n")
		}
		var sb strings.Builder
		if err := LineDiff(&sb, "a", "b", join(a), join(b)); err != nil {
			t.Fatal(err)
		}
		if got := applyDiff(t, a, sb.String()); strings.Join(got, "|") != strings.Join(b, "|") {
			t.Fatalf("a=%q b=%q\ndiff:\n%s\nrebuilt %q", a, b, sb.String(), got)
		}
		changed := 0
		for _, l := range strings.Split(sb.String(), "\n")[2:] { // after the ---/+++ header
			if strings.HasPrefix(l, "-") || strings.HasPrefix(l, "+") {
				changed++
			}
		}
		if want := len(a) + len(b) - 2*lcsLen(a, b); changed != want {
			t.Fatalf("a=%q b=%q: %d lines changed, a minimal diff changes %d\n%s", a, b, changed, want, sb.String())
		}
	}
}

func TestLineDiffGolden(t *testing.T) {
	a := "kind: Journey\nversion: 1\ntitle: Shop\nowner: web\nstages:\n  - name: A\n  - name: B\n  - name: C\n  - name: D\n"
	b := "kind: Journey\nversion: 1\ntitle: Shop\nowner: web\nstages:\n  - name: A\n  - name: B2\n  - name: C\n  - name: D\n  - name: E\n"
	var sb strings.Builder
	LineDiff(&sb, "a/m.journey.yaml", "b/m.journey.yaml", []byte(a), []byte(b))
	want := `--- a/m.journey.yaml
+++ b/m.journey.yaml
@@ -4,6 +4,7 @@
 owner: web
 stages:
   - name: A
-  - name: B
+  - name: B2
   - name: C
   - name: D
+  - name: E
`
	if sb.String() != want {
		t.Errorf("got\n%s\nwant\n%s", sb.String(), want)
	}
}

// Two large unrelated files: bounded work, whole replacement.
func TestLineDiffBounded(t *testing.T) {
	var a, b strings.Builder
	for i := 0; i < 50000; i++ {
		fmt.Fprintf(&a, "old line %d\n", i)
		fmt.Fprintf(&b, "new line %d\n", i)
	}
	start := time.Now()
	var sb strings.Builder
	if err := LineDiff(&sb, "a", "b", []byte(a.String()), []byte(b.String())); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("took %v", d)
	}
	if strings.Count(sb.String(), "\n-old") != 50000 || strings.Count(sb.String(), "\n+new") != 50000 {
		t.Errorf("not a whole replacement")
	}
}
