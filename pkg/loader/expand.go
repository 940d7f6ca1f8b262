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

// journeySuffixes are the names a directory walk picks up (docs/format.md).
var journeySuffixes = []string{".journey.yaml", ".journey.yml", ".personas.yaml", ".personas.yml"}

// IsJourneyFile reports whether a directory walk picks up the file.
func IsJourneyFile(name string) bool {
	for _, s := range journeySuffixes {
		if strings.HasSuffix(name, s) {
			return true
		}
	}
	return false
}

// NoJourneyFiles is the message of the finding about a directory when the
// arguments name no journey file: a check of nothing must not pass.
const NoJourneyFiles = "no journey files here: looked for *.journey.yaml, *.journey.yml, *.personas.yaml and *.personas.yml"

// Expand turns arguments into file paths: a file named explicitly is always
// read, "-" means stdin, a directory is searched recursively for journey
// files (IsJourneyFile; sorted, each file once, symbolic link loops not
// followed). A path that cannot be read is a fatal finding, and so is each
// directory when the arguments name no journey file at all.
func Expand(args []string) ([]string, []diag.Diagnostic) {
	var out, empty []string // empty: directories with no journey file
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
		if len(found) == 0 {
			empty = append(empty, a)
		}
	}
	if len(out) == 0 && len(problems) == 0 {
		for _, dir := range empty {
			bad(dir, NoJourneyFiles)
		}
	}
	return out, problems
}
