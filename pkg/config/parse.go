package config

import (
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/journey-maps/journey/pkg/diag"
	"github.com/journey-maps/journey/pkg/yamlx"
)

// Problem is a mistake in a configuration file, at a position.
type Problem struct {
	Path      string
	Line, Col int
	Msg       string
}

func (p Problem) String() string {
	return fmt.Sprintf("%s:%d:%d: error: %s", p.Path, p.Line, p.Col, p.Msg)
}

// Error lists every problem found in a configuration file.
type Error struct{ Problems []Problem }

func (e *Error) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// topKeys are the keys of the configuration file.
var topKeys = []string{"extends", "rules", "overrides", "score"}

type parser struct {
	path     string
	schema   Schema
	problems []Problem
}

func (p *parser) errorf(n *yaml.Node, format string, args ...any) {
	line, col := 1, 1
	if n != nil {
		line, col = n.Line, n.Column
	}
	p.problems = append(p.problems, Problem{Path: p.path, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)})
}

// unknown reports a key that is not one of known, with a did-you-mean.
func (p *parser) unknown(k *yaml.Node, what string, known []string) {
	msg := fmt.Sprintf("unknown %s %q", what, k.Value)
	if s := diag.Suggest(k.Value, known); s != "" {
		msg += fmt.Sprintf(": did you mean %q?", s)
	} else if len(known) <= 8 {
		msg += fmt.Sprintf(" (want one of %s)", strings.Join(known, ", "))
	}
	p.errorf(k, "%s", msg)
}

// pairs returns the key and value nodes of a mapping, or reports that the
// node is not one.
func (p *parser) pairs(n *yaml.Node, what string) [][2]*yaml.Node {
	n = yamlx.Resolve(n)
	if n == nil {
		return nil
	}
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "%s must be a mapping", what)
		return nil
	}
	var out [][2]*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		out = append(out, [2]*yaml.Node{yamlx.Resolve(n.Content[i]), yamlx.Resolve(n.Content[i+1])})
	}
	return out
}

func scalar(n *yaml.Node) (string, bool) {
	if n == nil || n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return "", false
	}
	return n.Value, true
}

// yamlProblem is an error of yamlx as a problem of the file, at its
// position when it has one, else at 1:1.
func yamlProblem(path string, err error) Problem {
	if ye, ok := err.(*yamlx.Error); ok {
		return Problem{Path: path, Line: max(ye.Line, 1), Col: max(ye.Col, 1), Msg: ye.Msg}
	}
	return Problem{Path: path, Line: 1, Col: 1, Msg: err.Error()}
}

// Parse reads a configuration from bytes against a schema; path names it
// in problems and anchors override globs. Every problem is reported, as
// *Error.
func Parse(path string, data []byte, s Schema) (*Config, error) {
	p := &parser{path: path, schema: s}
	dir := filepath.Dir(path)
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	c := &Config{Path: path, Dir: dir, Extends: Recommended, Rules: map[string]RuleConfig{}}
	root, err := yamlx.Parse(data)
	if err != nil {
		pr := yamlProblem(path, err)
		if ye, ok := err.(*yamlx.Error); ok && ye.Structural {
			if ye.Empty {
				return c, nil // an empty configuration is the default one
			}
			pr.Msg = "the configuration must be a mapping with keys such as extends and rules"
		}
		return nil, &Error{[]Problem{pr}}
	}
	problems, err := yamlx.Check(root)
	if err != nil {
		return nil, &Error{[]Problem{yamlProblem(path, err)}}
	}
	for _, pr := range problems {
		p.problems = append(p.problems, Problem{Path: path, Line: pr.Line, Col: pr.Col, Msg: pr.Msg})
	}
	for _, kv := range p.pairs(root, "the configuration") {
		k, v := kv[0], kv[1]
		switch k.Value {
		case "extends":
			s, _ := scalar(v)
			if s != Recommended && s != Strict {
				p.errorf(v, "extends %q: want recommended or strict", v.Value)
				continue
			}
			c.Extends = s
		case "rules":
			c.Rules = p.rules(v)
		case "overrides":
			c.Overrides = p.overrides(v)
		case "score":
			c.Weights = p.score(v)
		default:
			if strings.HasPrefix(k.Value, "x-") {
				continue // extensions, as in maps
			}
			p.unknown(k, "key", topKeys)
		}
	}
	if len(p.problems) > 0 {
		sort.SliceStable(p.problems, func(i, j int) bool {
			a, b := p.problems[i], p.problems[j]
			if a.Line != b.Line {
				return a.Line < b.Line
			}
			return a.Col < b.Col
		})
		return nil, &Error{p.problems}
	}
	return c, nil
}

// rules reads a `rules` mapping: rule id to a level, or to a mapping of
// `severity` and the rule's options.
func (p *parser) rules(n *yaml.Node) map[string]RuleConfig {
	out := map[string]RuleConfig{}
	for _, kv := range p.pairs(n, "rules") {
		k, v := kv[0], kv[1]
		spec, ok := p.schema.rule(k.Value)
		if !ok {
			p.unknown(k, "rule", p.schema.ruleIDs())
			continue
		}
		rc := RuleConfig{}
		if s, ok := scalar(v); ok {
			lv, ok := ParseLevel(s)
			if !ok {
				p.errorf(v, "rule %s: %q is not a level (want off, info, warning or error)", k.Value, s)
				continue
			}
			rc.Level = lv
			out[k.Value] = rc
			continue
		}
		if v.Kind != yaml.MappingNode {
			p.errorf(v, "rule %s: want off, info, warning, error or a mapping of severity and options", k.Value)
			continue
		}
		names := []string{"severity"}
		for _, o := range spec.Options {
			names = append(names, o.Name)
		}
		for _, okv := range p.pairs(v, "rule "+k.Value) {
			ok2, ov := okv[0], okv[1]
			if ok2.Value == "severity" {
				s, _ := scalar(ov)
				lv, good := ParseLevel(s)
				if !good {
					p.errorf(ov, "rule %s: severity %q: want off, info, warning or error", k.Value, ov.Value)
					continue
				}
				rc.Level = lv
				continue
			}
			var opt *OptionSpec
			for i := range spec.Options {
				if spec.Options[i].Name == ok2.Value {
					opt = &spec.Options[i]
				}
			}
			if opt == nil {
				if len(spec.Options) == 0 {
					p.errorf(ok2, "rule %s has no option %q (only severity)", k.Value, ok2.Value)
				} else {
					p.unknown(ok2, "option of "+k.Value, names)
				}
				continue
			}
			s, _ := scalar(ov)
			val, err := strconv.Atoi(s)
			if err != nil || ov.Tag != "!!int" || val < opt.Min {
				p.errorf(ov, "rule %s: %s %q: want a whole number of at least %d", k.Value, opt.Name, ov.Value, opt.Min)
				continue
			}
			if rc.Options == nil {
				rc.Options = map[string]int{}
			}
			rc.Options[opt.Name] = val
		}
		out[k.Value] = rc
	}
	return out
}

// overrides reads the `overrides` list.
func (p *parser) overrides(n *yaml.Node) []Override {
	n = yamlx.Resolve(n)
	if n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null") {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "overrides must be a list of {files, rules}")
		return nil
	}
	var out []Override
	for _, item := range n.Content {
		item = yamlx.Resolve(item)
		if item == nil || item.Kind != yaml.MappingNode {
			p.errorf(item, "an override must be a mapping of files and rules")
			continue
		}
		var o Override
		hasFiles := false
		for _, kv := range p.pairs(item, "an override") {
			k, v := kv[0], kv[1]
			switch k.Value {
			case "files":
				hasFiles = true
				o.Files = p.globs(v)
			case "rules":
				o.Rules = p.rules(v)
			default:
				p.unknown(k, "key of an override", []string{"files", "rules"})
			}
		}
		if !hasFiles {
			p.errorf(item, "an override needs files: a glob or a list of globs")
		}
		out = append(out, o)
	}
	return out
}

func (p *parser) globs(n *yaml.Node) []string {
	var nodes []*yaml.Node
	switch n.Kind {
	case yaml.ScalarNode:
		nodes = []*yaml.Node{n}
	case yaml.SequenceNode:
		for _, x := range n.Content {
			nodes = append(nodes, yamlx.Resolve(x))
		}
	default:
		p.errorf(n, "files must be a glob or a list of globs")
		return nil
	}
	var out []string
	for _, x := range nodes {
		s, ok := scalar(x)
		if !ok || s == "" {
			p.errorf(x, "files: want a glob such as \"legacy/**\"")
			continue
		}
		if err := ValidGlob(s); err != nil {
			p.errorf(x, "files %q: %v", s, err)
			continue
		}
		out = append(out, s)
	}
	return out
}

// score reads `score: {weights: {...}}`.
func (p *parser) score(n *yaml.Node) map[string]float64 {
	var weights map[string]float64
	for _, kv := range p.pairs(n, "score") {
		k, v := kv[0], kv[1]
		if k.Value != "weights" {
			p.unknown(k, "key of score", []string{"weights"})
			continue
		}
		weights = map[string]float64{}
		for _, wkv := range p.pairs(v, "score.weights") {
			wk, wv := wkv[0], wkv[1]
			if !slices.Contains(p.schema.Weights, wk.Value) {
				p.unknown(wk, "score weight", p.schema.Weights)
				continue
			}
			f, ok := yamlx.Number(wv)
			if !ok || math.IsNaN(f) || math.IsInf(f, 0) || f < 0 {
				p.errorf(wv, "score weight %s %q: want a number of 0 or more", wk.Value, wv.Value)
				continue
			}
			weights[wk.Value] = f
		}
		if p.schema.CheckWeights == nil || len(p.problems) > 0 {
			continue
		}
		if err := p.schema.CheckWeights(weights); err != nil {
			p.errorf(v, "%v", err)
		}
	}
	return weights
}
