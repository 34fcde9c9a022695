package cluster

// cluster builds the next level down into b.a from the sorted items in
// b.b, merging into each seed the unvisited items of the same priority
// class whose centres are within r world units of the seed's centre.
//
// The grid cells are at least r wide, so the neighbours of an item lie in
// the 3×3 cells around it. Seeds are visited in key order (row by row,
// column by column), so a cursor into each of the three rows concerned
// (the one above, the seed's own, the one below) only moves forward: the
// sweep is linear in the number of items plus neighbours examined.
func (b *builder) cluster(r float64) {
	src, keys := &b.b, b.keys
	m := len(keys)
	xs, ys, cnt, prio, ref := src.x[:m], src.y[:m], src.cnt[:m], src.prio[:m], src.ref[:m]
	visited := b.visited[:m]
	clear(visited)
	dst := &b.a
	dst.setLen(m)
	dx, dy, dcnt, dprio, dref := dst.x[:m], dst.y[:m], dst.cnt[:m], dst.prio[:m], dst.ref[:m]
	o := 0 // items written to dst
	members := b.members[:0]
	r2 := r * r
	shift := b.g.shift
	mask := uint64(1)<<shift - 1
	maxCol := uint64(b.g.maxCol)
	rowEnd := func(i int, row uint64) int {
		for i < m && keys[i]>>shift == row {
			i++
		}
		return i
	}

	prevStart, prevEnd, prevRow := 0, 0, ^uint64(0)
	nextRow, nextEnd := ^uint64(0), 0 // the row below the last one, if known
	for i := 0; i < m; {
		row := keys[i] >> shift
		end := nextEnd
		if row != nextRow {
			end = rowEnd(i, row)
		}
		nextRow, nextEnd = row+1, rowEnd(end, row+1)
		// Cursors and ends in the rows above, at and below the seed.
		upC, upEnd := i, i
		if prevRow+1 == row && prevRow != ^uint64(0) {
			upC, upEnd = prevStart, prevEnd
		}
		atC, downC := i, end
		upBase, atBase, downBase := (row-1)<<shift, row<<shift, (row+1)<<shift
		for p := i; p < end; p++ {
			if visited[p] {
				continue
			}
			visited[p] = true
			col := keys[p] & mask
			lo, hi := col, min(col+1, maxCol)
			if lo > 0 {
				lo--
			}
			x0, y0, pr := xs[p], ys[p], prio[p]
			members = members[:0]

			for upC < upEnd && keys[upC] < upBase|lo {
				upC++
			}
			e := upC
			for e < upEnd && keys[e] <= upBase|hi {
				e++
			}
			if e > upC {
				members = b.near(members, upC, e, x0, y0, r2, pr)
			}

			for keys[atC] < atBase|lo { // stops at p at the latest
				atC++
			}
			e = atC
			for e < end && keys[e] <= atBase|hi {
				e++
			}
			if e > atC+1 { // more than the seed
				members = b.near(members, atC, e, x0, y0, r2, pr)
			}

			for downC < nextEnd && keys[downC] < downBase|lo {
				downC++
			}
			e = downC
			for e < nextEnd && keys[e] <= downBase|hi {
				e++
			}
			if e > downC {
				members = b.near(members, downC, e, x0, y0, r2, pr)
			}

			if pr && len(members) > 0 && b.tooFewPriority(p, members) {
				// Too few settings to cluster: they stay apart, free to
				// seed or join other clusters.
				for _, j := range members {
					visited[j] = false
				}
				members = members[:0]
			}
			if len(members) == 0 {
				dx[o], dy[o], dcnt[o], dprio[o], dref[o] = x0, y0, cnt[p], pr, ref[p]
			} else {
				c := b.merge(int32(p), members)
				cr := b.ix.clusters.at(c)
				dx[o], dy[o], dcnt[o], dprio[o], dref[o] = cr.x, cr.y, cr.cnt, pr, ^c
			}
			o++
		}
		prevStart, prevEnd, prevRow = i, end, row
		i = end
	}
	b.members = members
	dst.setLen(o)
}

// near appends to members the items j in [j, end) of b.b that are
// unvisited, of priority class pr and within √r2 of (x0, y0), and marks
// them visited.
func (b *builder) near(members []int32, j, end int, x0, y0, r2 float64, pr bool) []int32 {
	xs, ys, prio, visited := b.b.x, b.b.y, b.b.prio, b.visited
	for ; j < end; j++ {
		if visited[j] || prio[j] != pr {
			continue
		}
		dx, dy := xs[j]-x0, ys[j]-y0
		if dx*dx+dy*dy <= r2 {
			visited[j] = true
			members = append(members, int32(j))
		}
	}
	return members
}

// tooFewPriority reports whether the seed p and its members hold fewer
// points than Options.MinPriorityPoints.
func (b *builder) tooFewPriority(p int, members []int32) bool {
	n := int(b.b.cnt[p])
	for _, j := range members {
		n += int(b.b.cnt[j])
	}
	return n < b.ix.minPrio
}

// merge creates a cluster of the seed p and its members (indices into
// b.b) and returns its index.
func (b *builder) merge(p int32, members []int32) int32 {
	ix, src := b.ix, &b.b
	c := int32(ix.clusters.len())
	w := float64(src.cnt[p])
	sx, sy, total := src.x[p]*w, src.y[p]*w, src.cnt[p]
	bb := b.bounds(p)
	b.setParent(src.ref[p], c)
	for _, j := range members {
		w := float64(src.cnt[j])
		sx += src.x[j] * w
		sy += src.y[j] * w
		total += src.cnt[j]
		jb := b.bounds(j)
		bb.minX, bb.minY = min(bb.minX, jb.minX), min(bb.minY, jb.minY)
		bb.maxX, bb.maxY = max(bb.maxX, jb.maxX), max(bb.maxY, jb.maxY)
		b.setParent(src.ref[j], c)
	}
	x, y := sx/float64(total), sy/float64(total)
	// The mean of numbers in [lo, hi] can round just outside it.
	x = min(max(x, bb.minX), bb.maxX)
	y = min(max(y, bb.minY), bb.maxY)
	ix.clusters.add(clusterRec{x: x, y: y, bounds: bb, cnt: total, prio: src.prio[p]})
	b.clusterParent = append(b.clusterParent, -1)
	return c
}

// bounds returns the bounds of the points in item i of b.b.
func (b *builder) bounds(i int32) box {
	if r := b.b.ref[i]; r < 0 {
		return b.ix.clusters.at(^r).bounds
	}
	x, y := b.b.x[i], b.b.y[i]
	return box{x, y, x, y}
}

// setParent records c as the parent of the point or cluster ref.
func (b *builder) setParent(ref, c int32) {
	if ref >= 0 {
		b.pointParent[ref] = c
	} else {
		b.clusterParent[^ref] = c
	}
}
