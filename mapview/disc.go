package mapview

import (
	"encoding/binary"
	"image"
	"image/color"
	"math"
)

// fillDisc draws an anti-aliased filled disc of radius r (pixels) centred
// at (cx, cy) into dst, blending c over what is there. Each row's span
// wholly inside the disc is filled in a tight loop (plain stores when c is
// opaque); only the rim is anti-aliased. It allocates nothing.
func fillDisc(dst *image.RGBA, cx, cy, r float64, c color.NRGBA) {
	b := dst.Rect
	y0 := max(int(math.Floor(cy-r-1)), b.Min.Y)
	y1 := min(int(math.Ceil(cy+r+1)), b.Max.Y)
	px := uint32(c.R) | uint32(c.G)<<8 | uint32(c.B)<<16 | 0xff<<24
	for y := y0; y < y1; y++ {
		dy, x0, x1, s0, s1, ok := rowSpans(b, cx, cy, r, r-0.5, y)
		if !ok {
			continue
		}
		row := dst.Pix[(y-b.Min.Y)*dst.Stride:]
		for x := x0; x < s0; x++ { // the left rim
			dx := float64(x) + 0.5 - cx
			if a := r - math.Sqrt(dx*dx+dy*dy) + 0.5; a > 0 {
				blend(row[(x-b.Min.X)*4:], c, math.Min(a, 1))
			}
		}
		if c.A == 0xff {
			span := row[(s0-b.Min.X)*4 : (s1-b.Min.X)*4]
			for i := 0; i < len(span); i += 4 {
				binary.LittleEndian.PutUint32(span[i:], px)
			}
		} else {
			for x := s0; x < s1; x++ {
				blend(row[(x-b.Min.X)*4:], c, 1)
			}
		}
		for x := s1; x < x1; x++ { // the right rim
			dx := float64(x) + 0.5 - cx
			if a := r - math.Sqrt(dx*dx+dy*dy) + 0.5; a > 0 {
				blend(row[(x-b.Min.X)*4:], c, math.Min(a, 1))
			}
		}
	}
}

// rowSpans returns, for row y of a circle of radius r around (cx, cy)
// clipped to b, the pixel centre's offset dy, the span [x0, x1) the
// circle's anti-aliased edge can reach, and the span [s0, s1) of pixels
// wholly within radius inner (their centres a half-diagonal inside it;
// empty when there are none). ok is false when the row misses the circle.
func rowSpans(b image.Rectangle, cx, cy, r, inner float64, y int) (dy float64, x0, x1, s0, s1 int, ok bool) {
	dy = float64(y) + 0.5 - cy
	outer2 := (r + 0.5) * (r + 0.5)
	if dy*dy >= outer2 {
		return dy, 0, 0, 0, 0, false
	}
	half := math.Sqrt(outer2 - dy*dy)
	x0 = max(int(math.Floor(cx-half)), b.Min.X)
	x1 = min(int(math.Ceil(cx+half)), b.Max.X)
	if x0 >= x1 {
		return dy, 0, 0, 0, 0, false
	}
	s0, s1 = x1, x1
	if inner > 0 && dy*dy < inner*inner {
		if in := math.Sqrt(inner*inner-dy*dy) - 0.71; in > 0 {
			s0 = max(int(math.Ceil(cx-in-0.5)), x0)
			s1 = max(min(int(math.Floor(cx+in-0.5))+1, x1), s0)
		}
	}
	return dy, x0, x1, s0, s1, true
}

// ring draws an anti-aliased ring between radii r0 and r1 around (cx, cy),
// visiting only the pixels near it: each row skips the ring's hole.
func ring(dst *image.RGBA, cx, cy, r0, r1 float64, c color.NRGBA) {
	b := dst.Rect
	y0 := max(int(math.Floor(cy-r1-1)), b.Min.Y)
	y1 := min(int(math.Ceil(cy+r1+1)), b.Max.Y)
	for y := y0; y < y1; y++ {
		// [h0, h1) is the hole: pixels closer than r0 are untouched.
		dy, x0, x1, h0, h1, ok := rowSpans(b, cx, cy, r1, r0-0.5, y)
		if !ok {
			continue
		}
		row := dst.Pix[(y-b.Min.Y)*dst.Stride:]
		for x := x0; x < x1; x++ {
			if x == h0 && h1 > h0 {
				x = h1 - 1 // skip the hole
				continue
			}
			dx := float64(x) + 0.5 - cx
			d := math.Sqrt(dx*dx + dy*dy)
			a := r1 - d + 0.5
			if b := d - r0 + 0.5; b < a {
				a = b
			}
			if a > 0 {
				if a > 1 {
					a = 1
				}
				blend(row[(x-b.Min.X)*4:], c, a)
			}
		}
	}
}

// blend composites c with coverage a (0…1) over the premultiplied RGBA
// pixel p, in integer arithmetic.
func blend(p []byte, c color.NRGBA, a float64) {
	sa := uint32(a*float64(c.A) + 0.5) // source alpha, 0…255
	if sa == 0 {
		return
	}
	inv := 255 - sa
	p = p[:4]
	p[0] = uint8((uint32(c.R)*sa + uint32(p[0])*inv + 127) / 255)
	p[1] = uint8((uint32(c.G)*sa + uint32(p[1])*inv + 127) / 255)
	p[2] = uint8((uint32(c.B)*sa + uint32(p[2])*inv + 127) / 255)
	p[3] = uint8((255*sa + uint32(p[3])*inv + 127) / 255)
}

// segment draws an anti-aliased line w pixels wide from (x0, y0) to
// (x1, y1) into dst, visiting only the pixels of its bounding box. It
// allocates nothing.
func segment(dst *image.RGBA, x0, y0, x1, y1, w float64, c color.NRGBA) {
	half := w / 2
	b := image.Rect(int(math.Floor(math.Min(x0, x1)-half-1)), int(math.Floor(math.Min(y0, y1)-half-1)),
		int(math.Ceil(math.Max(x0, x1)+half+1)), int(math.Ceil(math.Max(y0, y1)+half+1))).Intersect(dst.Rect)
	dx, dy := x1-x0, y1-y0
	l2 := dx*dx + dy*dy
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			px, py := float64(x)+0.5-x0, float64(y)+0.5-y0
			t := 0.0
			if l2 > 0 {
				t = math.Max(0, math.Min(1, (px*dx+py*dy)/l2))
			}
			ex, ey := px-t*dx, py-t*dy
			a := half + 0.5 - math.Sqrt(ex*ex+ey*ey)
			if a <= 0 {
				continue
			}
			blend(dst.Pix[(y-dst.Rect.Min.Y)*dst.Stride+(x-dst.Rect.Min.X)*4:], c, math.Min(1, a))
		}
	}
}
