package atlas_test

import (
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"reportmap/atlas"
)

// crescent is a C open to the east, whose centroid lies in the opening.
var crescent = orb.Polygon{{{0, 0}, {10, 0}, {10, 2}, {2, 2}, {2, 8}, {10, 8}, {10, 10}, {0, 10}, {0, 0}}}

func TestInteriorPoint(t *testing.T) {
	c, _ := planar.CentroidArea(crescent)
	if planar.PolygonContains(crescent, c) {
		t.Fatalf("the test needs a centroid outside: %v", c)
	}
	square := orb.Polygon{{{0, 0}, {4, 0}, {4, 4}, {0, 4}, {0, 0}}}
	holed := orb.Polygon{{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}, {{3, 3}, {7, 3}, {7, 7}, {3, 7}, {3, 3}}}
	for _, tt := range []struct {
		name string
		mp   orb.MultiPolygon
		want orb.Point // zero: only inside
	}{
		{"square: its centroid", orb.MultiPolygon{square}, orb.Point{2, 2}},
		{"crescent", orb.MultiPolygon{crescent}, orb.Point{}},
		{"a hole at the centroid", orb.MultiPolygon{holed}, orb.Point{}},
		{"the largest polygon", orb.MultiPolygon{{{{20, 20}, {21, 20}, {21, 21}, {20, 20}}}, square}, orb.Point{2, 2}},
	} {
		pt, ok := atlas.InteriorPoint(tt.mp)
		if !ok || !planar.MultiPolygonContains(tt.mp, pt) {
			t.Errorf("%s: InteriorPoint = %v, %v; want a point inside", tt.name, pt, ok)
		}
		if tt.want != (orb.Point{}) && pt != tt.want {
			t.Errorf("%s: InteriorPoint = %v; want %v", tt.name, pt, tt.want)
		}
	}
	if _, ok := atlas.InteriorPoint(orb.MultiPolygon{{{{0, 0}, {1, 1}, {2, 2}, {0, 0}}}}); ok {
		t.Error("a polygon with no area has an interior point")
	}
}

func TestLoadAreaPoint(t *testing.T) {
	const poly = `{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,2],[2,2],[2,8],[10,8],[10,10],[0,10],[0,0]]]}`
	feature := func(props string) string {
		return `{"type":"Feature","geometry":` + poly + `,"properties":` + props + `}`
	}
	a, err := atlas.Load("areas.geojson", []byte(fc(
		feature(`{"name":"No point"}`),
		feature(`{"name":"Pointed","point":[1,5]}`),
		feature(`{"name":"Bad point","point":[1,95]}`),
		feature(`{"name":"Point a string","point":"here"}`),
	)))
	if err != nil {
		t.Fatal(err)
	}
	if p := a.Places[0]; !planar.PolygonContains(crescent, p.Point) {
		t.Errorf("without a point property the marker is at %v, outside its polygon", p.Point)
	}
	if p := a.Places[1]; p.Point != (orb.Point{1, 5}) {
		t.Errorf("point property: the marker is at %v; want [1 5]", p.Point)
	}
	for _, i := range []int{2, 3} {
		if p := a.Places[i]; p.Point != a.Places[0].Point {
			t.Errorf("%s: the marker is at %v; want the representative point %v", p.Name, p.Point, a.Places[0].Point)
		}
	}
	var ws []string
	for _, w := range a.Warnings {
		ws = append(ws, w.String())
	}
	want := []string{
		`areas.geojson: feature 2: latitude 95 in point is outside -90…90 (swapped? GeoJSON puts longitude first) (point ignored: the marker goes inside the area)`,
		`areas.geojson: feature 3: point is a string ("here"); want [longitude, latitude] (point ignored: the marker goes inside the area)`,
	}
	if strings.Join(ws, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings\n%s\nwant\n%s", strings.Join(ws, "\n"), strings.Join(want, "\n"))
	}
}

func TestFoundAndNeedsCheck(t *testing.T) {
	for _, tt := range []struct {
		name         string
		pv           *atlas.Provenance
		found, check bool
	}{
		{"made by hand", nil, false, false},
		{"made by hand, with an area's gazetteer id", &atlas.Provenance{Gazetteer: "ne:RU-KRS"}, false, false},
		{"made by hand, moved", &atlas.Provenance{Corrected: true}, false, false},
		{"found, sure", &atlas.Provenance{Gazetteer: "ne:RU-KRS", Confidence: 0.9, Reasons: []string{"the only candidate"}}, true, false},
		{"found, unsure", &atlas.Provenance{Gazetteer: "geonames:1", Confidence: 0.4, Reasons: []string{"ambiguous"}}, true, true},
		{"found, unsure, no reasons", &atlas.Provenance{Gazetteer: "geonames:1", Confidence: 0.4}, true, true},
		{"found, reasons, confidence 0", &atlas.Provenance{Gazetteer: "geonames:1", Reasons: []string{"ambiguous"}}, true, true},
		{"found, unsure, corrected", &atlas.Provenance{Gazetteer: "geonames:1", Confidence: 0.4, Corrected: true}, true, false},
	} {
		p := atlas.Place{Name: "P", Provenance: tt.pv}
		if p.Found() != tt.found || p.NeedsCheck() != tt.check {
			t.Errorf("%s: Found %v, NeedsCheck %v; want %v, %v", tt.name, p.Found(), p.NeedsCheck(), tt.found, tt.check)
		}
	}
}
