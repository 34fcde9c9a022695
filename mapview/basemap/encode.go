package basemap

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/paulmach/orb"

	"reportmap/mapview/viewport"
)

// Encode builds the contents of data/world.bin (before gzip) from the
// files tools/basemap/build.mjs writes, uncompressed: land, a GeoJSON
// FeatureCollection of (Multi)Polygons, and borders, one of
// (Multi)LineStrings, in lon/lat degrees; countries, the label points as
// JSON [{"name", "lon", "lat", "area"}]. It projects them to world
// coordinates, simplifies them into the zoom bands Draw uses (see
// buildBands) and writes them as Load reads them (see decodeWorld), so
// that an app does none of this at start-up. It is for tools/basemap;
// the app does not call it. The output depends on the input alone. It is
// safe for concurrent use.
func Encode(land, borders, countries []byte) ([]byte, error) {
	lp, err := readLand(land)
	if err != nil {
		return nil, err
	}
	bl, err := readBorders(borders)
	if err != nil {
		return nil, err
	}
	labels, err := readLabels(countries)
	if err != nil {
		return nil, err
	}
	bands := buildBands(lp, bl)
	out := binary.AppendUvarint(nil, worldVersion)
	out = binary.AppendUvarint(out, uint64(len(bands)))
	for i := range bands {
		out = binary.AppendUvarint(out, math.Float64bits(bands[i].maxScale))
		out = appendLayer(out, &bands[i].land)
		out = appendLayer(out, &bands[i].borders)
	}
	out = binary.AppendUvarint(out, uint64(len(labels)))
	var px, py int64
	for _, l := range labels {
		out = binary.AppendUvarint(out, uint64(len(l.name)))
		out = append(out, l.name...)
		x, y := quantise(l.x), quantise(l.y)
		out = binary.AppendVarint(out, x-px)
		out = binary.AppendVarint(out, y-py)
		px, py = x, y
		out = binary.AppendUvarint(out, math.Float64bits(l.area))
	}
	return out, nil
}

// quantise rounds a world coordinate to the file's integer units
// (1/worldUnits of the world).
func quantise(w float64) int64 { return int64(math.Round(w * worldUnits)) }

// appendLayer appends l as decodeLayer reads it: the shape, ring and
// vertex counts, each shape's ring count, each ring's vertex count, then
// the vertices as zig-zag varint deltas of quantised world coordinates
// (from 0, 0 at the layer's start).
func appendLayer(out []byte, l *layer) []byte {
	out = binary.AppendUvarint(out, uint64(len(l.shapes)))
	out = binary.AppendUvarint(out, uint64(len(l.boxes)))
	out = binary.AppendUvarint(out, uint64(len(l.pts)))
	for _, s := range l.shapes {
		out = binary.AppendUvarint(out, uint64(s.last-s.first))
	}
	for i := range l.boxes {
		out = binary.AppendUvarint(out, uint64(l.starts[i+1]-l.starts[i]))
	}
	var px, py int64
	for _, p := range l.pts {
		x, y := quantise(p[0]), quantise(p[1])
		out = binary.AppendVarint(out, x-px)
		out = binary.AppendVarint(out, y-py)
		px, py = x, y
	}
	return out
}

// readShapes returns the polygons and lines of a GeoJSON
// FeatureCollection in world coordinates; what names it in errors.
func readShapes(b []byte, what string) (orb.MultiPolygon, orb.MultiLineString, error) {
	gs, err := readFeatureCollection(b)
	if err != nil {
		return nil, nil, fmt.Errorf("basemap: %s: %w", what, err)
	}
	var mp orb.MultiPolygon
	var mls orb.MultiLineString
	for _, g := range gs {
		mp = append(mp, g.polygons...)
		mls = append(mls, g.lines...)
	}
	return mp, mls, nil
}

// readLand returns the land polygons in world coordinates.
func readLand(b []byte) (orb.MultiPolygon, error) {
	mp, lines, err := readShapes(b, "land")
	switch {
	case err != nil:
		return nil, err
	case len(lines) > 0:
		return nil, errors.New("basemap: land: unexpected lines")
	case len(mp) == 0:
		return nil, errors.New("basemap: land: no land")
	}
	return mp, nil
}

// readBorders returns the border lines in world coordinates.
func readBorders(b []byte) (orb.MultiLineString, error) {
	mp, lines, err := readShapes(b, "borders")
	if err == nil && len(mp) > 0 {
		err = errors.New("basemap: borders: unexpected polygons")
	}
	return lines, err
}

// readLabels returns the country label points in world coordinates,
// largest country first.
func readLabels(b []byte) ([]label, error) {
	var in []struct {
		Name     string
		Lon, Lat float64
		Area     float64
	}
	if err := json.Unmarshal(b, &in); err != nil {
		return nil, fmt.Errorf("basemap: countries: %w", err)
	}
	labels := make([]label, 0, len(in))
	for _, c := range in {
		if c.Name == "" {
			continue
		}
		w := viewport.ToWorld(orb.Point{c.Lon, c.Lat})
		labels = append(labels, label{name: c.Name, x: w[0], y: w[1], area: c.Area})
	}
	slices.SortStableFunc(labels, func(a, b label) int {
		switch {
		case a.area > b.area:
			return -1
		case a.area < b.area:
			return 1
		}
		return 0
	})
	return labels, nil
}
