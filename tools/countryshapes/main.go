// Command countryshapes writes gazetteer/data/country-shapes.bin.gz, the
// country outlines the map draws as areas, from Natural Earth 1:50m
// admin-0 (npm world-atlas 2.0.2, countries-50m.json, TopoJSON; public
// domain), keyed by ISO 3166-1 alpha-2 from world-countries 5.1.0's
// numeric codes. Each outline is cut at the antimeridian (world-atlas
// stitches Russia and Fiji across it), simplified with Douglas-Peucker to
// about 1 km (0.01°) and written as gazetteer.WriteShapes writes admin-1
// outlines. Run it through build.sh, which unpacks the two packages at
// their exact versions; the output is byte-for-byte reproducible.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/clip"
	"github.com/paulmach/orb/planar"
	"github.com/paulmach/orb/simplify"

	"reportmap/gazetteer"
)

// tolerance is the simplification, in degrees (0.01° is at most 1.1 km).
const tolerance = 0.01

// byName gives a code to the few world-atlas countries with no numeric
// id that world-countries has.
var byName = map[string]string{"Kosovo": "XK"}

func main() {
	src := flag.String("src", "", "folder holding world-atlas/ and world-countries/, unpacked")
	out := flag.String("out", "gazetteer/data", "folder to write country-shapes.bin.gz to")
	flag.Parse()
	if err := run(*src, *out); err != nil {
		fmt.Fprintln(os.Stderr, "countryshapes:", err)
		os.Exit(1)
	}
}

func run(src, out string) error {
	codes, err := alpha2(filepath.Join(src, "world-countries", "countries.json"))
	if err != nil {
		return err
	}
	raw, err := os.ReadFile(filepath.Join(src, "world-atlas", "countries-50m.json"))
	if err != nil {
		return err
	}
	shapes, skipped, err := countries(raw, codes)
	if err != nil {
		return err
	}
	path := filepath.Join(out, "country-shapes.bin.gz")
	if err := gazetteer.WriteShapes(path, shapes); err != nil {
		return err
	}
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	points := 0
	for _, mp := range shapes {
		for _, p := range mp {
			for _, r := range p {
				points += len(r)
			}
		}
	}
	fmt.Printf("%s: %d countries, %d points, %d bytes; no code for %v\n", path, len(shapes), points, st.Size(), skipped)
	return nil
}

// alpha2 maps ISO 3166-1 numeric codes ("804") to alpha-2 ("UA").
func alpha2(path string) (map[string]string, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var cs []struct{ Cca2, Ccn3 string }
	if err := json.Unmarshal(raw, &cs); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	m := map[string]string{}
	for _, c := range cs {
		if c.Ccn3 != "" && c.Cca2 != "" {
			m[c.Ccn3] = c.Cca2
		}
	}
	return m, nil
}

// topology is the part of a TopoJSON file countries reads.
type topology struct {
	Transform struct{ Scale, Translate [2]float64 }
	Arcs      [][][2]float64
	Objects   struct {
		Countries struct {
			Geometries []struct {
				ID         string
				Type       string
				Properties struct{ Name string }
				Arcs       json.RawMessage
			}
		}
	}
}

// countries decodes world-atlas's countries into simplified outlines by
// alpha-2 code (Antarctica left out: no report needs it, and its ring
// round the pole does not draw in a plane); skipped names those with
// no code.
func countries(raw []byte, codes map[string]string) (map[string]orb.MultiPolygon, []string, error) {
	var t topology
	if err := json.Unmarshal(raw, &t); err != nil {
		return nil, nil, fmt.Errorf("countries-50m.json: %w", err)
	}
	arcs := make([][]orb.Point, len(t.Arcs))
	for i, a := range t.Arcs {
		var x, y float64
		arcs[i] = make([]orb.Point, len(a))
		for j, d := range a {
			x, y = x+d[0], y+d[1]
			arcs[i][j] = orb.Point{x*t.Transform.Scale[0] + t.Transform.Translate[0], y*t.Transform.Scale[1] + t.Transform.Translate[1]}
		}
	}
	ring := func(idx []int) orb.Ring {
		var r orb.Ring
		for k, i := range idx {
			a := arcs[max(i, ^i)]
			pts := slices.Clone(a)
			if i < 0 {
				slices.Reverse(pts)
			}
			if k > 0 {
				pts = pts[1:] // shared with the previous arc's end
			}
			r = append(r, pts...)
		}
		return r
	}
	shapes := map[string]orb.MultiPolygon{}
	var skipped []string
	for _, g := range t.Objects.Countries.Geometries {
		code := codes[g.ID]
		if code == "" {
			code = byName[g.Properties.Name]
		}
		if code == "" || code == "AQ" {
			if code == "" {
				skipped = append(skipped, g.Properties.Name)
			}
			continue
		}
		var polys [][][]int
		switch g.Type {
		case "Polygon":
			var p [][]int
			if err := json.Unmarshal(g.Arcs, &p); err != nil {
				return nil, nil, fmt.Errorf("%s: %w", g.Properties.Name, err)
			}
			polys = [][][]int{p}
		case "MultiPolygon":
			if err := json.Unmarshal(g.Arcs, &polys); err != nil {
				return nil, nil, fmt.Errorf("%s: %w", g.Properties.Name, err)
			}
		default:
			continue
		}
		mp := shapes[code]
		for _, p := range polys {
			var poly orb.Polygon
			for _, r := range p {
				poly = append(poly, ring(r))
			}
			mp = append(mp, cut(poly)...)
		}
		shapes[code] = mp
	}
	for code, mp := range shapes {
		shapes[code] = simplified(mp)
		if len(shapes[code]) == 0 {
			delete(shapes, code)
		}
	}
	slices.Sort(skipped)
	return shapes, skipped, nil
}

// world is the plane the outlines are drawn in.
var world = orb.Bound{Min: orb.Point{-180, -90}, Max: orb.Point{180, 90}}

// cut returns a polygon that crosses the antimeridian (a ring jumping
// from +180 to -180) as the pieces of it on either side, each within
// ±180°; others as they are.
func cut(p orb.Polygon) []orb.Polygon {
	crosses := false
	for _, r := range p {
		for i := 1; i < len(r); i++ {
			crosses = crosses || math.Abs(r[i][0]-r[i-1][0]) > 180
		}
	}
	if !crosses {
		return []orb.Polygon{p}
	}
	u := make(orb.Polygon, len(p))
	for i, r := range p { // continuous longitudes
		u[i] = make(orb.Ring, len(r))
		off := 0.0
		for k, pt := range r {
			if k > 0 {
				switch d := pt[0] - r[k-1][0]; {
				case d > 180:
					off -= 360
				case d < -180:
					off += 360
				}
			}
			u[i][k] = orb.Point{pt[0] + off, pt[1]}
		}
	}
	var out []orb.Polygon
	for _, shift := range []float64{-360, 0, 360} {
		s := u.Clone()
		for _, r := range s {
			for k := range r {
				r[k][0] += shift
			}
		}
		if c := clip.Polygon(world, s); len(c) > 0 && planar.Area(c) != 0 {
			out = append(out, c)
		}
	}
	return out
}

// simplified simplifies mp to tolerance, dropping the rings that become
// too small to see (under tolerance² in area) and polygons whose outer
// ring is dropped.
func simplified(mp orb.MultiPolygon) orb.MultiPolygon {
	mp = simplify.DouglasPeucker(tolerance).MultiPolygon(mp)
	var out orb.MultiPolygon
	for _, p := range mp {
		var q orb.Polygon
		for i, r := range p {
			if len(r) < 4 || math.Abs(planar.Area(r)) < tolerance*tolerance {
				if i == 0 {
					break
				}
				continue
			}
			q = append(q, r)
		}
		if len(q) > 0 {
			out = append(out, q)
		}
	}
	return out
}
