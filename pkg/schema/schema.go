// Package schema validates parsed journey files against the embedded JSON
// Schema and turns what fails into positioned, readable findings.
package schema

import (
	"strings"
)

// patternHint explains a pattern by the definition it belongs to.
func patternHint(def string) string {
	switch def {
	case "url":
		return "is not an http(s) URL"
	case "id":
		return "is not a kebab-case id (lower-case letters, digits and single dashes, like \"product-page\")"
	}
	return "does not match the expected pattern"
}

// field renders an instance location as a YAML path: stages[0].touchpoints[2].emotion.
func field(loc []string) string {
	var b strings.Builder
	for _, s := range loc {
		if s != "" && strings.Trim(s, "0123456789") == "" {
			b.WriteString("[" + s + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s)
	}
	return b.String()
}

func subject(where string) string {
	if where == "" {
		return "the document"
	}
	return where
}

func in(where string) string {
	if where == "" {
		return ""
	}
	return " in " + where
}

func article(types []string) []string {
	out := make([]string, len(types))
	for i, t := range types {
		switch t {
		case "object":
			out[i] = "a mapping"
		case "array":
			out[i] = "a list"
		case "integer":
			out[i] = "a whole number"
		case "null":
			out[i] = "empty"
		case "boolean":
			out[i] = "true or false"
		default:
			out[i] = "a " + t
		}
	}
	return out
}
