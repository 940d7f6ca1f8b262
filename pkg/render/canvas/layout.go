package canvas

import (
	"fmt"

	fm "github.com/journey-maps/journey/pkg/render/fontmetrics"
	"github.com/journey-maps/journey/pkg/render/palette"
	"github.com/journey-maps/journey/pkg/render/svgw"
)

// Geometry, in px. The smallest text is 11 px.
const (
	pad      = 16.0  // around the figure
	laneW    = 120.0 // the lane names
	colW     = 172.0 // one touchpoint
	cellPad  = 8.0
	textW    = colW - 2*cellPad
	bandGap  = 28.0
	sizeText = 12.0
	sizeMeta = 11.0
	sizeHead = 13.0
)

var (
	ink     = palette.Ink.Hex()
	muted   = palette.Muted.Hex()
	fText   = svgw.Font{Size: sizeText, Fill: ink}
	fBold   = svgw.Font{Size: sizeText, Style: fm.Bold, Fill: ink}
	fMeta   = svgw.Font{Size: sizeMeta, Fill: muted}
	fLabel  = svgw.Font{Size: sizeMeta, Style: fm.Bold, Fill: ink}
	fStage  = svgw.Font{Size: sizeHead, Style: fm.Bold, Fill: ink}
	boxLine = svgw.Style{Stroke: palette.Line.Hex(), Width: 1, Class: "box"}
)

// column is one touchpoint with where it sits.
type column struct {
	stage int // index in Map.Stages
	tp    *Touchpoint
	first bool // the stage's first touchpoint
}

// segment is the run of one stage's columns within a band.
type segment struct {
	stage      int
	from, to   int // columns [from, to) of the band
	continued  bool
	continuing bool
}

type band struct {
	cols []column
	segs []segment
}

// capacity is how many columns fit in a band of at most maxWidth.
func capacity(maxWidth float64) int {
	if maxWidth <= 0 {
		maxWidth = DefaultMaxWidth
	}
	return max(1, int((maxWidth-2*pad-laneW)/colW))
}

// bands splits the stages into bands of at most n columns. A stage that
// does not fit in what is left of a band starts the next one, unless it
// is wider than a whole band: then it is split, and says so.
func bands(m *Map, n int) []band {
	var out []band
	var cur band
	flush := func() {
		if len(cur.cols) > 0 {
			out = append(out, cur)
		}
		cur = band{}
	}
	for si := range m.Stages {
		tps := m.Stages[si].Touchpoints
		if len(tps) == 0 {
			continue
		}
		if len(cur.cols)+len(tps) > n && len(tps) <= n {
			flush()
		}
		for i := range tps {
			if len(cur.cols) == n {
				flush()
			}
			k := len(cur.segs) - 1
			if k < 0 || cur.segs[k].stage != si {
				cur.segs = append(cur.segs, segment{stage: si, from: len(cur.cols), continued: i > 0})
				k++
			}
			cur.cols = append(cur.cols, column{stage: si, tp: &tps[i], first: i == 0})
			cur.segs[k].to = len(cur.cols)
			cur.segs[k].continuing = i < len(tps)-1
		}
	}
	flush()
	return out
}

// Draw lays the map out as a figure: the header, then one part per band.
func Draw(m *Map, o Options) *svgw.Figure {
	bs := bands(m, capacity(o.MaxWidth))
	widest := 1
	for _, b := range bs {
		widest = max(widest, len(b.cols))
	}
	width := 2*pad + laneW + float64(widest)*colW
	fig := &svgw.Figure{Title: m.Title + ", journey map", Desc: m.Desc, Gap: bandGap}
	fig.Parts = append(fig.Parts, header(m, width))
	ls := lanes(m)
	for i, b := range bs {
		label := ""
		if len(bs) > 1 {
			label = fmt.Sprintf("part %d of %d", i+1, len(bs))
		}
		fig.Parts = append(fig.Parts, drawBand(m, b, ls, width, label))
	}
	return fig
}
