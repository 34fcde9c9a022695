package basemap

import "math"

// strokeLines adds a quad of width 2·hw pixels for every segment of l in
// view, for every copy of the world in view, and rasterizes them into
// b.mask. Each quad extends hw past both ends of its segment (a square
// cap), so consecutive segments overlap and leave no gaps at the joins;
// all quads wind the same way, so their overlaps add up instead of
// cancelling. It reports whether anything was in view.
func (b *painter) strokeLines(l *layer, v *view, hw float64) bool {
	b.begin(v)
	drawn := false
	b.segments(l, v, func(x0, y0, x1, y1 float64) {
		if b.quad(x0, y0, x1, y1, hw) {
			drawn = true
		}
	})
	if drawn {
		b.end(v)
	}
	return drawn
}

// segments calls f with every segment of l in view, for every copy of
// the world in view, in pixels, clipped to b.clip as it is set.
func (b *painter) segments(l *layer, v *view, f func(x0, y0, x1, y1 float64)) {
	s := v.scale
	c := &b.clip
	for k := v.kMin; k <= v.kMax; k++ {
		dx := float64(k)
		ox, oy := (dx-v.x0)*s, -v.y0*s // pixel = world·s + (ox, oy)
		for i := range l.shapes {
			sh := &l.shapes[i]
			if !sh.intersects(dx, v.world) {
				continue
			}
			pts := l.ring(sh.first)
			ax, ay := pts[0][0]*s+ox, pts[0][1]*s+oy
			for _, p := range pts[1:] {
				bx, by := p[0]*s+ox, p[1]*s+oy
				if (ax < c.minX && bx < c.minX) || (ax > c.maxX && bx > c.maxX) ||
					(ay < c.minY && by < c.minY) || (ay > c.maxY && by > c.maxY) {
					ax, ay = bx, by
					continue
				}
				if x0, y0, x1, y1, ok := c.clipSegment(ax, ay, bx, by); ok {
					f(x0, y0, x1, y1)
				}
				ax, ay = bx, by
			}
		}
	}
}

// quad adds the rectangle around segment (ax, ay)–(bx, by), hw pixels
// either side and past each end. It reports false for an empty segment.
func (b *painter) quad(ax, ay, bx, by, hw float64) bool {
	dx, dy := bx-ax, by-ay
	n := math.Hypot(dx, dy)
	if n == 0 {
		return false
	}
	ux, uy := dx/n*hw, dy/n*hw // along the segment
	nx, ny := -uy, ux          // across it
	b.ras.MoveTo(float32(ax-ux+nx), float32(ay-uy+ny))
	b.ras.LineTo(float32(bx+ux+nx), float32(by+uy+ny))
	b.ras.LineTo(float32(bx+ux-nx), float32(by+uy-ny))
	b.ras.LineTo(float32(ax-ux-nx), float32(ay-uy-ny))
	b.ras.ClosePath()
	return true
}
