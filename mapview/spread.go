package mapview

import "math"

// spot is a marker's disc in Fyne units: where it is drawn (x, y), its
// true centre (ax, ay) and its radius.
type spot struct {
	x, y, ax, ay, r float64
}

// moved reports whether the disc is drawn so far from its true centre
// that the centre is outside it, so it needs a leader line (a line under
// the disc would not show).
func (s *spot) moved() bool {
	dx, dy := s.x-s.ax, s.y-s.ay
	return dx*dx+dy*dy > s.r*s.r
}

// Spreading the markers apart.
const (
	spreadGap   = 4  // Fyne units between two discs' edges, at least
	spreadIters = 24 // passes over the overlapping pairs, at most
	gridCell    = 2*maxMarkerRadius + spreadGap + hitSlop
	goldenAngle = 2.399963229728653 // radians, parts coincident discs evenly
)

// spread moves discs apart until no two overlap (closer than spreadGap
// edge to edge), or spreadIters passes have been made: each pass pushes
// both discs of every overlapping pair apart along the line between
// them, half the overlap each, in a fixed order, so the result depends
// only on the discs. Discs at one spot part in a direction given by their
// index. g is the reused grid; after spread it holds the final positions.
// It allocates only when g's buffers grow.
func spread(s []spot, g *discGrid) {
	for iter := 0; iter < spreadIters; iter++ {
		g.build(s)
		if !g.eachPair(s, push) {
			return
		}
	}
	g.build(s)
}

// push moves discs i and j apart if they overlap, and reports whether it
// did.
func push(s []spot, i, j int) bool {
	a, b := &s[i], &s[j]
	dx, dy := b.x-a.x, b.y-a.y
	need := a.r + b.r + spreadGap
	d2 := dx*dx + dy*dy
	if d2 >= need*need {
		return false
	}
	d := math.Sqrt(d2)
	var ux, uy float64
	if d < 1e-6 {
		ux, uy = math.Cos(float64(j)*goldenAngle), math.Sin(float64(j)*goldenAngle)
	} else {
		ux, uy = dx/d, dy/d
	}
	h := (need-d)/2 + 1e-3
	a.x, a.y = a.x-ux*h, a.y-uy*h
	b.x, b.y = b.x+ux*h, b.y+uy*h
	return true
}

// discGrid buckets discs by their drawn centre into square cells of
// gridCell units, clamped to the cells over the view, for finding
// neighbours and taps without looking at every disc.
type discGrid struct {
	x0, y0     float64 // top-left of cell (0, 0)
	cols, rows int
	start      []int32 // cell c holds order[start[c]:start[c+1]]
	order      []int32 // disc indexes, by cell
}

// setArea sizes the grid to cover w×h units from (x0, y0).
func (g *discGrid) setArea(x0, y0, w, h float64) {
	g.x0, g.y0 = x0, y0
	g.cols = max(1, int(math.Ceil(w/gridCell)))
	g.rows = max(1, int(math.Ceil(h/gridCell)))
}

// cell returns the clamped cell of a position.
func (g *discGrid) cell(x, y float64) (cx, cy int) {
	cx = int(math.Floor((x - g.x0) / gridCell))
	cy = int(math.Floor((y - g.y0) / gridCell))
	return min(max(cx, 0), g.cols-1), min(max(cy, 0), g.rows-1)
}

// build buckets the discs by a counting sort.
func (g *discGrid) build(s []spot) {
	n := g.cols * g.rows
	if cap(g.start) < n+1 {
		g.start = make([]int32, n+1)
	}
	g.start = g.start[:n+1]
	clear(g.start)
	for i := range s {
		cx, cy := g.cell(s[i].x, s[i].y)
		g.start[cy*g.cols+cx+1]++
	}
	for c := 1; c <= n; c++ {
		g.start[c] += g.start[c-1]
	}
	if cap(g.order) < len(s) {
		g.order = make([]int32, len(s))
	}
	g.order = g.order[:len(s)]
	// Fill each cell from its end, so start[c] ends at the cell's start.
	for i := len(s) - 1; i >= 0; i-- {
		cx, cy := g.cell(s[i].x, s[i].y)
		c := cy*g.cols + cx + 1
		g.start[c]--
		g.order[g.start[c]] = int32(i)
	}
	// start[c+1] was decremented to cell c's first entry; shift back.
	copy(g.start, g.start[1:])
	g.start[n] = int32(len(s))
}

// cellDiscs returns the discs in cell (cx, cy).
func (g *discGrid) cellDiscs(cx, cy int) []int32 {
	c := cy*g.cols + cx
	return g.order[g.start[c]:g.start[c+1]]
}

// eachPair calls f on every pair of discs in the same or neighbouring
// cells, each pair once (i before j in grid order), and reports whether
// any call returned true.
func (g *discGrid) eachPair(s []spot, f func(s []spot, i, j int) bool) bool {
	hit := false
	for cy := 0; cy < g.rows; cy++ {
		for cx := 0; cx < g.cols; cx++ {
			here := g.cellDiscs(cx, cy)
			for k, i := range here {
				for _, j := range here[k+1:] {
					hit = f(s, int(i), int(j)) || hit
				}
				// The neighbours after this cell: right, and the row below.
				for _, d := range [4][2]int{{1, 0}, {-1, 1}, {0, 1}, {1, 1}} {
					nx, ny := cx+d[0], cy+d[1]
					if nx < 0 || nx >= g.cols || ny >= g.rows {
						continue
					}
					for _, j := range g.cellDiscs(nx, ny) {
						hit = f(s, int(i), int(j)) || hit
					}
				}
			}
		}
	}
	return hit
}

// nearest returns the disc whose drawn centre is nearest (x, y) among
// those within their radius plus slop of it, or -1.
func (g *discGrid) nearest(s []spot, x, y, slop float64) int {
	if len(g.order) != len(s) || len(s) == 0 {
		return -1
	}
	best, bestD := -1, math.Inf(1)
	cx, cy := g.cell(x, y)
	for ny := max(cy-1, 0); ny <= min(cy+1, g.rows-1); ny++ {
		for nx := max(cx-1, 0); nx <= min(cx+1, g.cols-1); nx++ {
			for _, i := range g.cellDiscs(nx, ny) {
				d := &s[i]
				dx, dy := d.x-x, d.y-y
				d2 := dx*dx + dy*dy
				if r := d.r + slop; d2 <= r*r && (d2 < bestD || d2 == bestD && int(i) < best) {
					best, bestD = int(i), d2
				}
			}
		}
	}
	return best
}
