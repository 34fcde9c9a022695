package basemap

import (
	"encoding/binary"
	"image"
	"image/color"
	"image/draw"
	"math"
)

// Style is the look of the basemap. The colours come from the caller (the
// map widget takes them from its theme); a nil Land or Border leaves that
// layer out, and a nil Water clears the image to transparent.
type Style struct {
	Water, Land, Border color.Color

	// BorderWidth is the width of the country borders in pixels; zero or
	// less means 1.
	BorderWidth float64

	// Admin1, when not nil, draws the borders between first-level
	// regions (states, provinces) in that colour, over the land and under
	// the country borders, Admin1Width pixels wide (zero or less means 1).
	// They are decoded on the first Draw that asks for them (LoadAdmin1).
	Admin1      color.Color
	Admin1Width float64
}

// maxCopies bounds how many copies of the world a very wide, very
// zoomed-out view draws side by side.
const maxCopies = 64

// Draw draws the basemap into dst: it fills all of dst with st.Water, then
// the land, anti-aliased, with lakes left as water, then the country
// borders. (x0, y0) is the world position of the top-left corner of dst's
// top-left pixel (dst.Bounds().Min) and scale is in pixels per world unit
// (see Scale); the world repeats east and west. Geometry off screen is
// skipped, and views below zoom 6 use geometry simplified to about half a
// pixel. A view with a scale that is not positive and finite gets water
// only.
//
// Draw reuses buffers kept in b: after the first frame of a given size it
// allocates nothing. It is not safe for concurrent use on the same
// Basemap.
func (b *Basemap) Draw(dst *image.RGBA, x0, y0, scale float64, st Style) {
	r := dst.Bounds()
	w, h := r.Dx(), r.Dy()
	if w <= 0 || h <= 0 {
		return
	}
	fill(dst, st.Water)
	if !(scale > 0) || math.IsInf(scale, 0) || math.IsNaN(x0) || math.IsNaN(y0) ||
		math.IsInf(x0, 0) || math.IsInf(y0, 0) {
		return
	}
	bw := st.BorderWidth
	if !(bw > 0) || math.IsInf(bw, 0) {
		bw = 1
	}
	v := view{x0: x0, y0: y0, scale: scale, w: w, h: h, margin: 1 + bw}
	v.world = box{
		minX: x0 - v.margin/scale,
		minY: y0 - v.margin/scale,
		maxX: x0 + (float64(w)+v.margin)/scale,
		maxY: y0 + (float64(h)+v.margin)/scale,
	}
	if v.world.maxY < 0 || v.world.minY > 1 {
		return // all above or below the world
	}
	// Copy k of the world covers x in [k, k+1].
	v.kMin = int(math.Floor(v.world.minX))
	v.kMax = int(math.Floor(v.world.maxX))
	if v.kMax-v.kMin >= maxCopies {
		v.kMax = v.kMin + maxCopies - 1
	}
	bd := b.data.band(scale)
	if st.Land != nil && b.fillLand(&bd.land, &v) {
		composite(dst, b.mask, st.Land)
	}
	if st.Admin1 != nil {
		b.drawAdmin1(dst, &v, st)
	}
	if st.Border != nil && b.strokeLines(&bd.borders, &v, bw/2) {
		composite(dst, b.mask, st.Border)
	}
}

// view is one Draw call's view, in the forms the drawing code needs.
type view struct {
	x0, y0, scale float64
	w, h          int
	margin        float64 // pixels drawn beyond each edge
	world         box     // the image plus margin, in world coordinates
	kMin, kMax    int     // the copies of the world in view
}

// begin resets the rasterizer, and clips to the image plus margin.
func (b *painter) begin(v *view) {
	b.ras.Reset(v.w, v.h)
	b.ras.DrawOp = draw.Src
	b.clip.reset(&b.ras, -v.margin, -v.margin, float64(v.w)+v.margin, float64(v.h)+v.margin)
}

// end rasterizes the paths added since begin into b.mask, an alpha mask
// the size of the view.
func (b *painter) end(v *view) {
	if b.mask == nil || b.mask.Rect.Dx() != v.w || b.mask.Rect.Dy() != v.h {
		// Areas come in many sizes: keep the largest buffer.
		if cap(b.maskPix) < v.w*v.h {
			b.maskPix = make([]uint8, v.w*v.h)
		}
		b.mask = &image.Alpha{Pix: b.maskPix[:v.w*v.h], Stride: v.w, Rect: image.Rect(0, 0, v.w, v.h)}
	}
	b.ras.Draw(b.mask, b.mask.Rect, image.Opaque, image.Point{})
}

// fill sets every pixel of dst to c (transparent when c is nil).
func fill(dst *image.RGBA, c color.Color) {
	var px [4]uint8
	if c != nil {
		r, g, b, a := c.RGBA()
		px = [4]uint8{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a >> 8)}
	}
	rect := dst.Bounds()
	w := rect.Dx()
	first := dst.Pix[dst.PixOffset(rect.Min.X, rect.Min.Y):][:4*w]
	for i := 0; i < len(first); i += 4 {
		copy(first[i:i+4], px[:])
	}
	for y := rect.Min.Y + 1; y < rect.Max.Y; y++ {
		copy(dst.Pix[dst.PixOffset(rect.Min.X, y):][:4*w], first)
	}
}

// composite draws colour c over dst through mask, whose (0, 0) is dst's
// top-left pixel: dst = c·m + dst·(1 − αc·m), in premultiplied alpha.
func composite(dst *image.RGBA, mask *image.Alpha, c color.Color) {
	sr, sg, sb, sa := c.RGBA()
	compositeAt(dst, dst.Bounds(), mask, sr, sg, sb, sa)
}

// compositeAt is composite into the rectangle rect of dst, whose
// top-left pixel is the mask's (0, 0), of the premultiplied colour
// (sr, sg, sb, sa), 16 bits a channel as color.Color.RGBA gives it.
func compositeAt(dst *image.RGBA, rect image.Rectangle, mask *image.Alpha, sr, sg, sb, sa uint32) {
	if sa == 0 {
		return
	}
	solid := [4]uint8{uint8(sr >> 8), uint8(sg >> 8), uint8(sb >> 8), uint8(sa >> 8)}
	opaque := sa == 0xffff
	// Under a translucent colour a fully covered pixel's result depends
	// only on what is there, which is mostly a few colours in long runs
	// (water, land): remember the last one.
	var lastIn, lastOut uint32
	memo := false
	over := func(d []uint8) {
		in := binary.LittleEndian.Uint32(d)
		if !memo || in != lastIn {
			a := 0xffff - sa
			lastIn, memo = in, true
			lastOut = uint32(uint8((uint32(d[0])*0x101*a+sr*0xffff)/0xffff>>8)) |
				uint32(uint8((uint32(d[1])*0x101*a+sg*0xffff)/0xffff>>8))<<8 |
				uint32(uint8((uint32(d[2])*0x101*a+sb*0xffff)/0xffff>>8))<<16 |
				uint32(uint8((uint32(d[3])*0x101*a+sa*0xffff)/0xffff>>8))<<24
		}
		binary.LittleEndian.PutUint32(d, lastOut)
	}
	w, h := rect.Dx(), rect.Dy()
	for y := 0; y < h; y++ {
		mrow := mask.Pix[y*mask.Stride:][:w]
		drow := dst.Pix[dst.PixOffset(rect.Min.X, rect.Min.Y+y):][:4*w]
		for x := 0; x < w; x++ {
			// Most of a mask is runs of 0 (nothing) or 0xff (solid):
			// take those eight pixels at a time.
			if x&7 == 0 && x+8 <= w {
				switch binary.LittleEndian.Uint64(mrow[x:]) {
				case 0:
					x += 7
					continue
				case math.MaxUint64:
					d := drow[4*x : 4*x+32 : 4*x+32]
					if opaque {
						for i := 0; i < 32; i += 4 {
							copy(d[i:i+4], solid[:])
						}
					} else {
						for i := 0; i < 32; i += 4 {
							over(d[i : i+4 : i+4])
						}
					}
					x += 7
					continue
				}
			}
			m := mrow[x]
			if m == 0 {
				continue
			}
			d := drow[4*x : 4*x+4 : 4*x+4]
			if m == 0xff {
				if opaque {
					copy(d, solid[:])
				} else {
					over(d)
				}
				continue
			}
			ma := uint32(m) * 0x101
			a := 0xffff - sa*ma/0xffff
			d[0] = uint8((uint32(d[0])*0x101*a + sr*ma) / 0xffff >> 8)
			d[1] = uint8((uint32(d[1])*0x101*a + sg*ma) / 0xffff >> 8)
			d[2] = uint8((uint32(d[2])*0x101*a + sb*ma) / 0xffff >> 8)
			d[3] = uint8((uint32(d[3])*0x101*a + sa*ma) / 0xffff >> 8)
		}
	}
}
