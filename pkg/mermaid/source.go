package mermaid

import (
	"regexp"
	"strings"
)

// A diagram is found in a Mermaid file, or in a block of a markdown or
// reStructuredText document (docs/mermaid.md lists the containers).

// block is a run of lines that may hold a diagram, with the file's line
// number of each.
type block struct {
	lines []string
	at    []int // 1-based line in the file of each line
}

func (b block) firstLine() int {
	if len(b.at) == 0 {
		return 1
	}
	return b.at[0]
}

// wholeFile is the file itself as one block.
func wholeFile(lines []string) block {
	at := make([]int, len(lines))
	for i := range at {
		at[i] = i + 1
	}
	return block{lines: lines, at: at}
}

// splitLines splits a file into lines as Mermaid does (\r\n and \r end a
// line too), dropping a byte-order mark.
func splitLines(text string) []string {
	text = strings.TrimPrefix(text, "\uFEFF")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	return strings.Split(text, "\n")
}

// mermaidBlocks returns the blocks of a document that hold Mermaid
// source: markdown fences (``` or ~~~, three or more, also inside
// blockquotes and list items; ::: as in Azure DevOps wikis) whose info
// string is mermaid, mermaid-example or {mermaid}, and reStructuredText
// `.. mermaid::`, `.. code:: mermaid` (code-block, sourcecode) directives.
func mermaidBlocks(lines []string) []block {
	var out []block
	for i := 0; i < len(lines); i++ {
		if b, next, ok := fence(lines, i); ok {
			out = append(out, b)
			i = next - 1
			continue
		}
		if b, next, ok := rstDirective(lines, i); ok {
			out = append(out, b)
			i = next - 1
		}
	}
	return out
}

// quoted strips n levels of blockquote markers (`>`, after up to three
// spaces, with one optional blank after it); ok is false when the line
// has fewer.
func quoted(line string, n int) (string, bool) {
	for ; n > 0; n-- {
		t := strings.TrimLeft(line, " ")
		if len(line)-len(t) > 3 || !strings.HasPrefix(t, ">") {
			return line, false
		}
		line = t[1:]
		if strings.HasPrefix(line, " ") || strings.HasPrefix(line, "\t") {
			line = line[1:]
		}
	}
	return line, true
}

// quoteDepth counts the blockquote markers a line starts with.
func quoteDepth(line string) int {
	n := 0
	for {
		rest, ok := quoted(line, 1)
		if !ok {
			return n
		}
		line = rest
		n++
	}
}

var fenceInfo = regexp.MustCompile(`^(?i)(mermaid|mermaid-example|\{mermaid\})(\s|$)`)

// fence reads a fenced code block of Mermaid opening at line i.
func fence(lines []string, i int) (block, int, bool) {
	depth := quoteDepth(lines[i])
	open, _ := quoted(lines[i], depth)
	body := strings.TrimLeft(open, " \t")
	indent := len(open) - len(body)
	if len(body) < 3 || (body[0] != '`' && body[0] != '~' && body[0] != ':') {
		return block{}, 0, false
	}
	ch := body[0]
	n := len(body) - len(strings.TrimLeft(body, string(ch)))
	info := strings.TrimSpace(body[n:])
	if n < 3 || (ch == '`' && strings.Contains(info, "`")) || !fenceInfo.MatchString(info) {
		return block{}, 0, false
	}
	var b block
	j := i + 1
	for ; j < len(lines); j++ {
		l, ok := quoted(lines[j], depth)
		if !ok {
			break // the blockquote ends, and the block with it
		}
		t := strings.TrimSpace(l)
		if len(t) >= n && strings.Trim(t, string(ch)) == "" {
			j++
			break
		}
		b.lines = append(b.lines, dedent(l, indent))
		b.at = append(b.at, j+1)
	}
	return b, j, true
}

// dedent removes up to n leading spaces.
func dedent(l string, n int) string {
	k := 0
	for k < n && k < len(l) && l[k] == ' ' {
		k++
	}
	return l[k:]
}

var (
	rstStart  = regexp.MustCompile(`^(\s*)\.\.\s+(mermaid|code|code-block|sourcecode)::\s*(.*?)\s*$`)
	rstOption = regexp.MustCompile(`^\s*:[^:\s][^:]*:(\s|$)`)
)

// rstDirective reads a reStructuredText `.. mermaid::` directive (or a
// code block in Mermaid) at line i: its options, then its indented body.
func rstDirective(lines []string, i int) (block, int, bool) {
	m := rstStart.FindStringSubmatch(lines[i])
	if m == nil {
		return block{}, 0, false
	}
	if m[2] == "mermaid" && m[3] != "" {
		return block{}, 0, false // the diagram is in another file
	}
	if m[2] != "mermaid" && !strings.EqualFold(m[3], "mermaid") {
		return block{}, 0, false
	}
	own := len(m[1])
	j := i + 1
	for j < len(lines) && rstOption.MatchString(lines[j]) && indentOf(lines[j]) > own {
		j++
	}
	// The body starts after the blank line that ends the options, as
	// docutils reads it.
	for j < len(lines) && strings.TrimSpace(lines[j]) == "" {
		j++
	}
	start, end := j, j
	for ; j < len(lines); j++ {
		if strings.TrimSpace(lines[j]) == "" {
			continue
		}
		if indentOf(lines[j]) <= own {
			break
		}
		end = j + 1
	}
	least := -1
	for _, l := range lines[start:end] {
		if strings.TrimSpace(l) != "" && (least < 0 || indentOf(l) < least) {
			least = indentOf(l)
		}
	}
	var b block
	for k := start; k < end; k++ {
		l := lines[k]
		if len(l) >= least && least > 0 {
			l = l[least:]
		} else {
			l = strings.TrimLeft(l, " \t")
		}
		b.lines = append(b.lines, l)
		b.at = append(b.at, k+1)
	}
	return b, max(end, i+1), true
}

// indentOf counts leading blanks, a tab as one.
func indentOf(l string) int { return len(l) - len(strings.TrimLeft(l, " \t")) }
