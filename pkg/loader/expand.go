package loader

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/model"
)

// IsJourneyFile reports whether a directory walk picks up the file.
func IsJourneyFile(name string) bool {
	return strings.HasSuffix(name, ".journey.yaml") || strings.HasSuffix(name, ".personas.yaml")
}

// Expand turns arguments into file paths: a file named explicitly is always
// read, "-" means stdin, a directory is searched recursively for
// *.journey.yaml and *.personas.yaml (sorted, each file once, symbolic link
// loops not followed). A path that cannot be read is a fatal finding.
func Expand(args []string) ([]string, []diag.Diagnostic) {
	var out []string
	var problems []diag.Diagnostic
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	bad := func(path, msg string) {
		problems = append(problems, diag.Diagnostic{Pos: model.Pos{File: path}, Severity: diag.Error, Rule: diag.RuleFile, Message: msg, Fatal: true})
	}
	for _, a := range args {
		if a == "-" {
			add(a)
			continue
		}
		st, err := os.Stat(a)
		if err != nil {
			bad(a, "cannot read: "+ReadMessage(err))
			continue
		}
		if !st.IsDir() {
			add(filepath.Clean(a))
			continue
		}
		var found []string
		err = filepath.WalkDir(a, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				bad(p, "cannot read: "+ReadMessage(err))
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if name := d.Name(); p != a && (strings.HasPrefix(name, ".") || name == "node_modules" || name == "vendor") {
					return fs.SkipDir // hidden folders (.git) and dependency trees
				}
				return nil
			}
			// WalkDir does not follow links to directories, so link loops
			// cannot trap it; a link to a file is read like the file.
			if IsJourneyFile(d.Name()) {
				found = append(found, p)
			}
			return nil
		})
		if err != nil {
			bad(a, "cannot read: "+ReadMessage(err))
		}
		sort.Strings(found)
		for _, p := range found {
			add(p)
		}
	}
	return out, problems
}
