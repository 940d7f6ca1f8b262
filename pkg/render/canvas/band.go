package canvas

import (
	fm "github.com/journey-maps/journey/pkg/render/fontmetrics"
	"github.com/journey-maps/journey/pkg/render/palette"
	"github.com/journey-maps/journey/pkg/render/svgw"
)

// stageFill alternates so that neighbouring stages read as columns.
func stageFill(stage int) string {
	if stage%2 == 1 {
		return palette.Soft.Hex()
	}
	return palette.Paper.Hex()
}

func colX(i int) float64 { return pad + laneW + float64(i)*colW }

// stageBlock is a stage's heading: its name, then its phase and emotion.
func stageBlock(m *Map, s segment) block {
	st := m.Stages[s.stage]
	width := float64(s.to-s.from)*colW - 2*cellPad
	name := st.Name
	if s.continued {
		name += " (continued)"
	}
	b := block{text(name, fStage, width)}
	meta := st.Meta
	if s.continuing {
		if meta != "" {
			meta += " · "
		}
		meta += "continues in the next part"
	}
	if meta != "" {
		b = append(b, text(meta, fMeta, width))
	}
	return b
}

// rowHeights works out the height of the stage row and of each lane, and
// the blocks of each cell (lane by column).
func rowHeights(m *Map, b band, ls []lane) (head float64, heights []float64, cells [][]block) {
	for _, s := range b.segs {
		head = max(head, stageBlock(m, s).height())
	}
	head += 2 * cellPad
	heights = make([]float64, len(ls))
	cells = make([][]block, len(ls))
	for li, l := range ls {
		h := block{text(l.name, fLabel, laneW-2*cellPad)}.height()
		if l.emotion {
			h = max(h, emotionH)
		} else {
			cells[li] = make([]block, len(b.cols))
			for ci, c := range b.cols {
				cells[li][ci] = l.cell(c.tp)
				h = max(h, cells[li][ci].height())
			}
			h += 2 * cellPad
		}
		heights[li] = h
	}
	return head, heights, cells
}

func drawBand(m *Map, b band, ls []lane, width float64, label string) svgw.Part {
	head, heights, cells := rowHeights(m, b, ls)
	height := 2*pad + head
	for _, h := range heights {
		height += h
	}
	return svgw.Part{Width: width, Height: height, Label: label, Draw: func(w *svgw.Writer) {
		bottom := height - pad
		for _, s := range b.segs {
			x := colX(s.from)
			sw := float64(s.to-s.from) * colW
			w.Rect(x, pad+head, sw, bottom-pad-head, 0, svgw.Style{Fill: stageFill(s.stage)})
			w.Rect(x, pad, sw, head, 0, svgw.Style{Fill: palette.Band.Hex(), Stroke: palette.Rule.Hex(), Width: 1, Class: "box"})
			stageBlock(m, s).draw(w, x+cellPad, pad+cellPad)
		}
		w.Rect(pad, pad, laneW, head, 0, svgw.Style{Fill: palette.Band.Hex(), Stroke: palette.Rule.Hex(), Width: 1, Class: "box"})
		block{text("Stage", fLabel, laneW-2*cellPad)}.draw(w, pad+cellPad, pad+cellPad)
		y := pad + head
		for li, l := range ls {
			h := heights[li]
			w.Rect(pad, y, laneW, h, 0, svgw.Style{Fill: palette.Soft.Hex(), Stroke: palette.Line.Hex(), Width: 1, Class: "box"})
			block{text(l.name, fLabel, laneW-2*cellPad)}.draw(w, pad+cellPad, y+cellPad)
			for ci := range b.cols {
				w.Rect(colX(ci), y, colW, h, 0, boxLine)
			}
			if l.emotion {
				drawEmotionLane(w, m, b, y)
			} else {
				for ci := range b.cols {
					cells[li][ci].draw(w, colX(ci)+cellPad, y+cellPad)
				}
			}
			y += h
		}
		// A stronger rule between stages.
		for _, s := range b.segs[1:] {
			w.Line(colX(s.from), pad, colX(s.from), bottom, svgw.Style{Stroke: palette.Rule.Hex(), Width: 1.5})
		}
	}}
}

// lineH is the height of one line of body text.
var lineH = fm.LineHeight(sizeText)
