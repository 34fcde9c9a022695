package basemap

import (
	"image"
	"image/color"
	"testing"

	"github.com/paulmach/orb"

	"reportmap/mapview/viewport"
)

// A Painter allocates nothing once warm, and draws a square's outline
// on its edges, through the tiles, without gaps.
func TestPainterNoAllocsAndOutline(t *testing.T) {
	sq := orb.MultiPolygon{{{{0, 0}, {20, 0}, {20, 20}, {0, 20}, {0, 0}}}}
	s := NewShape(sq)
	img := image.NewRGBA(image.Rect(0, 0, 400, 300))
	scale := viewport.Scale(4)
	c := viewport.ToWorld(orb.Point{10, 10})
	x0, y0 := c[0]-200/scale, c[1]-150/scale
	var p Painter
	draw := func() {
		p.Fill(img, s, x0, y0, scale, color.NRGBA{200, 0, 0, 0x40})
		p.Stroke(img, s, x0, y0, scale, 2, color.NRGBA{0, 0, 200, 0xff})
	}
	draw()
	if n := testing.AllocsPerRun(5, draw); n != 0 {
		t.Errorf("%v allocations a frame, want 0", n)
	}
	// The west edge, 0°E, is a vertical line: every pixel on it is blue.
	w := viewport.ToWorld(orb.Point{0, 10})
	x := int((w[0] - x0) * scale)
	top, bottom := viewport.ToWorld(orb.Point{0, 19}), viewport.ToWorld(orb.Point{0, 1})
	for y := int((top[1] - y0) * scale); y < int((bottom[1]-y0)*scale); y++ {
		if px := img.RGBAAt(x, y); px.B < 150 {
			t.Fatalf("outline missing at (%d, %d): %v", x, y, px)
		}
	}
}
