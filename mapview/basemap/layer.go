package basemap

import (
	"math"
	"reportmap/mapview/viewport"
	"slices"
	"sync"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/simplify"
)

// box is an axis-aligned bounding box in world coordinates.
type box struct{ minX, minY, maxX, maxY float64 }

// emptyBox is the identity for extend.
var emptyBox = box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}

func (b *box) extend(p orb.Point) {
	b.minX = math.Min(b.minX, p[0])
	b.minY = math.Min(b.minY, p[1])
	b.maxX = math.Max(b.maxX, p[0])
	b.maxY = math.Max(b.maxY, p[1])
}

// intersects reports whether b, shifted right by dx, overlaps v.
func (b box) intersects(dx float64, v box) bool {
	return b.minX+dx <= v.maxX && b.maxX+dx >= v.minX && b.minY <= v.maxY && b.maxY >= v.minY
}

// shape is one polygon (outer ring then holes) or one line: the rings
// [first, last) of its layer.
type shape struct {
	box
	first, last int32
}

// layer is geometry flattened for drawing: every vertex in one slice, in
// world coordinates. Polygon rings are stored without their closing vertex,
// outer rings counter-clockwise and holes clockwise on screen (y down), so
// that adding them up fills the land and leaves the lakes out. A layer is
// immutable once built.
type layer struct {
	pts    []orb.Point
	starts []int32 // ring i is pts[starts[i]:starts[i+1]]; len = rings + 1
	boxes  []box   // one per ring
	shapes []shape
}

func (l *layer) ring(i int32) []orb.Point { return l.pts[l.starts[i]:l.starts[i+1]] }

func (l *layer) vertices() int { return len(l.pts) }

// addRing appends a ring (or line) and returns its box.
func (l *layer) addRing(pts []orb.Point) box {
	if len(l.starts) == 0 {
		l.starts = append(l.starts, 0)
	}
	b := emptyBox
	for _, p := range pts {
		b.extend(p)
	}
	l.pts = append(l.pts, pts...)
	l.starts = append(l.starts, int32(len(l.pts)))
	l.boxes = append(l.boxes, b)
	return b
}

// signedArea is twice the ring's signed area; positive is counter-clockwise
// on screen, where y grows downward.
func signedArea(r []orb.Point) float64 {
	var s float64
	for i := range r {
		p, q := r[i], r[(i+1)%len(r)]
		s += p[0]*q[1] - q[0]*p[1]
	}
	return -s
}

func reverse(r orb.Ring) {
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
}

// openRing drops a ring's closing vertex, if any.
func openRing(r orb.Ring) []orb.Point {
	if n := len(r); n > 1 && r[0] == r[n-1] {
		return r[:n-1]
	}
	return r
}

// keep reports whether a ring's or line's box b is at least minSize world
// units wide or high; smaller ones are dropped.
func keep(b box, minSize float64) bool {
	return b.maxX-b.minX >= minSize || b.maxY-b.minY >= minSize
}

// addPolygon appends a polygon whose rings are in world coordinates,
// orienting p's rings (outer counter-clockwise, holes clockwise) in place.
// Rings with fewer than three vertices, or smaller than minSize, are
// dropped; so is the whole polygon when its outer ring is.
func (l *layer) addPolygon(p orb.Polygon, minSize float64) {
	first := int32(len(l.boxes))
	var sb box
	for i, r := range p {
		pts := openRing(r)
		if len(pts) < 3 {
			if i == 0 {
				return
			}
			continue
		}
		a := signedArea(pts)
		if a == 0 {
			if i == 0 {
				return
			}
			continue
		}
		if (i == 0) != (a > 0) {
			reverse(r) // all of it, so that a closed ring stays closed
		}
		b := emptyBox
		for _, q := range pts {
			b.extend(q)
		}
		if !keep(b, minSize) {
			if i == 0 {
				return
			}
			continue
		}
		rb := l.addRing(pts)
		if i == 0 {
			sb = rb
		}
	}
	l.shapes = append(l.shapes, shape{box: sb, first: first, last: int32(len(l.boxes))})
}

// addLine appends a line in world coordinates unless it has fewer than two
// vertices or is smaller than minSize.
func (l *layer) addLine(ls orb.LineString, minSize float64) {
	if len(ls) < 2 {
		return
	}
	b := emptyBox
	for _, q := range ls {
		b.extend(q)
	}
	if !keep(b, minSize) {
		return
	}
	first := int32(len(l.boxes))
	l.addRing(ls)
	l.shapes = append(l.shapes, shape{box: b, first: first, last: first + 1})
}

// band is the geometry for the views up to maxScale pixels per world unit
// (exclusive), simplified to about half a pixel at that scale.
type band struct {
	maxScale float64
	land     layer
	borders  layer
}

// bandZooms are the zoom levels where the simplified bands end, coarsest
// first; the last band, unsimplified, takes every closer zoom.
var bandZooms = [...]float64{2, 4, 6}

// buildBands takes land and borders in world coordinates and returns one
// band per bandZooms entry, coarsest first, and the full-resolution band
// last. It simplifies land and borders in place, finest band first, each
// band from the one before: the error adds up to at most 0.5 + 0.125 +
// 0.03 pixels. Land and borders are done side by side.
func buildBands(land orb.MultiPolygon, borders orb.MultiLineString) []band {
	n := len(bandZooms)
	bands := make([]band, n+1)
	bands[n].maxScale = math.Inf(1)
	for i, z := range bandZooms {
		bands[i].maxScale = viewport.Scale(z)
	}
	var wg sync.WaitGroup
	wg.Go(func() {
		for i := n; i >= 0; i-- {
			l, minSize := &bands[i].land, 0.0
			if i < n {
				tol := 0.5 / bands[i].maxScale // half a pixel at the band's closest zoom
				minSize = 2 * tol
				land = simplify.DouglasPeucker(tol).MultiPolygon(land)
			}
			for _, p := range land {
				l.addPolygon(p, minSize)
			}
			l.compact()
		}
	})
	wg.Go(func() {
		for i := n; i >= 0; i-- {
			l, minSize := &bands[i].borders, 0.0
			if i < n {
				tol := 0.5 / bands[i].maxScale
				minSize = 2 * tol
				borders = simplify.DouglasPeucker(tol).MultiLineString(borders)
			}
			for _, ls := range borders {
				l.addLine(ls, minSize)
			}
			l.compact()
		}
	})
	wg.Wait()
	return bands
}

// compact copies the layer's slices to exactly their length, so a built
// layer holds no spare capacity.
func (l *layer) compact() {
	l.pts = slices.Clone(l.pts)
	l.starts = slices.Clone(l.starts)
	l.boxes = slices.Clone(l.boxes)
	l.shapes = slices.Clone(l.shapes)
}
