package basemap

import (
	"image"
	"image/color"
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/simplify"
	"golang.org/x/image/vector"

	"reportmap/mapview/viewport"
)

// painter rasterizes paths into an alpha mask and composites it: the
// buffers Basemap.Draw and Painter reuse between calls. It is not safe
// for concurrent use.
type painter struct {
	ras     vector.Rasterizer
	mask    *image.Alpha
	maskPix []uint8 // mask's pixels, kept at the largest size asked
	clip    clipper
}

// Shape is a multipolygon (lon, lat in degrees) projected to world
// coordinates (Web Mercator, 0–1) and flattened for drawing, at full
// resolution and simplified to half a pixel for the farther zooms, as the
// basemap is: an area the map draws. It is never changed once built, so
// frames on any goroutine may share it.
type Shape struct {
	bands []band // their land layers; by maxScale, ascending, the last +Inf
	box   box
}

// NewShape projects mp, which it does not change, for drawing. It
// returns nil when mp has no ring with an area.
func NewShape(mp orb.MultiPolygon) *Shape {
	w := make(orb.MultiPolygon, len(mp))
	for i, p := range mp {
		w[i] = make(orb.Polygon, len(p))
		for j, r := range p {
			w[i][j] = make(orb.Ring, len(r))
			for k, pt := range r {
				w[i][j][k] = viewport.ToWorld(pt)
			}
		}
	}
	n := len(bandZooms)
	s := &Shape{bands: make([]band, n+1), box: emptyBox}
	s.bands[n].maxScale = math.Inf(1)
	for i := n; i >= 0; i-- {
		l, minSize := &s.bands[i].land, 0.0
		if i < n {
			s.bands[i].maxScale = viewport.Scale(bandZooms[i])
			tol := 0.5 / s.bands[i].maxScale
			minSize = 2 * tol
			w = simplify.DouglasPeucker(tol).MultiPolygon(w)
		}
		for _, p := range w {
			l.addPolygon(p, minSize)
		}
		l.compact()
	}
	for _, sh := range s.bands[n].land.shapes {
		s.box.extend(orb.Point{sh.minX, sh.minY})
		s.box.extend(orb.Point{sh.maxX, sh.maxY})
	}
	if len(s.bands[n].land.shapes) == 0 {
		return nil
	}
	return s
}

// layer is the shape's geometry for a view of scale pixels per world unit.
func (s *Shape) layer(scale float64) *layer {
	for i := range s.bands {
		if scale < s.bands[i].maxScale {
			return &s.bands[i].land
		}
	}
	return &s.bands[len(s.bands)-1].land
}

// Painter fills and outlines Shapes in an image, anti-aliased, with the
// basemap's rasterizer and clipping. Each call rasterizes only the part
// of the image the shape covers, so a small area costs little in a big
// frame. Its buffers are reused: after the first calls it allocates
// nothing. The zero value is ready; it is not safe for concurrent use.
type Painter struct{ painter }

// Fill draws the inside of s over dst in colour c (its alpha blends it
// over what is there). (x0, y0) is the world position of the top-left
// corner of dst's top-left pixel and scale is in pixels per world unit,
// as for Basemap.Draw; the world repeats east and west.
func (p *Painter) Fill(dst *image.RGBA, s *Shape, x0, y0, scale float64, c color.Color) {
	if sub, v, ok := p.area(dst, s, x0, y0, scale, 1); ok && p.fillLand(s.layer(scale), &v) {
		composite(sub, p.mask, c)
	}
}

// Stroke outlines every ring of s, width pixels wide, over dst in colour
// c; the view is as for Fill.
func (p *Painter) Stroke(dst *image.RGBA, s *Shape, x0, y0, scale, width float64, c color.Color) {
	if !(width > 0) || math.IsInf(width, 0) {
		width = 1
	}
	if sub, v, ok := p.area(dst, s, x0, y0, scale, 1+width); ok && p.strokeRings(s.layer(scale), &v, width/2) {
		composite(sub, p.mask, c)
	}
}

// area is the part of dst that s covers, with margin pixels around it,
// and the view of it; ok is false when s is out of view or the view is
// not finite.
func (p *Painter) area(dst *image.RGBA, s *Shape, x0, y0, scale, margin float64) (*image.RGBA, view, bool) {
	r := dst.Bounds()
	if s == nil || r.Empty() || !(scale > 0) || math.IsInf(scale, 0) || math.IsNaN(x0+y0) || math.IsInf(x0+y0, 0) {
		return nil, view{}, false
	}
	// The shape's box, in dst's pixels, over the copies of the world in view.
	w, h := float64(r.Dx()), float64(r.Dy())
	y0p, y1p := (s.box.minY-y0)*scale-margin, (s.box.maxY-y0)*scale+margin
	x0p, x1p := math.Inf(1), math.Inf(-1)
	kMin := int(math.Floor(x0 - s.box.maxX - margin/scale))
	kMax := int(math.Ceil(x0 + (w+margin)/scale - s.box.minX))
	if kMax-kMin >= maxCopies {
		kMax = kMin + maxCopies - 1
	}
	for k := kMin; k <= kMax; k++ {
		a, b := (s.box.minX+float64(k)-x0)*scale-margin, (s.box.maxX+float64(k)-x0)*scale+margin
		if b < 0 || a > w {
			continue
		}
		x0p, x1p = math.Min(x0p, a), math.Max(x1p, b)
	}
	px := image.Rect(int(math.Floor(math.Max(0, x0p))), int(math.Floor(math.Max(0, y0p))),
		int(math.Ceil(math.Min(w, x1p))), int(math.Ceil(math.Min(h, y1p))))
	if x0p > x1p || px.Empty() {
		return nil, view{}, false
	}
	sub := dst.SubImage(px.Add(r.Min)).(*image.RGBA)
	v := view{x0: x0 + float64(px.Min.X)/scale, y0: y0 + float64(px.Min.Y)/scale, scale: scale, w: px.Dx(), h: px.Dy(), margin: margin}
	v.world = box{
		minX: v.x0 - v.margin/scale,
		minY: v.y0 - v.margin/scale,
		maxX: v.x0 + (float64(v.w)+v.margin)/scale,
		maxY: v.y0 + (float64(v.h)+v.margin)/scale,
	}
	v.kMin, v.kMax = int(math.Floor(v.world.minX)), int(math.Floor(v.world.maxX))
	if v.kMax-v.kMin >= maxCopies {
		v.kMax = v.kMin + maxCopies - 1
	}
	return sub, v, true
}

// strokeRings is strokeLines for the closed rings of polygons: a quad
// for every edge in view, the closing one included.
func (b *painter) strokeRings(l *layer, v *view, hw float64) bool {
	b.begin(v)
	drawn := false
	s := v.scale
	c := &b.clip
	for k := v.kMin; k <= v.kMax; k++ {
		dx := float64(k)
		ox, oy := (dx-v.x0)*s, -v.y0*s // pixel = world·s + (ox, oy)
		for i := range l.shapes {
			sh := &l.shapes[i]
			if !sh.intersects(dx, v.world) {
				continue
			}
			for ri := sh.first; ri < sh.last; ri++ {
				if !l.boxes[ri].intersects(dx, v.world) {
					continue
				}
				pts := l.ring(ri)
				last := pts[len(pts)-1]
				ax, ay := last[0]*s+ox, last[1]*s+oy
				for _, p := range pts {
					bx, by := p[0]*s+ox, p[1]*s+oy
					if !((ax < c.minX && bx < c.minX) || (ax > c.maxX && bx > c.maxX) ||
						(ay < c.minY && by < c.minY) || (ay > c.maxY && by > c.maxY)) {
						if x0, y0, x1, y1, ok := c.clipSegment(ax, ay, bx, by); ok && b.quad(x0, y0, x1, y1, hw) {
							drawn = true
						}
					}
					ax, ay = bx, by
				}
			}
		}
	}
	if drawn {
		b.end(v)
	}
	return drawn
}
