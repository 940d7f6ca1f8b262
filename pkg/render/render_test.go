package render_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/xml"
	"flag"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mattn/go-runewidth"

	"github.com/journey-maps/journey/pkg/corpus"
	"github.com/journey-maps/journey/pkg/loader"
	"github.com/journey-maps/journey/pkg/mermaid"
	"github.com/journey-maps/journey/pkg/model"
	"github.com/journey-maps/journey/pkg/render"
	"github.com/journey-maps/journey/pkg/render/graphviz"
	"github.com/journey-maps/journey/pkg/render/internal/pagecheck"
	"github.com/journey-maps/journey/pkg/render/raster"
	"github.com/journey-maps/journey/pkg/score"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/render")

const dir = "../../testdata/render"

func load(t testing.TB, name string) *model.Journey {
	t.Helper()
	files, problems := loader.New(loader.Options{}).Load([]string{filepath.Join(dir, name)})
	if len(problems) > 0 || len(files) != 1 || !files[0].Valid() || files[0].Journey == nil {
		t.Fatalf("loading %s: %v %v", name, problems, files[0].Diags)
	}
	return files[0].Journey
}

func prepare(t testing.TB, j *model.Journey, persona string) *render.Data {
	t.Helper()
	rep := score.Compute(j, nil, score.Options{Persona: persona, Today: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)})
	in := &render.Input{Journey: j, Persona: persona, Score: rep, Source: "map.journey.yaml"}
	d, err := render.Prepare(in)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

var opts = render.Options{Layout: graphviz.SVG, Rasterize: func(svg []byte) ([]byte, error) { return raster.PNG(svg, raster.Options{}) }}

func renderWith(w io.Writer, d *render.Data, view, format string, o render.Options) error {
	return render.Render(context.Background(), w, d, view, format, o)
}

func run(t testing.TB, d *render.Data, view, format string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := render.Render(context.Background(), &buf, d, view, format, opts); err != nil {
		t.Fatalf("%s/%s: %v", view, format, err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	j := load(t, "basic.journey.yaml")
	cases := []struct{ view, format, persona string }{
		{"journey", "mermaid", ""},
		{"journey", "mermaid", "admin"},
		{"matrix", "markdown", ""},
		{"personas", "markdown", ""},
		{"backlog", "markdown", ""},
		{"journey", "markdown", "admin"},
		{"matrix", "csv", ""},
		{"emotions", "csv", ""},
		{"backlog", "csv", ""},
	}
	for _, c := range cases {
		name := c.view + "." + c.format
		if c.persona != "" {
			name = c.view + "-" + c.persona + "." + c.format
		}
		t.Run(name, func(t *testing.T) {
			got := run(t, prepare(t, j, c.persona), c.view, c.format)
			path := filepath.Join(dir, "golden", name)
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the golden file:\n--- got\n%s\n--- want\n%s", name, got, want)
			}
		})
	}
}

func TestPersonaFilterFollowsFlow(t *testing.T) {
	j := load(t, "basic.journey.yaml")
	d := prepare(t, j, "user")
	// The setup call is the admin's only: the user's flow goes from the
	// sign-up form to the invoice without it.
	signup := j.Touchpoint("signup")
	var next []string
	for _, n := range d.Next(signup) {
		next = append(next, n.ID)
	}
	if strings.Join(next, ",") != "invoice" {
		t.Errorf("next of signup for user = %v, want [invoice]", next)
	}
	if v, ok := d.Emotion(signup); !ok || v != 4 {
		t.Errorf("user emotion at signup = %v %v, want 4", v, ok)
	}
	if _, err := render.Prepare(&render.Input{Journey: j, Persona: "nobody"}); err == nil || !strings.Contains(err.Error(), "admin, user") {
		t.Errorf("unknown persona: err = %v, want the known ids listed", err)
	}
}

func TestCheck(t *testing.T) {
	for _, c := range []struct {
		view, format string
		ok           bool
	}{
		{"journey", "svg", true}, {"journey", "dot", true}, {"emotions", "png", true},
		{"matrix", "svg", true}, {"matrix", "dot", false}, {"emotions", "dot", false}, {"backlog", "mermaid", false},
		{"personas", "svg", false},
		{"personas", "csv", true}, {"nope", "csv", false}, {"journey", "pdf", false},
	} {
		err := render.Check(c.view, c.format)
		if (err == nil) != c.ok {
			t.Errorf("Check(%s, %s) = %v, want ok=%v", c.view, c.format, err, c.ok)
		}
		if err != nil && !strings.Contains(err.Error(), "want") && !strings.Contains(err.Error(), "formats for") {
			t.Errorf("Check(%s, %s) = %q: does not say what to use", c.view, c.format, err)
		}
	}
}

func TestDOTReadBackByGraphviz(t *testing.T) {
	for _, name := range []string{"basic.journey.yaml", "hostile.journey.yaml"} {
		j := load(t, name)
		dot := run(t, prepare(t, j, ""), "journey", "dot")
		st, err := graphviz.Parse(dot)
		if err != nil {
			t.Fatalf("%s: graphviz cannot read our DOT: %v\n%s", name, err, dot)
		}
		// One node per touchpoint (pain points are rows of its card, the
		// legend is in the title): a label that broke out of its quotes
		// would add nodes or edges.
		if want := len(j.Touchpoints()); st.Nodes != want {
			t.Errorf("%s: %d nodes, want %d", name, st.Nodes, want)
		}
		d := prepare(t, j, "")
		flow := 0
		for _, tp := range d.Points {
			flow += len(d.Next(tp))
		}
		if want := flow; st.Edges != want {
			t.Errorf("%s: %d edges, want %d", name, st.Edges, want)
		}
	}
}

// svgText collects the character data of every <text> element.
func parseXML(t *testing.T, doc []byte) (texts []string, elements map[string]int) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(doc))
	elements = map[string]int{}
	in := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v", err)
		}
		switch tk := tok.(type) {
		case xml.StartElement:
			elements[tk.Name.Local]++
			in = tk.Name.Local == "text"
			if in {
				texts = append(texts, "")
			}
		case xml.EndElement:
			in = false
		case xml.CharData:
			if in {
				texts[len(texts)-1] += string(tk)
			}
		}
	}
}

func TestSVGIsXML(t *testing.T) {
	for _, view := range []string{"journey", "emotions"} {
		for _, name := range []string{"basic.journey.yaml", "hostile.journey.yaml"} {
			svg := run(t, prepare(t, load(t, name), ""), view, "svg")
			texts, el := parseXML(t, svg)
			if el["svg"] != 1 || len(texts) == 0 {
				t.Errorf("%s %s: %d svg elements, %d texts", view, name, el["svg"], len(texts))
			}
			for _, bad := range []string{"script", "img", "b", "foreignObject"} {
				if el[bad] > 0 {
					t.Errorf("%s %s: a label injected a <%s> element", view, name, bad)
				}
			}
			if name == "hostile.journey.yaml" && view == "journey" {
				all := strings.Join(texts, " ")
				if !strings.Contains(all, "<script>alert(1)</script>") {
					t.Errorf("the hostile title is not shown as text: %q", all)
				}
			}
		}
	}
}

func TestPNG(t *testing.T) {
	for _, view := range []string{"journey", "emotions"} {
		b := run(t, prepare(t, load(t, "basic.journey.yaml"), ""), view, "png")
		if !bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) {
			t.Fatalf("%s: no PNG signature", view)
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		// go-graphviz's broken PNG had black fills: check that the image
		// is mostly light and holds the fill of a very positive emotion.
		bounds := img.Bounds()
		dark, green := 0, 0
		for y := bounds.Min.Y; y < bounds.Max.Y; y += 2 {
			for x := bounds.Min.X; x < bounds.Max.X; x += 2 {
				r, g, bl, _ := img.At(x, y).RGBA()
				if r+g+bl < 3*0x3000 {
					dark++
				}
				if r>>8 == 0x2a && g>>8 == 0x6f && bl>>8 == 0xb5 { // palette.Emotion(5)
					green++
				}
			}
		}
		total := bounds.Dx() * bounds.Dy() / 4
		if dark > total/10 {
			t.Errorf("%s: %d of %d pixels are dark", view, dark, total)
		}
		if green == 0 {
			t.Errorf("%s: no pixel has the colour of emotion 5", view)
		}
	}
}

// hostile strings that must never reach an output unescaped.
var injected = []string{"<script", "<img", "<b>bold"}

func TestHostileLabels(t *testing.T) {
	j := load(t, "hostile.journey.yaml")
	d := prepare(t, j, "")
	t.Run("html", func(t *testing.T) {
		page := run(t, d, "journey", "html")
		for _, s := range injected {
			if bytes.Contains(page, []byte(s)) {
				t.Errorf("html contains %q", s)
			}
		}
		if !bytes.Contains(page, []byte("&lt;script&gt;alert(1)&lt;/script&gt;")) {
			t.Error("html does not show the hostile title as text")
		}
		if bytes.Contains(page, []byte("\u202e")) {
			t.Error("html keeps a bidi override")
		}
	})
	t.Run("dot", func(t *testing.T) {
		// Structure is checked by TestDOTReadBackByGraphviz (no extra
		// nodes, edges or attributes); here, that the markup is escaped.
		dot := string(run(t, d, "journey", "dot"))
		for _, s := range injected {
			if strings.Contains(dot, s) {
				t.Errorf("dot contains %q", s)
			}
		}
		if !strings.Contains(dot, `URL="https://example.com/a?b=%22c%22&d=%3Ce%3E"`) {
			t.Error("dot: the URL is not re-encoded")
		}
	})
	t.Run("mermaid", func(t *testing.T) {
		// Read back as Mermaid reads it (pkg/mermaid follows its grammar;
		// its conformance tests check against Mermaid itself): the same
		// sections and tasks, no markup left as markup.
		m := run(t, d, "journey", "mermaid")
		got, err := mermaid.Parse(m)
		if err != nil {
			t.Fatalf("%v\n%s", err, m)
		}
		if got.Title != mermaid.Label(j.Title) || len(got.Sections) != len(j.Stages) {
			t.Fatalf("read back as %+v\n%s", got, m)
		}
		for i, s := range j.Stages {
			sec := got.Sections[i]
			if sec.Name != mermaid.Label(s.Name) || len(sec.Tasks) != len(s.Touchpoints) || sec.Tasks[0].Name != mermaid.Label(s.Touchpoints[0].Name) {
				t.Errorf("stage %d read back as %q %+v", i, sec.Name, sec.Tasks)
			}
		}
		for _, s := range injected {
			if bytes.Contains(m, []byte(s)) {
				t.Errorf("mermaid contains %q", s)
			}
		}
	})
	t.Run("csv", func(t *testing.T) {
		for _, view := range []string{"journey", "matrix", "backlog", "personas", "emotions"} {
			rows, err := csv.NewReader(bytes.NewReader(run(t, d, view, "csv"))).ReadAll()
			if err != nil {
				t.Fatalf("%s: %v", view, err)
			}
			for _, row := range rows {
				for _, c := range row {
					if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
						t.Errorf("%s: cell %q would run as a formula", view, c)
					}
				}
			}
		}
		rows, _ := csv.NewReader(bytes.NewReader(run(t, d, "journey", "csv"))).ReadAll()
		if got := rows[1][1]; !strings.HasPrefix(got, `'=HYPERLINK("http://evil") | pipe \ back`) {
			t.Errorf("touchpoint cell = %q: quotes or text lost", got)
		}
	})
	t.Run("markdown", func(t *testing.T) {
		for _, view := range []string{"journey", "matrix", "backlog", "personas", "emotions"} {
			md := string(run(t, d, view, "markdown"))
			cols := -1
			for _, l := range strings.Split(md, "\n") {
				if !strings.HasPrefix(l, "|") {
					continue
				}
				n := len(regexp.MustCompile(`(^|[^\\])\|`).FindAllString(l, -1))
				if cols == -1 {
					cols = n
				} else if n != cols {
					t.Errorf("%s: row has %d cell borders, header %d: %q", view, n, cols, l)
				}
			}
			if m := regexp.MustCompile(`(^|[^\\])<`).FindString(strings.ReplaceAll(md, "<br>", "")); m != "" {
				t.Errorf("%s markdown has an unescaped '<': %q", view, m)
			}
		}
	})
	t.Run("table", func(t *testing.T) {
		for _, view := range []string{"journey", "matrix", "backlog", "personas", "emotions"} {
			out := run(t, d, view, "table")
			if bytes.ContainsAny(out, "\x1b\u202e\r") {
				t.Errorf("%s: control characters reach the terminal", view)
			}
		}
	})
}

func TestEscapers(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{render.QuoteDOT(`a "b" \N {c}` + "\nd"), `"a \"b\" \\N {c}\nd"`},
		{render.EscapeDOTHTML("<b>&x\ny"), "&lt;b&gt;&amp;x<BR/>y"},
		{render.EscapeCSV("=1+1"), "'=1+1"},
		{render.EscapeCSV("-2"), "'-2"},
		{render.EscapeCSV("@x"), "'@x"},
		{render.EscapeCSV("plain"), "plain"},
		{render.EscapeMarkdown("a|b*c"), `a\|b\*c`},
		{render.SafeURL("javascript:alert(1)"), ""},
		{render.SafeURL(`https://x.example/"a"`), "https://x.example/%22a%22"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

// large loads pkg/corpus's 300-touchpoint map.
func large(tb testing.TB) *model.Journey {
	tb.Helper()
	f := loader.New(loader.Options{}).LoadBytes("large.journey.yaml", corpus.Large(300))
	if f.Journey == nil || !f.Valid() {
		tb.Fatalf("the large map does not load: %v", f.Diags)
	}
	return f.Journey
}

// BenchmarkRenderLarge renders the 300-touchpoint map in every kind of
// output: svg through in-process go-graphviz (the journey-graphviz
// helper's work; docs/performance.md compares it with native dot), the
// canvas in svg and png, the emotion curve, png, the html report, and
// the tables.
func BenchmarkRenderLarge(b *testing.B) {
	d := prepare(b, large(b), "")
	for _, c := range []struct{ view, format string }{
		{"journey", "svg"}, {"journey", "dot"}, {"matrix", "svg"}, {"matrix", "png"}, {"emotions", "svg"}, {"journey", "png"}, {"journey", "html"},
		{"matrix", "table"}, {"matrix", "markdown"}, {"journey", "table"}, {"backlog", "csv"}, {"journey", "mermaid"},
	} {
		b.Run(c.view+"-"+c.format, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				run(b, d, c.view, c.format)
			}
		})
	}
}

// The report is one self-contained page: a CSP that forbids every
// request, nothing loaded from outside (the hostile map's link stays an
// <a> a reader may follow), no script, and print styles.
func TestHTMLSelfContained(t *testing.T) {
	for _, name := range []string{"basic.journey.yaml", "hostile.journey.yaml"} {
		page := run(t, prepare(t, load(t, name), ""), "journey", "html")
		if loads := pagecheck.ExternalLoads(page); len(loads) > 0 {
			t.Errorf("%s: the page loads from outside: %q", name, loads)
		}
		for _, want := range []string{
			`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">`,
			"@media print", "<svg",
		} {
			if !bytes.Contains(page, []byte(want)) {
				t.Errorf("%s: the page lacks %q", name, want)
			}
		}
		if bytes.Contains(bytes.ToLower(page), []byte("<script")) {
			t.Errorf("%s: the page has a script", name)
		}
	}
}

// Every id of the report is unique, though the flow is drawn by Graphviz
// in several bands, each numbering its elements from 1.
func TestHTMLIDsUnique(t *testing.T) {
	page := run(t, prepare(t, large(t), ""), "journey", "html")
	ids := regexp.MustCompile(` id="([^"]+)"`).FindAllSubmatch(page, -1)
	if len(ids) < 20 {
		t.Fatalf("only %d ids: was the flow drawn?", len(ids))
	}
	seen := map[string]bool{}
	for _, m := range ids {
		if id := string(m[1]); seen[id] {
			t.Errorf("id %q twice", id)
		} else {
			seen[id] = true
		}
	}
}

// Terminal tables fit the width they are given, long words and all.
func TestTerminalTableFitsWidth(t *testing.T) {
	for _, name := range []string{"basic.journey.yaml", "hostile.journey.yaml"} {
		d := prepare(t, load(t, name), "")
		for _, view := range []string{"journey", "matrix", "backlog", "personas", "emotions"} {
			tab, err := render.TableOf(d, view)
			if err != nil {
				t.Fatal(err)
			}
			for _, width := range []int{100, 140} {
				if min := 5*len(tab.Header) + 3*len(tab.Header) + 1; min > width {
					continue // narrower than the columns' floor
				}
				var buf bytes.Buffer
				if err := render.WriteTerminal(&buf, tab, width); err != nil {
					t.Fatal(err)
				}
				for i, l := range strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n") {
					if w := runewidth.StringWidth(l); i > 0 && w > width {
						t.Errorf("%s %s at %d: a line is %d wide: %q", name, view, width, w, l)
						break
					}
				}
			}
		}
	}
}
