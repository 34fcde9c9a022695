package basemap

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"slices"

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

	// Stroke's: the clipped edges, bucketed by tile, and a tile's mask.
	segs                []seg
	tileStart, tileFill []int32
	tileSegs            []int32
	tileMask            image.Alpha
	tileMaskPix         [strokeTile * strokeTile]uint8
}

// Shape is a multipolygon (lon, lat in degrees) projected to world
// coordinates (Web Mercator, 0–1) and flattened for drawing, at full
// resolution and simplified to half a pixel for the farther zooms, as the
// basemap is: an area the map draws. It is never changed once built, so
// frames on any goroutine may share it.
type Shape struct {
	bands []band // their land layers; by maxScale, ascending, the last +Inf
	box   box
	parts []box // the boxes of its polygons at full resolution
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
		s.parts = append(s.parts, sh.box)
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
// of the image that the shape's polygons in view cover, so a small area
// costs little in a big frame, and a country with far-off islands or
// territories costs no more than its part in view. Its buffers are
// reused: after the first calls it allocates nothing. The zero value is
// ready; it is not safe for concurrent use.
type Painter struct{ painter }

// Fill draws the inside of s over dst in colour c (its alpha blends it
// over what is there). (x0, y0) is the world position of the top-left
// corner of dst's top-left pixel and scale is in pixels per world unit,
// as for Basemap.Draw; the world repeats east and west.
func (p *Painter) Fill(dst *image.RGBA, s *Shape, x0, y0, scale float64, c color.NRGBA) {
	if s == nil {
		return
	}
	l := s.layer(scale)
	if px, v, ok := p.area(dst, s, x0, y0, scale, 1); ok && p.fillLand(l, &v) {
		sr, sg, sb, sa := c.RGBA()
		compositeAt(dst, px, p.mask, sr, sg, sb, sa)
	}
}

// Stroke outlines every ring of s, width pixels wide, over dst in colour
// c; the view is as for Fill.
func (p *Painter) Stroke(dst *image.RGBA, s *Shape, x0, y0, scale, width float64, c color.NRGBA) {
	if s == nil {
		return
	}
	if !(width > 0) || math.IsInf(width, 0) {
		width = 1
	}
	if px, v, ok := p.area(dst, s, x0, y0, scale, 1+width); ok {
		sr, sg, sb, sa := c.RGBA()
		p.strokeTiles(dst, px, s.layer(scale), &v, width/2, sr, sg, sb, sa)
	}
}

// area is the part of dst, in dst's coordinates, that the polygons of s
// in view cover (their boxes at full resolution), with margin pixels around them, and the view of it; ok
// is false when none is in view or the view is not finite.
func (p *Painter) area(dst *image.RGBA, s *Shape, x0, y0, scale, margin float64) (image.Rectangle, view, bool) {
	r := dst.Bounds()
	if r.Empty() || !(scale > 0) || math.IsInf(scale, 0) || math.IsNaN(x0+y0) || math.IsInf(x0+y0, 0) {
		return image.Rectangle{}, view{}, false
	}
	w, h := float64(r.Dx()), float64(r.Dy())
	m := margin / scale
	all := box{minX: x0 - m, minY: y0 - m, maxX: x0 + w/scale + m, maxY: y0 + h/scale + m}
	if !s.box.intersects(0, box{minX: math.Inf(-1), minY: all.minY, maxX: math.Inf(1), maxY: all.maxY}) {
		return image.Rectangle{}, view{}, false
	}
	// The boxes of the polygons in view, in dst's pixels, over the copies
	// of the world in view.
	x0p, y0p, x1p, y1p := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	kMin, kMax := int(math.Floor(all.minX-s.box.maxX)), int(math.Ceil(all.maxX-s.box.minX))
	if kMax-kMin >= maxCopies {
		kMax = kMin + maxCopies - 1
	}
	for k := kMin; k <= kMax; k++ {
		dx := float64(k)
		if !s.box.intersects(dx, all) {
			continue
		}
		for i := range s.parts {
			sh := &s.parts[i]
			if !sh.intersects(dx, all) {
				continue
			}
			x0p = math.Min(x0p, (sh.minX+dx-x0)*scale-margin)
			x1p = math.Max(x1p, (sh.maxX+dx-x0)*scale+margin)
			y0p = math.Min(y0p, (sh.minY-y0)*scale-margin)
			y1p = math.Max(y1p, (sh.maxY-y0)*scale+margin)
		}
	}
	if x0p > x1p {
		return image.Rectangle{}, view{}, false
	}
	px := image.Rect(int(math.Floor(math.Max(0, x0p))), int(math.Floor(math.Max(0, y0p))),
		int(math.Ceil(math.Min(w, x1p))), int(math.Ceil(math.Min(h, y1p))))
	if px.Empty() {
		return image.Rectangle{}, view{}, false
	}
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
	return px.Add(r.Min), v, true
}

// strokeTile is the side, in pixels, of the tiles Stroke rasterizes:
// an outline crosses few of them, so it costs about its length, not the
// area of its box.
const strokeTile = 32

// seg is one clipped edge of an outline, in the view's pixels.
type seg struct{ ax, ay, bx, by float64 }

// strokeTiles outlines the rings of l in view, hw pixels either side of
// each edge, over dst's rectangle px (the view v): the edges are
// bucketed into square tiles, and each tile an edge comes near is
// rasterized and composited on its own. Within a tile the quads add up
// and clamp as in one big raster, so the joins have no seams.
func (b *painter) strokeTiles(dst *image.RGBA, px image.Rectangle, l *layer, v *view, hw float64, sr, sg, sb, sa uint32) {
	b.segs = b.segs[:0]
	s := v.scale
	c := &b.clip
	c.minX, c.minY, c.maxX, c.maxY = -v.margin, -v.margin, float64(v.w)+v.margin, float64(v.h)+v.margin
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
						if x0, y0, x1, y1, ok := c.clipSegment(ax, ay, bx, by); ok && (x0 != x1 || y0 != y1) {
							b.segs = append(b.segs, seg{x0, y0, x1, y1})
						}
					}
					ax, ay = bx, by
				}
			}
		}
	}
	if len(b.segs) == 0 {
		return
	}
	// Bucket the edges by the tiles their quads reach (counting sort).
	nx, ny := (v.w+strokeTile-1)/strokeTile, (v.h+strokeTile-1)/strokeTile
	reach := hw + 1
	tiles := func(g seg) (int, int, int, int) {
		tx0 := int(math.Floor((math.Min(g.ax, g.bx) - reach) / strokeTile))
		tx1 := int(math.Floor((math.Max(g.ax, g.bx) + reach) / strokeTile))
		ty0 := int(math.Floor((math.Min(g.ay, g.by) - reach) / strokeTile))
		ty1 := int(math.Floor((math.Max(g.ay, g.by) + reach) / strokeTile))
		return max(tx0, 0), max(ty0, 0), min(tx1, nx-1), min(ty1, ny-1)
	}
	b.tileStart = slices.Grow(b.tileStart[:0], nx*ny+1)[:nx*ny+1]
	clear(b.tileStart)
	for _, g := range b.segs {
		tx0, ty0, tx1, ty1 := tiles(g)
		for ty := ty0; ty <= ty1; ty++ {
			for tx := tx0; tx <= tx1; tx++ {
				b.tileStart[ty*nx+tx+1]++
			}
		}
	}
	for i := 1; i <= nx*ny; i++ {
		b.tileStart[i] += b.tileStart[i-1]
	}
	n := int(b.tileStart[nx*ny])
	b.tileSegs = slices.Grow(b.tileSegs[:0], n)[:n]
	b.tileFill = slices.Grow(b.tileFill[:0], nx*ny)[:nx*ny]
	copy(b.tileFill, b.tileStart[:nx*ny])
	for gi, g := range b.segs {
		tx0, ty0, tx1, ty1 := tiles(g)
		for ty := ty0; ty <= ty1; ty++ {
			for tx := tx0; tx <= tx1; tx++ {
				t := ty*nx + tx
				b.tileSegs[b.tileFill[t]] = int32(gi)
				b.tileFill[t]++
			}
		}
	}
	// Rasterize and composite each tile an edge reaches.
	for ty := 0; ty < ny; ty++ {
		for tx := 0; tx < nx; tx++ {
			t := ty*nx + tx
			first, last := b.tileStart[t], b.tileStart[t+1]
			if first == last {
				continue
			}
			x0, y0 := tx*strokeTile, ty*strokeTile
			tw, th := min(strokeTile, v.w-x0), min(strokeTile, v.h-y0)
			fx, fy := float64(x0), float64(y0)
			b.ras.Reset(tw, th)
			b.ras.DrawOp = draw.Src
			c.minX, c.minY, c.maxX, c.maxY = -reach, -reach, float64(tw)+reach, float64(th)+reach
			drawn := false
			for _, gi := range b.tileSegs[first:last] {
				g := b.segs[gi]
				if ax, ay, bx, by, ok := c.clipSegment(g.ax-fx, g.ay-fy, g.bx-fx, g.by-fy); ok && b.quad(ax, ay, bx, by, hw) {
					drawn = true
				}
			}
			if !drawn {
				continue
			}
			b.tileMask.Pix, b.tileMask.Stride = b.tileMaskPix[:tw*th], tw
			b.tileMask.Rect = image.Rect(0, 0, tw, th)
			b.ras.Draw(&b.tileMask, b.tileMask.Rect, image.Opaque, image.Point{})
			r := image.Rect(px.Min.X+x0, px.Min.Y+y0, px.Min.X+x0+tw, px.Min.Y+y0+th)
			compositeAt(dst, r, &b.tileMask, sr, sg, sb, sa)
		}
	}
}
