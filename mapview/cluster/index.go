package cluster

import "math"

// Index holds the clusters of a set of points for every integer zoom from
// 0 to its MaxZoom. It is immutable after New: all its methods are safe
// for concurrent use by several goroutines.
//
// Memory: 25 bytes per point, 64 bytes per cluster (there are fewer
// clusters than points: each one merges at least two items), and 4 bytes
// per item per level. A million points spread evenly take about 80 MB.
type Index struct {
	radius  float64 // pixels
	maxZoom int
	minPrio int // Options.MinPriorityPoints

	// Points, sorted by their cell in the finest grid (row-major), so
	// that the points of any level's grid row are close in memory; pid
	// maps this storage order to input indices.
	px, py []float64
	pprio  []bool
	pid    []int32

	// Clusters, in order of creation: from MaxZoom down to zoom 0, so a
	// cluster's parent always comes after it. A cluster that survives a
	// level unchanged is the same record at both levels.
	clusters store

	// perm lists the input indices so that every cluster's members are
	// contiguous.
	perm []int32

	// levels[z] holds the items at zoom z.
	levels []level
}

// box is an axis-aligned rectangle in world coordinates.
type box struct{ minX, minY, maxX, maxY float64 }

// Len returns the number of input points.
func (ix *Index) Len() int { return len(ix.px) }

// MaxZoom returns the highest zoom with a level of its own.
func (ix *Index) MaxZoom() int { return ix.maxZoom }

// Radius returns the clustering radius in pixels.
func (ix *Index) Radius() float64 { return ix.radius }

// level returns the level shown at a fractional zoom: floor(zoom) clamped
// to [0, MaxZoom]; NaN gives level 0.
func (ix *Index) level(zoom float64) *level {
	z := 0
	if zoom >= float64(ix.maxZoom) {
		z = ix.maxZoom
	} else if zoom > 0 {
		z = int(math.Floor(zoom))
	}
	return &ix.levels[z]
}

// item returns the Item for a level entry: ref ≥ 0 is a point's place in
// storage order, ref < 0 the complement of a cluster index.
func (ix *Index) item(ref int32) Item {
	if ref >= 0 {
		return Item{X: ix.px[ref], Y: ix.py[ref], Count: 1, Point: int(ix.pid[ref]), ID: int(ref), Priority: ix.pprio[ref]}
	}
	c := ix.clusters.at(^ref)
	return Item{X: c.x, Y: c.y, Count: int(c.cnt), Point: -1, ID: len(ix.px) + int(^ref), Priority: c.prio}
}

// xy returns the centre of a level entry.
func (ix *Index) xy(ref int32) (x, y float64) {
	if ref >= 0 {
		return ix.px[ref], ix.py[ref]
	}
	c := ix.clusters.at(^ref)
	return c.x, c.y
}

// ref returns the level entry of an ID, and false for an unknown ID.
func (ix *Index) ref(id int) (int32, bool) {
	n := len(ix.px)
	switch {
	case id < 0:
		return 0, false
	case id < n:
		return int32(id), true
	case id-n < ix.clusters.len():
		return ^int32(id - n), true
	}
	return 0, false
}
