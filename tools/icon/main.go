// Command icon draws the app's icon: a map pin standing over a report page.
// The result is the Icon.png that FyneApp.toml names.
//
//	go run ./tools/icon -o Icon.png
//
// Shapes are defined on a 512×512 grid and scaled to -size, so the icon can
// also be rendered natively at small sizes to check how it reads there.
package main

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"

	"golang.org/x/image/vector"
)

// The palette. The outlines are dark so the shapes read on light desktops;
// the white page and the blue pin read on dark ones.
var (
	pageFill    = rgb(0xfb, 0xfc, 0xfd)
	pageLine    = rgb(0x2a, 0x36, 0x44)
	foldFill    = rgb(0xd3, 0xdb, 0xe4)
	textFill    = rgb(0x9c, 0xa8, 0xb5)
	pinFill     = rgb(0x4e, 0x79, 0xa7)
	pinLine     = rgb(0x1f, 0x3b, 0x5c)
	pinDot      = rgb(0xff, 0xff, 0xff)
	outlineSize = 16.0 // on the 512 grid: one pixel at 32×32
)

func rgb(r, g, b uint8) color.RGBA { return color.RGBA{r, g, b, 0xff} }

type pt struct{ x, y float64 }

func (p pt) add(q pt) pt          { return pt{p.x + q.x, p.y + q.y} }
func (p pt) sub(q pt) pt          { return pt{p.x - q.x, p.y - q.y} }
func (p pt) mul(k float64) pt     { return pt{p.x * k, p.y * k} }
func (p pt) len() float64         { return math.Hypot(p.x, p.y) }
func (p pt) unit() pt             { return p.mul(1 / p.len()) }
func (p pt) cross(q pt) float64   { return p.x*q.y - p.y*q.x }
func polar(c pt, r, a float64) pt { return pt{c.x + r*math.Cos(a), c.y + r*math.Sin(a)} }

// canvas draws filled paths given on the 512 grid onto an image of any size.
type canvas struct {
	img   *image.RGBA
	scale float64
	z     *vector.Rasterizer
}

func newCanvas(size int) *canvas {
	return &canvas{
		img:   image.NewRGBA(image.Rect(0, 0, size, size)),
		scale: float64(size) / 512,
		z:     vector.NewRasterizer(size, size),
	}
}

// fill fills the closed polygon pts with c.
func (cv *canvas) fill(pts []pt, c color.Color) {
	b := cv.img.Bounds()
	cv.z.Reset(b.Dx(), b.Dy())
	for i, p := range pts {
		x, y := float32(p.x*cv.scale), float32(p.y*cv.scale)
		if i == 0 {
			cv.z.MoveTo(x, y)
		} else {
			cv.z.LineTo(x, y)
		}
	}
	cv.z.ClosePath()
	cv.z.Draw(cv.img, b, image.NewUniform(c), image.Point{})
}

// arc appends points on the circle (c, r) from angle a0 sweeping by da.
func arc(pts []pt, c pt, r, a0, da float64) []pt {
	n := int(math.Ceil(math.Abs(da) / (math.Pi / 90)))
	if n < 1 {
		n = 1
	}
	for i := 0; i <= n; i++ {
		pts = append(pts, polar(c, r, a0+da*float64(i)/float64(n)))
	}
	return pts
}

func circle(c pt, r float64) []pt { return arc(nil, c, r, 0, 2*math.Pi) }

// rounded turns the convex polygon v into a path whose corners are arcs of
// radius r[i] (0 keeps a corner sharp).
func rounded(v []pt, r []float64) []pt {
	var out []pt
	n := len(v)
	for i := range v {
		prev, cur, next := v[(i+n-1)%n], v[i], v[(i+1)%n]
		if r[i] <= 0 {
			out = append(out, cur)
			continue
		}
		u1, u2 := cur.sub(prev).unit(), next.sub(cur).unit()
		theta := math.Pi - math.Acos(clamp(u1.x*u2.x+u1.y*u2.y)) // interior angle
		d := r[i] / math.Tan(theta/2)
		p1, p2 := cur.sub(u1.mul(d)), cur.add(u2.mul(d))
		bis := u2.sub(u1).unit()
		c := cur.add(bis.mul(r[i] / math.Sin(theta/2)))
		a0 := math.Atan2(p1.y-c.y, p1.x-c.x)
		a1 := math.Atan2(p2.y-c.y, p2.x-c.x)
		da := math.Remainder(a1-a0, 2*math.Pi)
		out = arc(out, c, r[i], a0, da)
	}
	return out
}

func clamp(x float64) float64 { return math.Max(-1, math.Min(1, x)) }

// inset moves every edge of the convex polygon v inwards by t.
func inset(v []pt, t float64) []pt {
	n := len(v)
	var area float64
	for i := range v {
		area += v[i].cross(v[(i+1)%n])
	}
	sign := 1.0 // inward normal side for this winding
	if area < 0 {
		sign = -1
	}
	type line struct{ p, d pt }
	lines := make([]line, n)
	for i := range v {
		d := v[(i+1)%n].sub(v[i]).unit()
		nrm := pt{-d.y, d.x}.mul(sign * t)
		lines[i] = line{v[i].add(nrm), d}
	}
	out := make([]pt, n)
	for i := range v {
		a, b := lines[(i+n-1)%n], lines[i]
		s := b.p.sub(a.p).cross(b.d) / a.d.cross(b.d)
		out[i] = a.p.add(a.d.mul(s))
	}
	return out
}

// outlined fills the rounded polygon v with line, then its inset by the
// outline width with fill, so the outline lies inside v's edge.
func (cv *canvas) outlined(v []pt, r []float64, fill, line color.Color) {
	cv.fill(rounded(v, r), line)
	ri := make([]float64, len(r))
	for i := range r {
		ri[i] = math.Max(0, r[i]-outlineSize)
	}
	cv.fill(rounded(inset(v, outlineSize), ri), fill)
}

// pin returns a teardrop: the circle (c, r) with tangents down to tip.
// Scaling it about c gives its exact inward offset, which the outline uses.
func pin(c pt, r float64, tip pt) []pt {
	d := tip.sub(c)
	down := math.Atan2(d.y, d.x)
	beta := math.Acos(r / d.len()) // angle at c between tip and a tangent point
	pts := arc(nil, c, r, down+beta, 2*math.Pi-2*beta)
	return append(pts, tip)
}

func scaled(pts []pt, c pt, k float64) []pt {
	out := make([]pt, len(pts))
	for i, p := range pts {
		out[i] = c.add(p.sub(c).mul(k))
	}
	return out
}

func draw(size int) *image.RGBA {
	cv := newCanvas(size)

	// The page, with a dog-ear fold at the top right.
	// Edges sit on multiples of 16, whole pixels at 32×32, to stay crisp.
	const l, t, r, b, fold, cr = 32.0, 32.0, 336.0, 464.0, 96.0, 32.0
	page := []pt{{l, t}, {r - fold, t}, {r, t + fold}, {r, b}, {l, b}}
	cv.outlined(page, []float64{cr, 10, 10, cr, cr}, pageFill, pageLine)
	flap := []pt{{r - fold, t}, {r, t + fold}, {r - fold, t + fold}}
	cv.outlined(flap, []float64{10, 10, 18}, foldFill, pageLine)

	// Lines of text: bold enough to survive 32×32, kept clear of the pin.
	const th = 32.0
	for _, ln := range []struct{ x0, x1, y float64 }{
		{80, 224, 128},
		{80, 192, 192},
		{80, 208, 256},
		{80, 144, 320},
	} {
		bar := []pt{{ln.x0, ln.y}, {ln.x1, ln.y}, {ln.x1, ln.y + th}, {ln.x0, ln.y + th}}
		cv.fill(rounded(bar, []float64{th / 2, th / 2, th / 2, th / 2}), textFill)
	}

	// The pin, standing in front of the page's lower right.
	c, pr, tip := pt{360, 248}, 116.0, pt{360, 484}
	drop := pin(c, pr, tip)
	cv.fill(drop, pinLine)
	cv.fill(scaled(drop, c, (pr-outlineSize)/pr), pinFill)
	cv.fill(circle(c, 48), pinDot)
	return cv.img
}

func main() {
	out := flag.String("o", "Icon.png", "output PNG `file`")
	size := flag.Int("size", 512, "width and height in pixels")
	flag.Parse()
	if err := write(*out, draw(*size)); err != nil {
		fmt.Fprintln(os.Stderr, "icon:", err)
		os.Exit(1)
	}
}

func write(name string, img image.Image) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
