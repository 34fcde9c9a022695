package cluster

import "math/bits"

// maxCells bounds the number of grid cells along an axis so that a cell
// key (row<<shift | column) fits in 64 bits.
const maxCells = 1 << 31

// grid maps world coordinates to square cells and cells to sortable keys:
// key = row<<shift | column, with row and column counted from the
// smallest occupied cell. Sorting items by key gives a row-major layout
// in which the items of one row and a run of columns are contiguous.
type grid struct {
	inv            float64 // cells per world unit
	col0, row0     int64   // absolute cell of relative column 0 and row 0
	maxCol, maxRow int64   // largest relative column and row
	shift          uint    // bits of the column part of a key
}

// newGrid returns a grid of cells at least size world units wide, fitted
// to the points (xs[i], ys[i]), which must be in [0,1].
func newGrid(size float64, xs, ys []float64) grid {
	inv := 1 / size
	if !(inv <= maxCells) { // also catches size 0
		inv = maxCells
	}
	g := grid{inv: inv}
	if len(xs) == 0 {
		return g
	}
	nw := workers(len(xs))
	bounds := make([]box, nw)
	split(len(xs), nw, func(w, lo, hi int) {
		bounds[w] = boundsOf(xs[lo:hi], ys[lo:hi])
	})
	b := bounds[0]
	for _, o := range bounds[1:] {
		b.minX, b.minY = min(b.minX, o.minX), min(b.minY, o.minY)
		b.maxX, b.maxY = max(b.maxX, o.maxX), max(b.maxY, o.maxY)
	}
	minX, minY, maxX, maxY := b.minX, b.minY, b.maxX, b.maxY
	g.col0, g.row0 = int64(minX*inv), int64(minY*inv)
	g.maxCol, g.maxRow = int64(maxX*inv)-g.col0, int64(maxY*inv)-g.row0
	g.shift = uint(bits.Len64(uint64(g.maxCol)))
	return g
}

// key returns the cell key of a point in [0,1]², which must lie inside
// the range the grid was fitted to.
func (g *grid) key(x, y float64) uint64 {
	return uint64(int64(y*g.inv)-g.row0)<<g.shift | uint64(int64(x*g.inv)-g.col0)
}

// cellRange returns the relative cells [lo, hi] that the world interval
// [a, b] ⊂ [0,1] overlaps along an axis with origin v0 and largest cell
// vmax, and false when it overlaps none.
func (g *grid) cellRange(a, b float64, v0, vmax int64) (lo, hi int64, ok bool) {
	lo, hi = int64(a*g.inv)-v0, int64(b*g.inv)-v0
	if hi < 0 || lo > vmax {
		return 0, 0, false
	}
	return max(lo, 0), min(hi, vmax), true
}

// boundsOf returns the bounds of the points (xs[i], ys[i]), which must be
// in [0,1]; an empty set gives an empty box (min > max).
func boundsOf(xs, ys []float64) box {
	minX, maxX, minY, maxY := 1.0, 0.0, 1.0, 0.0
	ys = ys[:len(xs)]
	for i, x := range xs {
		y := ys[i]
		if x < minX {
			minX = x
		}
		if x > maxX {
			maxX = x
		}
		if y < minY {
			minY = y
		}
		if y > maxY {
			maxY = y
		}
	}
	return box{minX, minY, maxX, maxY}
}
