package atlas

import (
	"fmt"
	"math"
	"strconv"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/valyala/fastjson"
)

// nesting is how deeply each geometry type nests its positions.
var nesting = map[string]int{
	"Point":           0,
	"MultiPoint":      1,
	"LineString":      1,
	"MultiLineString": 2,
	"Polygon":         2,
	"MultiPolygon":    3,
}

// readGeometry sets p.Point (and p.Geometry for non-Points) from the
// geometry object g, or says what is wrong with it.
func (fd *featureDecoder) readGeometry(p *Place, g *fastjson.Value) string {
	o, err := g.Object()
	if err != nil {
		return fmt.Sprintf("geometry is %s; want a GeoJSON geometry object", describe(g))
	}
	typ := o.Get("type")
	if !isString(typ) {
		return fmt.Sprintf(`geometry "type" is %s; want "Point"`, describe(typ))
	}
	if string(typ.GetStringBytes()) == "Point" { // the fast path: nearly every place is a Point
		pt, msg := fd.position(o.Get("coordinates"), "coordinates")
		if msg != "" {
			return msg
		}
		p.Point = pt
		return ""
	}
	t := string(typ.GetStringBytes())
	if msg := fd.checkGeometry(t, o, 0); msg != "" {
		return msg
	}
	// Checked: orb's decoder can have the rest.
	gg, err := geojson.UnmarshalGeometry(g.MarshalTo(nil))
	if err != nil {
		return fmt.Sprintf("%s geometry: %v", t, err)
	}
	geom := gg.Geometry()
	if geom == nil || countPositions(geom) == 0 {
		return fmt.Sprintf("%s geometry has no positions", t)
	}
	p.Geometry = geom
	p.Point = RepresentativePoint(geom) // a "point" property, read after, wins
	return ""
}

// checkGeometry checks every position of a non-Point geometry, which orb's
// decoder would accept with too few or out-of-range numbers.
func (fd *featureDecoder) checkGeometry(typ string, o *fastjson.Object, depth int) string {
	if typ == "GeometryCollection" {
		geoms := o.Get("geometries")
		if geoms == nil || geoms.Type() != fastjson.TypeArray {
			return fmt.Sprintf(`GeometryCollection "geometries" is %s; want an array`, describe(geoms))
		}
		if depth > 8 {
			return "GeometryCollections nest too deeply"
		}
		for k, g := range geoms.GetArray() {
			gobj, err := g.Object()
			if err != nil {
				return fmt.Sprintf("geometries[%d] is %s; want a geometry object", k, describe(g))
			}
			t := gobj.Get("type")
			if !isString(t) {
				return fmt.Sprintf(`geometries[%d] "type" is %s`, k, describe(t))
			}
			if msg := fd.checkGeometry(string(t.GetStringBytes()), gobj, depth+1); msg != "" {
				return fmt.Sprintf("geometries[%d]: %s", k, msg)
			}
		}
		return ""
	}
	n, ok := nesting[typ]
	if !ok {
		return fmt.Sprintf("geometry type %q is not a GeoJSON geometry", typ)
	}
	return fd.checkNested(o.Get("coordinates"), n, "coordinates")
}

// checkNested walks n levels of arrays down to positions.
func (fd *featureDecoder) checkNested(v *fastjson.Value, n int, path string) string {
	if n == 0 {
		_, msg := fd.position(v, path)
		return msg
	}
	if v == nil || v.Type() != fastjson.TypeArray {
		if v == nil && path == "coordinates" {
			return "geometry has no coordinates"
		}
		return fmt.Sprintf("%s is %s; want an array", path, describe(v))
	}
	for k, e := range v.GetArray() {
		if msg := fd.checkNested(e, n-1, fmt.Sprintf("%s[%d]", path, k)); msg != "" {
			return msg
		}
	}
	return ""
}

// position decodes one GeoJSON position: longitude, latitude and any
// further numbers (altitude), which are checked and then ignored.
func (fd *featureDecoder) position(v *fastjson.Value, path string) (orb.Point, string) {
	var pt orb.Point
	if v == nil {
		return pt, fmt.Sprintf("geometry has no %s", path)
	}
	if v.Type() != fastjson.TypeArray {
		return pt, fmt.Sprintf("%s is %s; want [longitude, latitude]", path, describe(v))
	}
	a := v.GetArray()
	for n, e := range a {
		if e.Type() != fastjson.TypeNumber {
			return pt, fmt.Sprintf("%s[%d] is %s; want a number", path, n, describe(e))
		}
		f, err := fd.number(e)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			return pt, fmt.Sprintf("%s[%d] (%s) overflows a 64-bit float", path, n, clip(e.String()))
		}
		if n < 2 {
			pt[n] = f
		}
	}
	if len(a) < 2 {
		return pt, fmt.Sprintf("%s has %d numbers; want at least 2 (longitude, latitude)", path, len(a))
	}
	lon, lat := pt[0], pt[1]
	if lat < -90 || lat > 90 {
		hint := ""
		if lon >= -90 && lon <= 90 {
			hint = " (swapped? GeoJSON puts longitude first)"
		}
		return pt, fmt.Sprintf("latitude %g in %s is outside -90…90%s", lat, path, hint)
	}
	if lon < -180 || lon > 180 {
		return pt, fmt.Sprintf("longitude %g in %s is outside -180…180", lon, path)
	}
	return pt, ""
}

// countPositions counts the points of any orb geometry.
func countPositions(g orb.Geometry) int {
	switch g := g.(type) {
	case orb.Point:
		return 1
	case orb.MultiPoint:
		return len(g)
	case orb.LineString:
		return len(g)
	case orb.MultiLineString:
		n := 0
		for _, ls := range g {
			n += len(ls)
		}
		return n
	case orb.Polygon:
		n := 0
		for _, r := range g {
			n += len(r)
		}
		return n
	case orb.MultiPolygon:
		n := 0
		for _, p := range g {
			n += countPositions(p)
		}
		return n
	case orb.Collection:
		n := 0
		for _, c := range g {
			n += countPositions(c)
		}
		return n
	}
	return 0
}

// number returns the value of v, a JSON number, exactly as
// strconv.ParseFloat reads it, so that a file Encode wrote loads back the
// same float64s. fastjson's own parser, used for the short numbers it
// gets exactly right (at most 15 digits and no exponent: a float64 holds
// the digits exactly and one division rounds them correctly), is off by
// one unit in the last place for some others, such as
// 3.54474109978971e-08. Like fastjson's, it returns an infinity for a
// number too large.
func (fd *featureDecoder) number(v *fastjson.Value) (float64, error) {
	fd.num = v.MarshalTo(fd.num[:0]) // a number's own text, unchanged
	digits := 0
	for _, c := range fd.num {
		switch {
		case c >= '0' && c <= '9':
			digits++
		case c == 'e' || c == 'E':
			digits = 99
		}
	}
	if digits <= 15 {
		return v.Float64()
	}
	f, err := strconv.ParseFloat(string(fd.num), 64)
	if err != nil && !math.IsInf(f, 0) {
		return 0, err
	}
	return f, nil
}
