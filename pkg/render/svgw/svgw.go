// Package svgw writes the SVG of the pictures journey draws itself (the
// canvas and the emotion curve): a few element helpers over a buffer,
// with every text and attribute escaped, and figures made of parts (a
// header and bands of stages) that are written either stacked in one SVG
// or each as an SVG of its own, which the html report lays out and pages.
//
// It writes only what the PNG rasteriser (package raster) draws: svg, g,
// rect, line, polyline, polygon, path, circle and text, with one text
// element per line.
package svgw

import (
	"bytes"
	"encoding/base64"
	"html"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/journey-maps/journey/pkg/render/fontmetrics"
	"github.com/journey-maps/journey/pkg/render/palette"
)

// Writer accumulates SVG markup.
type Writer struct {
	b   bytes.Buffer
	num [24]byte // scratch for Num
}

// Bytes returns what was written.
func (w *Writer) Bytes() []byte { return w.b.Bytes() }

// Raw writes markup as is; callers pass only constant markup.
func (w *Writer) Raw(s string) { w.b.WriteString(s) }

// Num writes a number with at most one decimal.
func (w *Writer) Num(v float64) {
	w.b.Write(Num(w.num[:0], v))
}

// Num appends a number with at most one decimal, rounded half away from
// zero: written as whole tenths, which a picture writes by the thousand
// (strconv's shortest float would be a fifth of drawing the canvas).
func Num(dst []byte, v float64) []byte {
	t := int64(math.Round(v * 10))
	if t < 0 {
		dst = append(dst, '-')
		t = -t
	}
	dst = strconv.AppendInt(dst, t/10, 10)
	if d := t % 10; d != 0 {
		dst = append(dst, '.', byte('0'+d))
	}
	return dst
}

// attr writes ` name="value"` with the value escaped.
func (w *Writer) attr(name, value string) {
	w.b.WriteByte(' ')
	w.b.WriteString(name)
	w.b.WriteString(`="`)
	w.escaped(value)
	w.b.WriteByte('"')
}

func (w *Writer) numAttr(name string, v float64) {
	w.b.WriteByte(' ')
	w.b.WriteString(name)
	w.b.WriteString(`="`)
	w.Num(v)
	w.b.WriteByte('"')
}

// Clean replaces control characters and bidi overrides (which could make
// a label read differently than it is) with spaces.
func Clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case unicode.IsControl(r), r == 0x2028, r == 0x2029,
			r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0xfeff:
			return ' '
		}
		return r
	}, s)
}

// Escape makes text safe as XML content or a quoted attribute value.
func Escape(s string) string { return html.EscapeString(Clean(s)) }

// escaped writes s as Escape does, at once when it has nothing to escape
// or clean (most labels): a picture writes thousands.
func (w *Writer) escaped(s string) {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' {
			w.b.WriteString(Escape(s))
			return
		}
	}
	w.b.WriteString(s)
}

// Style is the paint of a shape.
type Style struct {
	Fill, Stroke string // "" is none
	Width        float64
	Dash         string
	Class        string
}

func (w *Writer) paint(s Style) {
	if s.Class != "" {
		w.attr("class", s.Class)
	}
	if s.Fill == "" {
		w.b.WriteString(` fill="none"`)
	} else {
		w.attr("fill", s.Fill)
	}
	if s.Stroke != "" {
		w.attr("stroke", s.Stroke)
		w.numAttr("stroke-width", max(s.Width, 0.5))
		if s.Dash != "" {
			w.attr("stroke-dasharray", s.Dash)
		}
	}
}

// Rect draws a rectangle; class "box" marks one that holds text.
func (w *Writer) Rect(x, y, width, height, radius float64, s Style) {
	w.b.WriteString("<rect")
	w.numAttr("x", x)
	w.numAttr("y", y)
	w.numAttr("width", width)
	w.numAttr("height", height)
	if radius > 0 {
		w.numAttr("rx", radius)
	}
	w.paint(s)
	w.b.WriteString("/>\n")
}

// Line draws a straight line.
func (w *Writer) Line(x1, y1, x2, y2 float64, s Style) {
	w.b.WriteString("<line")
	w.numAttr("x1", x1)
	w.numAttr("y1", y1)
	w.numAttr("x2", x2)
	w.numAttr("y2", y2)
	s.Fill = ""
	w.paint(s)
	w.b.WriteString("/>\n")
}

// Polyline draws connected segments through points (x0 y0 x1 y1 ...).
func (w *Writer) Polyline(pts []float64, s Style) {
	w.b.WriteString(`<polyline points="`)
	for i, v := range pts {
		if i > 0 {
			w.b.WriteByte(' ')
		}
		w.Num(v)
	}
	w.b.WriteByte('"')
	s.Fill = ""
	w.paint(s)
	w.b.WriteString(` stroke-linejoin="round" stroke-linecap="round"/>` + "\n")
}

// Mark draws a marker shape of radius r centred on (x, y), with a tooltip
// when title is not empty.
func (w *Writer) Mark(m palette.Mark, x, y, r float64, s Style, title string) {
	switch m {
	case palette.MarkCircle:
		w.b.WriteString("<circle")
		w.numAttr("cx", x)
		w.numAttr("cy", y)
		w.numAttr("r", r)
	case palette.MarkSquare:
		k := r * 0.85
		w.polygonStart([]float64{x - k, y - k, x + k, y - k, x + k, y + k, x - k, y + k})
	case palette.MarkTriangle:
		w.polygonStart([]float64{x, y - r*1.1, x + r, y + r*0.75, x - r, y + r*0.75})
	case palette.MarkTriangleDown:
		w.polygonStart([]float64{x, y + r*1.1, x + r, y - r*0.75, x - r, y - r*0.75})
	default: // diamond
		k := r * 1.15
		w.polygonStart([]float64{x, y - k, x + k, y, x, y + k, x - k, y})
	}
	w.paint(s)
	if title == "" {
		w.b.WriteString("/>\n")
		return
	}
	w.b.WriteString("><title>")
	w.escaped(title)
	w.b.WriteString("</title></")
	if m == palette.MarkCircle {
		w.b.WriteString("circle>\n")
	} else {
		w.b.WriteString("polygon>\n")
	}
}

func (w *Writer) polygonStart(pts []float64) {
	w.b.WriteString(`<polygon points="`)
	for i, v := range pts {
		if i > 0 {
			w.b.WriteByte(' ')
		}
		w.Num(v)
	}
	w.b.WriteByte('"')
}

// Anchor is a text-anchor.
type Anchor string

// The anchors.
const (
	Start  Anchor = "start"
	Middle Anchor = "middle"
	End    Anchor = "end"
)

// Font is the size, face and colour of text.
type Font struct {
	Size   float64
	Style  fontmetrics.Style
	Fill   string
	Anchor Anchor
}

// Text writes one line of text with its baseline at y.
func (w *Writer) Text(x, y float64, f Font, s string) {
	w.b.WriteString("<text")
	w.numAttr("x", x)
	w.numAttr("y", y)
	w.numAttr("font-size", f.Size)
	if f.Style&fontmetrics.Bold != 0 {
		w.b.WriteString(` font-weight="bold"`)
	}
	if f.Style&fontmetrics.Italic != 0 {
		w.b.WriteString(` font-style="italic"`)
	}
	if f.Anchor != "" && f.Anchor != Start {
		w.attr("text-anchor", string(f.Anchor))
	}
	if f.Fill != "" {
		w.attr("fill", f.Fill)
	}
	w.b.WriteByte('>')
	w.escaped(s)
	w.b.WriteString("</text>\n")
}

// Lines writes wrapped lines from the top y of their block, and returns
// the height they take.
func (w *Writer) Lines(x, top float64, f Font, lines []string) float64 {
	asc, _ := fontmetrics.Metrics()
	lh := fontmetrics.LineHeight(f.Size)
	pad := (lh - f.Size) / 2
	for i, l := range lines {
		w.Text(x, top+pad+asc*f.Size+float64(i)*lh, f, l)
	}
	return float64(len(lines)) * lh
}

// Group opens a <g> translated by (dx, dy); Close ends it.
func (w *Writer) Group(dx, dy float64) {
	w.b.WriteString(`<g transform="translate(`)
	w.Num(dx)
	w.b.WriteByte(' ')
	w.Num(dy)
	w.b.WriteString(`)">` + "\n")
}

// Close ends a group.
func (w *Writer) Close() { w.b.WriteString("</g>\n") }

// Part is one piece of a figure: a header or a band of stages.
type Part struct {
	Width, Height float64
	// Label names the part in its own title ("stages 1 to 4 of 7").
	Label string
	// Draw writes the part's elements with its top left at 0, 0.
	Draw func(w *Writer)
}

// Figure is a picture made of parts stacked top to bottom.
type Figure struct {
	// Title and Desc are the accessible name and the description in
	// words of the whole picture.
	Title, Desc string
	Parts       []Part
	// Gap is the space between parts when stacked.
	Gap float64
}

// Size is the width and height of the parts stacked.
func (f *Figure) Size() (width, height float64) {
	for i, p := range f.Parts {
		width = max(width, p.Width)
		height += p.Height
		if i > 0 {
			height += f.Gap
		}
	}
	return width, height
}

func open(w *Writer, width, height float64, title, desc string) {
	w.b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" role="img"`)
	w.numAttr("width", width)
	w.numAttr("height", height)
	w.b.WriteString(` viewBox="0 0 `)
	w.Num(width)
	w.b.WriteByte(' ')
	w.Num(height)
	w.b.WriteByte('"')
	w.attr("font-family", fontmetrics.Family)
	w.b.WriteString(">\n<title>")
	w.escaped(title)
	w.b.WriteString("</title>\n")
	if desc != "" {
		w.b.WriteString("<desc>")
		w.escaped(desc)
		w.b.WriteString("</desc>\n")
	}
}

// WriteSVG writes the figure as one SVG, its parts stacked. A standalone
// file gets the XML declaration and the embedded Go fonts, so that every
// viewer draws the text with the metrics it was wrapped with.
func (f *Figure) WriteSVG(out io.Writer, standalone bool) error {
	width, height := f.Size()
	var w Writer
	if standalone {
		w.Raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	}
	open(&w, width, height, f.Title, f.Desc)
	if standalone {
		w.Raw("<style>")
		w.Raw(FontFaceCSS())
		w.Raw("</style>\n")
	}
	w.Rect(0, 0, width, height, 0, Style{Fill: palette.Paper.Hex()})
	y := 0.0
	for i, p := range f.Parts {
		if i > 0 {
			y += f.Gap
		}
		w.Group(0, y)
		p.Draw(&w)
		w.Close()
		y += p.Height
	}
	w.Raw("</svg>\n")
	_, err := out.Write(w.Bytes())
	return err
}

// WritePart writes part i as an SVG of its own, for a page that lays the
// parts out itself: the first carries the figure's description.
func (f *Figure) WritePart(out io.Writer, i int) error {
	_, err := out.Write(f.Part(i))
	return err
}

// Part is part i as an SVG of its own.
func (f *Figure) Part(i int) []byte {
	p := f.Parts[i]
	var w Writer
	w.b.Grow(32 << 10) // a band of a small map; saves most regrowth
	title := f.Title
	if p.Label != "" {
		title += ", " + p.Label
	}
	desc := ""
	if i == 0 {
		desc = f.Desc
	}
	open(&w, p.Width, p.Height, title, desc)
	w.Rect(0, 0, p.Width, p.Height, 0, Style{Fill: palette.Paper.Hex()})
	p.Draw(&w)
	w.Raw("</svg>\n")
	return w.Bytes()
}

var (
	fontFaceOnce sync.Once
	fontFace     string
)

// FontFaceCSS declares the embedded Go fonts (regular and bold, the two
// the pictures use) as the family Go, as data URLs, for a standalone SVG
// or a page's style sheet.
func FontFaceCSS() string {
	fontFaceOnce.Do(func() { fontFace = fontFaceCSS() })
	return fontFace
}

func fontFaceCSS() string {
	var b strings.Builder
	for _, f := range []struct {
		style  fontmetrics.Style
		weight string
		slant  string
	}{
		{fontmetrics.Regular, "normal", "normal"},
		{fontmetrics.Bold, "bold", "normal"},
	} {
		b.WriteString("@font-face{font-family:Go;font-weight:")
		b.WriteString(f.weight)
		b.WriteString(";font-style:")
		b.WriteString(f.slant)
		b.WriteString(";src:url(data:font/ttf;base64,")
		b.WriteString(base64.StdEncoding.EncodeToString(fontmetrics.TTF(f.style)))
		b.WriteString(`) format("truetype")}`)
	}
	return b.String()
}
