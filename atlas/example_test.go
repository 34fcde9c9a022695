package atlas_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/paulmach/orb"

	"reportmap/atlas"
	"reportmap/internal/userfile"
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

func ExampleSummarize() {
	var problems []atlas.Problem
	for i := range 5 {
		problems = append(problems, atlas.Problem{File: "f.geojson", Feature: i, Kind: atlas.ProblemNoGeometry, Msg: "geometry is null"})
	}
	problems = append(problems, atlas.Problem{File: "f.geojson", Feature: 7, Kind: atlas.ProblemNoName, Msg: "has no name"})
	for _, l := range atlas.Summarize(problems, 2) {
		fmt.Println(l)
	}
	// Output:
	// f.geojson: feature 0: geometry is null
	// f.geojson: feature 1: geometry is null
	// … and 3 more like this
	// f.geojson: feature 7: has no name
}

func ExampleClip() {
	fmt.Println(atlas.Clip("Dunkirk", 20))
	fmt.Println(atlas.Clip("Washington, District of Columbia", 12))
	// Output:
	// Dunkirk
	// Washington,…
}

func ExampleReportsDir() {
	dir, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(dir)
	places := filepath.Join(dir, "places.geojson")
	os.WriteFile(filepath.Join(dir, "r1.txt"), []byte("A beach near Dunkirk.\n"), 0o644)
	os.Symlink("/etc/passwd", filepath.Join(dir, "r2.txt"))

	reports := atlas.ReportsDir(places)
	for _, r := range []atlas.Report{{ID: "r1", File: "r1.txt"}, {ID: "r2", File: "r2.txt"}} {
		ps, err := r.ReadText(reports)
		var re *atlas.ReportError
		switch {
		case errors.As(err, &re) && errors.Is(err, userfile.ErrOutside):
			fmt.Printf("%s: refused: it leads outside the folder\n", r.ID)
		case err != nil:
			fmt.Println(err)
		default:
			fmt.Printf("%s: %q\n", r.ID, ps[0].Text)
		}
	}
	// Output:
	// r1: "A beach near Dunkirk."
	// r2: refused: it leads outside the folder
}

func ExampleEncode() {
	a := &atlas.Atlas{
		Reports: []atlas.Report{{ID: "r1", Title: "A boat off Dunkirk", Source: "Sky News", File: "reports/r1.txt", Settings: []string{"dunkirk"}}},
		Places: []atlas.Place{{
			ID: "dunkirk", Name: "Dunkirk", Role: atlas.RoleSetting, Kind: atlas.KindCity, Point: orb.Point{2.37, 51.03},
			Excerpts: []atlas.Excerpt{{Report: "r1", Text: "a beach near Dunkirk"}, {Text: "a quote from no report"}},
			Provenance: &atlas.Provenance{Gazetteer: "geonames:3020686", Confidence: 0.9, Reasons: []string{"the dateline"},
				Alternatives: []atlas.Alternative{{Gazetteer: "geonames:5113412", Name: "Dunkirk", Country: "US"}}},
		}},
	}
	data, err := atlas.Encode(a)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(string(data))
	b, _ := atlas.Load("dunkirk.geojson", data)
	fmt.Println("loads back with provenance", b.Places[0].Provenance.Gazetteer)
	// Output:
	// {
	//   "type": "FeatureCollection",
	//   "reports": [
	//     {
	//       "id": "r1",
	//       "title": "A boat off Dunkirk",
	//       "source": "Sky News",
	//       "file": "reports/r1.txt",
	//       "settings": [
	//         "dunkirk"
	//       ]
	//     }
	//   ],
	//   "features": [
	//     {
	//       "type": "Feature",
	//       "geometry": {
	//         "type": "Point",
	//         "coordinates": [
	//           2.37,
	//           51.03
	//         ]
	//       },
	//       "properties": {
	//         "id": "dunkirk",
	//         "name": "Dunkirk",
	//         "role": "setting",
	//         "kind": "city",
	//         "excerpts": [
	//           {
	//             "report": "r1",
	//             "text": "a beach near Dunkirk"
	//           },
	//           {
	//             "text": "a quote from no report"
	//           }
	//         ],
	//         "confidence": 0.9,
	//         "gazetteer": "geonames:3020686",
	//         "alternatives": [
	//           {
	//             "gazetteer": "geonames:5113412",
	//             "name": "Dunkirk",
	//             "country": "US"
	//           }
	//         ],
	//         "reasons": [
	//           "the dateline"
	//         ]
	//       }
	//     }
	//   ]
	// }
	// loads back with provenance geonames:3020686
}
