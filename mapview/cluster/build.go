package cluster

import (
	"math"
	"math/bits"
)

// cellSlack widens grid cells a little beyond the clustering radius so
// that rounding in x·(1/cell) can never put two points within the radius
// more than one cell apart.
const cellSlack = 1 + 1.0/(1<<16)

// worldRadius returns the world length of px pixels at integer zoom z.
func worldRadius(px float64, z int) float64 {
	return px / (256 * math.Exp2(float64(z)))
}

// New clusters points for every integer zoom from 0 to opt.MaxZoom and
// returns the index; it keeps no reference to points. It runs in
// O(n log n)-like time (a radix sort and a linear sweep per level) and
// panics if there are more than math.MaxInt32 points.
func New(points []Point, opt Options) *Index {
	return NewFunc(len(points), func(i int) Point { return points[i] }, opt)
}

// NewFunc is New for the n points point(0), …, point(n-1), for a caller
// whose points are not in a slice of their own: it calls point once per
// point, in order, on the calling goroutine.
func NewFunc(n int, point func(i int) Point, opt Options) *Index {
	opt = opt.withDefaults()
	if n > math.MaxInt32 {
		panic("cluster: more than math.MaxInt32 points")
	}
	ix := &Index{
		radius:  opt.Radius,
		maxZoom: opt.MaxZoom,
		minPrio: opt.MinPriorityPoints,
		levels:  make([]level, opt.MaxZoom+1),
	}
	b := newBuilder(n, ix)
	for i := range n {
		p := point(i)
		x, y := normalize(p.X, p.Y)
		b.a.add(x, y, 1, p.Priority, int32(i))
	}
	for z := opt.MaxZoom; z >= 0; z-- {
		r := worldRadius(opt.Radius, z)
		b.sort(r * cellSlack)
		if z < opt.MaxZoom {
			ix.levels[z+1] = b.level()
		} else {
			b.keepPoints()
		}
		b.cluster(r)
	}
	b.sort(2 * worldRadius(opt.Radius, 0) * cellSlack)
	ix.levels[0] = b.level()
	b.layout()
	return ix
}

// builder holds the scratch state of New.
type builder struct {
	ix   *Index
	a    batch // the level just built, in the order it was built
	b    batch // the same level sorted by cell key of g
	g    grid
	keys []uint64 // sorted cell keys of b
	// scratch
	k1, k2  []uint64
	i1, i2  []int32
	visited []bool
	members []int32
	// pointParent[i] and clusterParent[c] are the cluster that first
	// absorbed the point stored at i or cluster c, or -1.
	pointParent, clusterParent []int32
}

func newBuilder(n int, ix *Index) *builder {
	b := &builder{
		ix:          ix,
		a:           makeBatch(n),
		b:           makeBatch(n),
		k1:          make([]uint64, n),
		k2:          make([]uint64, n),
		i1:          make([]int32, n),
		i2:          make([]int32, n),
		visited:     make([]bool, n),
		pointParent: make([]int32, n),
	}
	for i := range b.pointParent {
		b.pointParent[i] = -1
	}
	return b
}

// sort fits a grid of the given cell size to the items in b.a and puts
// them, sorted by cell key, in b.b and their keys in b.keys.
func (b *builder) sort(cell float64) {
	a := &b.a
	m := len(a.x)
	g := newGrid(cell, a.x, a.y)
	keys, idx := b.k1[:m], b.i1[:m]
	nw := workers(m)
	split(m, nw, func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			keys[i] = g.key(a.x[i], a.y[i])
			idx[i] = int32(i)
		}
	})
	keyBits := int(g.shift) + bits.Len64(uint64(g.maxRow))
	keys, idx = radixSort(keys, idx, b.k2, b.i2, keyBits)
	s := &b.b
	s.setLen(m)
	split(m, nw, func(_, lo, hi int) {
		for j, i := range idx[lo:hi] {
			j += lo
			s.x[j] = a.x[i]
			s.y[j] = a.y[i]
			s.cnt[j] = a.cnt[i]
			s.prio[j] = a.prio[i]
			s.ref[j] = a.ref[i]
		}
	})
	b.g, b.keys = g, keys
}

// keepPoints stores the points, sorted in b.b, in the Index in that order
// and makes their refs in b.b storage places.
func (b *builder) keepPoints() {
	ix, s := b.ix, &b.b
	ix.px = append([]float64(nil), s.x...)
	ix.py = append([]float64(nil), s.y...)
	ix.pprio = append([]bool(nil), s.prio...)
	ix.pid = append([]int32(nil), s.ref...)
	for j := range s.ref {
		s.ref[j] = int32(j)
	}
}

// level returns the sorted items in b.b as a level.
func (b *builder) level() level {
	return newLevel(b.g, append([]int32(nil), b.b.ref...), b.keys)
}
