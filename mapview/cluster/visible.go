package cluster

import "math"

// MaxWorlds is the largest number of copies of the world Index.Items
// returns items for; a wider x range is cut at its right.
const MaxWorlds = 64

// Items appends to dst the items shown at zoom whose centres lie in the
// box [minX,maxX] × [minY,maxY] (world units, bounds included) and
// returns the extended slice; it allocates only when dst is full. The
// level shown is floor(zoom) clamped to [0, MaxZoom].
//
// The x range may extend beyond [0,1], when the view straddles the
// antimeridian or shows several worlds: each item is returned once per
// copy of the world whose shifted item falls in the range, with X shifted
// by that copy's whole number of worlds, so every returned X is in
// [minX, maxX]. The range is cut to MaxWorlds worlds from minX and to
// ±2^40 worlds. An empty or NaN box returns dst unchanged.
//
// It never walks the whole level: it visits the grid rows (cells of
// 2·Radius pixels) that the box overlaps, finds the first overlapped cell
// of each by binary search and reads the items of the overlapped cells.
func (ix *Index) Items(dst []Item, zoom float64, minX, minY, maxX, maxY float64) []Item {
	const far = 1 << 40 // worlds; beyond, whole numbers of worlds lose precision
	if !(minX <= maxX) || !(minY <= maxY) || minX > far || maxX < -far {
		return dst
	}
	l := ix.level(zoom)
	minX = max(minX, -far)
	maxX = min(maxX, minX+MaxWorlds)
	for k := math.Floor(minX); k <= maxX; k++ {
		l.each(ix, minX-k, minY, min(maxX-k, 1), maxY, func(ref int32, _, _ float64) {
			it := ix.item(ref)
			it.X += k
			dst = append(dst, it)
		})
	}
	return dst
}
