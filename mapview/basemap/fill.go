package basemap

// fillLand adds the rings of l that are in view, for every copy of the
// world in view, to the rasterizer and rasterizes them into b.mask. All
// rings go into one path, so the copies and the pieces cut at the
// antimeridian join without seams, and holes (wound the other way) cancel
// the land around them. It reports whether anything was in view.
func (b *painter) fillLand(l *layer, v *view) bool {
	b.begin(v)
	drawn := false
	s := v.scale
	cMinX, cMinY := -v.margin, -v.margin
	cMaxX, cMaxY := float64(v.w)+v.margin, float64(v.h)+v.margin
	for k := v.kMin; k <= v.kMax; k++ {
		dx := float64(k)
		ox, oy := (dx-v.x0)*s, -v.y0*s // pixel = world·s + (ox, oy)
		for i := range l.shapes {
			sh := &l.shapes[i]
			if !sh.intersects(dx, v.world) {
				continue
			}
			for ri := sh.first; ri < sh.last; ri++ {
				rb := l.boxes[ri]
				if !rb.intersects(dx, v.world) {
					continue
				}
				drawn = true
				pts := l.ring(ri)
				if rb.minX*s+ox >= cMinX && rb.maxX*s+ox <= cMaxX &&
					rb.minY*s+oy >= cMinY && rb.maxY*s+oy <= cMaxY {
					// Wholly inside: no clipping.
					b.ras.MoveTo(float32(pts[0][0]*s+ox), float32(pts[0][1]*s+oy))
					for _, p := range pts[1:] {
						b.ras.LineTo(float32(p[0]*s+ox), float32(p[1]*s+oy))
					}
					b.ras.ClosePath()
					continue
				}
				for _, p := range pts {
					b.clip.push(0, p[0]*s+ox, p[1]*s+oy)
				}
				b.clip.close(0)
			}
		}
	}
	if drawn {
		b.end(v)
	}
	return drawn
}
