package viewport

import (
	"math"

	"github.com/paulmach/orb"
)

// The zoom levels a view may have. MaxZoom is about street level.
const (
	MinZoom = 0.0
	MaxZoom = 19.0
)

// Viewport is a view of the map: the lon/lat at the centre of a W×H pixel
// area, at a fractional zoom. It is a small value type; methods return new
// values and never change the receiver, so it is safe to share.
type Viewport struct {
	Center orb.Point // lon, lat degrees
	Zoom   float64   // 0 shows the whole world in TileSize pixels
	W, H   float64   // size in pixels
}

// New returns a view of w×h pixels centred on center at zoom, normalised
// (see Normalize).
func New(center orb.Point, zoom, w, h float64) Viewport {
	return Viewport{Center: center, Zoom: zoom, W: w, H: h}.Normalize()
}

// Normalize wraps the centre's longitude into [-180, 180), clamps its
// latitude to ±MaxLatitude and the zoom to [MinZoom, MaxZoom].
func (v Viewport) Normalize() Viewport {
	v.Center[0] = WrapLon(v.Center[0])
	v.Center[1] = math.Max(-MaxLatitude, math.Min(MaxLatitude, v.Center[1]))
	v.Zoom = math.Max(MinZoom, math.Min(MaxZoom, v.Zoom))
	return v
}

// Scale returns the pixels in one world unit at the view's zoom.
func (v Viewport) Scale() float64 { return Scale(v.Zoom) }

// Origin returns the world coordinates of the view's top-left pixel.
func (v Viewport) Origin() orb.Point {
	c := ToWorld(v.Center)
	s := v.Scale()
	return orb.Point{c[0] - v.W/2/s, c[1] - v.H/2/s}
}

// WorldToPixel converts world coordinates to pixels, for points projected
// once in advance. It finds the origin each call (about 120 ns); to place
// many points, take Origin and Scale once and compute (w-origin)·scale.
func (v Viewport) WorldToPixel(w orb.Point) (x, y float64) {
	o, s := v.Origin(), v.Scale()
	return (w[0] - o[0]) * s, (w[1] - o[1]) * s
}

// PixelToWorld converts pixels to world coordinates.
func (v Viewport) PixelToWorld(x, y float64) orb.Point {
	o, s := v.Origin(), v.Scale()
	return orb.Point{o[0] + x/s, o[1] + y/s}
}

// ToPixel converts lon/lat to pixels. Of the copies of the place that the
// world's wrap puts on the map, it returns the one nearest the centre.
func (v Viewport) ToPixel(ll orb.Point) (x, y float64) {
	w := ToWorld(ll)
	c := ToWorld(v.Center)
	w[0] -= math.Round(w[0] - c[0]) // the copy within half a world
	return v.WorldToPixel(w)
}

// FromPixel converts pixels to lon/lat, the longitude wrapped into
// [-180, 180).
func (v Viewport) FromPixel(x, y float64) orb.Point {
	ll := FromWorld(v.PixelToWorld(x, y))
	ll[0] = WrapLon(ll[0])
	return ll
}

// WorldBounds returns the world coordinates the view covers. X may reach
// outside [0,1] where the view shows the world's wrapped copies; Y is
// clamped to [0,1].
func (v Viewport) WorldBounds() orb.Bound {
	o, s := v.Origin(), v.Scale()
	return orb.Bound{
		Min: orb.Point{o[0], math.Max(0, o[1])},
		Max: orb.Point{o[0] + v.W/s, math.Min(1, o[1]+v.H/s)},
	}
}

// Bounds returns the lon/lat the view covers. When it shows more than the
// whole width of the world, the longitudes are -180 and 180; otherwise
// Min lon may be greater than Max lon when the view crosses the
// antimeridian.
func (v Viewport) Bounds() orb.Bound {
	wb := v.WorldBounds()
	lo, hi := FromWorld(orb.Point{wb.Min[0], wb.Max[1]}), FromWorld(orb.Point{wb.Max[0], wb.Min[1]})
	if wb.Max[0]-wb.Min[0] >= 1 {
		lo[0], hi[0] = -180, 180
	} else {
		lo[0], hi[0] = WrapLon(lo[0]), WrapLon(hi[0])
		if hi[0] == -180 {
			hi[0] = 180
		}
	}
	return orb.Bound{Min: lo, Max: hi}
}

// Pan moves the view so that the map under it moves by dx, dy pixels, as
// when it is dragged: content at pixel (x, y) is then at (x+dx, y+dy).
func (v Viewport) Pan(dx, dy float64) Viewport {
	c := ToWorld(v.Center)
	s := v.Scale()
	c[0] -= dx / s
	c[1] -= dy / s
	c[1] = math.Max(0, math.Min(1, c[1]))
	v.Center = FromWorld(c)
	return v.Normalize()
}

// ZoomAbout changes the zoom to zoom (clamped to [MinZoom, MaxZoom])
// keeping the place under pixel (x, y) where it is, as a mouse wheel does
// under the cursor.
func (v Viewport) ZoomAbout(x, y, zoom float64) Viewport {
	zoom = math.Max(MinZoom, math.Min(MaxZoom, zoom))
	anchor := v.PixelToWorld(x, y)
	s := Scale(zoom)
	c := orb.Point{anchor[0] - (x-v.W/2)/s, anchor[1] - (y-v.H/2)/s}
	v.Zoom = zoom
	v.Center = FromWorld(c)
	return v.Normalize()
}

// Insets are the margins, in pixels, a fitted view keeps clear on each
// side.
type Insets struct {
	Left, Top, Right, Bottom float64
}

// Fit returns a w×h view showing all of b (lon/lat) with at least padding
// pixels on every side, at the highest zoom up to maxZoom that does so. A
// bound that is a single point is shown at maxZoom. A bound whose Min lon
// is greater than its Max lon crosses the antimeridian.
func Fit(b orb.Bound, w, h, padding, maxZoom float64) Viewport {
	return FitInsets(b, w, h, Insets{padding, padding, padding, padding}, maxZoom)
}

// FitInsets is Fit with a margin of its own on each side, such as a wider
// one where buttons cover the map: b is centred in what the insets leave.
func FitInsets(b orb.Bound, w, h float64, in Insets, maxZoom float64) Viewport {
	lo := ToWorld(orb.Point{b.Min[0], b.Max[1]}) // top-left
	hi := ToWorld(orb.Point{b.Max[0], b.Min[1]}) // bottom-right
	if hi[0] < lo[0] {
		hi[0]++ // across the antimeridian
	}
	cw, ch := math.Max(w-in.Left-in.Right, 1), math.Max(h-in.Top-in.Bottom, 1)
	zoom := maxZoom
	if dx, dy := hi[0]-lo[0], hi[1]-lo[1]; dx > 0 || dy > 0 {
		zx, zy := math.Inf(1), math.Inf(1)
		if dx > 0 {
			zx = math.Log2(cw / (dx * TileSize))
		}
		if dy > 0 {
			zy = math.Log2(ch / (dy * TileSize))
		}
		zoom = math.Min(maxZoom, math.Min(zx, zy))
	}
	zoom = math.Max(MinZoom, math.Min(MaxZoom, zoom))
	// The bound's middle goes to the middle of the area inside the insets.
	s := Scale(zoom)
	c := orb.Point{(lo[0]+hi[0])/2 - (in.Left-in.Right)/2/s, (lo[1]+hi[1])/2 - (in.Top-in.Bottom)/2/s}
	return Viewport{Center: FromWorld(c), Zoom: zoom, W: w, H: h}.Normalize()
}
