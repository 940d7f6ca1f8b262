package diff

import (
	"bufio"
	"bytes"
	"fmt"
	"io"

	"github.com/journey-maps/journey/pkg/textfmt"
)

// LineDiff writes a unified diff of two texts with three lines of context,
// as `git diff --no-ext-diff` shows one: what a reviewer still needs when a
// side cannot be compared as a map. A nil side is an added or deleted
// file. Lines are sanitised for the terminal.
func LineDiff(w io.Writer, oldName, newName string, a, b []byte) error {
	al, bl := splitLines(a), splitLines(b)
	edits := lineEdits(al, bl)
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "--- %s\n+++ %s\n", textfmt.Sanitize(oldName), textfmt.Sanitize(newName))
	for _, h := range hunks(edits, 3) {
		fmt.Fprintf(bw, "@@ -%s +%s @@\n", hunkRange(h.oldStart, h.oldLines), hunkRange(h.newStart, h.newLines))
		for _, e := range edits[h.from:h.to] {
			var line string
			if e.op == '-' {
				line = al[e.a]
			} else {
				line = bl[e.b]
			}
			fmt.Fprintf(bw, "%c%s\n", e.op, textfmt.Sanitize(line))
		}
	}
	return bw.Flush()
}

func splitLines(s []byte) []string {
	if len(s) == 0 {
		return nil
	}
	lines := bytes.Split(bytes.TrimSuffix(s, []byte("\n")), []byte("\n"))
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = string(bytes.TrimSuffix(l, []byte("\r")))
	}
	return out
}

// edit is one line of a diff: ' ' kept, '-' removed, '+' added, with its
// index in the old (a) and new (b) lines.
type edit struct {
	op   byte
	a, b int
}

// maxEdits bounds the work of the shortest edit script: past it, the
// middle of the files is shown as removed and added whole, so a diff of
// two unrelated 8 MiB files costs memory in proportion to their size.
const maxEdits = 2000

// lineEdits is the shortest edit script from a to b (Myers), after the
// common head and tail are taken off.
func lineEdits(a, b []string) []edit {
	head := 0
	for head < len(a) && head < len(b) && a[head] == b[head] {
		head++
	}
	tail := 0
	for tail < len(a)-head && tail < len(b)-head && a[len(a)-1-tail] == b[len(b)-1-tail] {
		tail++
	}
	var out []edit
	for i := 0; i < head; i++ {
		out = append(out, edit{' ', i, i})
	}
	out = append(out, myers(a[head:len(a)-tail], b[head:len(b)-tail], head)...)
	for i := tail; i > 0; i-- {
		out = append(out, edit{' ', len(a) - i, len(b) - i})
	}
	return out
}

// myers finds the edits from a to b, offset is added to every index.
func myers(a, b []string, offset int) []edit {
	n, m := len(a), len(b)
	max := min(n+m, maxEdits)
	v := make([]int, 2*max+2)
	var trace [][]int
	found := -1
	for d := 0; d <= max && found < 0; d++ {
		trace = append(trace, append([]int(nil), v...))
		for k := -d; k <= d; k += 2 {
			x := nextX(v, k, d, max)
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			v[max+k] = x
			if x >= n && y >= m {
				found = d
				break
			}
		}
	}
	if found < 0 {
		return replaceAll(n, m, offset)
	}
	return backtrack(trace, n, m, max, offset)
}

// nextX is where diagonal k starts at step d: down from k+1 or right
// from k-1, whichever reaches further.
func nextX(v []int, k, d, max int) int {
	if k == -d || (k != d && v[max+k-1] < v[max+k+1]) {
		return v[max+k+1]
	}
	return v[max+k-1] + 1
}

// backtrack walks the trace back from the end to list the edits in order.
func backtrack(trace [][]int, n, m, max, offset int) []edit {
	var rev []edit
	x, y := n, m
	for d := len(trace) - 1; d >= 0; d-- {
		v := trace[d]
		k := x - y
		prevK := k - 1
		if k == -d || (k != d && v[max+k-1] < v[max+k+1]) {
			prevK = k + 1
		}
		prevX := v[max+prevK]
		prevY := prevX - prevK
		for x > prevX && y > prevY {
			x, y = x-1, y-1
			rev = append(rev, edit{' ', offset + x, offset + y})
		}
		if d > 0 {
			if x == prevX {
				rev = append(rev, edit{'+', offset + x, offset + prevY})
			} else {
				rev = append(rev, edit{'-', offset + prevX, offset + y})
			}
		}
		x, y = prevX, prevY
	}
	out := make([]edit, len(rev))
	for i, e := range rev {
		out[len(rev)-1-i] = e
	}
	return out
}

// replaceAll shows a as removed and b as added, for texts too different
// to diff within maxEdits.
func replaceAll(n, m, offset int) []edit {
	out := make([]edit, 0, n+m)
	for i := 0; i < n; i++ {
		out = append(out, edit{'-', offset + i, offset})
	}
	for j := 0; j < m; j++ {
		out = append(out, edit{'+', offset + n, offset + j})
	}
	return out
}

// hunk is a run of edits shown together, with its line ranges.
type hunk struct {
	from, to                               int // edits[from:to]
	oldStart, oldLines, newStart, newLines int
}

// hunks groups the changes with up to context kept lines around each,
// merging groups whose context touches.
func hunks(edits []edit, context int) []hunk {
	var out []hunk
	for i := 0; i < len(edits); {
		if edits[i].op == ' ' {
			i++
			continue
		}
		from := max(0, i-context)
		if n := len(out); n > 0 && from <= out[n-1].to {
			from = out[n-1].from
			out = out[:n-1]
		}
		to := i
		for to < len(edits) && edits[to].op != ' ' {
			to++
		}
		end := min(len(edits), to+context)
		out = append(out, span(edits, from, end))
		i = to
	}
	return out
}

// span is the hunk of edits[from:to], with its 1-based line ranges.
func span(edits []edit, from, to int) hunk {
	h := hunk{from: from, to: to}
	first := edits[from]
	h.oldStart, h.newStart = first.a+1, first.b+1
	for _, e := range edits[from:to] {
		switch e.op {
		case ' ':
			h.oldLines++
			h.newLines++
		case '-':
			h.oldLines++
		case '+':
			h.newLines++
		}
	}
	if h.oldLines == 0 {
		h.oldStart--
	}
	if h.newLines == 0 {
		h.newStart--
	}
	return h
}

func hunkRange(start, lines int) string {
	if lines == 1 {
		return fmt.Sprint(start)
	}
	return fmt.Sprintf("%d,%d", start, lines)
}
