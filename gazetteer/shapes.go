package gazetteer

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"slices"

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
// degrees. It is nil for other entries and those with none. The polygons
// are read on the first call that needs them (tens of milliseconds). It
// is safe for concurrent use; the polygon must not be changed.
func (g *Gazetteer) Polygon(id ID) (orb.MultiPolygon, error) {
	return polygon(id, g.shapes, g.countryShapes)
}

// Outline is Polygon for the embedded gazetteer, without loading the
// rest of it: the outlines alone load in tens of milliseconds, where
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
	return m.byKey[id.Key], nil
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
		if m.bounds[i].Contains(p) && planar.MultiPolygonContains(m.byKey[k], p) {
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

// shapeSet is the admin-1 outlines by key, with their bounds.
type shapeSet struct {
	byKey  map[string]orb.MultiPolygon
	keys   []string // sorted
	bounds []orb.Bound
}

func newShapeSet(m map[string]orb.MultiPolygon) *shapeSet {
	s := &shapeSet{byKey: m}
	for k := range m {
		s.keys = append(s.keys, k)
	}
	slices.Sort(s.keys)
	for _, k := range s.keys {
		s.bounds = append(s.bounds, m[k].Bound())
	}
	return s
}

func decodeShapes(r io.Reader) (*shapeSet, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: shapes: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: shapes: %w", err)
	}
	br := bufio.NewReader(bytes.NewReader(raw))
	m := map[string]orb.MultiPolygon{}
	uv := func() int {
		v, e := binary.ReadUvarint(br)
		if e != nil && err == nil {
			err = e
		}
		return int(v)
	}
	sv := func() int64 {
		v, e := binary.ReadVarint(br)
		if e != nil && err == nil {
			err = e
		}
		return v
	}
	var px, py int64
	for err == nil {
		n, e := binary.ReadUvarint(br)
		if e == io.EOF {
			break
		}
		if e != nil || n > 64 {
			return nil, fmt.Errorf("gazetteer: shapes: corrupt key")
		}
		px, py = 0, 0
		key := make([]byte, n)
		if _, e := io.ReadFull(br, key); e != nil {
			return nil, fmt.Errorf("gazetteer: shapes: %w", e)
		}
		mp := make(orb.MultiPolygon, uv())
		for i := range mp {
			mp[i] = make(orb.Polygon, uv())
			for j := range mp[i] {
				ring := make(orb.Ring, uv())
				for k := range ring {
					px += sv()
					py += sv()
					ring[k] = orb.Point{float64(px) / shapeScale, float64(py) / shapeScale}
				}
				mp[i][j] = ring
			}
		}
		m[string(key)] = mp
	}
	if err != nil {
		return nil, fmt.Errorf("gazetteer: shapes: %w", err)
	}
	return newShapeSet(m), nil
}
