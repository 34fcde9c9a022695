// Package cluster groups map points into clusters for every integer zoom
// and answers the two questions a map widget asks many times a second:
// which items are visible in this box (Index.Items) and which item is
// under this tap (Index.Hit).
//
// Coordinates are "world" coordinates, normalised Web Mercator: x in [0,1]
// eastward, y in [0,1] southward. At fractional zoom z one world unit is
// 256·2^z pixels, so a distance of d pixels is d/(256·2^z) world units.
//
// The clustering is the hierarchical greedy one of mapbox/supercluster:
// level MaxZoom+1 holds the single points; each level z below merges the
// items of level z+1 whose centres lie within Options.Radius pixels of a
// seed item at zoom z. Priority points (Point.Priority) are clustered
// among themselves only, never with ordinary points. Clustering does not
// wrap around the antimeridian; queries do (see Index.Items).
//
// Every level is kept as a row-major grid layout of cell keys, so a query
// touches only the grid rows and cells its box overlaps. The package has
// no user-interface code and does not import Fyne.
package cluster
