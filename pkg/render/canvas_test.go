package render_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/journey-maps/journey/pkg/corpus"
	"github.com/journey-maps/journey/pkg/loader"
	"github.com/journey-maps/journey/pkg/model"
	"github.com/journey-maps/journey/pkg/render/internal/svgcheck"
)

// exampleMaps loads every map under examples/.
func exampleMaps(t *testing.T) map[string]*model.Journey {
	t.Helper()
	paths, err := filepath.Glob("../../examples/*/*.journey.yaml")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	out := map[string]*model.Journey{}
	for _, p := range paths {
		files, problems := loader.New(loader.Options{}).Load([]string{p})
		if len(problems) > 0 || len(files) != 1 || files[0].Journey == nil {
			t.Fatalf("loading %s: %v", p, problems)
		}
		out[strings.TrimSuffix(filepath.Base(p), ".journey.yaml")] = files[0].Journey
	}
	return out
}

// fontFace is the embedded font of a standalone SVG: the same bytes in
// every file, left out of the golden files.
var fontFace = regexp.MustCompile(`(?s)<style>@font-face.*?</style>\n`)

// The canvas of every example, byte for byte.
func TestCanvasGolden(t *testing.T) {
	for name, j := range exampleMaps(t) {
		t.Run(name, func(t *testing.T) {
			svg := run(t, prepare(t, j, ""), "matrix", "svg")
			if !fontFace.Match(svg) {
				t.Error("the standalone SVG does not embed its font")
			}
			got := fontFace.ReplaceAll(svg, nil)
			path := filepath.Join(dir, "golden", "canvas-"+name+".svg")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("the canvas of %s differs from %s (run with -update and look at it)", name, path)
			}
		})
	}
}

// No text under 11 px and none wider than its box, in the canvas and the
// emotion curve of every example, of every persona's view, of the hostile
// map and of a map of 300 touchpoints, at the default width and a narrow
// one.
func TestPicturesReadable(t *testing.T) {
	maps := exampleMaps(t)
	maps["hostile"] = load(t, "hostile.journey.yaml")
	maps["basic"] = load(t, "basic.journey.yaml")
	maps["large"] = large(t)
	for name, j := range maps {
		personas := []string{""}
		for _, p := range j.AllPersonas() {
			personas = append(personas, p.ID)
		}
		for _, persona := range personas {
			for _, view := range []string{"matrix", "emotions"} {
				for _, width := range []float64{0, 400} {
					o := opts
					o.MaxWidth = width
					d := prepare(t, j, persona)
					var buf bytes.Buffer
					if err := renderWith(&buf, d, view, "svg", o); err != nil {
						t.Fatal(err)
					}
					problems, err := svgcheck.Problems(buf.Bytes(), true)
					if err != nil {
						t.Fatalf("%s %s: %v", name, view, err)
					}
					if len(problems) > 0 {
						t.Errorf("%s %s persona %q width %v: %d problems, first: %s", name, view, persona, width, len(problems), problems[0])
					}
				}
			}
		}
	}
}

// The checker is not blind: it finds small and overflowing text.
func TestSVGCheckFindsProblems(t *testing.T) {
	bad := []byte(`<svg xmlns="http://www.w3.org/2000/svg"><rect class="box" x="0" y="0" width="50" height="30"/>` +
		`<text x="5" y="20" font-size="12">far too long for its box</text><text x="5" y="20" font-size="9">a</text>` +
		`<g transform="translate(100 0)"><text x="5" y="20" font-size="12">out</text></g></svg>`)
	problems, err := svgcheck.Problems(bad, true)
	if err != nil || len(problems) != 3 {
		t.Errorf("problems = %q, %v; want 3", problems, err)
	}
}

// A 200,000-character label took 39 s to write as DOT: escaping and
// wrapping are linear. The bound is far above the expected cost (tens of
// milliseconds), so a hang fails and a slow machine does not.
func TestLongLabelIsLinear(t *testing.T) {
	long := strings.Repeat("x", 200000) + " " + strings.Repeat("<&> word ", 20000)
	src := "kind: Journey\nversion: 1\ntitle: Long\nstages:\n  - id: s\n    name: S\n    touchpoints:\n" +
		"      - id: t\n        name: \"" + long + "\"\n        channel: website\n        doing: \"" + long + "\"\n        emotion: 3\n" +
		"        pain_points:\n          - description: \"" + long + "\"\n            severity: high\n"
	f := loader.New(loader.Options{}).LoadBytes("long.journey.yaml", []byte(src))
	if f.Journey == nil || !f.Valid() {
		t.Fatalf("the map does not load: %v", f.Diags)
	}
	d := prepare(t, f.Journey, "")
	for _, c := range []struct{ view, format string }{{"journey", "dot"}, {"matrix", "svg"}, {"emotions", "svg"}, {"journey", "mermaid"}, {"matrix", "table"}} {
		start := time.Now()
		out := run(t, d, c.view, c.format)
		if el := time.Since(start); el > 10*time.Second {
			t.Errorf("%s %s of a 400,000-character label took %v", c.view, c.format, el)
		}
		if len(out) < 200000 {
			t.Errorf("%s %s: the label was lost (%d bytes)", c.view, c.format, len(out))
		}
	}
}

var largeOut = flag.String("large-out", "", "write the 300-touchpoint map to this file (make bench-canvas)")

// TestWriteLarge writes the 300-touchpoint map for make bench-canvas; it
// does nothing without -large-out.
func TestWriteLarge(t *testing.T) {
	if *largeOut == "" {
		t.Skip("no -large-out")
	}
	if err := os.WriteFile(*largeOut, corpus.Large(300), 0o644); err != nil {
		t.Fatal(err)
	}
}
