package basemap

import (
	"image"
	"image/color"
	"math"
)

// thinLines draws the lines of l in view straight onto dst in c, w pixels
// wide (about 1–3), anti-aliased by coverage across the line: a pass along
// each segment's major axis that costs its length in pixels, not the
// image's size, so thin lines cost little however big the view. Each
// segment covers its major axis half-open, so a line's joints are not
// blended twice.
func (b *Basemap) thinLines(dst *image.RGBA, l *layer, v *view, w float64, c color.Color) {
	cr, cg, cb, ca := c.RGBA()
	if ca == 0 {
		return
	}
	pen := thinPen{dst: dst, r: cr, g: cg, b: cb, a: ca, w: w}
	b.clip.reset(nil, -v.margin, -v.margin, float64(v.w)+v.margin, float64(v.h)+v.margin)
	b.segments(l, v, pen.segment)
}

// thinPen draws thin segments onto dst in a premultiplied colour.
type thinPen struct {
	dst        *image.RGBA
	r, g, b, a uint32 // 16-bit premultiplied
	w          float64
}

// segment draws (x0, y0)–(x1, y1), in pixels of dst.
func (p *thinPen) segment(x0, y0, x1, y1 float64) {
	dx, dy := x1-x0, y1-y0
	steep := math.Abs(dy) > math.Abs(dx)
	if steep { // walk along y: swap the axes
		x0, y0, x1, y1, dx, dy = y0, x0, y1, x1, dy, dx
	}
	if dx == 0 {
		return
	}
	if x0 > x1 {
		x0, y0, x1, y1 = x1, y1, x0, y0
	}
	slope := (y1 - y0) / (x1 - x0)
	half := p.w * math.Sqrt(1+slope*slope) / 2 // half the thickness across the major axis
	for i := int(math.Round(x0)); i < int(math.Round(x1)); i++ {
		yc := y0 + slope*(float64(i)+0.5-x0) // the centre at this column's middle
		lo, hi := yc-half, yc+half
		for j := int(math.Floor(lo)); float64(j) < hi; j++ {
			cov := math.Min(hi, float64(j+1)) - math.Max(lo, float64(j))
			if cov <= 0 {
				continue
			}
			if steep {
				p.plot(j, i, cov)
			} else {
				p.plot(i, j, cov)
			}
		}
	}
}

// plot blends the pen's colour over pixel (x, y), relative to dst's
// bounds' corner, with coverage cov (0–1).
func (p *thinPen) plot(x, y int, cov float64) {
	r := p.dst.Rect
	if x < 0 || y < 0 || x >= r.Dx() || y >= r.Dy() {
		return
	}
	m := uint32(math.Min(cov, 1) * 0xffff)
	d := p.dst.Pix[y*p.dst.Stride+4*x:][:4:4]
	a := 0xffff - p.a*m/0xffff
	d[0] = uint8((uint32(d[0])*0x101*a + p.r*m) / 0xffff >> 8)
	d[1] = uint8((uint32(d[1])*0x101*a + p.g*m) / 0xffff >> 8)
	d[2] = uint8((uint32(d[2])*0x101*a + p.b*m) / 0xffff >> 8)
	d[3] = uint8((uint32(d[3])*0x101*a + p.a*m) / 0xffff >> 8)
}
