// Package fontmetrics measures and wraps text with the metrics of the Go
// fonts (golang.org/x/image/font/gofont), which journey embeds. The SVG
// writers size every box with it and the PNG rasteriser draws with the
// same fonts, so a line breaks at the same word in SVG and PNG and no text
// is wider than the box it was measured for.
//
// The SVG names the font family Go first (the html report embeds the
// fonts, so browsers draw exactly what was measured), then Arial and
// Liberation Sans, whose advances are within about 2% of Go's.
package fontmetrics

import (
	"math"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Family is the CSS font stack of every SVG journey writes.
const Family = "Go, Arial, 'Liberation Sans', Helvetica, sans-serif"

// Style selects one of the four embedded faces.
type Style uint8

// The faces.
const (
	Regular Style = iota
	Bold
	Italic
	BoldItalic
)

// StyleOf returns the style of a weight and slant.
func StyleOf(bold, italic bool) Style {
	s := Regular
	if bold {
		s |= Bold
	}
	if italic {
		s |= Italic
	}
	return s
}

// TTF returns the TrueType file of a style.
func TTF(s Style) []byte {
	switch s {
	case Bold:
		return gobold.TTF
	case Italic:
		return goitalic.TTF
	case BoldItalic:
		return gobolditalic.TTF
	}
	return goregular.TTF
}

// ascent and descent are the Go fonts' line extents per unit of font
// size, read from the font once.
var ascent, descent float64

// face holds a parsed font and its advances in em: ASCII measured when
// the font is loaded (read without a lock by every drawing goroutine),
// the rest measured on first use, under mu.
type face struct {
	font  *sfnt.Font
	ascii [128]float64
	mu    sync.Mutex
	other map[rune]float64
}

var (
	once  sync.Once
	faces [4]*face
)

// missing is the advance assumed for a rune the Go fonts lack: browsers
// draw it in a fallback font, often a full-width CJK or emoji glyph.
const missing = 1.0

func load() {
	for s := Regular; s <= BoldItalic; s++ {
		f, err := sfnt.Parse(TTF(s))
		if err != nil {
			panic("fontmetrics: the embedded Go font does not parse: " + err.Error())
		}
		fc := &face{font: f, other: map[rune]float64{}}
		for r := range fc.ascii {
			fc.ascii[r] = fc.measure(rune(r))
		}
		faces[s] = fc
	}
	var b sfnt.Buffer
	m, err := faces[Regular].font.Metrics(&b, fixed.I(1000), font.HintingNone)
	if err == nil {
		ascent = float64(m.Ascent) / 64 / 1000
		descent = float64(m.Descent) / 64 / 1000
	}
}

// Font returns the parsed font of a style, for the rasteriser.
func Font(s Style) *sfnt.Font {
	once.Do(load)
	return faces[s&3].font
}

// Metrics returns the ascent and descent per unit of font size, to place
// text and to check that it stays in its box.
func Metrics() (asc, desc float64) {
	once.Do(load)
	return ascent, descent
}

// advance is a rune's advance in em.
func (f *face) advance(r rune) float64 {
	if r < 128 {
		return f.ascii[r]
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if a, ok := f.other[r]; ok {
		return a
	}
	a := f.measure(r)
	if len(f.other) < 1<<16 {
		f.other[r] = a
	}
	return a
}

// measure reads a rune's advance in em from the font.
func (f *face) measure(r rune) float64 {
	var b sfnt.Buffer
	a := missing
	if g, err := f.font.GlyphIndex(&b, r); err == nil && g != 0 {
		if adv, err := f.font.GlyphAdvance(&b, g, fixed.I(1000), font.HintingNone); err == nil {
			a = float64(adv) / 64 / 1000
		}
	} else if unicode.IsSpace(r) {
		a = 0.25
	}
	if a <= 0 {
		a = 1e-9 // a zero-width mark: measured once, not again
	}
	return a
}

// Width is the advance of s at a font size, in the same unit as size.
// The Go fonts have no kerning, so the sum of advances is what a browser
// and the rasteriser draw.
func Width(s string, size float64, st Style) float64 {
	once.Do(load)
	f := faces[st&3]
	w := 0.0
	for _, r := range s {
		w += f.advance(r)
	}
	return w * size
}

// LineHeight is the distance between baselines of wrapped text.
func LineHeight(size float64) float64 { return math.Ceil(size * 1.3) }

// Wrap breaks s into lines no wider than width at a font size: at spaces,
// and inside a word only when the word alone is wider than a line. Runs
// of white space (line breaks included) count as one space. It is linear
// in the length of s, so a label of any size costs its length.
func Wrap(s string, width, size float64, st Style) []string {
	once.Do(load)
	f := faces[st&3]
	limit := width / size // in em
	space := f.advance(' ')
	var lines []string
	var cur strings.Builder
	curW := 0.0
	flush := func() {
		lines = append(lines, cur.String())
		cur.Reset()
		curW = 0
	}
	for word := range strings.FieldsSeq(s) {
		ww := 0.0
		for _, r := range word {
			ww += f.advance(r)
		}
		switch {
		case cur.Len() > 0 && curW+space+ww <= limit:
			cur.WriteByte(' ')
			cur.WriteString(word)
			curW += space + ww
			continue
		case cur.Len() > 0:
			flush()
		}
		if ww <= limit {
			cur.WriteString(word)
			curW = ww
			continue
		}
		// A word wider than a line: cut it where it fills the line.
		for len(word) > 0 {
			cut, w := 0, 0.0
			for i, r := range word {
				a := f.advance(r)
				if w+a > limit && i > 0 {
					break
				}
				w += a
				cut = i + utf8.RuneLen(r)
			}
			if cut == len(word) {
				cur.WriteString(word)
				curW = w
				break
			}
			cur.WriteString(word[:cut])
			flush()
			word = word[cut:]
		}
	}
	if cur.Len() > 0 || len(lines) == 0 {
		flush()
	}
	return lines
}

// Truncate shortens s to fit width, ending it with an ellipsis when cut.
func Truncate(s string, width, size float64, st Style) string {
	if Width(s, size, st) <= width {
		return s
	}
	once.Do(load)
	f := faces[st&3]
	limit := width/size - f.advance('…')
	w := 0.0
	for i, r := range s {
		w += f.advance(r)
		if w > limit {
			return strings.TrimRight(s[:i], " ") + "…"
		}
	}
	return s
}
