package basemap

import (
	_ "embed"
	"errors"
	"image"
	"math"
	"slices"
	"sync"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/simplify"

	"reportmap/mapview/viewport"
)

// The admin-1 borders, written by tools/basemapnames from Natural Earth's
// 1:10m admin-1 polygons: the lines two regions of one country share.
//
//go:embed data/admin1.bin.gz
var admin1File []byte

// admin1Zooms are the zooms below which the admin-1 borders are drawn
// from a copy simplified to a pixel at that zoom (half a pixel a zoom
// level out), coarsest first; the file's lines are simplified to about a
// pixel at zoom 9. The copies leave out the lines shorter (their box's
// longer side) than admin1MinPixels at their zoom, so that countries of
// many small units (Latvia's municipalities, England's unitary
// authorities) do not turn into a grey mesh when zoomed out.
var admin1Zooms = [...]float64{6, 7}

const admin1MinPixels = 12

// admin1Set is the decoded admin-1 borders: a simplified band for views
// below each of admin1Zooms, and the full lines. It is built once and
// never modified.
type admin1Set struct {
	coarse   [len(admin1Zooms)]layer
	maxScale [len(admin1Zooms)]float64 // the scale below which coarse[i] is drawn
	full     layer
}

func (a *admin1Set) band(scale float64) *layer {
	for i := range a.coarse {
		if scale < a.maxScale[i] {
			return &a.coarse[i]
		}
	}
	return &a.full
}

// sharedAdmin1 decodes the admin-1 borders on first use.
var sharedAdmin1 = sync.OnceValues(func() (*admin1Set, error) { return decodeAdmin1(admin1File) })

// LoadAdmin1 decodes the embedded admin-1 borders, once per process; Draw
// calls it the first time a Style asks for them. It is safe for
// concurrent use.
func LoadAdmin1() error {
	_, err := sharedAdmin1()
	return err
}

func decodeAdmin1(gz []byte) (*admin1Set, error) {
	raw, err := gunzip(gz, "admin-1")
	if err != nil {
		return nil, err
	}
	r := &varints{b: raw}
	nLines := r.u()
	if r.bad || nLines > uint64(len(raw)) {
		return nil, errors.New("basemap: admin-1: corrupt header")
	}
	a := &admin1Set{}
	full := &a.full
	full.starts = make([]int32, 1, nLines+1)
	full.pts = make([]orb.Point, 0, len(raw)/2) // over 2 bytes a point
	var px, py int64
	for range nLines {
		n := r.u()
		if r.bad || n > uint64(len(raw)) {
			return nil, errors.New("basemap: admin-1: corrupt line")
		}
		b := emptyBox
		for range n {
			px += r.s()
			py += r.s()
			p := viewport.ToWorld(orb.Point{float64(px) / 1e3, float64(py) / 1e3})
			b.extend(p)
			full.pts = append(full.pts, p)
		}
		if r.bad {
			return nil, errors.New("basemap: admin-1: truncated")
		}
		full.starts = append(full.starts, int32(len(full.pts)))
		full.boxes = append(full.boxes, b)
		r := int32(len(full.boxes) - 1)
		if n >= 2 {
			full.shapes = append(full.shapes, shape{box: b, first: r, last: r + 1})
		}
	}
	if r.pos != len(raw) {
		return nil, errors.New("basemap: admin-1: trailing bytes")
	}
	// The coarse bands, finest first, each from the one after it: each
	// line simplified in a copy of the points.
	pts := slices.Clone(full.pts)
	src := full
	for i := len(admin1Zooms) - 1; i >= 0; i-- {
		a.maxScale[i] = viewport.Scale(admin1Zooms[i])
		tol := 1 / a.maxScale[i]
		l := &a.coarse[i]
		l.pts = make([]orb.Point, 0, len(src.pts)/2)
		l.starts = make([]int32, 1, len(src.starts))
		l.boxes = make([]box, 0, len(src.boxes))
		l.shapes = make([]shape, 0, len(src.shapes))
		dp := simplify.DouglasPeucker(tol)
		for _, sh := range src.shapes {
			r := src.ring(sh.first)
			if src == full {
				r = pts[full.starts[sh.first]:full.starts[sh.first+1]]
			}
			l.addLine(dp.LineString(orb.LineString(r)), admin1MinPixels/a.maxScale[i])
		}
		src = l
	}
	return a, nil
}

// drawAdmin1 strokes the admin-1 borders in view over dst in st.Admin1.
// It draws nothing if they cannot be decoded (the embedded file is
// checked by the tests).
func (b *Basemap) drawAdmin1(dst *image.RGBA, v *view, st Style) {
	a, err := sharedAdmin1()
	if err != nil {
		return
	}
	w := st.Admin1Width
	if !(w > 0) || math.IsInf(w, 0) {
		w = 1
	}
	b.thinLines(dst, a.band(v.scale), v, w, st.Admin1)
}
