package basemap_test

import (
	"fmt"
	"image"
	"image/color"

	"github.com/paulmach/orb"

	"reportmap/mapview/basemap"
	"reportmap/mapview/viewport"
)

// A 640×400 view of Europe at zoom 4: draw it, then list the largest
// countries whose labels fall in it.
func Example() {
	b, err := basemap.Load()
	if err != nil {
		panic(err)
	}
	const zoom, w, h = 4, 640, 400
	scale := viewport.Scale(zoom)
	c := viewport.ToWorld(orb.Point{10, 50}) // the view's centre, lon/lat
	cx, cy := c[0], c[1]
	x0, y0 := cx-w/2/scale, cy-h/2/scale

	img := image.NewRGBA(image.Rect(0, 0, w, h))
	b.Draw(img, x0, y0, scale, basemap.Style{
		Water:  color.RGBA{0xaa, 0xd3, 0xdf, 0xff},
		Land:   color.RGBA{0xf2, 0xef, 0xe9, 0xff},
		Border: color.RGBA{0x80, 0x60, 0x80, 0xff},
	})

	labels := b.Labels(nil, x0, y0, scale, w, h)
	for _, l := range labels[:4] {
		fmt.Printf("%s at %.0f, %.0f\n", l.Name, l.X, l.Y)
	}
	// Output:
	// Turkey at 609, 376
	// France at 234, 258
	// Ukraine at 562, 215
	// Spain at 166, 356
}
