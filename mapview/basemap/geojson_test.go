package basemap

import (
	"testing"
)

func TestReadFeatureCollection(t *testing.T) {
	gs, err := readFeatureCollection([]byte(`{"type":"FeatureCollection","features":[
		{"type":"Feature","id":7,"properties":{"a":[1,{"b":null}],"c":"d\"e"},
		 "geometry":{"type":"MultiLineString","coordinates":[[[0,0],[90,0,12]],[[-180,85.0511287798]]]}},
		{"type":"Feature","properties":null,"geometry":null},
		{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]},"properties":{}}
	]}`))
	if err != nil {
		t.Fatal(err)
	}
	if len(gs) != 2 || len(gs[0].lines) != 2 || len(gs[1].polygons) != 1 {
		t.Fatalf("got %+v", gs)
	}
	if p := gs[0].lines[0][1]; p[0] != 0.75 || p[1] != 0.5 {
		t.Errorf("(90, 0) projected to %v, want [0.75 0.5]", p)
	}
	for _, bad := range []string{
		``,
		`{"type":"Feature"}`,
		`{"type":"FeatureCollection","features":[{"geometry":{"type":"Point","coordinates":[0,0]}}]}`,
		`{"type":"FeatureCollection","features":[{"geometry":{"type":"LineString","coordinates":[[0]]}}]}`,
		`{"type":"FeatureCollection","features":[]} x`,
		`{"type":"FeatureCollection","features":[,]}`,
	} {
		if _, err := readFeatureCollection([]byte(bad)); err == nil {
			t.Errorf("readFeatureCollection(%q) succeeded, want an error", bad)
		}
	}
}
