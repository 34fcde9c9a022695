package gazetteer

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sync"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

// shapeScale is the quantum of polygon coordinates: 1e-3 degrees (at most
// 111 m), well under the ~1 km of the simplification.
const shapeScale = 1000

// Polygon returns the simplified outline of an admin-1 entry (Douglas-
// Peucker to about 1 km, from Natural Earth 1:10m) or a country (about
// 1 km, from Natural Earth 1:50m admin-0; cut at the antimeridian, so
// that it draws in a plane), with coordinates to 0.001°: lon, lat in
// degrees. It is nil for other entries and those with none. The outlines'
// file is read on the first call that needs it (its keys and bounds: 5 ms
// and 0.2 MB for the countries, 20 ms and 1 MB for admin-1), and each
// outline is decoded when first asked for. It is safe for concurrent use;
// the polygon must not be changed.
func (g *Gazetteer) Polygon(id ID) (orb.MultiPolygon, error) {
	return polygon(id, g.shapes, g.countryShapes)
}

// Outline is Polygon for the embedded gazetteer, without loading the
// rest of it: the outlines alone load in 5–20 ms and 1 MB, where
// Default takes a tenth of a second and 44 MB. Default shares the
// outlines it reads. It is safe for concurrent use; the polygon must not
// be changed.
func Outline(id ID) (orb.MultiPolygon, error) {
	return polygon(id, embeddedAdmin1, embeddedCountries)
}

func polygon(id ID, admin1, countries func() (*shapeSet, error)) (orb.MultiPolygon, error) {
	var set func() (*shapeSet, error)
	switch id.Source {
	case SourceNaturalEarth:
		set = admin1
	case SourceCountry:
		set = countries
	default:
		return nil, nil
	}
	m, err := set()
	if err != nil {
		return nil, err
	}
	i, ok := slices.BinarySearch(m.keys, id.Key)
	if !ok {
		return nil, nil
	}
	return m.outline(i)
}

// Admin1Containing returns the admin-1 entry whose polygon contains p
// (lon, lat in degrees), or nil if none does (at sea, or where the
// simplified outlines leave a gap). It reads the polygons on first use.
// It is safe for concurrent use.
func (g *Gazetteer) Admin1Containing(p orb.Point) (*Entry, error) {
	m, err := g.shapes()
	if err != nil {
		return nil, err
	}
	for i, k := range m.keys { // sorted: the same answer where outlines overlap
		if !m.bounds[i].Contains(p) {
			continue
		}
		mp, err := m.outline(i)
		if err != nil {
			return nil, err
		}
		if planar.MultiPolygonContains(mp, p) {
			if e := g.ByID(ID{SourceNaturalEarth, k}); e != nil {
				return e, nil
			}
		}
	}
	return nil, nil
}

// Admin1Of returns the admin-1 entry an entry lies in, from its Admin1
// code (a city's GeoNames admin-1 code is mapped to Natural Earth at build
// time), or nil when unknown. An admin-1 entry is its own.
func (g *Gazetteer) Admin1Of(e *Entry) *Entry {
	if e == nil {
		return nil
	}
	if e.Kind == KindAdmin1 {
		return e
	}
	if e.Admin1 == "" {
		return nil
	}
	return g.ByID(ID{SourceNaturalEarth, e.Admin1})
}

// WriteShapes writes polygons (an admin-1 or country key → outline, already simplified)
// as LoadFS reads them: gzipped records of the key, then per polygon per
// ring the point count and zig-zag varint deltas of coordinates quantised
// to 0.001°. Keys come sorted, so the bytes depend on the input alone.
func WriteShapes(path string, shapes map[string]orb.MultiPolygon) error {
	keys := make([]string, 0, len(shapes))
	for k := range shapes {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var raw []byte
	for _, k := range keys {
		raw = binary.AppendUvarint(raw, uint64(len(k)))
		raw = append(raw, k...)
		mp := shapes[k]
		raw = binary.AppendUvarint(raw, uint64(len(mp)))
		var px, py int64
		for _, poly := range mp {
			raw = binary.AppendUvarint(raw, uint64(len(poly)))
			for _, ring := range poly {
				raw = binary.AppendUvarint(raw, uint64(len(ring)))
				for _, pt := range ring {
					x, y := Quantise(pt[0]), Quantise(pt[1])
					raw = binary.AppendVarint(raw, x-px)
					raw = binary.AppendVarint(raw, y-py)
					px, py = x, y
				}
			}
		}
	}
	return writeGz(path, raw)
}

// Quantise rounds a coordinate in degrees to the polygon file's quantum
// (0.001°), as an integer count of quanta.
func Quantise(deg float64) int64 { return int64(math.Round(deg * shapeScale)) }

// shapeSet is a polygon file's outlines by key, each decoded on first use
// (an app that draws two admin-1 areas decodes two, not 4,600): the
// file's bytes, and per key where its outline starts and its bounds. Its
// methods are safe for concurrent use.
type shapeSet struct {
	raw    []byte      // the file, decompressed
	keys   []string    // sorted, as WriteShapes writes them
	starts []int       // where keys[i]'s outline starts in raw
	bounds []orb.Bound // keys[i]'s outline's bound

	mu       sync.Mutex
	outlines []orb.MultiPolygon // decoded so far, by key index; nil: not yet
}

// outline returns keys[i]'s outline, decoding it on the first call.
func (s *shapeSet) outline(i int) (orb.MultiPolygon, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.outlines[i] == nil {
		mp, _, _, err := readOutline(s.raw, s.starts[i], true)
		if err != nil {
			return nil, err
		}
		s.outlines[i] = mp
	}
	return s.outlines[i], nil
}

// decodeShapes reads a polygon file, gzipped, from r: the keys and
// bounds at once, the outlines when asked for. sizeHint, the file's
// uncompressed size if known (else 0), sizes the one buffer it keeps.
func decodeShapes(r io.Reader, sizeHint int) (*shapeSet, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: shapes: %w", err)
	}
	buf := bytes.NewBuffer(make([]byte, 0, sizeHint+bytes.MinRead))
	if _, err := buf.ReadFrom(zr); err != nil {
		return nil, fmt.Errorf("gazetteer: shapes: %w", err)
	}
	raw := buf.Bytes()
	s := &shapeSet{raw: raw}
	for pos := 0; pos < len(raw); {
		n, w := binary.Uvarint(raw[pos:])
		if w <= 0 || n > 64 || n > uint64(len(raw)-pos-w) {
			return nil, errors.New("gazetteer: shapes: corrupt key")
		}
		pos += w
		key := string(raw[pos : pos+int(n)])
		pos += int(n)
		if len(s.keys) > 0 && key <= s.keys[len(s.keys)-1] {
			return nil, errors.New("gazetteer: shapes: keys not sorted")
		}
		_, b, next, err := readOutline(raw, pos, false)
		if err != nil {
			return nil, err
		}
		s.keys = append(s.keys, key)
		s.starts = append(s.starts, pos)
		s.bounds = append(s.bounds, b)
		pos = next
	}
	s.outlines = make([]orb.MultiPolygon, len(s.keys))
	return s, nil
}

// readOutline reads the outline that starts at raw[pos], just after its
// key, and returns its bound (as orb's MultiPolygon.Bound has it) and
// where the next key starts; with keep, also the outline.
func readOutline(raw []byte, pos int, keep bool) (orb.MultiPolygon, orb.Bound, int, error) {
	bad := false
	count := func() int {
		v, n := binary.Uvarint(raw[pos:])
		if n <= 0 || v > uint64(len(raw)-pos) { // each item takes a byte at least
			bad, n = true, 0
		}
		pos += n
		return int(v)
	}
	delta := func() int64 {
		v, n := binary.Varint(raw[pos:])
		if n <= 0 {
			bad, n = true, 0
		}
		pos += n
		return v
	}
	var (
		mp     orb.MultiPolygon
		bound  orb.Bound
		px, py int64
	)
	np := count()
	if keep && !bad {
		mp = make(orb.MultiPolygon, np)
	}
	for i := 0; i < np && !bad; i++ {
		nr := count()
		var poly orb.Polygon
		if keep && !bad {
			poly = make(orb.Polygon, nr)
		}
		outer := orb.MultiPoint(nil).Bound() // empty
		for j := 0; j < nr && !bad; j++ {
			n := count()
			var ring orb.Ring
			if keep && !bad {
				ring = make(orb.Ring, n)
			}
			for k := 0; k < n && !bad; k++ {
				px += delta()
				py += delta()
				pt := orb.Point{float64(px) / shapeScale, float64(py) / shapeScale}
				if j == 0 { // a polygon's bound is its outer ring's
					if k == 0 {
						outer = orb.Bound{Min: pt, Max: pt}
					}
					outer = outer.Extend(pt)
				}
				if ring != nil {
					ring[k] = pt
				}
			}
			if poly != nil {
				poly[j] = ring
			}
		}
		if i == 0 {
			bound = outer
		} else {
			bound = bound.Union(outer)
		}
		if mp != nil {
			mp[i] = poly
		}
	}
	if bad {
		return nil, orb.Bound{}, 0, errors.New("gazetteer: shapes: truncated")
	}
	if np == 0 {
		bound = orb.MultiPolygon(nil).Bound()
	}
	return mp, bound, pos, nil
}
