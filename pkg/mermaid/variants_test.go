package mermaid_test

import (
	"os"
	"strconv"
)

// variants are diagrams that probe the corners of Mermaid's journey
// grammar and of its clean-up of the text; TestParseAgreesWithMermaid
// checks that Parse reads each as Mermaid does (or rejects it as Mermaid
// does).
func variants() []string {
	return []string{
		// keywords at the start of a task, and where they are not keywords
		"journey\nsection S\nJourney planner app: 5: Me\n",
		"journey\nsection S\njourneys: 5: Me\n",
		"journey\nsection S\njourney_x: 5: Me\n",
		"journey\nsection S\nTitle deeds check: 5: Me\n",
		"journey\nsection S\nTitled: 5: Me\n",
		"journey\nsection S\ntitle: 5: Me\n",
		"journey\nsection S\nsection Fake: 5\n",
		"journey\nsection S\nSections: 5\n",
		"journey\nsection S\naccTitle: 5\n",
		"journey\nsection S\nACCDESCR: 5: x\n",
		"journey\nsection S\naccDescr {x}: 5\n",
		"journey\nsection S\n\u00a0Title deeds: 5\n",
		"journeyX: 5\n",
		"journey title Inline\nsection S\n",
		// titles, accessible texts
		"journey\ntitle\nsection S\n",
		"journey\ntitle   spaced   \nsection S\n",
		"journey\ntitle A: B # not the title\n",
		"journey\ntitle A; B\n",
		"journey\ntitle First\ntitle Second\n",
		"journey\naccTitle:\nnext line\n",
		"journey\naccTitle : a ; b # c %% d\n",
		"journey\naccDescr: x\naccDescr:\n",
		"journey\naccDescr {}\n",
		"journey\naccDescr {  \n}\n",
		"journey\naccDescr {\n  a\n\n    b  \n}section S\n",
		"journey\naccDescr { never closed\nsection S\n",
		"journey\naccDescr {\n%% a comment line inside\ntext\n}\n",
		// comments, directives, front matter
		"%% before\njourney\nsection S %% not a comment\nA: 1: x %% part of the actor\n",
		"journey\n  %% indented comment\n\n%%\nsection S\n",
		"journey\nsection S\nA: 1 # comment\nB: 2: x # comment\n",
		"%%{init: {\"theme\": \"dark\",\n  \"journey\": {\"useMaxWidth\": true}}}%%\njourney\nsection S\n",
		"%%{ }%%\njourney\nsection S\n",
		"journey\n%%{wrap}%%\nsection S\n",
		"journey\nsection A %%{init: {}}%% B\n",
		"---\ntitle: From front matter\n---\njourney\nsection S\n",
		"---\ntitle: From front matter\n---\njourney\ntitle From the body\n",
		"---\ntitle: 42\nconfig: {theme: dark}\n---\njourney\n",
		"---\n\n---\njourney\n",
		"---\ntitle: [unclosed\n---\njourney\n",
		"---\ntitle: a\n----\njourney\n",
		"---   \ntitle: spaced\n---   \n\n   journey\n",
		// entity codes and markup
		"journey\ntitle A#58; B #35;1 #quot;q#quot; #amp;\nsection S#59;T\nX#44;Y: 3: A#44;B, C#58;D\n",
		"journey\nsection S\nstyle: 5: a#1;\n",
		"journey\ntitle style x:#ab; y;\n",
		"journey\nsection S\nA <b class=\"x\">b</b> &amp; &#58; ﬂ°°58¶ß: 3: x\n",
		"journey\nsection S\n#99999999999; big: 3\n",
		// scores and actors
		"journey\nsection S\nA: 4.5\nB: -1\nC: 1e1\nD: 0x10\nE: \nF: Infinity\nG: 5 %% c\nH: .5\nI: 5.\nJ: +3\nK: 0b11\nL: 1_0\nM: six\n",
		"journey\nsection S\nA:\n",
		"journey\nsection S\nA:#x\n",
		"journey\nsection S\nA: 5: x: y: z\nB: 5:: q\nC: 5: , a, , a\n",
		"journey\nsection S\n: 5\n",
		"journey\nsection S\nA\n",
		"journey\nsection S\nA: 1;\n",
		// sections
		"journey\nA: 1\nsection S\nB: 2\n",
		"journey\nsection S\nsection S\nA: 1\nsection\n",
		"journey\nsection A: b\n",
		"journey\nsection\u00a0NBSP\nsection\tTab\n",
		// blanks and line ends
		"journey\r\ntitle CRLF\r\nsection S\r\nA: 3: x\r\n",
		"journey\rtitle CR\rsection S\r",
		"\n\n  journey\n\t\ttitle tabs\n\tsection S\n\t\tA\t:\t3\t:\tx\n",
		"journey\nsection S\nA\u2028B: 3\n",
		"journey\nsection S\n😀%% x: 3\n",
		"journey\nsection S\na%%b: 3\n",
		"journey\nsection S\n}%% c: 3\n",
		"Journey\nsection S\n",
		"flowchart LR\nA --> B\n",
		"",
	}
}

// mutants are the variants with pieces of Mermaid's syntax spliced in at
// random places (the same ones every run): a cheap search for corners the
// hand-written variants miss.
// MERMAID_MUTANTS=N and MERMAID_SEED=S search further than make test.
func mutants() []string {
	n, seed := 1000, uint64(0x9e3779b97f4a7c15)
	if v, err := strconv.Atoi(os.Getenv("MERMAID_MUTANTS")); err == nil {
		n = v
	}
	if v, err := strconv.ParseUint(os.Getenv("MERMAID_SEED"), 10, 64); err == nil && v != 0 {
		seed = v
	}
	pieces := []string{":", ":", ": 3", ": 4: a, b", "#", "#58;", "#x;", "%", "%%", "%%{init: {}}%%", "%%{", "}%%", "\n", "\n", " ", "  ", "\u00a0", "{", "}", "title ", "section ", "journey", "accTitle:", "accDescr {", "accDescr:", "\n---\n", ",", "<br>", "<b a=\"1\">", "&", "ﬂ°", "¶ß", "5", "-1", "4.5", "😀", "\t", "style:#", "\r\n", "\n%% c\n", ";"}
	base := variants()
	next := func(k int) int {
		seed ^= seed << 13
		seed ^= seed >> 7
		seed ^= seed << 17
		return int(seed % uint64(k))
	}
	out := make([]string, 0, n)
	for len(out) < n {
		s := base[next(len(base))]
		for range 1 + next(3) {
			i := next(len(s) + 1)
			for i > 0 && i < len(s) && s[i]&0xc0 == 0x80 {
				i-- // keep UTF-8 whole
			}
			s = s[:i] + pieces[next(len(pieces))] + s[i:]
		}
		out = append(out, s)
	}
	return out
}
