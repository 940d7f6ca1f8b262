package raster

import (
	"math"
	"strings"
	"unicode"
)

// matrix is the affine transform [a c e; b d f].
type matrix struct{ a, b, c, d, e, f float64 }

func (m matrix) mul(n matrix) matrix {
	return matrix{
		a: m.a*n.a + m.c*n.b, b: m.b*n.a + m.d*n.b,
		c: m.a*n.c + m.c*n.d, d: m.b*n.c + m.d*n.d,
		e: m.a*n.e + m.c*n.f + m.e, f: m.b*n.e + m.d*n.f + m.f,
	}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return m.a*x + m.c*y + m.e, m.b*x + m.d*y + m.f
}

// scale is the transform's mean linear scale, for stroke widths and fonts.
func (m matrix) scale() float64 { return math.Sqrt(math.Abs(m.a*m.d - m.b*m.c)) }

var identity = matrix{1, 0, 0, 1, 0, 0}

// parseTransform reads translate, scale, rotate and matrix, in order.
func parseTransform(s string) matrix {
	m := identity
	for {
		open := strings.IndexByte(s, '(')
		end := strings.IndexByte(s, ')')
		if open < 0 || end < open {
			return m
		}
		name := strings.TrimSpace(strings.Trim(s[:open], ", "))
		v := numbers(s[open+1 : end])
		s = s[end+1:]
		var n matrix
		switch {
		case name == "translate" && len(v) >= 1:
			ty := 0.0
			if len(v) > 1 {
				ty = v[1]
			}
			n = matrix{1, 0, 0, 1, v[0], ty}
		case name == "scale" && len(v) >= 1:
			sy := v[0]
			if len(v) > 1 {
				sy = v[1]
			}
			n = matrix{v[0], 0, 0, sy, 0, 0}
		case name == "rotate" && len(v) >= 1:
			r := v[0] * math.Pi / 180
			n = matrix{math.Cos(r), math.Sin(r), -math.Sin(r), math.Cos(r), 0, 0}
			if len(v) == 3 {
				n = matrix{1, 0, 0, 1, v[1], v[2]}.mul(n).mul(matrix{1, 0, 0, 1, -v[1], -v[2]})
			}
		case name == "matrix" && len(v) == 6:
			n = matrix{v[0], v[1], v[2], v[3], v[4], v[5]}
		default:
			continue
		}
		m = m.mul(n)
	}
}

type pt struct{ x, y float64 }

type subpath struct {
	pts    []pt
	closed bool
}

// path is a list of flattened subpaths.
type path struct {
	subs []subpath
}

func (p *path) move(x, y float64) { p.subs = append(p.subs, subpath{pts: []pt{{x, y}}}) }

func (p *path) line(x, y float64) {
	if len(p.subs) == 0 {
		p.move(x, y)
		return
	}
	s := &p.subs[len(p.subs)-1]
	s.pts = append(s.pts, pt{x, y})
}

func (p *path) last() pt {
	if len(p.subs) == 0 || len(p.subs[len(p.subs)-1].pts) == 0 {
		return pt{}
	}
	s := p.subs[len(p.subs)-1]
	return s.pts[len(s.pts)-1]
}

func (p *path) close() {
	if len(p.subs) > 0 {
		p.subs[len(p.subs)-1].closed = true
	}
}

// roundedRect adds a rectangle with corners of radius r (0: square).
func (p *path) roundedRect(x, y, w, h, r float64) {
	if r <= 0 {
		p.move(x, y)
		p.line(x+w, y)
		p.line(x+w, y+h)
		p.line(x, y+h)
		p.close()
		return
	}
	const k = 0.5523 // control distance of a quarter circle
	p.move(x+r, y)
	p.line(x+w-r, y)
	p.cubic(x+w-r+k*r, y, x+w, y+r-k*r, x+w, y+r)
	p.line(x+w, y+h-r)
	p.cubic(x+w, y+h-r+k*r, x+w-r+k*r, y+h, x+w-r, y+h)
	p.line(x+r, y+h)
	p.cubic(x+r-k*r, y+h, x, y+h-r+k*r, x, y+h-r)
	p.line(x, y+r)
	p.cubic(x, y+r-k*r, x+r-k*r, y, x+r, y)
	p.close()
}

func (p *path) cubic(x1, y1, x2, y2, x, y float64) {
	p0 := p.last()
	n := segments(math.Hypot(x1-p0.x, y1-p0.y) + math.Hypot(x2-x1, y2-y1) + math.Hypot(x-x2, y-y2))
	for i := 1; i <= n; i++ {
		t := float64(i) / float64(n)
		u := 1 - t
		p.line(u*u*u*p0.x+3*u*u*t*x1+3*u*t*t*x2+t*t*t*x, u*u*u*p0.y+3*u*u*t*y1+3*u*t*t*y2+t*t*t*y)
	}
}

func (p *path) quad(x1, y1, x, y float64) {
	p0 := p.last()
	n := segments(math.Hypot(x1-p0.x, y1-p0.y) + math.Hypot(x-x1, y-y1))
	for i := 1; i <= n; i++ {
		t := float64(i) / float64(n)
		u := 1 - t
		p.line(u*u*p0.x+2*u*t*x1+t*t*x, u*u*p0.y+2*u*t*y1+t*t*y)
	}
}

func (p *path) ellipse(cx, cy, rx, ry float64) {
	n := max(16, segments(2*math.Pi*math.Max(rx, ry)))
	for i := 0; i < n; i++ {
		a := 2 * math.Pi * float64(i) / float64(n)
		if i == 0 {
			p.move(cx+rx, cy)
			continue
		}
		p.line(cx+rx*math.Cos(a), cy+ry*math.Sin(a))
	}
	p.close()
}

// segments is how many straight pieces a curve of this length becomes.
func segments(length float64) int {
	return max(4, min(64, int(length/3)))
}

func (p path) transform(m matrix) path {
	out := path{subs: make([]subpath, len(p.subs))}
	for i, s := range p.subs {
		pts := make([]pt, len(s.pts))
		for k, q := range s.pts {
			pts[k].x, pts[k].y = m.apply(q.x, q.y)
		}
		out.subs[i] = subpath{pts: pts, closed: s.closed}
	}
	return out
}

// parsePath reads SVG path data: M L H V C S Q T Z, absolute and relative.
// An arc (A) is drawn as a straight line to its end point.
func parsePath(d string) path {
	toks := pathTokens(d)
	var pp pathParser
	var cmd byte
	i := 0
	// take reads the next n numbers of the current command; when there
	// are fewer, the caller skips a token and goes on.
	take := func(n int) ([]float64, bool) {
		v := make([]float64, 0, n)
		for len(v) < n && i < len(toks) && !isCmd(toks[i]) {
			v = append(v, num(toks[i]))
			i++
		}
		return v, len(v) == n
	}
	for i < len(toks) {
		if isCmd(toks[i]) {
			cmd = toks[i][0]
			i++
		} else if cmd == 0 {
			i++
			continue
		}
		rel := unicode.IsLower(rune(cmd))
		off := pt{}
		if rel {
			off = pp.cur
		}
		upper := byte(unicode.ToUpper(rune(cmd)))
		var v []float64
		if n := pathArgs[upper]; n > 0 {
			var ok bool
			if v, ok = take(n); !ok {
				i++
				continue
			}
		}
		if !pp.step(upper, off, v) {
			i++
		}
		if upper == 'M' {
			cmd = map[bool]byte{true: 'l', false: 'L'}[rel] // further pairs are lines
		}
	}
	return pp.p
}

// pathParser is a path being read: what is drawn, and where the pen is.
type pathParser struct {
	p                    path
	cur, start, lastCtrl pt
}

// step draws one command (upper case) with its numbers, made absolute by
// off; false for a command it does not know.
func (s *pathParser) step(cmd byte, off pt, v []float64) bool {
	switch cmd {
	case 'M':
		s.cur = pt{off.x + v[0], off.y + v[1]}
		s.start = s.cur
		s.p.move(s.cur.x, s.cur.y)
	case 'L', 'T':
		s.cur = pt{off.x + v[0], off.y + v[1]}
		s.p.line(s.cur.x, s.cur.y)
	case 'H':
		s.cur.x = off.x + v[0]
		s.p.line(s.cur.x, s.cur.y)
	case 'V':
		s.cur.y = off.y + v[0]
		s.p.line(s.cur.x, s.cur.y)
	case 'C', 'S':
		if cmd == 'S' { // the first control point mirrors the last one
			c1 := pt{2*s.cur.x - s.lastCtrl.x, 2*s.cur.y - s.lastCtrl.y}
			v = append([]float64{c1.x - off.x, c1.y - off.y}, v...)
		}
		c1 := pt{off.x + v[0], off.y + v[1]}
		c2 := pt{off.x + v[2], off.y + v[3]}
		end := pt{off.x + v[4], off.y + v[5]}
		s.p.cubic(c1.x, c1.y, c2.x, c2.y, end.x, end.y)
		s.lastCtrl, s.cur = c2, end
		return true
	case 'Q':
		end := pt{off.x + v[2], off.y + v[3]}
		s.p.quad(off.x+v[0], off.y+v[1], end.x, end.y)
		s.cur = end
	case 'A':
		s.cur = pt{off.x + v[5], off.y + v[6]}
		s.p.line(s.cur.x, s.cur.y)
	case 'Z':
		s.p.close()
		s.cur = s.start
	default:
		s.lastCtrl = s.cur
		return false
	}
	s.lastCtrl = s.cur
	return true
}

// pathArgs is how many numbers each path command takes.
var pathArgs = map[byte]int{'M': 2, 'L': 2, 'T': 2, 'H': 1, 'V': 1, 'C': 6, 'S': 4, 'Q': 4, 'A': 7}

func isCmd(t string) bool {
	return len(t) == 1 && strings.ContainsRune("MmLlHhVvCcSsQqTtAaZz", rune(t[0]))
}

// pathTokens splits path data into commands and numbers ("-1.5e2", "10").
func pathTokens(d string) []string {
	var out []string
	i := 0
	for i < len(d) {
		c := d[i]
		switch {
		case c == ' ' || c == ',' || c == '\n' || c == '\t' || c == '\r':
			i++
		case strings.IndexByte("MmLlHhVvCcSsQqTtAaZz", c) >= 0:
			out = append(out, string(c))
			i++
		default:
			j := i
			if d[j] == '-' || d[j] == '+' {
				j++
			}
			dot := false
			for j < len(d) && (d[j] >= '0' && d[j] <= '9' || d[j] == '.' && !dot) {
				if d[j] == '.' {
					dot = true
				}
				j++
			}
			if j < len(d) && (d[j] == 'e' || d[j] == 'E') {
				j++
				if j < len(d) && (d[j] == '-' || d[j] == '+') {
					j++
				}
				for j < len(d) && d[j] >= '0' && d[j] <= '9' {
					j++
				}
			}
			if j == i {
				j++ // skip an unknown byte
			} else {
				out = append(out, d[i:j])
			}
			i = j
		}
	}
	return out
}

// strokePath turns the outline of a path, w wide and optionally dashed,
// into polygons to fill: a quad per segment and a disc at each joint.
// Every polygon is wound the same way, so overlaps do not cancel out.
func strokePath(p path, w float64, dash []float64) path {
	var out path
	h := w / 2
	add := func(pts []pt) {
		if area(pts) < 0 {
			for i, j := 0, len(pts)-1; i < j; i, j = i+1, j-1 {
				pts[i], pts[j] = pts[j], pts[i]
			}
		}
		out.subs = append(out.subs, subpath{pts: pts, closed: true})
	}
	disc := func(c pt) {
		if w < 2 {
			return // thin lines need no round joins
		}
		n := 12
		pts := make([]pt, n)
		for i := range pts {
			a := 2 * math.Pi * float64(i) / float64(n)
			pts[i] = pt{c.x + h*math.Cos(a), c.y + h*math.Sin(a)}
		}
		add(pts)
	}
	for _, s := range p.subs {
		pts := s.pts
		if s.closed && len(pts) > 1 && pts[0] != pts[len(pts)-1] {
			pts = append(append([]pt(nil), pts...), pts[0])
		}
		for _, run := range dashes(pts, dash) {
			for i := 0; i+1 < len(run); i++ {
				a, b := run[i], run[i+1]
				dx, dy := b.x-a.x, b.y-a.y
				l := math.Hypot(dx, dy)
				if l == 0 {
					continue
				}
				nx, ny := -dy/l*h, dx/l*h
				add([]pt{{a.x + nx, a.y + ny}, {b.x + nx, b.y + ny}, {b.x - nx, b.y - ny}, {a.x - nx, a.y - ny}})
				if i > 0 {
					disc(a)
				}
			}
		}
	}
	return out
}

// dashes cuts a polyline into its dashes; no pattern gives it back whole.
func dashes(pts []pt, pattern []float64) [][]pt {
	if len(pattern) == 0 || len(pts) < 2 {
		return [][]pt{pts}
	}
	var out [][]pt
	k, left, on := 0, pattern[0], true
	cur := []pt{pts[0]}
	for i := 0; i+1 < len(pts); i++ {
		a, b := pts[i], pts[i+1]
		seg := math.Hypot(b.x-a.x, b.y-a.y)
		pos := 0.0
		for seg-pos > left {
			pos += left
			t := pos / seg
			q := pt{a.x + (b.x-a.x)*t, a.y + (b.y-a.y)*t}
			if on {
				out = append(out, append(cur, q))
			}
			cur = []pt{q}
			on = !on
			k = (k + 1) % len(pattern)
			left = pattern[k]
		}
		left -= seg - pos
		cur = append(cur, b)
	}
	if on && len(cur) > 1 {
		out = append(out, cur)
	}
	return out
}

func area(pts []pt) float64 {
	s := 0.0
	for i := range pts {
		j := (i + 1) % len(pts)
		s += pts[i].x*pts[j].y - pts[j].x*pts[i].y
	}
	return s / 2
}
