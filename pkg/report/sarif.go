package report

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/journey-maps/journey/pkg/diag"
)

// SARIF constants: the schema the log follows and where the tool lives.
const (
	SARIFSchema    = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	SARIFVersion   = "2.1.0"
	InformationURI = "https://github.com/journey-maps/journey"
	// SARIFFingerprint is the key of the partial fingerprint built from
	// rule, file and item, which stays the same when lines move.
	SARIFFingerprint = "journeyItem/v1"
	srcRoot          = "%SRCROOT%"
)

// The subset of SARIF 2.1.0 that journey writes (docs/output.md).
type (
	// SARIFLog is the document: one run of journey.
	SARIFLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []SARIFRun `json:"runs"`
	}
	// SARIFRun is a run: the tool and its results.
	SARIFRun struct {
		Tool       SARIFTool     `json:"tool"`
		ColumnKind string        `json:"columnKind"`
		Results    []SARIFResult `json:"results"`
	}
	// SARIFTool names the tool.
	SARIFTool struct {
		Driver SARIFDriver `json:"driver"`
	}
	// SARIFDriver is the tool's driver: its name, version and rules.
	SARIFDriver struct {
		Name           string      `json:"name"`
		Version        string      `json:"version,omitempty"`
		InformationURI string      `json:"informationUri"`
		Rules          []SARIFRule `json:"rules"`
	}
	// SARIFRule is a reportingDescriptor: one rule and its documentation.
	SARIFRule struct {
		ID                   string        `json:"id"`
		Name                 string        `json:"name"`
		ShortDescription     SARIFText     `json:"shortDescription"`
		FullDescription      SARIFText     `json:"fullDescription"`
		Help                 SARIFText     `json:"help"`
		HelpURI              string        `json:"helpUri"`
		DefaultConfiguration SARIFRuleConf `json:"defaultConfiguration"`
	}
	// SARIFRuleConf is a rule's default configuration: its level.
	SARIFRuleConf struct {
		Level string `json:"level"`
	}
	// SARIFText is a message string.
	SARIFText struct {
		Text string `json:"text"`
	}
	// SARIFResult is one finding.
	SARIFResult struct {
		RuleID              string            `json:"ruleId"`
		RuleIndex           int               `json:"ruleIndex"`
		Level               string            `json:"level"`
		Message             SARIFText         `json:"message"`
		Locations           []SARIFLocation   `json:"locations"`
		PartialFingerprints map[string]string `json:"partialFingerprints"`
		Properties          *SARIFProperties  `json:"properties,omitempty"`
	}
	// SARIFProperties are a result's own properties: the item it is about.
	SARIFProperties struct {
		Item string `json:"item,omitempty"`
	}
	// SARIFLocation is where a result is.
	SARIFLocation struct {
		PhysicalLocation SARIFPhysical `json:"physicalLocation"`
	}
	// SARIFPhysical is a file and a region in it.
	SARIFPhysical struct {
		ArtifactLocation SARIFArtifact `json:"artifactLocation"`
		Region           SARIFRegion   `json:"region"`
	}
	// SARIFArtifact is a file, by URI relative to the repository root.
	SARIFArtifact struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	// SARIFRegion is a line and column, in Unicode code points.
	SARIFRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
	}
)

// SARIF writes the result as a SARIF 2.1.0 log that GitHub code scanning
// accepts: one run, every rule the run can report or did report, and a
// result per finding located relative to the repository root.
func SARIF(w io.Writer, r *Result, o Options) error {
	rules, index := sarifRules(r)
	paths := newRepoPaths(o)
	seen := map[string]int{}
	results := make([]SARIFResult, 0, len(r.Diags))
	for _, d := range r.Diags {
		uri, base := sarifURI(paths, d.File)
		key := d.Item
		if key == "" {
			key = d.Message
		}
		fp := fingerprint(d.Rule, uri, key)
		seen[fp]++
		res := SARIFResult{
			RuleID:    d.Rule,
			RuleIndex: index[d.Rule],
			Level:     sarifLevel(d.Severity),
			Message:   SARIFText{Text: d.Message},
			Locations: []SARIFLocation{{PhysicalLocation: SARIFPhysical{
				ArtifactLocation: SARIFArtifact{URI: uri, URIBaseID: base},
				Region:           SARIFRegion{StartLine: max(d.Line, 1), StartColumn: max(d.Col, 0)},
			}}},
			PartialFingerprints: map[string]string{SARIFFingerprint: fmt.Sprintf("%s:%d", fp, seen[fp])},
		}
		if d.Item != "" {
			res.Properties = &SARIFProperties{Item: d.Item}
		}
		results = append(results, res)
	}
	log := SARIFLog{
		Schema:  SARIFSchema,
		Version: SARIFVersion,
		Runs: []SARIFRun{{
			Tool: SARIFTool{Driver: SARIFDriver{
				Name: "journey", Version: o.Version, InformationURI: InformationURI, Rules: rules,
			}},
			ColumnKind: "unicodeCodePoints",
			Results:    results,
		}},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(log)
}

// sarifRules lists r.Rules, then any rule that a finding names but
// r.Rules lacks (validate's format checks in a lint run, say), and maps
// each id to its index.
func sarifRules(r *Result) ([]SARIFRule, map[string]int) {
	rules := []SARIFRule{}
	index := map[string]int{}
	add := func(rule diag.RuleDoc) {
		if _, ok := index[rule.ID]; ok {
			return
		}
		index[rule.ID] = len(rules)
		rules = append(rules, sarifRule(rule))
	}
	for _, rule := range r.Rules {
		add(rule)
	}
	for _, d := range r.Diags {
		add(diag.RuleDoc{ID: d.Rule, Severity: d.Severity})
	}
	return rules, index
}

func sarifRule(r diag.RuleDoc) SARIFRule {
	summary := r.Summary
	if summary == "" {
		summary = fmt.Sprintf("Findings of the journey rule %s", r.ID)
	}
	help := r.Help()
	if help == "" {
		help = summary + "."
	}
	uri := r.HelpURI
	if uri == "" {
		uri = RuleHelpURI(r.ID)
	}
	sev := r.Severity
	if sev == 0 {
		sev = diag.Warning
	}
	return SARIFRule{
		ID:                   r.ID,
		Name:                 ruleName(r.ID),
		ShortDescription:     SARIFText{Text: summary},
		FullDescription:      SARIFText{Text: summary},
		Help:                 SARIFText{Text: help},
		HelpURI:              uri,
		DefaultConfiguration: SARIFRuleConf{Level: sarifLevel(sev)},
	}
}

// RuleHelpURI is where a rule without a HelpURI of its own is documented:
// the format checks of validate in docs/format.md, lint rules in
// docs/rules.md.
func RuleHelpURI(id string) string {
	switch id {
	case diag.RuleFile, diag.RuleSyntax, diag.RuleSchema, diag.RuleUnknownKey,
		diag.RuleDuplicateKey, diag.RuleDuplicateID, diag.RuleReference, diag.RuleInclude:
		return InformationURI + "/blob/main/docs/format.md"
	}
	return InformationURI + "/blob/main/docs/rules.md#" + id
}

// ruleName turns "goal-measurable" into "GoalMeasurable".
func ruleName(id string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(id, func(r rune) bool { return r == '-' || r == '_' }) {
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	if b.Len() == 0 {
		return id
	}
	return b.String()
}

func sarifLevel(s diag.Severity) string { return levelName(s, "note") }

// levelName names a severity "error" or "warning", and info as the format
// calls it (SARIF "note", GitHub "notice").
func levelName(s diag.Severity, info string) string {
	switch s {
	case diag.Error:
		return "error"
	case diag.Warning:
		return "warning"
	}
	return info
}

// sarifURI returns the artifact URI of a file and its base id: relative to
// %SRCROOT% inside the repository, an absolute file URI outside it.
func sarifURI(p *repoPaths, path string) (uri, base string) {
	rel, ok := p.rel(path)
	if ok {
		return escapeURIPath(rel), srcRoot
	}
	if path == "<stdin>" || path == "" {
		return escapeURIPath(path), ""
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return escapeURIPath(rel), ""
	}
	abs = filepath.ToSlash(abs)
	if !strings.HasPrefix(abs, "/") { // C:/x on Windows
		abs = "/" + abs
	}
	return "file://" + escapeURIPath(abs), ""
}

// escapeURIPath percent-encodes everything in a slash-separated path but
// RFC 3986 unreserved characters and "/", so names with spaces, "%", "#",
// ":" or non-ASCII letters make valid URI references.
func escapeURIPath(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c == '/' || c == '-' || c == '.' || c == '_' || c == '~' ||
			('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9') {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

// fingerprint identifies a finding by rule, file and item, not by line.
func fingerprint(rule, uri, item string) string {
	h := sha256.Sum256([]byte(rule + "\x00" + uri + "\x00" + item))
	return hex.EncodeToString(h[:16])
}
