package render

import (
	"bytes"
	"regexp"
	"strconv"

	"github.com/journey-maps/journey/pkg/render/svgw"
)

var (
	clusterTitle = regexp.MustCompile(`<title>cluster_[0-9]+ `)
	svgSize      = regexp.MustCompile(`^<svg width="([0-9.]+)pt" height="([0-9.]+)pt"`)
)

// flowSVG makes Graphviz's SVG of the flow accessible and readable at its
// natural size: the XML prologue goes (it cannot appear inside html), the
// root gets role="img", the map's title and a description in words,
// cluster tooltips name the stage (not cluster_1), and the size is given
// in px equal to Graphviz's points, so 12-point labels are 12 px.
func flowSVG(svg []byte, d *Data) []byte {
	svg = inlineSVG(svg)
	svg = clusterTitle.ReplaceAll(svg, []byte("<title>"))
	if m := svgSize.FindSubmatch(svg); m != nil {
		w, _ := strconv.ParseFloat(string(m[1]), 64)
		h, _ := strconv.ParseFloat(string(m[2]), 64)
		svg = append([]byte(`<svg width="`+strconv.FormatFloat(w, 'f', 0, 64)+`" height="`+strconv.FormatFloat(h, 'f', 0, 64)+`"`), svg[len(m[0]):]...)
	}
	end := bytes.IndexByte(svg, '>')
	if !bytes.HasPrefix(svg, []byte("<svg")) || end < 0 {
		return svg
	}
	var b bytes.Buffer
	b.Write(svg[:4])
	b.WriteString(` role="img"`)
	b.Write(svg[4 : end+1])
	b.WriteString("\n<title>")
	b.WriteString(svgw.Escape(oneLine(d.Title()) + ", flow of touchpoints"))
	b.WriteString("</title>\n<desc>")
	b.WriteString(svgw.Escape(describe(d, "Flow diagram")))
	b.WriteString("</desc>")
	b.Write(svg[end+1:])
	return b.Bytes()
}
