package basemap

import (
	_ "embed"
	"errors"
	"math"
	"slices"
	"sync"

	"github.com/paulmach/orb"

	"reportmap/mapview/viewport"
)

// The towns file, written by tools/basemapnames from the gazetteer's
// GeoNames cities: each town with the zoom level it is labelled from.
//
//go:embed data/towns.bin.gz
var townsFile []byte

// Town is a town or city to label in a view.
type Town struct {
	Name       string
	X, Y       float64 // its point in pixels from the view's top-left corner
	Population int     // 0 when GeoNames gives none
	Capital    bool    // a country's capital of 100,000 people or more
	Seat       bool    // a first-level admin seat (a state's or province's)
	Level      int     // the zoom level it is labelled from
}

// townSet is the decoded towns file: per level, the towns sorted by their
// cell in the level's grid. It is built once and never modified.
type townSet struct {
	first  int
	levels [][]townRec
}

type townRec struct {
	key   uint64  // the cell: row << 32 | column, in a 2^level grid
	x, y  float64 // world coordinates
	pop   int32
	flags uint8
	name  string
}

// sharedTowns decodes the towns on first use.
var sharedTowns = sync.OnceValues(func() (*townSet, error) { return decodeTowns(townsFile) })

// LoadTowns decodes the embedded towns, once per process (a few
// milliseconds); Towns calls it. It is safe for concurrent use.
func LoadTowns() error {
	_, err := sharedTowns()
	return err
}

func decodeTowns(gz []byte) (*townSet, error) {
	raw, err := gunzip(gz, "towns")
	if err != nil {
		return nil, err
	}
	// One string holds every name; each town's is a slice of it.
	all := string(raw)
	r := &varints{b: raw}
	first, nl := r.u(), r.u()
	if r.bad || first > 30 || nl > 30 {
		return nil, errors.New("basemap: towns: corrupt header")
	}
	s := &townSet{first: int(first), levels: make([][]townRec, nl)}
	for l := range s.levels {
		n := r.u()
		if r.bad || n > uint64(len(raw)) {
			return nil, errors.New("basemap: towns: corrupt level")
		}
		level := s.first + l
		cells := float64(uint64(1) << level)
		recs := make([]townRec, n)
		var px, py int64
		for i := range recs {
			px += r.s()
			py += r.s()
			pop := r.u()
			if r.bad || r.pos >= len(raw) {
				return nil, errors.New("basemap: towns: truncated")
			}
			flags := raw[r.pos]
			r.pos++
			ln := r.u()
			if r.bad || ln > uint64(len(raw)-r.pos) {
				return nil, errors.New("basemap: towns: truncated")
			}
			w := viewport.ToWorld(orb.Point{float64(px) / 1e4, float64(py) / 1e4})
			cx := min(max(int64(w[0]*cells), 0), int64(cells)-1)
			cy := min(max(int64(w[1]*cells), 0), int64(cells)-1)
			recs[i] = townRec{key: uint64(cy)<<32 | uint64(cx), x: w[0], y: w[1], pop: int32(min(pop, math.MaxInt32)), flags: flags, name: all[r.pos : r.pos+int(ln)]}
			r.pos += int(ln)
		}
		// The file is sorted by cell; sort again only if this machine's
		// arithmetic put a town in a neighbouring cell.
		if !slices.IsSortedFunc(recs, cmpKey) {
			slices.SortStableFunc(recs, cmpKey)
		}
		s.levels[l] = recs
	}
	if r.pos != len(raw) {
		return nil, errors.New("basemap: towns: trailing bytes")
	}
	return s, nil
}

func cmpKey(a, b townRec) int {
	switch {
	case a.key < b.key:
		return -1
	case a.key > b.key:
		return 1
	}
	return 0
}

// Towns returns the towns to label in the w×h pixel view at (x0, y0) and
// scale (as for Draw) at zoom level zoom (in the caller's units, which
// sets how many: a town of level L is returned from zoom L on, none below
// the first level, 4): most important first (by level, then capitals,
// then population), so a caller that skips labels overlapping earlier
// ones keeps the most important. A town appears once per copy of the
// world in view. Towns reuses dst's storage. The towns are decoded on the
// first call (see LoadTowns). It is safe for concurrent use.
func Towns(dst []Town, x0, y0, scale float64, w, h int, zoom float64) ([]Town, error) {
	dst = dst[:0]
	if w <= 0 || h <= 0 || !(scale > 0) || math.IsInf(scale, 0) || math.IsNaN(x0+y0) || math.IsInf(x0+y0, 0) || zoom < 0 {
		return dst, nil
	}
	s, err := sharedTowns()
	if err != nil {
		return dst, err
	}
	fw, fh := float64(w), float64(h)
	wx0, wy0 := x0, max(y0, 0)
	wx1, wy1 := x0+fw/scale, min(y0+fh/scale, 1)
	if wy0 >= wy1 {
		return dst, nil
	}
	kMin, kMax := int(math.Floor(wx0)), int(math.Floor(wx1))
	if kMax-kMin >= maxCopies {
		kMax = kMin + maxCopies - 1
	}
	top := int(math.Floor(zoom)) - s.first
	for l := 0; l <= top && l < len(s.levels); l++ {
		recs := s.levels[l]
		start := len(dst)
		level := s.first + l
		n := int64(1) << level
		cells := float64(n)
		cy0, cy1 := int64(wy0*cells), min(int64(wy1*cells), n-1)
		for k := kMin; k <= kMax; k++ {
			dx := float64(k)
			// The part of this copy in view, in its own x from 0 to 1.
			lx0, lx1 := max(wx0-dx, 0), min(wx1-dx, 1)
			if lx0 >= lx1 {
				continue
			}
			cx0, cx1 := int64(lx0*cells), min(int64(lx1*cells), n-1)
			for cy := cy0; cy <= cy1; cy++ {
				lo, hi := uint64(cy)<<32|uint64(cx0), uint64(cy)<<32|uint64(cx1)
				i, _ := slices.BinarySearchFunc(recs, lo, func(r townRec, k uint64) int {
					switch {
					case r.key < k:
						return -1
					case r.key > k:
						return 1
					}
					return 0
				})
				for ; i < len(recs) && recs[i].key <= hi; i++ {
					r := &recs[i]
					x, y := (r.x+dx-x0)*scale, (r.y-y0)*scale
					if x < 0 || x >= fw || y < 0 || y >= fh {
						continue
					}
					dst = append(dst, Town{Name: r.name, X: x, Y: y, Population: int(r.pop),
						Capital: r.flags&1 != 0, Seat: r.flags&2 != 0, Level: level})
				}
			}
		}
		slices.SortFunc(dst[start:], func(a, b Town) int {
			if a.Capital != b.Capital {
				if a.Capital {
					return -1
				}
				return 1
			}
			return b.Population - a.Population
		})
	}
	return dst, nil
}
