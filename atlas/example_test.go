package atlas_test

import (
	"fmt"

	"reportmap/atlas"
)

func ExampleLoad() {
	data := []byte(`{
	  "type": "FeatureCollection",
	  "reports": [{"id": "r1", "title": "A boat off Dunkirk", "source": "Sky News", "settings": ["dunkirk"]}],
	  "features": [
	    {"type": "Feature", "geometry": {"type": "Point", "coordinates": [2.42, 51.06]},
	     "properties": {"id": "dunkirk", "name": "Dunkirk", "role": "setting", "kind": "area",
	       "excerpts": [{"report": "r1", "text": "a beach near Dunkirk"}]}},
	    {"type": "Feature", "geometry": {"type": "Point", "coordinates": [2.3, 95]},
	     "properties": {"name": "Nowhere"}}
	  ]
	}`)
	a, err := atlas.Load("example.geojson", data)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range a.Places {
		fmt.Printf("%s (%s) at lon %.2f, lat %.2f: %q\n", p.Name, p.Role, p.Point[0], p.Point[1], p.Excerpts[0].Text)
	}
	for _, w := range a.Warnings {
		fmt.Println("warning:", w)
	}
	// Output:
	// Dunkirk (setting) at lon 2.42, lat 51.06: "a beach near Dunkirk"
	// warning: example.geojson: feature 1: latitude 95 in coordinates is outside -90…90 (swapped? GeoJSON puts longitude first); feature skipped
}

func ExampleLoad_error() {
	_, err := atlas.Load("topo.json", []byte(`{"type": "Topology", "objects": {}, "arcs": []}`))
	fmt.Println(err)
	// Output:
	// atlas: topo.json: this is TopoJSON ("type": "Topology"), not GeoJSON; convert it first, for example with topojson-client's topo2geo
}

func ExampleSlug() {
	fmt.Println(atlas.Slug("Washington, DC"))
	fmt.Println(atlas.Slug("  Київ  "))
	// Output:
	// washington-dc
	// київ
}
