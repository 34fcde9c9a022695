package mapview

import (
	"image"
	"image/color"
	"math"
	"testing"
)

// TestFillDiscCoverage checks the disc against exact coverage: inside
// pixels are the colour, outside ones untouched, and discs partly or
// wholly off the image draw without trouble.
func TestFillDiscCoverage(t *testing.T) {
	c := color.NRGBA{200, 100, 50, 255}
	for _, tc := range []struct{ cx, cy, r float64 }{
		{20, 20, 7}, {20.3, 19.6, 11.5}, {0, 0, 9}, {-30, 10, 5}, {39, 39, 22}, {10, 10, 0.6},
	} {
		img := image.NewRGBA(image.Rect(0, 0, 40, 40))
		fillDisc(img, tc.cx, tc.cy, tc.r, c)
		for y := 0; y < 40; y++ {
			for x := 0; x < 40; x++ {
				d := math.Hypot(float64(x)+0.5-tc.cx, float64(y)+0.5-tc.cy)
				got := img.RGBAAt(x, y)
				switch {
				case d < tc.r-0.75:
					if got != (color.RGBA{200, 100, 50, 255}) {
						t.Fatalf("%+v: inside pixel (%d,%d) = %v", tc, x, y, got)
					}
				case d > tc.r+0.75:
					if got.A != 0 {
						t.Fatalf("%+v: outside pixel (%d,%d) = %v", tc, x, y, got)
					}
				}
			}
		}
	}
}

func BenchmarkFillDisc(b *testing.B) {
	img := image.NewRGBA(image.Rect(0, 0, 64, 64))
	for b.Loop() {
		fillDisc(img, 32.3, 31.7, 20, color.NRGBA{200, 100, 50, 255})
	}
}

func TestRing(t *testing.T) {
	c := color.NRGBA{10, 20, 30, 255}
	img := image.NewRGBA(image.Rect(0, 0, 40, 40))
	ring(img, 20, 20, 8, 11, c)
	for y := 0; y < 40; y++ {
		for x := 0; x < 40; x++ {
			d := math.Hypot(float64(x)+0.5-20, float64(y)+0.5-20)
			got := img.RGBAAt(x, y)
			if (d < 8-0.75 || d > 11+0.75) && got.A != 0 {
				t.Fatalf("pixel (%d,%d) at %.2f drawn: %v", x, y, d, got)
			}
			if d > 8+0.75 && d < 11-0.75 && got.A != 255 {
				t.Fatalf("pixel (%d,%d) at %.2f not drawn: %v", x, y, d, got)
			}
		}
	}
}

// TestRingThinHole draws rings whose hole is too small for the row's hole
// span to skip: the band is still drawn, the hole's middle stays clear,
// and nothing lands outside the outer radius.
func TestRingThinHole(t *testing.T) {
	c := color.NRGBA{10, 20, 30, 255}
	for _, tc := range []struct{ r0, r1 float64 }{{0.5, 3}, {1.2, 1.3}, {1.5, 4}} {
		img := image.NewRGBA(image.Rect(0, 0, 20, 20))
		ring(img, 10, 10, tc.r0, tc.r1, c)
		drawn := 0
		for y := 0; y < 20; y++ {
			for x := 0; x < 20; x++ {
				d := math.Hypot(float64(x)+0.5-10, float64(y)+0.5-10)
				got := img.RGBAAt(x, y)
				if got.A != 0 {
					drawn++
				}
				if d > tc.r1+0.75 && got.A != 0 {
					t.Errorf("r0 %.1f r1 %.1f: pixel (%d,%d) at %.2f outside the ring drawn: %v", tc.r0, tc.r1, x, y, d, got)
				}
				if d < tc.r0-0.75 && got.A != 0 {
					t.Errorf("r0 %.1f r1 %.1f: pixel (%d,%d) at %.2f inside the hole drawn: %v", tc.r0, tc.r1, x, y, d, got)
				}
			}
		}
		// At least the band's area, less a pixel of anti-aliasing all round.
		if band := math.Pi * (tc.r1*tc.r1 - tc.r0*tc.r0); float64(drawn) < band-2*math.Pi*tc.r1 {
			t.Errorf("r0 %.1f r1 %.1f: %d pixels drawn; the band covers %.1f", tc.r0, tc.r1, drawn, band)
		}
	}
}
