package viewport

import (
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/project"
)

// TileSize is the width of the world in pixels at zoom 0.
const TileSize = 256

// MaxLatitude is the latitude, in degrees, at which Web Mercator makes the
// world square; the map shows nothing beyond ±MaxLatitude.
const MaxLatitude = 85.05112877980659

// mercatorHalf is half the width of the world in Mercator metres.
var mercatorHalf = project.WGS84.ToMercator(orb.Point{180, 0})[0]

// ToWorld converts lon/lat degrees to world coordinates, clamping the
// latitude to ±MaxLatitude. Longitudes outside ±180 give x outside [0,1].
func ToWorld(ll orb.Point) orb.Point {
	lat := math.Max(-MaxLatitude, math.Min(MaxLatitude, ll[1]))
	m := project.WGS84.ToMercator(orb.Point{ll[0], lat})
	return orb.Point{0.5 + m[0]/(2*mercatorHalf), 0.5 - m[1]/(2*mercatorHalf)}
}

// FromWorld converts world coordinates back to lon/lat degrees. x outside
// [0,1] gives longitudes outside ±180; see WrapLon.
func FromWorld(w orb.Point) orb.Point {
	m := orb.Point{(w[0] - 0.5) * 2 * mercatorHalf, (0.5 - w[1]) * 2 * mercatorHalf}
	return project.Mercator.ToWGS84(m)
}

// WrapLon brings a longitude into [-180, 180).
func WrapLon(lon float64) float64 {
	lon = math.Mod(lon+180, 360)
	if lon < 0 {
		lon += 360
	}
	return lon - 180
}

// Scale returns the number of pixels in one world unit at zoom.
func Scale(zoom float64) float64 {
	return TileSize * math.Exp2(zoom)
}
