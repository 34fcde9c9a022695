package basemap

import (
	"bytes"
	"compress/gzip"
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sync"

	"github.com/paulmach/orb"

	"reportmap/mapview/viewport"
)

// The embedded data, written by tools/basemap/build.sh: Natural Earth
// 1:50m land and shared country borders as gzipped GeoJSON (lon/lat
// degrees, 4 decimals) and one label point per country.
//
//go:embed data/land.geojson.gz data/borders.geojson.gz data/countries.json.gz
var files embed.FS

// Basemap is the decoded world basemap together with the buffers Draw
// reuses from frame to frame. Get one from Load. Its geometry is immutable
// and shared by every Basemap; its buffers are its own, so Draw is not safe
// for concurrent use on one Basemap, while Labels is.
type Basemap struct {
	data *data

	painter // Draw's buffers, reused between calls
}

// data is everything decoded from the embedded files, projected and
// simplified. It is built once and never modified.
type data struct {
	bands  []band  // by maxScale, ascending; the last has maxScale +Inf
	labels []label // by area, descending
}

// label is a country's label point in world coordinates.
type label struct {
	name string
	x, y float64
	area float64
}

// band returns the band for views at scale pixels per world unit.
func (d *data) band(scale float64) *band {
	for i := range d.bands {
		if scale < d.bands[i].maxScale {
			return &d.bands[i]
		}
	}
	return &d.bands[len(d.bands)-1]
}

// shared decodes the embedded data on the first call to Load.
var shared = sync.OnceValues(decode)

// Load returns a Basemap of the embedded world data. The data is decoded,
// projected and simplified once per process, on the first call (about
// 50 ms); later calls return at once with a new Basemap sharing it, and
// the same error if the first failed. Load is safe for concurrent use.
func Load() (*Basemap, error) {
	d, err := shared()
	if err != nil {
		return nil, err
	}
	return &Basemap{data: d}, nil
}

// decode reads, projects and simplifies the embedded files.
func decode() (*data, error) {
	var (
		land    orb.MultiPolygon
		borders orb.MultiLineString
		labels  []label
		errs    [3]error
		wg      sync.WaitGroup
	)
	// The three files are independent; decode them side by side.
	wg.Go(func() { land, errs[0] = decodeLand() })
	wg.Go(func() { borders, errs[1] = decodeBorders() })
	wg.Go(func() { labels, errs[2] = decodeLabels() })
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return &data{bands: buildBands(land, borders), labels: labels}, nil
}

// readGzip returns the decompressed contents of an embedded file.
func readGzip(name string) ([]byte, error) {
	raw, err := files.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("basemap: %w", err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("basemap: %s: %w", name, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("basemap: %s: %w", name, err)
	}
	return b, nil
}

// readGeometries returns the geometries of an embedded gzipped GeoJSON
// FeatureCollection, projected to world coordinates.
func readGeometries(name string) ([]geometry, error) {
	b, err := readGzip(name)
	if err != nil {
		return nil, err
	}
	gs, err := readFeatureCollection(b)
	if err != nil {
		return nil, fmt.Errorf("basemap: %s: %w", name, err)
	}
	return gs, nil
}

// decodeLand returns the land polygons in world coordinates.
func decodeLand() (orb.MultiPolygon, error) {
	const name = "data/land.geojson.gz"
	gs, err := readGeometries(name)
	if err != nil {
		return nil, err
	}
	var mp orb.MultiPolygon
	for _, g := range gs {
		if len(g.lines) > 0 {
			return nil, fmt.Errorf("basemap: %s: unexpected %s", name, g.typ)
		}
		mp = append(mp, g.polygons...)
	}
	if len(mp) == 0 {
		return nil, fmt.Errorf("basemap: %s: no land", name)
	}
	return mp, nil
}

// decodeBorders returns the border lines in world coordinates.
func decodeBorders() (orb.MultiLineString, error) {
	const name = "data/borders.geojson.gz"
	gs, err := readGeometries(name)
	if err != nil {
		return nil, err
	}
	var mls orb.MultiLineString
	for _, g := range gs {
		if len(g.polygons) > 0 {
			return nil, fmt.Errorf("basemap: %s: unexpected %s", name, g.typ)
		}
		mls = append(mls, g.lines...)
	}
	return mls, nil
}

// decodeLabels returns the country label points in world coordinates,
// largest country first.
func decodeLabels() ([]label, error) {
	const name = "data/countries.json.gz"
	b, err := readGzip(name)
	if err != nil {
		return nil, err
	}
	var in []struct {
		Name     string
		Lon, Lat float64
		Area     float64
	}
	if err := json.Unmarshal(b, &in); err != nil {
		return nil, fmt.Errorf("basemap: %s: %w", name, err)
	}
	labels := make([]label, 0, len(in))
	for _, c := range in {
		if c.Name == "" {
			continue
		}
		w := viewport.ToWorld(orb.Point{c.Lon, c.Lat})
		x, y := w[0], w[1]
		labels = append(labels, label{name: c.Name, x: x, y: y, area: c.Area})
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
