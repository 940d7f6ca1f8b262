// Package raster draws the SVG that journey produces (Graphviz's SVG
// output and the emotion chart) into a PNG, in pure Go.
//
// go-graphviz's own PNG output is broken (missing outlines and edges,
// black fills), so PNG is made from the SVG instead. This is not a
// general SVG renderer: it draws the elements and attributes those two
// producers use (svg, g, a, rect, circle, ellipse, line, polyline,
// polygon, path, text; fill, stroke, stroke-width, stroke-dasharray,
// opacity, transform, font-size, font-weight, font-style, text-anchor) with
// golang.org/x/image's vector rasteriser and the Go fonts.
package raster

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/gobolditalic"
	"golang.org/x/image/font/gofont/goitalic"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// Options bound the image.
type Options struct {
	// Scale is device pixels per SVG unit; 0 means 2 (sharp on screens
	// and in slides).
	Scale float64
	// MaxPixels caps width×height; a larger drawing is scaled down to fit.
	// 0 means 32 million (128 MB of pixels).
	MaxPixels float64
}

// PNG draws the SVG and encodes it as PNG.
func PNG(svg []byte, o Options) ([]byte, error) {
	img, err := Draw(svg, o)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Draw rasterises the SVG onto a white image.
func Draw(svg []byte, o Options) (*image.RGBA, error) {
	if o.Scale <= 0 {
		o.Scale = 2
	}
	if o.MaxPixels <= 0 {
		o.MaxPixels = 32e6
	}
	dec := xml.NewDecoder(bytes.NewReader(svg))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	r := &renderer{}
	var stack []state
	var text *textRun
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("reading SVG: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			attrs := map[string]string{}
			for _, a := range t.Attr {
				attrs[a.Name.Local] = a.Value
			}
			var st state
			if len(stack) == 0 {
				if t.Name.Local != "svg" {
					return nil, fmt.Errorf("reading SVG: the document is a <%s>, not <svg>", t.Name.Local)
				}
				st, err = r.start(attrs, o)
				if err != nil {
					return nil, err
				}
			} else {
				st = stack[len(stack)-1].inherit(attrs)
			}
			stack = append(stack, st)
			switch t.Name.Local {
			case "text":
				text = &textRun{st: st, x: num(attrs["x"]), y: num(attrs["y"])}
			case "title", "desc", "style", "script", "defs":
				stack[len(stack)-1].hidden = true
			default:
				if !st.hidden {
					r.shape(t.Name.Local, attrs, st)
				}
			}
		case xml.CharData:
			if text != nil && len(stack) > 0 && !stack[len(stack)-1].hidden {
				text.s += string(t)
			}
		case xml.EndElement:
			if t.Name.Local == "text" && text != nil {
				if !text.st.hidden {
					r.text(text)
				}
				text = nil
			}
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	if r.img == nil {
		return nil, fmt.Errorf("reading SVG: no <svg> element")
	}
	return r.img, nil
}

// state is the inherited presentation and the current transform.
type state struct {
	m           matrix
	fill        color.Color // nil: none
	stroke      color.Color // nil: none
	width       float64
	dash        []float64
	fontSize    float64
	bold, ital  bool
	anchor      string
	opacity     float64
	hidden      bool
	fillOpacity float64
	strkOpacity float64
}

func (s state) inherit(a map[string]string) state {
	if v, ok := a["transform"]; ok {
		s.m = s.m.mul(parseTransform(v))
	}
	if st, ok := a["style"]; ok { // style="fill:...;stroke:..."
		for _, decl := range strings.Split(st, ";") {
			if k, v, ok := strings.Cut(decl, ":"); ok {
				a[strings.TrimSpace(k)] = strings.TrimSpace(v)
			}
		}
	}
	if v, ok := a["fill"]; ok {
		s.fill = parseColor(v)
	}
	if v, ok := a["stroke"]; ok {
		s.stroke = parseColor(v)
	}
	if v, ok := a["stroke-width"]; ok {
		s.width = num(v)
	}
	if v, ok := a["stroke-dasharray"]; ok {
		s.dash = nil
		for _, f := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' }) {
			if x := num(f); x > 0 {
				s.dash = append(s.dash, x)
			}
		}
	}
	if v, ok := a["font-size"]; ok {
		s.fontSize = num(v)
	}
	if v, ok := a["font-weight"]; ok {
		s.bold = v == "bold" || v == "bolder" || num(v) >= 600
	}
	if v, ok := a["font-style"]; ok {
		s.ital = v == "italic" || v == "oblique"
	}
	if v, ok := a["text-anchor"]; ok {
		s.anchor = v
	}
	if v, ok := a["opacity"]; ok {
		s.opacity *= clamp01(num(v))
	}
	if v, ok := a["fill-opacity"]; ok {
		s.fillOpacity = clamp01(num(v))
	}
	if v, ok := a["stroke-opacity"]; ok {
		s.strkOpacity = clamp01(num(v))
	}
	return s
}

type renderer struct {
	img   *image.RGBA
	faces map[faceKey]font.Face
	z     *vector.Rasterizer
}

func (r *renderer) start(a map[string]string, o Options) (state, error) {
	vb := strings.FieldsFunc(a["viewBox"], func(r rune) bool { return r == ',' || r == ' ' })
	var minX, minY, w, h float64
	if len(vb) == 4 {
		minX, minY, w, h = num(vb[0]), num(vb[1]), num(vb[2]), num(vb[3])
	} else {
		w, h = num(a["width"]), num(a["height"])
	}
	if w <= 0 || h <= 0 || math.IsNaN(w) || math.IsNaN(h) {
		return state{}, fmt.Errorf("reading SVG: no usable size (viewBox or width and height)")
	}
	s := o.Scale
	if w*h*s*s > o.MaxPixels {
		s = math.Sqrt(o.MaxPixels / (w * h))
	}
	pw, ph := int(math.Ceil(w*s)), int(math.Ceil(h*s))
	if pw < 1 || ph < 1 {
		return state{}, fmt.Errorf("reading SVG: drawing too small to rasterise")
	}
	r.img = image.NewRGBA(image.Rect(0, 0, pw, ph))
	draw.Draw(r.img, r.img.Bounds(), image.White, image.Point{}, draw.Src)
	st := state{
		m:        matrix{s, 0, 0, s, -minX * s, -minY * s},
		fill:     color.Black,
		width:    1,
		fontSize: 14,
		anchor:   "start",
		opacity:  1, fillOpacity: 1, strkOpacity: 1,
	}
	return st.inherit(a), nil
}

// shape draws one element.
func (r *renderer) shape(name string, a map[string]string, st state) {
	rd := r
	var p path
	switch name {
	case "rect":
		x, y, w, h := num(a["x"]), num(a["y"]), num(a["width"]), num(a["height"])
		rad := math.Min(num(a["rx"]), math.Min(w, h)/2)
		if rad <= 0 && len(st.dash) == 0 && st.m.b == 0 && st.m.c == 0 {
			rd.rect(x, y, w, h, st)
			return
		}
		p.roundedRect(x, y, w, h, rad)
	case "circle":
		p.ellipse(num(a["cx"]), num(a["cy"]), num(a["r"]), num(a["r"]))
	case "ellipse":
		p.ellipse(num(a["cx"]), num(a["cy"]), num(a["rx"]), num(a["ry"]))
	case "line":
		p.move(num(a["x1"]), num(a["y1"]))
		p.line(num(a["x2"]), num(a["y2"]))
		st.fill = nil
	case "polyline", "polygon":
		pts := numbers(a["points"])
		for i := 0; i+1 < len(pts); i += 2 {
			if i == 0 {
				p.move(pts[i], pts[i+1])
			} else {
				p.line(pts[i], pts[i+1])
			}
		}
		if name == "polygon" {
			p.close()
		}
	case "path":
		p = parsePath(a["d"])
	default:
		return
	}
	dev := p.transform(st.m)
	if st.fill != nil {
		r.fillPath(dev, withAlpha(st.fill, st.opacity*st.fillOpacity))
	}
	if st.stroke != nil && st.width > 0 {
		w := st.width * st.m.scale()
		var dash []float64
		for _, d := range st.dash {
			dash = append(dash, d*st.m.scale())
		}
		r.fillPath(strokePath(dev, math.Max(w, 0.5), dash), withAlpha(st.stroke, st.opacity*st.strkOpacity))
	}
}

// rect draws an axis-aligned rectangle straight into the image, its fill
// and its outline as pixel rows: the canvas is mostly such boxes, and a
// rasteriser the size of a tall column cost hundreds of megabytes.
func (r *renderer) rect(x, y, w, h float64, st state) {
	x0, y0 := st.m.apply(x, y)
	x1, y1 := st.m.apply(x+w, y+h)
	box := func(ax, ay, bx, by float64, c color.Color) {
		rr := image.Rect(int(math.Round(ax)), int(math.Round(ay)), int(math.Round(bx)), int(math.Round(by)))
		if rr.Dx() <= 0 && bx > ax {
			rr.Max.X = rr.Min.X + 1
		}
		if rr.Dy() <= 0 && by > ay {
			rr.Max.Y = rr.Min.Y + 1
		}
		draw.Draw(r.img, rr.Intersect(r.img.Bounds()), image.NewUniform(c), image.Point{}, draw.Over)
	}
	if st.fill != nil {
		box(x0, y0, x1, y1, withAlpha(st.fill, st.opacity*st.fillOpacity))
	}
	if st.stroke != nil && st.width > 0 {
		c := withAlpha(st.stroke, st.opacity*st.strkOpacity)
		hw := math.Max(st.width*st.m.scale(), 1) / 2
		box(x0-hw, y0-hw, x1+hw, y0+hw, c)
		box(x0-hw, y1-hw, x1+hw, y1+hw, c)
		box(x0-hw, y0+hw, x0+hw, y1-hw, c)
		box(x1-hw, y0+hw, x1+hw, y1-hw, c)
	}
}

// fillPath fills a path with a rasteriser the size of the path's bounding
// box, not of the whole image: a large diagram has thousands of shapes,
// and full-image rasterisers made it cost shapes × pixels.
func (r *renderer) fillPath(p path, c color.Color) {
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	for _, sp := range p.subs {
		if len(sp.pts) < 2 {
			continue
		}
		for _, q := range sp.pts {
			minX, minY = math.Min(minX, q.x), math.Min(minY, q.y)
			maxX, maxY = math.Max(maxX, q.x), math.Max(maxY, q.y)
		}
	}
	if minX > maxX || minY > maxY {
		return
	}
	box := image.Rect(int(math.Floor(minX)), int(math.Floor(minY)), int(math.Ceil(maxX))+1, int(math.Ceil(maxY))+1).Intersect(r.img.Bounds())
	if box.Empty() {
		return
	}
	ox, oy := float64(box.Min.X), float64(box.Min.Y)
	// One rasteriser, reset to each shape's box, reuses its buffers.
	if r.z == nil {
		r.z = vector.NewRasterizer(box.Dx(), box.Dy())
	} else {
		r.z.Reset(box.Dx(), box.Dy())
	}
	z := r.z
	for _, sp := range p.subs {
		if len(sp.pts) < 2 {
			continue
		}
		z.MoveTo(float32(sp.pts[0].x-ox), float32(sp.pts[0].y-oy))
		for _, q := range sp.pts[1:] {
			z.LineTo(float32(q.x-ox), float32(q.y-oy))
		}
		z.ClosePath()
	}
	z.Draw(r.img, box, image.NewUniform(c), image.Point{})
}

type textRun struct {
	st   state
	x, y float64
	s    string
}

type faceKey struct {
	size       float64
	bold, ital bool
}

var (
	fontsOnce sync.Once
	fonts     map[[2]bool]*opentype.Font
	fontsErr  error
)

func loadFonts() {
	fonts = map[[2]bool]*opentype.Font{}
	for k, ttf := range map[[2]bool][]byte{
		{false, false}: goregular.TTF, {true, false}: gobold.TTF,
		{false, true}: goitalic.TTF, {true, true}: gobolditalic.TTF,
	} {
		f, err := opentype.Parse(ttf)
		if err != nil {
			fontsErr = err
			return
		}
		fonts[k] = f
	}
}

func (r *renderer) face(size float64, bold, ital bool) font.Face {
	fontsOnce.Do(loadFonts)
	if fontsErr != nil {
		return nil
	}
	k := faceKey{math.Round(size*4) / 4, bold, ital}
	if f, ok := r.faces[k]; ok {
		return f
	}
	f, err := opentype.NewFace(fonts[[2]bool{bold, ital}], &opentype.FaceOptions{Size: k.size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil
	}
	if r.faces == nil {
		r.faces = map[faceKey]font.Face{}
	}
	r.faces[k] = f
	return f
}

func (r *renderer) text(t *textRun) {
	s := strings.Join(strings.Fields(t.s), " ")
	if s == "" || t.st.fill == nil {
		return
	}
	size := t.st.fontSize * t.st.m.scale()
	if size < 1 {
		return
	}
	face := r.face(size, t.st.bold, t.st.ital)
	if face == nil {
		return
	}
	x, y := t.st.m.apply(t.x, t.y)
	adv := font.MeasureString(face, s)
	switch t.st.anchor {
	case "middle":
		x -= float64(adv) / 128
	case "end":
		x -= float64(adv) / 64
	}
	d := font.Drawer{Dst: r.img, Src: image.NewUniform(withAlpha(t.st.fill, t.st.opacity*t.st.fillOpacity)), Face: face,
		Dot: fixed.Point26_6{X: fixed.Int26_6(x * 64), Y: fixed.Int26_6(y * 64)}}
	d.DrawString(s)
}

func withAlpha(c color.Color, a float64) color.Color {
	if a >= 1 {
		return c
	}
	r, g, b, al := c.RGBA()
	return color.RGBA64{uint16(float64(r) * a), uint16(float64(g) * a), uint16(float64(b) * a), uint16(float64(al) * a)}
}

func clamp01(v float64) float64 { return math.Max(0, math.Min(1, v)) }

// num reads a length or number, ignoring a unit suffix (pt, px).
func num(s string) float64 {
	s = strings.TrimSpace(s)
	s = strings.TrimRight(s, "ptxm%")
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}

func numbers(s string) []float64 {
	var out []float64
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\n' || r == '\t' }) {
		out = append(out, num(f))
	}
	return out
}

var named = map[string]color.RGBA{
	"black": {0, 0, 0, 255}, "white": {255, 255, 255, 255}, "red": {255, 0, 0, 255},
	"green": {0, 128, 0, 255}, "blue": {0, 0, 255, 255}, "gray": {128, 128, 128, 255},
	"grey": {128, 128, 128, 255}, "lightgrey": {211, 211, 211, 255}, "lightgray": {211, 211, 211, 255},
	"yellow": {255, 255, 0, 255}, "orange": {255, 165, 0, 255},
}

// parseColor reads #rgb, #rrggbb, #rrggbbaa and a few names; none and
// transparent are nil.
func parseColor(s string) color.Color {
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case "none", "transparent", "":
		return nil
	}
	if c, ok := named[s]; ok {
		return c
	}
	if strings.HasPrefix(s, "#") {
		h := s[1:]
		if len(h) == 3 {
			h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
		}
		if len(h) == 6 || len(h) == 8 {
			v, err := strconv.ParseUint(h, 16, 32)
			if err == nil {
				if len(h) == 6 {
					return color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 255}
				}
				a := uint8(v)
				c := color.NRGBA{uint8(v >> 24), uint8(v >> 16), uint8(v >> 8), a}
				if a == 0 {
					return nil
				}
				return c
			}
		}
	}
	return color.Black
}
