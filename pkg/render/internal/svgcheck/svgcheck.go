// Package svgcheck finds text in an SVG that a reader could not read: a
// font-size under 11, or a line wider than the box it sits in (measured
// with the metrics the writers wrap with, package fontmetrics). A box is
// a rect of class "box"; translations of enclosing groups are followed.
package svgcheck

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	fm "github.com/journey-maps/journey/pkg/render/fontmetrics"
)

// MinFontSize is the smallest text allowed, in px.
const MinFontSize = 11

type rect struct{ x0, y0, x1, y1 float64 }

type text struct {
	x, y, size float64
	style      fm.Style
	anchor     string
	s          string
}

// Problems lists what is wrong, at most a few of each kind. boxes asks
// for the box check too (the pictures journey draws itself).
func Problems(svg []byte, boxes bool) ([]string, error) {
	rects, texts, err := parse(svg)
	if err != nil {
		return nil, err
	}
	asc, desc := fm.Metrics()
	var out []string
	for _, t := range texts {
		if t.size < MinFontSize {
			out = append(out, fmt.Sprintf("font-size %.1f < %d: %q", t.size, MinFontSize, t.s))
			continue
		}
		if !boxes {
			continue
		}
		w := fm.Width(t.s, t.size, t.style)
		x0 := t.x
		switch t.anchor {
		case "middle":
			x0 -= w / 2
		case "end":
			x0 -= w
		}
		r := rect{x0, t.y - asc*t.size, x0 + w, t.y + desc*t.size}
		if !inside(r, rects) {
			out = append(out, fmt.Sprintf("text %q (%.1f..%.1f, %.1f..%.1f) is in no box", t.s, r.x0, r.x1, r.y0, r.y1))
		}
	}
	return out, nil
}

func inside(r rect, boxes []rect) bool {
	const slack = 0.6 // rounding to one decimal in the writer
	for _, b := range boxes {
		if r.x0 >= b.x0-slack && r.x1 <= b.x1+slack && r.y0 >= b.y0-slack && r.y1 <= b.y1+slack {
			return true
		}
	}
	return false
}

type frame struct {
	dx, dy float64
	size   float64
	style  fm.Style
	anchor string
}

func parse(svg []byte) ([]rect, []text, error) {
	dec := xml.NewDecoder(bytes.NewReader(svg))
	stack := []frame{{size: 16}}
	var rects []rect
	var texts []text
	var cur *text
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return rects, texts, nil
		}
		if err != nil {
			return nil, nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			a := map[string]string{}
			for _, at := range t.Attr {
				a[at.Name.Local] = at.Value
			}
			f := inherit(stack[len(stack)-1], a)
			stack = append(stack, f)
			switch t.Name.Local {
			case "rect":
				if strings.Contains(" "+a["class"]+" ", " box ") {
					x, y := num(a["x"])+f.dx, num(a["y"])+f.dy
					rects = append(rects, rect{x, y, x + num(a["width"]), y + num(a["height"])})
				}
			case "text":
				cur = &text{x: num(a["x"]) + f.dx, y: num(a["y"]) + f.dy, size: f.size, style: f.style, anchor: f.anchor}
			}
		case xml.CharData:
			if cur != nil {
				cur.s += string(t)
			}
		case xml.EndElement:
			if t.Name.Local == "text" && cur != nil {
				cur.s = strings.Join(strings.Fields(cur.s), " ")
				texts = append(texts, *cur)
				cur = nil
			}
			stack = stack[:len(stack)-1]
		}
	}
}

func inherit(f frame, a map[string]string) frame {
	if v, ok := a["transform"]; ok {
		if in, ok := strings.CutPrefix(v, "translate("); ok {
			p := strings.Fields(strings.NewReplacer(",", " ", ")", " ").Replace(in))
			if len(p) > 0 {
				f.dx += num(p[0])
			}
			if len(p) > 1 {
				f.dy += num(p[1])
			}
		}
	}
	if v, ok := a["font-size"]; ok {
		f.size = num(v)
	}
	if v, ok := a["font-weight"]; ok {
		f.style = fm.StyleOf(v == "bold" || num(v) >= 600, f.style&fm.Italic != 0)
	}
	if v, ok := a["font-style"]; ok {
		f.style = fm.StyleOf(f.style&fm.Bold != 0, v == "italic")
	}
	if v, ok := a["text-anchor"]; ok {
		f.anchor = v
	}
	return f
}

func num(s string) float64 {
	v, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(s), "px"), 64)
	return v
}
