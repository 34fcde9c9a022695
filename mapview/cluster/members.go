package cluster

// Members appends to dst the input indices of the points in the item
// with the given ID and returns the extended slice; it allocates only
// when dst is full. An unknown ID returns dst unchanged. The indices
// come in no particular order. O(Count).
func (ix *Index) Members(dst []int, id int) []int {
	ref, ok := ix.ref(id)
	if !ok {
		return dst
	}
	if ref >= 0 {
		return append(dst, int(ix.pid[ref]))
	}
	c := ix.clusters.at(^ref)
	for _, i := range ix.perm[c.start : c.start+c.cnt] {
		dst = append(dst, int(i))
	}
	return dst
}

// Bounds returns the bounding box, in world coordinates, of the points in
// the item with the given ID, as stored (X in [0,1)), for zooming to fit
// a cluster; a single point gives a box of zero size. An unknown ID gives
// zeros and ok false. O(1).
func (ix *Index) Bounds(id int) (minX, minY, maxX, maxY float64, ok bool) {
	ref, ok := ix.ref(id)
	if !ok {
		return 0, 0, 0, 0, false
	}
	if ref >= 0 {
		return ix.px[ref], ix.py[ref], ix.px[ref], ix.py[ref], true
	}
	b := ix.clusters.at(^ref).bounds
	return b.minX, b.minY, b.maxX, b.maxY, true
}
