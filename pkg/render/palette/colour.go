package palette

import (
	"fmt"
	"math"
)

// RGB is an sRGB colour.
type RGB struct{ R, G, B uint8 }

// Hex is the colour as #rrggbb.
func (c RGB) Hex() string {
	const digits = "0123456789abcdef"
	return string([]byte{'#', digits[c.R>>4], digits[c.R&15], digits[c.G>>4], digits[c.G&15], digits[c.B>>4], digits[c.B&15]})
}

// hex reads #rrggbb; the palette's own literals only.
func hex(s string) RGB {
	var c RGB
	if _, err := fmt.Sscanf(s, "#%02x%02x%02x", &c.R, &c.G, &c.B); err != nil {
		panic("palette: bad colour " + s)
	}
	return c
}

func toLinear(v uint8) float64 {
	c := float64(v) / 255
	if c <= 0.04045 {
		return c / 12.92
	}
	return math.Pow((c+0.055)/1.055, 2.4)
}

func fromLinear(c float64) uint8 {
	c = math.Max(0, math.Min(1, c))
	if c <= 0.0031308 {
		c *= 12.92
	} else {
		c = 1.055*math.Pow(c, 1/2.4) - 0.055
	}
	return uint8(math.Round(c * 255))
}

func (c RGB) linear() [3]float64 { return [3]float64{toLinear(c.R), toLinear(c.G), toLinear(c.B)} }

// Luminance is the relative luminance of WCAG 2.
func (c RGB) Luminance() float64 {
	l := c.linear()
	return 0.2126*l[0] + 0.7152*l[1] + 0.0722*l[2]
}

// Contrast is the WCAG 2 contrast ratio of two colours, 1 to 21.
func Contrast(a, b RGB) float64 {
	la, lb := a.Luminance(), b.Luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// Mix blends a toward b by t (0: a, 1: b) in sRGB.
func Mix(a, b RGB, t float64) RGB {
	m := func(x, y uint8) uint8 { return uint8(math.Round(float64(x) + t*(float64(y)-float64(x)))) }
	return RGB{m(a.R, b.R), m(a.G, b.G), m(a.B, b.B)}
}

// Deficiency is a kind of colour-vision deficiency.
type Deficiency int

// The dichromacies simulated.
const (
	Protanopia Deficiency = iota
	Deuteranopia
	Tritanopia
)

func (d Deficiency) String() string {
	return [...]string{"protanopia", "deuteranopia", "tritanopia"}[d]
}

// Deficiencies lists every simulated deficiency.
var Deficiencies = []Deficiency{Protanopia, Deuteranopia, Tritanopia}

// machado are the simulation matrices of Machado, Oliveira and Fernandes
// (2009) at severity 1.0, applied to linear RGB.
var machado = [3][3][3]float64{
	Protanopia: {
		{0.152286, 1.052583, -0.204868},
		{0.114503, 0.786281, 0.099216},
		{-0.003882, -0.048116, 1.051998},
	},
	Deuteranopia: {
		{0.367322, 0.860646, -0.227968},
		{0.280085, 0.672501, 0.047413},
		{-0.011820, 0.042940, 0.968881},
	},
	Tritanopia: {
		{1.255528, -0.076749, -0.178779},
		{-0.078411, 0.930809, 0.147602},
		{0.004733, 0.691367, 0.303900},
	},
}

// Simulate returns the colour as a reader with the deficiency sees it.
func Simulate(c RGB, d Deficiency) RGB {
	l := c.linear()
	m := machado[d]
	var out [3]uint8
	for i := range 3 {
		out[i] = fromLinear(m[i][0]*l[0] + m[i][1]*l[1] + m[i][2]*l[2])
	}
	return RGB{out[0], out[1], out[2]}
}

// lab is a colour in CIELAB (D65).
type lab struct{ L, a, b float64 }

func (c RGB) lab() lab {
	l := c.linear()
	x := (0.4124564*l[0] + 0.3575761*l[1] + 0.1804375*l[2]) / 0.95047
	y := 0.2126729*l[0] + 0.7151522*l[1] + 0.0721750*l[2]
	z := (0.0193339*l[0] + 0.1191920*l[1] + 0.9503041*l[2]) / 1.08883
	f := func(t float64) float64 {
		if t > 216.0/24389 {
			return math.Cbrt(t)
		}
		return (24389.0/27*t + 16) / 116
	}
	fx, fy, fz := f(x), f(y), f(z)
	return lab{116*fy - 16, 500 * (fx - fy), 200 * (fy - fz)}
}

// DeltaE is the CIEDE2000 colour difference of two colours: about 2.3 is
// just noticeable, over 10 clearly different at a glance.
func DeltaE(c1, c2 RGB) float64 { return deltaE2000(c1.lab(), c2.lab()) }

func deltaE2000(p, q lab) float64 {
	rad := math.Pi / 180
	cab := (math.Hypot(p.a, p.b) + math.Hypot(q.a, q.b)) / 2
	g := 0.5 * (1 - math.Sqrt(math.Pow(cab, 7)/(math.Pow(cab, 7)+math.Pow(25, 7))))
	a1, a2 := (1+g)*p.a, (1+g)*q.a
	C1, C2 := math.Hypot(a1, p.b), math.Hypot(a2, q.b)
	hue := func(b, a float64) float64 {
		if a == 0 && b == 0 {
			return 0
		}
		h := math.Atan2(b, a) / rad
		if h < 0 {
			h += 360
		}
		return h
	}
	h1, h2 := hue(p.b, a1), hue(q.b, a2)
	dL, dC := q.L-p.L, C2-C1
	dh := 0.0
	if C1*C2 != 0 {
		dh = h2 - h1
		switch {
		case dh > 180:
			dh -= 360
		case dh < -180:
			dh += 360
		}
	}
	dH := 2 * math.Sqrt(C1*C2) * math.Sin(dh/2*rad)
	L, C := (p.L+q.L)/2, (C1+C2)/2
	H := h1 + h2
	if C1*C2 != 0 {
		switch {
		case math.Abs(h1-h2) <= 180:
			H /= 2
		case H < 360:
			H = (H + 360) / 2
		default:
			H = (H - 360) / 2
		}
	}
	T := 1 - 0.17*math.Cos((H-30)*rad) + 0.24*math.Cos(2*H*rad) + 0.32*math.Cos((3*H+6)*rad) - 0.20*math.Cos((4*H-63)*rad)
	dTheta := 30 * math.Exp(-math.Pow((H-275)/25, 2))
	rc := 2 * math.Sqrt(math.Pow(C, 7)/(math.Pow(C, 7)+math.Pow(25, 7)))
	sl := 1 + 0.015*math.Pow(L-50, 2)/math.Sqrt(20+math.Pow(L-50, 2))
	sc := 1 + 0.045*C
	sh := 1 + 0.015*C*T
	rt := -math.Sin(2*dTheta*rad) * rc
	return math.Sqrt(math.Pow(dL/sl, 2) + math.Pow(dC/sc, 2) + math.Pow(dH/sh, 2) + rt*(dC/sc)*(dH/sh))
}
