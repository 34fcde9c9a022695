package cluster

import "math"

// Hit returns the item shown at zoom nearest to the world point (x, y),
// if its centre is within radius world units (bounds included); for a
// tap of t pixels, radius is t/(256·2^zoom). Ties in distance go to the
// smaller ID. The x coordinate may be in any copy of the world; the
// returned X is the copy of the item nearest to x. The level shown is
// floor(zoom) clamped to [0, MaxZoom].
//
// Hit looks only at the grid cells the search box overlaps: for a tap
// radius up to 2·Radius pixels, at most 3 cells in each of at most 3 grid
// rows, found by binary search. It does not allocate.
func (ix *Index) Hit(zoom float64, x, y, radius float64) (Item, bool) {
	if !(radius >= 0) || math.IsNaN(x) || math.IsNaN(y) || math.IsInf(x, 0) || math.IsInf(y, 0) {
		return Item{}, false
	}
	l := ix.level(zoom)
	world := math.Floor(x)
	lx := x - world // in [0,1)
	// An item's nearest copy is at most half a world away in x.
	w := min(radius, 0.5)
	best, bestD, bestShift := int32(0), radius*radius, 0.0
	found := false
	for k := math.Floor(lx - w); k <= lx+w; k++ {
		// Items of copy k appear at X+k; look for X in [lx-w-k, lx+w-k].
		l.each(ix, lx-w-k, y-radius, lx+w-k, y+radius, func(ref int32, cx, cy float64) {
			dx, dy := cx+k-lx, cy-y
			d := dx*dx + dy*dy
			if d < bestD || d == bestD && (!found || ix.less(ref, best)) {
				best, bestD, bestShift, found = ref, d, k, true
			}
		})
	}
	if !found {
		return Item{}, false
	}
	it := ix.item(best)
	it.X += world + bestShift
	return it, true
}

// less reports whether level entry a has a smaller ID than b.
func (ix *Index) less(a, b int32) bool {
	// Points (≥ 0) have IDs below clusters (< 0); complements reverse.
	if a >= 0 && b >= 0 || a < 0 && b < 0 {
		if a >= 0 {
			return a < b
		}
		return ^a < ^b
	}
	return a >= 0
}
