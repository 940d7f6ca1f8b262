package raster

import (
	"image/color"
	"testing"
)

// Shapes are filled with rasterisers the size of their bounding box:
// each must land where it is, clipped at the image's edges.
func TestShapesLandWhereTheyAre(t *testing.T) {
	svg := []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" viewBox="0 0 100 50">
<rect x="10" y="10" width="20" height="10" fill="#ff0000"/>
<rect x="90" y="40" width="40" height="40" fill="#0000ff"/>
<path d="M60 5 L70 5 L70 15 Z" fill="#00ff00"/>
</svg>`)
	img, err := Draw(svg, Options{Scale: 1})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		x, y int
		want color.RGBA
	}{
		{20, 15, color.RGBA{255, 0, 0, 255}},
		{5, 5, color.RGBA{255, 255, 255, 255}},
		{35, 15, color.RGBA{255, 255, 255, 255}},
		{95, 45, color.RGBA{0, 0, 255, 255}},     // clipped at the corner
		{69, 6, color.RGBA{0, 255, 0, 255}},      // inside the triangle
		{61, 14, color.RGBA{255, 255, 255, 255}}, // outside it
	} {
		if got := img.RGBAAt(c.x, c.y); got != c.want {
			t.Errorf("pixel (%d,%d) = %v, want %v", c.x, c.y, got, c.want)
		}
	}
}
