package mapview

import (
	"image"
	"image/color"
	"math"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	xdraw "golang.org/x/image/draw"

	"reportmap/mapview/tiles"
	"reportmap/mapview/viewport"
)

// fadeIn is how long a newly arrived tile takes to fade in.
const fadeIn = 250 * time.Millisecond

// SetTiles draws l's raster tiles over the embedded basemap, under the
// places; nil goes back to the embedded basemap alone. The map does not
// close l. Safe to call from the main goroutine only.
func (m *Map) SetTiles(l *tiles.Layer) {
	m.tiles = l
	m.Refresh()
}

// Tiles returns the tile layer shown, or nil.
func (m *Map) Tiles() *tiles.Layer { return m.tiles }

// TilesChanged asks for a new frame because tiles arrived; it may be
// called from any goroutine (a Layer's OnUpdate), and coalesces calls.
func (m *Map) TilesChanged() {
	if !m.refreshQueued.CompareAndSwap(false, true) {
		return
	}
	fyne.Do(func() {
		m.refreshQueued.Store(false)
		m.Refresh()
	})
}

// TilesPending returns how many visible tiles the last frame still lacked.
func (m *Map) TilesPending() int { return int(m.tilesPending.Load()) }

// tileState is the part of Map the tile drawing uses.
type tileState struct {
	tiles         *tiles.Layer
	refreshQueued atomic.Bool
	tilesPending  atomic.Int32
}

// tilesCover reports whether the source has tiles for the whole view: a
// zoom in its range, no bounds limit in view and the world filling the
// frame's height.
func (m *Map) tilesCover(pv viewport.Viewport) bool {
	src := m.tiles.Source()
	zmin, zmax := src.ZoomRange()
	tz := int(math.Round(pv.Zoom))
	if tz < zmin || tz > zmax {
		return false
	}
	wb := pv.WorldBounds()
	n := 1 << tz
	for _, c := range [][2]float64{{wb.Min[0], wb.Min[1]}, {wb.Max[0], wb.Min[1]}, {wb.Min[0], wb.Max[1]}, {wb.Max[0], wb.Max[1]}} {
		x := int(math.Floor(c[0] * float64(n)))
		y := min(n-1, int(math.Floor(c[1]*float64(n))))
		if !src.Covers(tz, ((x%n)+n)%n, y) {
			return false
		}
	}
	o := pv.Origin()
	return o[1] >= 0 && o[1]+pv.H/pv.Scale() <= 1
}

// drawTiles draws the layer's tiles for the frame's view into img: each
// tile at the zoom nearest the frame's, scaled; while a tile loads, the
// nearest loaded ancestor scaled up; else the embedded basemap shows
// through. New tiles fade in. It returns whether a fade is under way.
func (r *mapRenderer) drawTiles(img *image.RGBA, pv viewport.Viewport) (fading bool) {
	l := r.m.tiles
	src := l.Source()
	zmin, zmax := src.ZoomRange()
	tz := int(math.Round(pv.Zoom))
	tz = max(zmin, min(zmax, tz))
	n := 1 << tz
	o, s := pv.Origin(), pv.Scale()
	x0, x1 := int(math.Floor(o[0]*float64(n))), int(math.Floor((o[0]+pv.W/s)*float64(n)))
	y0 := max(0, int(math.Floor(o[1]*float64(n))))
	y1 := min(n-1, int(math.Floor((o[1]+pv.H/s)*float64(n))))
	now := time.Now()
	pending := 0
	jobs := r.tileJobs[:0]
	for ty := y0; ty <= y1; ty++ {
		for tx := x0; tx <= x1; tx++ {
			wx := ((tx % n) + n) % n
			if !src.Covers(tz, wx, ty) {
				continue
			}
			dst := image.Rect(
				int(math.Round((float64(tx)/float64(n)-o[0])*s)), int(math.Round((float64(ty)/float64(n)-o[1])*s)),
				int(math.Round((float64(tx+1)/float64(n)-o[0])*s)), int(math.Round((float64(ty+1)/float64(n)-o[1])*s)))
			t, loaded, ok := l.Tile(tz, wx, ty)
			j := tileJob{dst: dst, z: tz, x: wx, y: ty, t: t, alpha: 1}
			if !ok {
				pending++
				j.t = nil
			} else if age := now.Sub(loaded); age < fadeIn {
				j.alpha = float64(age) / float64(fadeIn)
				fading = true
			}
			jobs = append(jobs, j)
		}
	}
	r.tileJobs = jobs
	// Scaling tiles is most of such a frame: two cores take half each.
	// The tiles' rectangles do not overlap, so the halves never touch the
	// same pixels.
	half := len(jobs) / 2
	r.wg.Add(1)
	go r.drawTileJobs(img, jobs[:half], zmin, true)
	r.drawTileJobs(img, jobs[half:], zmin, false)
	r.wg.Wait()
	r.m.tilesPending.Store(int32(pending))
	return fading
}

// tileJob is one tile of a frame.
type tileJob struct {
	dst     image.Rectangle
	z, x, y int
	t       *image.RGBA // nil: not loaded yet
	alpha   float64
}

// drawTileJobs draws tiles, or their ancestors while they load. The call
// with done signals r.wg.
func (r *mapRenderer) drawTileJobs(img *image.RGBA, jobs []tileJob, zmin int, done bool) {
	if done {
		defer r.wg.Done()
	}
	var mask image.Uniform
	var opts xdraw.Options
	for _, j := range jobs {
		if j.t == nil || j.alpha < 1 {
			r.drawAncestor(img, j.dst, j.z, j.x, j.y, zmin)
		}
		if j.t != nil {
			scaleTile(img, j.dst, j.t, j.t.Bounds(), j.alpha, &mask, &opts)
		}
	}
}

// drawAncestor draws the part of the nearest loaded ancestor tile that
// covers tile (z, x, y), scaled up into dst.
func (r *mapRenderer) drawAncestor(img *image.RGBA, dst image.Rectangle, z, x, y, zmin int) {
	for d := 1; d <= 4 && z-d >= zmin; d++ {
		pt, _, ok := r.m.tiles.Peek(z-d, x>>d, y>>d)
		if !ok {
			continue
		}
		b := pt.Bounds()
		k := 1 << d
		w, h := b.Dx()/k, b.Dy()/k
		sx, sy := (x%k)*w, (y%k)*h
		scaleTile(img, dst, pt, image.Rect(b.Min.X+sx, b.Min.Y+sy, b.Min.X+sx+w, b.Min.Y+sy+h), 1, nil, nil)
		return
	}
}

// scaleTile draws the part sr of t into dst, scaled, with opacity alpha
// (mask and scratch are needed only when alpha < 1).
func scaleTile(img *image.RGBA, dst image.Rectangle, t *image.RGBA, sr image.Rectangle, alpha float64, mask *image.Uniform, scratch *xdraw.Options) {
	var opts *xdraw.Options
	op := xdraw.Src
	if alpha < 1 && mask != nil {
		mask.C = color.Alpha{A: uint8(alpha * 255)}
		scratch.SrcMask = mask
		opts, op = scratch, xdraw.Over
	}
	if dst.Dx() == sr.Dx() && dst.Dy() == sr.Dy() && opts == nil {
		xdraw.Copy(img, dst.Min, t, sr, xdraw.Src, nil)
		return
	}
	xdraw.ApproxBiLinear.Scale(img, dst, t, sr, op, opts)
}

// drawTileNotes draws the tiles' attribution bottom-left and, when the
// network is gone, an "offline" note top-left.
func (r *mapRenderer) drawTileNotes(img *image.RGBA, scale float64, pal palette) {
	l := r.m.tiles
	if a := l.Source().Attribution(); a != "" {
		f, k := r.face(fyne.TextStyle{}, 11*scale)
		if f != nil {
			t := r.texts.get(f, k, a, int(math.Max(1, scale)))
			r.fgc, r.bgc = pal.text, pal.halo
			drawText(img, t, int(4*scale), img.Rect.Dy()-t.fg.Bounds().Dy()-int(2*scale), &r.fg, &r.bg)
		}
	}
	if l.Offline() {
		f, k := r.face(fyne.TextStyle{Bold: true}, 12*scale)
		if f != nil {
			t := r.texts.get(f, k, "Offline — showing cached tiles", int(math.Max(1, 2*scale)))
			r.fgc, r.bgc = pal.selected, pal.halo
			drawText(img, t, int(6*scale), int(6*scale), &r.fg, &r.bg)
		}
	}
}
