package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// The JUnit XML that GitLab (artifacts:reports:junit) and Jenkins read.
type (
	// JUnitSuites is the document: a suite per file.
	JUnitSuites struct {
		XMLName  xml.Name     `xml:"testsuites"`
		Name     string       `xml:"name,attr"`
		Tests    int          `xml:"tests,attr"`
		Failures int          `xml:"failures,attr"`
		Errors   int          `xml:"errors,attr"`
		Suites   []JUnitSuite `xml:"testsuite"`
	}
	// JUnitSuite is one file's test cases.
	JUnitSuite struct {
		Name     string      `xml:"name,attr"`
		Tests    int         `xml:"tests,attr"`
		Failures int         `xml:"failures,attr"`
		Errors   int         `xml:"errors,attr"`
		Skipped  int         `xml:"skipped,attr"`
		Cases    []JUnitCase `xml:"testcase"`
	}
	// JUnitCase is one finding, or a passing case for a clean file.
	JUnitCase struct {
		Classname string        `xml:"classname,attr"`
		Name      string        `xml:"name,attr"`
		File      string        `xml:"file,attr,omitempty"`
		Failure   *JUnitFailure `xml:"failure"`
	}
	// JUnitFailure is a finding as a failure of its case.
	JUnitFailure struct {
		Type    string `xml:"type,attr"`
		Message string `xml:"message,attr"`
		Body    string `xml:",chardata"`
	}
)

// JUnit writes a <testsuite> per file checked, in order, with a failing
// <testcase> per finding (name "rule line:col", the failure's type the
// rule, its body severity and location) and one passing case for a file
// without findings, so every file counts as a test. Characters XML 1.0
// cannot carry are dropped.
func JUnit(w io.Writer, r *Result, _ Options) error {
	name := "journey"
	if r.Command != "" {
		name += " " + r.Command
	}
	out := JUnitSuites{Name: name, Suites: []JUnitSuite{}}
	at := map[string]int{} // file → index in out.Suites
	suite := func(path string) *JUnitSuite {
		i, ok := at[path]
		if !ok {
			i = len(out.Suites)
			at[path] = i
			out.Suites = append(out.Suites, JUnitSuite{Name: xmlText(path)})
		}
		return &out.Suites[i]
	}
	for _, f := range r.Files {
		suite(f.Path)
	}
	for _, d := range r.Diags {
		s := suite(d.File)
		path := xmlText(d.File)
		name, loc := d.Rule, path
		if d.Line > 0 {
			name = fmt.Sprintf("%s %d:%d", d.Rule, d.Line, d.Col)
			loc = fmt.Sprintf("%s:%d:%d", path, d.Line, d.Col)
		}
		body := fmt.Sprintf("%s: %s: %s [%s]", d.Severity, loc, d.Message, d.Rule)
		if d.Item != "" {
			body += "\nitem: " + d.Item
		}
		s.Cases = append(s.Cases, JUnitCase{
			Classname: path, Name: xmlText(name), File: path,
			Failure: &JUnitFailure{Type: xmlText(d.Rule), Message: xmlText(d.Message), Body: xmlText(body)},
		})
		s.Failures++
	}
	for i := range out.Suites {
		s := &out.Suites[i]
		if len(s.Cases) == 0 {
			s.Cases = append(s.Cases, JUnitCase{Classname: s.Name, Name: "no problems", File: s.Name})
		}
		s.Tests = len(s.Cases)
		out.Tests += s.Tests
		out.Failures += s.Failures
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// xmlText drops what XML 1.0 cannot carry: control characters other than
// tab, newline and carriage return, U+FFFE and U+FFFF, and bytes that are
// not UTF-8 (which become U+FFFD). strings.Map copies only when something
// changes.
func xmlText(s string) string {
	return strings.Map(func(r rune) rune {
		if xmlChar(r) {
			return r
		}
		return -1
	}, s)
}

func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		(r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
}
