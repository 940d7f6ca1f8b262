// Package config reads .journeylint.yaml: which lint rules run at which
// severity, their options, per-path overrides and the score weights.
//
// A configuration is read against a Schema: the rules it may configure
// and the names of the score weights. The command line builds the schema
// from package lint and package score, which config imports neither of.
package config

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/journey-maps/journey/pkg/diag"
)

// FileName is the name of the configuration file searched for.
const FileName = ".journeylint.yaml"

// MaxSize is the largest configuration file read.
const MaxSize = 1 << 20

// Presets are the values of `extends`.
const (
	Recommended = "recommended" // every rule at its default severity
	Strict      = "strict"      // every rule at least warning
)

// Level is a configured rule level: off or a severity.
type Level int

// Levels; LevelUnset means the configuration does not say.
const (
	LevelUnset Level = iota
	LevelOff
	LevelInfo
	LevelWarning
	LevelError
)

// ParseLevel reads off, info, warning or error.
func ParseLevel(s string) (Level, bool) {
	if s == "off" {
		return LevelOff, true
	}
	sev, err := diag.ParseSeverity(s)
	if err != nil {
		return LevelUnset, false
	}
	return levelOf(sev), true
}

// Severity is the severity of a level; 0 for off and unset.
func (l Level) Severity() diag.Severity {
	switch l {
	case LevelInfo:
		return diag.Info
	case LevelWarning:
		return diag.Warning
	case LevelError:
		return diag.Error
	}
	return 0
}

func levelOf(s diag.Severity) Level {
	switch s {
	case diag.Info:
		return LevelInfo
	case diag.Warning:
		return LevelWarning
	case diag.Error:
		return LevelError
	}
	return LevelOff
}

// RuleSpec is what the configuration needs to know of a rule.
type RuleSpec struct {
	ID       string
	Severity diag.Severity // default
	Options  []OptionSpec
}

// OptionSpec is an option of a rule. Options are whole numbers of at
// least Min (every option today is a number of days).
type OptionSpec struct {
	Name    string
	Default int
	Min     int
}

// Schema is what a configuration file is checked against, so that a rule,
// an option or a weight it does not know is an error with a did-you-mean.
type Schema struct {
	Rules []RuleSpec
	// Weights are the keys of score.weights, in the order they are listed.
	Weights []string
	// CheckWeights judges the weights as a whole (all zero cannot rank
	// anything, say); nil accepts any.
	CheckWeights func(map[string]float64) error
}

// rule returns the spec of a rule id.
func (s Schema) rule(id string) (RuleSpec, bool) {
	for _, r := range s.Rules {
		if r.ID == id {
			return r, true
		}
	}
	return RuleSpec{}, false
}

// ruleIDs lists the rule ids, sorted.
func (s Schema) ruleIDs() []string {
	ids := make([]string, len(s.Rules))
	for i, r := range s.Rules {
		ids[i] = r.ID
	}
	sort.Strings(ids)
	return ids
}

// RuleConfig is what one `rules` entry says.
type RuleConfig struct {
	Level   Level
	Options map[string]int
}

// Override applies rule settings to files matching any of its globs.
type Override struct {
	Files []string
	Rules map[string]RuleConfig
}

// Config is a loaded configuration.
type Config struct {
	// Path is the file it was read from; "" for the default configuration.
	Path string
	// Dir is the directory override globs are relative to.
	Dir       string
	Extends   string
	Rules     map[string]RuleConfig
	Overrides []Override
	// Weights is `score.weights` as written (nil when absent); read it
	// with score.WeightsFrom.
	Weights map[string]float64

	// settled holds the settings of each set of matching globs met so
	// far (keyed by a bit set of them), filled in on first use: lint asks
	// about every rule for every file. globs are the override globs,
	// compiled on first use. A Config is not changed once it is asked.
	settled   sync.Map
	globsOnce sync.Once
	globs     *overrideGlobs
}

// Default is the configuration used when there is no file: every rule at
// its default severity, override globs relative to the current directory.
func Default() *Config {
	dir, _ := os.Getwd()
	return &Config{Dir: dir, Extends: Recommended, Rules: map[string]RuleConfig{}}
}

// Find looks for .journeylint.yaml in dir and its parents and returns its
// path, or "" when there is none.
func Find(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(abs, FileName)
		st, err := os.Stat(p)
		if err == nil && !st.IsDir() {
			return p, nil
		}
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return "", fmt.Errorf("%s: %w", p, err)
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return "", nil
		}
		abs = parent
	}
}

// Discover loads the file given (when path is not empty) or the one Find
// finds from dir upward, else returns Default.
func Discover(path, dir string, s Schema) (*Config, error) {
	if path == "" {
		found, err := Find(dir)
		if err != nil {
			return nil, err
		}
		if found == "" {
			return Default(), nil
		}
		path = found
	}
	return Load(path, s)
}

// Load reads and checks a configuration file.
func Load(path string, s Schema) (*Config, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read configuration: %w", err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, fmt.Errorf("cannot read configuration %s: is a directory", path)
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read configuration %s: %w", path, err)
	}
	if len(data) > MaxSize {
		return nil, fmt.Errorf("configuration %s is too large (over 1 MiB)", path)
	}
	return Parse(path, data, s)
}

// Effective is the severity and options in force for one rule and file.
type Effective struct {
	// Severity is 0 when the rule is off.
	Severity diag.Severity
	Options  map[string]int
}

// On reports whether the rule runs.
func (e Effective) On() bool { return e.Severity != 0 }

// Int returns an option's value (its default when not configured).
func (e Effective) Int(name string) int { return e.Options[name] }

// Rule returns the severity and options of a rule for a file (a path as
// given on the command line, or absolute). Settings apply in order: the
// rule's defaults (its spec), the preset of `extends`, `rules`, then every
// override whose globs match the file. To ask about several rules for one
// file, use For once.
func (c *Config) Rule(spec RuleSpec, file string) Effective { return c.For(file).Rule(spec) }

// FileConfig is a configuration as it applies to one file.
type FileConfig struct {
	c *Config
	s *settings // nil for the default configuration
}

// settings are the rule settings in force under one set of matching
// globs. Files matched by the same globs share them, so each rule's
// settings are worked out once for all of them, not per file, rule and
// override.
type settings struct {
	overrides []*Override // in order
	rules     sync.Map    // rule id → Effective
}

// overrideGlobs are the globs of the overrides, compiled once; a glob
// written in several overrides is matched once a file.
type overrideGlobs struct {
	globs []glob
	// of lists, for each override, the indexes of its globs in globs.
	of [][]int
	// longest is the largest number of segments in a glob.
	longest int
}

func compileOverrides(overrides []Override) *overrideGlobs {
	og := &overrideGlobs{of: make([][]int, len(overrides))}
	index := map[string]int{}
	for i, o := range overrides {
		for _, pattern := range o.Files {
			at, seen := index[pattern]
			if !seen {
				at = len(og.globs)
				index[pattern] = at
				g := compileGlob(pattern)
				og.globs = append(og.globs, g)
				og.longest = max(og.longest, len(g.segs))
			}
			og.of[i] = append(og.of[i], at)
		}
	}
	return og
}

// For returns the configuration in force for a file: each distinct glob
// is matched once, and the settings of the overrides that match are
// shared with every file the same globs match.
func (c *Config) For(file string) FileConfig {
	if c == nil {
		return FileConfig{}
	}
	var key string // a bit set of the globs that match
	if len(c.Overrides) > 0 {
		if rel, ok := c.relPath(file); ok {
			key = c.matching(rel)
		}
	}
	if s, ok := c.settled.Load(key); ok {
		return FileConfig{c: c, s: s.(*settings)}
	}
	s := &settings{}
	for i, globs := range c.overrideGlobs().of {
		for _, at := range globs {
			if at/8 < len(key) && key[at/8]&(1<<(at%8)) != 0 {
				s.overrides = append(s.overrides, &c.Overrides[i])
				break
			}
		}
	}
	got, _ := c.settled.LoadOrStore(key, s)
	return FileConfig{c: c, s: got.(*settings)}
}

func (c *Config) overrideGlobs() *overrideGlobs {
	c.globsOnce.Do(func() { c.globs = compileOverrides(c.Overrides) })
	return c.globs
}

// matching returns, as a bit set, the distinct override globs that match
// a file (its path relative to the configuration's directory). A glob
// without a slash also matches the base name.
func (c *Config) matching(rel string) string {
	og := c.overrideGlobs()
	name := splitPath(rel)
	scratch := make([]bool, 2*(og.longest+1))
	set := make([]byte, (len(og.globs)+7)/8)
	for i, g := range og.globs {
		if g.match(name, scratch) {
			set[i/8] |= 1 << (i % 8)
		}
	}
	return string(set)
}

// Rule returns the severity and options of a rule for the file. Its
// Options are shared: read them, do not change them.
func (f FileConfig) Rule(spec RuleSpec) Effective {
	if f.s == nil {
		return f.rule(spec)
	}
	if e, ok := f.s.rules.Load(spec.ID); ok {
		return e.(Effective)
	}
	e := f.rule(spec)
	f.s.rules.Store(spec.ID, e)
	return e
}

func (f FileConfig) rule(spec RuleSpec) Effective {
	id := spec.ID
	level := levelOf(spec.Severity)
	if f.c != nil && f.c.Extends == Strict && level == LevelInfo {
		level = LevelWarning
	}
	opts := make(map[string]int, len(spec.Options))
	for _, o := range spec.Options {
		opts[o.Name] = o.Default
	}
	apply := func(rc RuleConfig, ok bool) {
		if !ok {
			return
		}
		if rc.Level != LevelUnset {
			level = rc.Level
		}
		for k, v := range rc.Options {
			opts[k] = v
		}
	}
	if f.c != nil {
		rc, ok := f.c.Rules[id]
		apply(rc, ok)
	}
	if f.s != nil {
		for _, o := range f.s.overrides {
			rc, ok := o.Rules[id]
			apply(rc, ok)
		}
	}
	return Effective{Severity: level.Severity(), Options: opts}
}

// relPath is a file's path relative to the configuration's directory,
// slash-separated; false for standard input, which has no path.
func (c *Config) relPath(file string) (string, bool) {
	if file == "" || strings.HasPrefix(file, "<") {
		return "", false
	}
	rel := file
	if abs, err := filepath.Abs(file); err == nil && c.Dir != "" {
		if r, err := filepath.Rel(c.Dir, abs); err == nil {
			rel = r
		}
	}
	return filepath.ToSlash(rel), true
}
