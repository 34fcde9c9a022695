package atlas

import (
	"fmt"
	"math"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/planar"
	"github.com/tidwall/gjson"
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
func readGeometry(p *Place, g gjson.Result) string {
	if !g.IsObject() {
		return fmt.Sprintf("geometry is %s; want a GeoJSON geometry object", describe(g))
	}
	var typ, coords, geoms gjson.Result
	g.ForEach(func(k, v gjson.Result) bool {
		switch k.Str {
		case "type":
			typ = v
		case "coordinates":
			coords = v
		case "geometries":
			geoms = v
		}
		return true
	})
	if typ.Type != gjson.String {
		return fmt.Sprintf(`geometry "type" is %s; want "Point"`, describe(typ))
	}
	if typ.Str == "Point" { // the fast path: nearly every place is a Point
		pt, msg := position(coords, "coordinates")
		if msg != "" {
			return msg
		}
		p.Point = pt
		return ""
	}
	if msg := checkGeometry(typ.Str, coords, geoms, 0); msg != "" {
		return msg
	}
	gg, err := geojson.UnmarshalGeometry([]byte(g.Raw))
	if err != nil {
		return fmt.Sprintf("%s geometry: %v", typ.Str, err)
	}
	geom := gg.Geometry()
	if geom == nil || countPositions(geom) == 0 {
		return fmt.Sprintf("%s geometry has no positions", typ.Str)
	}
	p.Geometry = geom
	p.Point, _ = planar.CentroidArea(geom)
	return ""
}

// checkGeometry checks every position of a non-Point geometry, which orb's
// decoder would accept with too few or out-of-range numbers.
func checkGeometry(typ string, coords, geoms gjson.Result, depth int) string {
	if typ == "GeometryCollection" {
		if !geoms.IsArray() {
			return fmt.Sprintf(`GeometryCollection "geometries" is %s; want an array`, describe(geoms))
		}
		if depth > 8 {
			return "GeometryCollections nest too deeply"
		}
		var msg string
		geoms.ForEach(func(k, g gjson.Result) bool {
			var t, c, gs gjson.Result
			g.ForEach(func(k, v gjson.Result) bool {
				switch k.Str {
				case "type":
					t = v
				case "coordinates":
					c = v
				case "geometries":
					gs = v
				}
				return true
			})
			if t.Type != gjson.String {
				msg = fmt.Sprintf("geometries[%d] has no type", int(k.Num))
				return false
			}
			msg = checkGeometry(t.Str, c, gs, depth+1)
			if msg != "" {
				msg = fmt.Sprintf("geometries[%d]: %s", int(k.Num), msg)
			}
			return msg == ""
		})
		return msg
	}
	n, ok := nesting[typ]
	if !ok {
		return fmt.Sprintf("geometry type %q is not a GeoJSON geometry", typ)
	}
	return checkNested(coords, n, "coordinates")
}

// checkNested walks n levels of arrays down to positions.
func checkNested(r gjson.Result, n int, path string) string {
	if n == 0 {
		_, msg := position(r, path)
		return msg
	}
	if !r.IsArray() {
		return fmt.Sprintf("%s is %s; want an array", path, describe(r))
	}
	var msg string
	r.ForEach(func(k, v gjson.Result) bool {
		msg = checkNested(v, n-1, fmt.Sprintf("%s[%d]", path, int(k.Num)))
		return msg == ""
	})
	return msg
}

// position decodes one GeoJSON position: longitude, latitude and any
// further numbers (altitude), which are checked and then ignored.
func position(r gjson.Result, path string) (orb.Point, string) {
	if !r.IsArray() {
		if !r.Exists() {
			return orb.Point{}, fmt.Sprintf("geometry has no %s", path)
		}
		return orb.Point{}, fmt.Sprintf("%s is %s; want [longitude, latitude]", path, describe(r))
	}
	var pt orb.Point
	n := 0
	var msg string
	r.ForEach(func(_, v gjson.Result) bool {
		switch {
		case v.Type != gjson.Number:
			msg = fmt.Sprintf("%s[%d] is %s; want a number", path, n, describe(v))
		case math.IsInf(v.Num, 0) || math.IsNaN(v.Num):
			msg = fmt.Sprintf("%s[%d] (%s) overflows a 64-bit float", path, n, clip(v.Raw))
		case n < 2:
			pt[n] = v.Num
		}
		n++
		return msg == ""
	})
	if msg != "" {
		return pt, msg
	}
	if n < 2 {
		return pt, fmt.Sprintf("%s has %d numbers; want at least 2 (longitude, latitude)", path, n)
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
