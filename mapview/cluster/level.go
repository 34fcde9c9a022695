package cluster

// level is the set of items shown at one integer zoom, sorted by grid
// cell key so that a box query visits only the rows and cells it
// overlaps. Each entry is 4 bytes: a point's place in the Index's
// storage order, or the complement of a cluster index; coordinates are
// looked up in the Index.
type level struct {
	grid
	ref []int32
	// rows[r] is the first entry of grid row r and rows[maxRow+1] is
	// len(ref); nil when the grid has many more rows than entries, and
	// rows are then found by binary search over the whole level.
	rows []int32
}

// maxRowsPerEntry bounds the rows index of a level: 4 bytes per row.
const maxRowsPerEntry = 2

// newLevel returns the level of the entries ref sorted by their keys
// in grid g.
func newLevel(g grid, ref []int32, keys []uint64) level {
	l := level{grid: g, ref: ref}
	nr := g.maxRow + 1
	if len(ref) == 0 || nr > maxRowsPerEntry*int64(len(ref))+64 {
		return l
	}
	l.rows = make([]int32, nr+1)
	i := 0
	for r := range nr + 1 {
		for i < len(keys) && int64(keys[i]>>g.shift) < r {
			i++
		}
		l.rows[r] = int32(i)
	}
	return l
}

// keyAt returns the cell key of entry i.
func (l *level) keyAt(ix *Index, i int) uint64 {
	x, y := ix.xy(l.ref[i])
	return l.key(x, y)
}

// search returns the first entry in [lo, hi) whose key is at least k,
// or hi.
func (l *level) search(ix *Index, lo, hi int, k uint64) int {
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if l.keyAt(ix, m) < k {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// each calls fn for every entry whose centre lies in the box [minX,maxX]
// × [minY,maxY] (inclusive; the box is clipped to [0,1]²). It visits only
// the grid rows the box overlaps that hold items, and in each only the
// entries of the overlapped columns, found by binary search within the
// row (or within the level when it has no rows index).
func (l *level) each(ix *Index, minX, minY, maxX, maxY float64, fn func(ref int32, x, y float64)) {
	if len(l.ref) == 0 || !(minX <= maxX && minY <= maxY) || maxX < 0 || minX > 1 || maxY < 0 || minY > 1 {
		return
	}
	minX, maxX = max(minX, 0), min(maxX, 1)
	minY, maxY = max(minY, 0), min(maxY, 1)
	c0, c1, ok := l.cellRange(minX, maxX, l.col0, l.maxCol)
	if !ok {
		return
	}
	r0, r1, ok := l.cellRange(minY, maxY, l.row0, l.maxRow)
	if !ok {
		return
	}
	if l.rows != nil {
		for row := r0; row <= r1; row++ {
			a, e := int(l.rows[row]), int(l.rows[row+1])
			if a == e {
				continue
			}
			base := uint64(row) << l.shift
			l.scan(ix, l.search(ix, a, e, base|uint64(c0)), e, base|uint64(c1), minX, minY, maxX, maxY, fn)
		}
		return
	}
	n := len(l.ref)
	for row := r0; row <= r1; {
		p := l.search(ix, 0, n, uint64(row)<<l.shift|uint64(c0))
		if p == n {
			return
		}
		if next := int64(l.keyAt(ix, p) >> l.shift); next > row {
			// Rows row..next-1 are empty: jump to the next occupied one.
			row = next
			if c0 > 0 {
				continue // search again for column c0 of that row
			}
		}
		if row > r1 {
			return
		}
		l.scan(ix, p, n, uint64(row)<<l.shift|uint64(c1), minX, minY, maxX, maxY, fn)
		row++
	}
}

// scan calls fn for the entries from p on, up to the first whose key is
// above hi, that lie in the box.
func (l *level) scan(ix *Index, p, end int, hi uint64, minX, minY, maxX, maxY float64, fn func(ref int32, x, y float64)) {
	for ; p < end; p++ {
		ref := l.ref[p]
		x, y := ix.xy(ref)
		if l.key(x, y) > hi {
			return
		}
		if x >= minX && x <= maxX && y >= minY && y <= maxY {
			fn(ref, x, y)
		}
	}
}
