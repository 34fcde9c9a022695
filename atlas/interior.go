package atlas

import (
	"math"
	"slices"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// RepresentativePoint is where Load puts the marker of a place whose
// geometry is g and whose file gives no "point" property: for a Polygon
// or MultiPolygon a point inside it (InteriorPoint), else, and for a
// polygon with no area, the centroid (planar.CentroidArea). Longitude
// and latitude in degrees. It is deterministic: the same geometry always
// gives the same point, so Encode can tell whether to write "point".
func RepresentativePoint(g orb.Geometry) orb.Point {
	switch g := g.(type) {
	case orb.Polygon:
		if pt, ok := InteriorPoint(orb.MultiPolygon{g}); ok {
			return pt
		}
	case orb.MultiPolygon:
		if pt, ok := InteriorPoint(g); ok {
			return pt
		}
	}
	c, _ := planar.CentroidArea(g)
	return c
}

// scanLines is how many horizontal lines InteriorPoint tries besides the
// one through the centroid.
const scanLines = 24

// InteriorPoint returns a point inside mp (lon, lat in degrees), for a
// marker and its label. It takes mp's largest polygon (planar area): its
// centroid when that lies inside it, which for most shapes is where a
// reader looks; else, for a concave shape (a crescent, an L, a coast
// with a deep bay) whose centroid falls outside, the middle of the
// widest span inside the polygon of the horizontal line through the
// centroid and of scanLines lines evenly across its height. The middle
// of a span between two crossings of the boundary is inside the polygon
// (holes count as boundary), so the point always is. ok is false when mp
// has no polygon with an area.
func InteriorPoint(mp orb.MultiPolygon) (orb.Point, bool) {
	best, bestArea := -1, 0.0
	for i, p := range mp {
		if a := math.Abs(planar.Area(p)); a > bestArea {
			best, bestArea = i, a
		}
	}
	if best < 0 {
		return orb.Point{}, false
	}
	poly := mp[best]
	c, _ := planar.CentroidArea(poly)
	if planar.PolygonContains(poly, c) {
		return c, true
	}
	b := poly.Bound()
	var xs []float64
	var pt orb.Point
	widest := -1.0
	try := func(y float64) {
		xs = crossings(xs[:0], poly, y)
		for i := 0; i+1 < len(xs); i += 2 {
			if w := xs[i+1] - xs[i]; w > widest {
				widest, pt = w, orb.Point{(xs[i] + xs[i+1]) / 2, y}
			}
		}
	}
	try(c[1])
	for k := 1; k <= scanLines; k++ {
		try(b.Min[1] + (b.Max[1]-b.Min[1])*float64(k)/(scanLines+1))
	}
	if widest < 0 {
		return orb.Point{}, false
	}
	return pt, true
}

// crossings appends to xs, sorted, the longitudes where the rings of p
// cross the line of latitude y; each edge counts once, half-open at its
// upper end, so a line through a vertex is not counted twice.
func crossings(xs []float64, p orb.Polygon, y float64) []float64 {
	for _, r := range p {
		for i := range r {
			a, b := r[i], r[(i+1)%len(r)]
			if (a[1] <= y) != (b[1] <= y) {
				xs = append(xs, a[0]+(y-a[1])*(b[0]-a[0])/(b[1]-a[1]))
			}
		}
	}
	slices.Sort(xs)
	return xs
}
