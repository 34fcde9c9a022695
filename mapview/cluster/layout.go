package cluster

// layout orders the input indices in ix.perm so that every cluster's
// member points are contiguous, and sets ix.cstart. Clusters are created
// from MaxZoom down, so a parent's index is larger than its children's:
// walking clusters from the last one places every parent before its
// children, each child taking the next free run of its parent's range.
func (b *builder) layout() {
	ix := b.ix
	cl := &ix.clusters
	nc := cl.len()
	ix.perm = make([]int32, len(ix.px))
	next := make([]int32, nc) // next free place in each cluster's range
	pos := int32(0)
	for _, ref := range ix.levels[0].ref { // the roots
		if ref >= 0 {
			ix.perm[pos] = ix.pid[ref]
			pos++
			continue
		}
		c := ^ref
		cl.at(c).start, next[c] = pos, pos
		pos += cl.at(c).cnt
	}
	for c := nc - 1; c >= 0; c-- {
		p := b.clusterParent[c]
		if p < 0 {
			continue // a root, placed above
		}
		s := next[p]
		next[p] += cl.at(int32(c)).cnt
		cl.at(int32(c)).start, next[c] = s, s
	}
	for i, p := range b.pointParent {
		if p < 0 {
			continue
		}
		ix.perm[next[p]] = ix.pid[i]
		next[p]++
	}
}
