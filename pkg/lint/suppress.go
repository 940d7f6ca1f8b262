package lint

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/journey-maps/journey/pkg/config"
	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/loader"
	"github.com/journey-maps/journey/pkg/model"
)

// IgnoreMarker starts a suppression comment:
//
//	# journey:ignore rule-id[,rule-id] -- reason
//
// A comment on a line of its own applies to the next line that is not
// blank or a comment; a comment after a value applies to its own line.
const IgnoreMarker = "journey:ignore"

var ignoreRe = regexp.MustCompile(`#\s*journey:ignore(\s.*)?$`)

// directive is one suppression comment.
type directive struct {
	pos    model.Pos // of the #
	target int       // the line it applies to
	rules  []string
	used   []bool
}

// directives finds the suppression comments of a file. A `#` only counts
// when the YAML parser saw a comment with that text, so a value that
// happens to contain "# journey:ignore" suppresses nothing.
func directives(f *loader.File) []*directive {
	if !bytes.Contains(f.Source, []byte(IgnoreMarker)) {
		return nil
	}
	comments := map[string]bool{} // those that hold the marker
	for _, l := range f.Comments {
		if strings.Contains(l, IgnoreMarker) {
			comments[strings.TrimSpace(l)] = true
		}
	}
	lines := strings.Split(string(f.Source), "\n")
	var out []*directive
	for i, line := range lines {
		line = strings.TrimRight(line, "\r")
		loc := ignoreRe.FindStringIndex(line)
		if loc == nil {
			continue
		}
		text := line[loc[0]:]
		if !comments[strings.TrimSpace(text)] {
			continue
		}
		spec := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(text[1:]), IgnoreMarker))
		if j := strings.Index(spec, "--"); j >= 0 {
			spec = spec[:j]
		}
		d := &directive{
			pos:    model.Pos{File: f.Path, Line: i + 1, Col: utf8.RuneCountInString(line[:loc[0]]) + 1},
			target: i + 1,
			rules:  strings.FieldsFunc(spec, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }),
		}
		d.used = make([]bool, len(d.rules))
		if strings.TrimSpace(line[:loc[0]]) == "" {
			// On a line of its own: the next line with content.
			for j := i + 1; j < len(lines); j++ {
				t := strings.TrimSpace(lines[j])
				if t != "" && !strings.HasPrefix(t, "#") {
					d.target = j + 1
					break
				}
			}
		}
		out = append(out, d)
	}
	return out
}

// suppress drops the findings a suppression comment covers and reports
// the comments (or rule ids in them) that cover nothing.
func suppress(f *loader.File, found []diag.Diagnostic, unused config.Effective) []diag.Diagnostic {
	ds := directives(f)
	if len(ds) == 0 {
		return found
	}
	byLine := map[int][]*directive{}
	for _, d := range ds {
		byLine[d.target] = append(byLine[d.target], d)
	}
	out := found[:0]
	for _, fd := range found {
		hidden := false
		for _, d := range byLine[fd.Line] {
			for i, r := range d.rules {
				if r == fd.Rule {
					d.used[i] = true
					hidden = true
				}
			}
		}
		if !hidden {
			out = append(out, fd)
		}
	}
	if !unused.On() {
		return out
	}
	ids := IDs()
	for _, d := range ds {
		report := func(item, format string, args ...any) {
			out = append(out, diag.Diagnostic{Pos: d.pos, Severity: unused.Severity, Rule: UnusedIgnore, Message: fmt.Sprintf(format, args...), Item: item})
		}
		if len(d.rules) == 0 {
			report("ignore", "# journey:ignore names no rule: write # journey:ignore rule-id -- reason")
			continue
		}
		for i, r := range d.rules {
			if d.used[i] {
				continue
			}
			if _, ok := Lookup(r); !ok {
				msg := fmt.Sprintf("# journey:ignore names unknown rule %q", r)
				if s := diag.Suggest(r, ids); s != "" {
					msg += fmt.Sprintf(": did you mean %q?", s)
				}
				report("ignore:"+r, "%s", msg)
				continue
			}
			report("ignore:"+r, "# journey:ignore %s suppresses nothing: no %s finding where it applies (remove it, or put it on the line of the finding or the line above)", r, r)
		}
	}
	return out
}
