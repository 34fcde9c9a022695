package basemap

import "golang.org/x/image/vector"

// clipper clips closed rings, in pixels, to a rectangle and feeds the
// result to a rasterizer as it goes (Sutherland–Hodgman, one pipelined
// stage per edge, so it needs no buffers). Parts of a ring outside the
// rectangle become runs along its edges, which fill the same as the
// original inside the rectangle; keeping the rasterizer's input near the
// image keeps its float32 arithmetic exact enough and its work bounded at
// any zoom. A clipper is reused between rings and is not safe for
// concurrent use.
type clipper struct {
	ras                    *vector.Rasterizer
	minX, minY, maxX, maxY float64
	st                     [4]clipStage
	n                      int // vertices emitted in the current ring
}

// clipStage is the state of one edge's stage for the current ring.
type clipStage struct {
	firstX, firstY float64
	prevX, prevY   float64
	firstIn        bool
	prevIn         bool
	n              int
}

// reset prepares the clipper for rings clipped to [minX, maxX]×[minY, maxY]
// and drawn into ras.
func (c *clipper) reset(ras *vector.Rasterizer, minX, minY, maxX, maxY float64) {
	*c = clipper{ras: ras, minX: minX, minY: minY, maxX: maxX, maxY: maxY}
}

// inside reports whether (x, y) is on the inner side of stage i's edge:
// 0 left, 1 top, 2 right, 3 bottom.
func (c *clipper) inside(i int, x, y float64) bool {
	switch i {
	case 0:
		return x >= c.minX
	case 1:
		return y >= c.minY
	case 2:
		return x <= c.maxX
	}
	return y <= c.maxY
}

// cross returns where segment (ax, ay)–(bx, by), which crosses stage i's
// edge, meets it.
func (c *clipper) cross(i int, ax, ay, bx, by float64) (x, y float64) {
	switch i {
	case 0, 2:
		x = c.minX
		if i == 2 {
			x = c.maxX
		}
		return x, ay + (x-ax)*(by-ay)/(bx-ax)
	}
	y = c.minY
	if i == 3 {
		y = c.maxY
	}
	return ax + (y-ay)*(bx-ax)/(by-ay), y
}

// push adds vertex (x, y) of the current ring to stage i.
func (c *clipper) push(i int, x, y float64) {
	if i == len(c.st) {
		c.emit(x, y)
		return
	}
	s := &c.st[i]
	in := c.inside(i, x, y)
	if s.n == 0 {
		s.firstX, s.firstY, s.firstIn = x, y, in
	} else if in != s.prevIn {
		cx, cy := c.cross(i, s.prevX, s.prevY, x, y)
		c.push(i+1, cx, cy)
	}
	if in {
		c.push(i+1, x, y)
	}
	s.prevX, s.prevY, s.prevIn = x, y, in
	s.n++
}

// close ends the current ring at stage i and every stage after it.
func (c *clipper) close(i int) {
	if i == len(c.st) {
		if c.n > 0 {
			c.ras.ClosePath()
		}
		c.n = 0
		return
	}
	s := &c.st[i]
	if s.n > 0 && s.prevIn != s.firstIn {
		cx, cy := c.cross(i, s.prevX, s.prevY, s.firstX, s.firstY)
		c.push(i+1, cx, cy)
	}
	s.n = 0
	c.close(i + 1)
}

func (c *clipper) emit(x, y float64) {
	if c.n == 0 {
		c.ras.MoveTo(float32(x), float32(y))
	} else {
		c.ras.LineTo(float32(x), float32(y))
	}
	c.n++
}

// clipSegment clips segment (ax, ay)–(bx, by) to the clipper's rectangle
// (Liang–Barsky). ok is false when nothing of it is inside.
func (c *clipper) clipSegment(ax, ay, bx, by float64) (x0, y0, x1, y1 float64, ok bool) {
	t0, t1 := 0.0, 1.0
	dx, dy := bx-ax, by-ay
	for _, e := range [4][2]float64{
		{-dx, ax - c.minX},
		{dx, c.maxX - ax},
		{-dy, ay - c.minY},
		{dy, c.maxY - ay},
	} {
		p, q := e[0], e[1]
		if p == 0 {
			if q < 0 {
				return 0, 0, 0, 0, false
			}
			continue
		}
		r := q / p
		if p < 0 {
			if r > t1 {
				return 0, 0, 0, 0, false
			}
			if r > t0 {
				t0 = r
			}
		} else {
			if r < t0 {
				return 0, 0, 0, 0, false
			}
			if r < t1 {
				t1 = r
			}
		}
	}
	return ax + t0*dx, ay + t0*dy, ax + t1*dx, ay + t1*dy, true
}
