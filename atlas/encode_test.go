package atlas_test

import (
	"bytes"
	"fmt"
	"image/color"
	"io/fs"
	"math"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"reportmap/atlas"
)

// sameAtlas reports, as a list of differences, where got's reports and
// places are not want's, field by field. Feature is not compared (it is
// the index in the file); a nil and an empty list are the same; a marker
// colour counts only when HasMarkerColor.
func sameAtlas(want, got *atlas.Atlas) []string {
	var diffs []string
	differ := func(format string, args ...any) {
		if len(diffs) < 20 {
			diffs = append(diffs, fmt.Sprintf(format, args...))
		}
	}
	if len(got.Reports) != len(want.Reports) {
		differ("%d reports; want %d", len(got.Reports), len(want.Reports))
	}
	for i := range min(len(got.Reports), len(want.Reports)) {
		w, g := want.Reports[i], got.Reports[i]
		if g.ID != w.ID || g.Title != w.Title || g.Source != w.Source || g.File != w.File || !slices.Equal(g.Settings, w.Settings) {
			differ("report %d is %+v; want %+v", i, g, w)
		}
	}
	if len(got.Places) != len(want.Places) {
		differ("%d places; want %d", len(got.Places), len(want.Places))
	}
	for i := range min(len(got.Places), len(want.Places)) {
		w, g := &want.Places[i], &got.Places[i]
		field := func(name string, same bool, gv, wv any) {
			if !same {
				differ("place %d (%q) %s is %#v; want %#v", i, w.ID, name, gv, wv)
			}
		}
		field("ID", g.ID == w.ID, g.ID, w.ID)
		field("Name", g.Name == w.Name, g.Name, w.Name)
		field("Aliases", slices.Equal(g.Aliases, w.Aliases), g.Aliases, w.Aliases)
		field("Role", g.Role == w.Role, g.Role, w.Role)
		field("Kind", g.Kind == w.Kind, g.Kind, w.Kind)
		field("Point", sameBits(g.Point[0], w.Point[0]) && sameBits(g.Point[1], w.Point[1]), g.Point, w.Point)
		field("Geometry", reflect.TypeOf(g.Geometry) == reflect.TypeOf(w.Geometry) && orb.Equal(g.Geometry, w.Geometry), g.Geometry, w.Geometry)
		field("Excerpts", slices.Equal(g.Excerpts, w.Excerpts), g.Excerpts, w.Excerpts)
		field("HasMarkerColor", g.HasMarkerColor == w.HasMarkerColor, g.HasMarkerColor, w.HasMarkerColor)
		field("MarkerColor", !w.HasMarkerColor || g.MarkerColor == w.MarkerColor, g.MarkerColor, w.MarkerColor)
		field("MarkerSize", g.MarkerSize == w.MarkerSize, g.MarkerSize, w.MarkerSize)
		field("Title", g.Title == w.Title, g.Title, w.Title)
		field("Description", g.Description == w.Description, g.Description, w.Description)
		switch gp, wp := g.Provenance, w.Provenance; {
		case gp == nil || wp == nil:
			field("Provenance", gp == wp, gp, wp)
		default:
			field("Provenance.Gazetteer", gp.Gazetteer == wp.Gazetteer, gp.Gazetteer, wp.Gazetteer)
			field("Provenance.Confidence", sameBits(gp.Confidence, wp.Confidence), gp.Confidence, wp.Confidence)
			field("Provenance.Reasons", slices.Equal(gp.Reasons, wp.Reasons), gp.Reasons, wp.Reasons)
			field("Provenance.Alternatives", slices.Equal(gp.Alternatives, wp.Alternatives), gp.Alternatives, wp.Alternatives)
			field("Provenance.Corrected", gp.Corrected == wp.Corrected, gp.Corrected, wp.Corrected)
		}
	}
	return diffs
}

// sameBits reports whether x and y are the same float64, bit for bit (0
// is not -0; a NaN is itself).
func sameBits(x, y float64) bool { return math.Float64bits(x) == math.Float64bits(y) }

// roundTrip encodes a, loads the result and checks that it is a again,
// and that encoding that gives the same bytes. It returns the bytes and
// the atlas loaded from them.
func roundTrip(t *testing.T, a *atlas.Atlas) ([]byte, *atlas.Atlas) {
	t.Helper()
	data, err := atlas.Encode(a)
	if err != nil {
		t.Fatalf("Encode: %v", err)
	}
	if !bytes.HasSuffix(data, []byte("}\n")) {
		t.Errorf("Encode's output does not end in a newline")
	}
	b, err := atlas.Load("encoded.geojson", data)
	if err != nil {
		t.Fatalf("Load(Encode(a)): %v\n%s", err, data)
	}
	if diffs := sameAtlas(a, b); len(diffs) > 0 {
		t.Fatalf("Load(Encode(a)) is not a:\n%s", strings.Join(diffs, "\n"))
	}
	again, err := atlas.Encode(b)
	if err != nil {
		t.Fatalf("Encode(Load(Encode(a))): %v", err)
	}
	if !bytes.Equal(again, data) {
		t.Errorf("Encode(Load(Encode(a))) is not Encode(a)")
	}
	return data, b
}

func TestEncodeRoundTripFiles(t *testing.T) {
	files := []string{"../places.geojson"}
	filepath.WalkDir("testdata", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, path)
		}
		return nil
	})
	loaded := 0
	for _, name := range files {
		t.Run(name, func(t *testing.T) {
			a, err := atlas.LoadFile(name)
			if err != nil {
				t.Skipf("does not load: %v", err)
			}
			loaded++
			_, b := roundTrip(t, a)
			if name == "../places.geojson" && len(b.Warnings) > 0 {
				t.Errorf("warnings %v", b.Warnings)
			}
		})
	}
	if loaded < 3 {
		t.Errorf("only %d files load", loaded)
	}
}

// odd is text that is hard to write as JSON: quotes, backslashes, control
// characters, HTML's special characters, right-to-left and combining
// marks, characters outside the BMP, JavaScript's line separators, a
// byte-order mark, U+FFFD and an escaped NUL.
const odd = "\"quoted\" \\ back\\slash\t<b>&amp;</b> \u0001\u001f\u007f שָׁלוֹם مرحبا e\u0301 👩‍👩‍👧 𝄞 \u2028\u2029 \ufeff \ufffd \x00 end"

var negZero = math.Copysign(0, -1)

// generatedAtlas is an atlas made in Go, as the app makes one, with
// provenance, styling, odd Unicode, unattributed quotes and geometries.
func generatedAtlas() *atlas.Atlas {
	poly := orb.Polygon{{{2, 51}, {3, 51}, {3, 52}, {2, 52}, {2, 51}}}
	coll := orb.Collection{orb.Point{1e-7, negZero}, orb.LineString{{10, 10}, {11, 11}}, orb.Collection{}, orb.Polygon{{}}}
	centroid := func(g orb.Geometry) orb.Point { c, _ := planar.CentroidArea(g); return c }
	a := &atlas.Atlas{
		Reports: []atlas.Report{
			{ID: "r1", Title: "Report " + odd, Source: "Sky News", File: "reports/r1.txt", Settings: []string{"p0", "p-Київ"}},
			{ID: odd, Title: odd, Source: odd, File: odd, Settings: []string{}},
			{ID: "r3", Title: "Untouched"},
		},
	}
	add := func(p atlas.Place) { a.Places = append(a.Places, p) }
	add(atlas.Place{ID: "p0", Name: "Dunkirk", Aliases: []string{"Dunkerque", odd}, Role: atlas.RoleSetting, Kind: atlas.KindCity,
		Point: orb.Point{2.3768, 51.0344}, Excerpts: []atlas.Excerpt{{Report: "r1", Text: "a beach near Dunkirk"}, {Text: "unattributed " + odd}},
		Provenance: &atlas.Provenance{Gazetteer: "geonames:3020686", Confidence: 0.8333333333333334,
			Reasons: []string{"a capital", odd}, Alternatives: []atlas.Alternative{{Gazetteer: "geonames:1", Name: "Dunkirk", Country: "US"}, {Gazetteer: "curated:x", Name: odd}}}})
	add(atlas.Place{ID: "p-Київ", Name: "Київ", Role: atlas.RoleSetting, Kind: atlas.KindCountry, Point: orb.Point{-180, -90},
		MarkerColor: color.NRGBA{0xe6, 0x33, 0x00, 0xff}, HasMarkerColor: true, MarkerSize: atlas.MarkerLarge, Title: odd, Description: odd,
		Excerpts:   []atlas.Excerpt{{Report: odd, Text: odd}, {Report: "r9", Text: "quotes a report not listed"}},
		Provenance: &atlas.Provenance{Corrected: true}}) // zero values, still a Provenance
	add(atlas.Place{ID: odd, Name: odd, Role: atlas.RoleMentioned, Point: orb.Point{180, 90}, Excerpts: []atlas.Excerpt{{Report: "r1", Text: "x"}},
		Provenance: &atlas.Provenance{Confidence: 1e-7, Gazetteer: "ne:RU-KRS", Reasons: []string{}}})
	add(atlas.Place{ID: "area", Name: "Area", Role: atlas.RoleMentioned, Kind: atlas.KindArea, Geometry: poly, Point: centroid(poly),
		MarkerColor: color.NRGBA{A: 0xff}, HasMarkerColor: true, MarkerSize: atlas.MarkerSmall, Excerpts: []atlas.Excerpt{}})
	add(atlas.Place{ID: "coll", Name: "Collection", Role: atlas.RoleMentioned, Geometry: coll, Point: centroid(coll)})
	add(atlas.Place{ID: "  spaced id  ", Name: "  spaced title  ", Title: "  spaced title  ", Role: atlas.RoleMentioned, // named by its title, as Load names it
		Point: orb.Point{negZero, 3.54474109978971e-08}, Excerpts: []atlas.Excerpt{{Report: " r1 ", Text: " padded "}}})
	add(atlas.Place{ID: "   ", Name: "   ", Role: atlas.RoleMentioned, Point: orb.Point{0.1 + 0.2, 98.76543210987654 - 90}}) // named by its id
	add(atlas.Place{ID: "x-2", Name: "x", Role: atlas.RoleMentioned, Point: orb.Point{179.99999999999997, -89.99999999999999},
		Provenance: &atlas.Provenance{Confidence: 0.9999999999999999, Gazetteer: ""}})
	add(atlas.Place{ID: "area-point", Name: "Area with a point", Role: atlas.RoleMentioned, Kind: atlas.KindRegion, Geometry: poly, Point: orb.Point{0.25, 0.125}})
	add(atlas.Place{ID: "hand-made", Name: "Hand-made with an area", Role: atlas.RoleMentioned, Kind: atlas.KindRegion, Point: orb.Point{35, 51},
		Provenance: &atlas.Provenance{Gazetteer: "ne:RU-KRS"}})
	return a
}

func TestEncodeRoundTripGenerated(t *testing.T) {
	a := generatedAtlas()
	data, b := roundTrip(t, a)
	var ws []string
	for _, w := range b.Warnings {
		ws = append(ws, w.String())
	}
	want := []string{
		`encoded.geojson: feature 0: excerpts[1] "report" is missing; kept as an unattributed quote`,
		`encoded.geojson: feature 1: excerpts[1] quotes report "r9", which the file's "reports" does not list`,
		`encoded.geojson: feature 5: excerpts[0] quotes report " r1 ", which the file's "reports" does not list`,
		`encoded.geojson: feature 5: has no name; shown as "  spaced title  "`,
		`encoded.geojson: feature 6: has no name; shown as "   "`,
	}
	if strings.Join(ws, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings\n%s\nwant\n%s", strings.Join(ws, "\n"), strings.Join(want, "\n"))
	}
	for _, s := range []string{`<b>&amp;</b>`, "שָׁלוֹם", "👩‍👩‍👧", `"marker-color": "#e63300"`, `"marker-color": "#000000"`, `"corrected": true`,
		`"settings": []`, `"excerpts": []`, `"geometries": []`, `"type": "GeometryCollection"`, `"confidence": 1e-7`, `"text": "unattributed `,
		`"point": [`} {
		if !bytes.Contains(data, []byte(s)) {
			t.Errorf("output lacks %s", s)
		}
	}
	if bytes.Contains(data, []byte(`"report": ""`)) || bytes.Contains(data, []byte("null")) {
		t.Errorf("output has an empty report id or a null:\n%s", data)
	}
}

// TestEncodeSmallNumbers checks numbers written with an exponent, and
// ones of 16 and 17 digits, load back exactly.
func TestEncodeSmallNumbers(t *testing.T) {
	a := &atlas.Atlas{}
	for i, f := range []float64{1e-7, 3.54474109978971e-08, 9.266347200433331e-08, 5e-324, -1e-300, 98.76543210987654, 0.30000000000000004, 0.9999999999999999, math.Nextafter(1, 0)} {
		a.Places = append(a.Places, atlas.Place{ID: fmt.Sprint(i), Name: "N", Role: atlas.RoleMentioned, Point: orb.Point{f, -f / 2},
			Provenance: &atlas.Provenance{Confidence: min(math.Abs(f), 1)}})
	}
	roundTrip(t, a)
}

func TestEncodeRefuses(t *testing.T) {
	place := func(edit func(p *atlas.Place)) *atlas.Atlas {
		p := atlas.Place{ID: "p", Name: "P", Role: atlas.RoleMentioned, Point: orb.Point{1, 2}, Excerpts: []atlas.Excerpt{{Report: "r", Text: "t"}}}
		edit(&p)
		return &atlas.Atlas{Reports: []atlas.Report{{ID: "r", Title: "R"}}, Places: []atlas.Place{p}}
	}
	poly := orb.Polygon{{{0, 0}, {1, 0}, {1, 1}, {0, 0}}}
	tests := []struct {
		name string
		a    *atlas.Atlas
		want string
	}{
		{"no places", &atlas.Atlas{Reports: []atlas.Report{{ID: "r", Title: "R"}}}, "no places"},
		{"report without id", &atlas.Atlas{Reports: []atlas.Report{{Title: "R"}}, Places: place(func(*atlas.Place) {}).Places}, `report 0 (""): it has no id`},
		{"reports sharing an id", &atlas.Atlas{Reports: []atlas.Report{{ID: "r", Title: "R"}, {ID: "r", Title: "S"}}, Places: place(func(*atlas.Place) {}).Places}, `report 1 ("r"): its id is report 0's too`},
		{"report without title", &atlas.Atlas{Reports: []atlas.Report{{ID: "r"}}, Places: place(func(*atlas.Place) {}).Places}, "no title"},
		{"report bad UTF-8", &atlas.Atlas{Reports: []atlas.Report{{ID: "r", Title: "R\xff"}}, Places: place(func(*atlas.Place) {}).Places}, "title is not valid UTF-8"},
		{"places sharing an id", &atlas.Atlas{Places: append(place(func(*atlas.Place) {}).Places, place(func(*atlas.Place) {}).Places...)}, `place 1 ("p"): its id is place 0's too`},
		{"place without id", place(func(p *atlas.Place) { p.ID = "" }), "it has no id"},
		{"no name", place(func(p *atlas.Place) { p.Name = "" }), `it has no name; Load would name it "p"`},
		{"name with spaces", place(func(p *atlas.Place) { p.Name = " P " }), `Load would read its name " P " as "P"`},
		{"no role", place(func(p *atlas.Place) { p.Role = 0 }), `its role is ""; want "setting" or "mentioned"`},
		{"bad role", place(func(p *atlas.Place) { p.Role = 9 }), `its role is "Role(9)"; want "setting" or "mentioned"`},
		{"bad kind", place(func(p *atlas.Place) { p.Kind = 9 }), `its kind is "Kind(9)"`},
		{"bad marker size", place(func(p *atlas.Place) { p.MarkerSize = 9 }), `its marker size is "MarkerSize(9)"`},
		{"transparent colour", place(func(p *atlas.Place) { p.HasMarkerColor = true; p.MarkerColor = color.NRGBA{R: 1} }), "alpha 0"},
		{"latitude", place(func(p *atlas.Place) { p.Point = orb.Point{1, 91} }), "its Point has latitude 91; want -90…90"},
		{"longitude", place(func(p *atlas.Place) { p.Point = orb.Point{-180.5, 1} }), "its Point has longitude -180.5"},
		{"NaN", place(func(p *atlas.Place) { p.Point = orb.Point{math.NaN(), 1} }), "its Point has longitude NaN"},
		{"infinite", place(func(p *atlas.Place) { p.Point = orb.Point{1, math.Inf(1)} }), "its Point has latitude +Inf"},
		{"geometry a point", place(func(p *atlas.Place) { p.Geometry = orb.Point{1, 2} }), "Geometry is an orb.Point"},
		{"geometry a ring", place(func(p *atlas.Place) { p.Geometry = poly[0] }), "Geometry is an orb.Ring"},
		{"geometry a bound", place(func(p *atlas.Place) { p.Geometry = orb.Bound{} }), "Geometry is an orb.Bound"},
		{"geometry empty", place(func(p *atlas.Place) { p.Geometry = orb.LineString{} }), "its Geometry has no positions"},
		{"geometry empty collection", place(func(p *atlas.Place) { p.Geometry = orb.Collection{orb.Collection{}} }), "its Geometry has no positions"},
		{"geometry nil part", place(func(p *atlas.Place) { p.Geometry = orb.Polygon{poly[0], nil} }), "nil part"},
		{"geometry nil member", place(func(p *atlas.Place) { p.Geometry = orb.Collection{orb.Point{1, 2}, nil} }), "nil member"},
		{"geometry out of range", place(func(p *atlas.Place) { p.Geometry = orb.LineString{{0, 0}, {0, 100}} }), "position that has latitude 100"},
		{"geometry too deep", place(func(p *atlas.Place) {
			var g orb.Geometry = orb.Point{1, 2}
			for range 10 {
				g = orb.Collection{g}
			}
			p.Geometry, p.Point = g, orb.Point{1, 2}
		}), "more than 9 deep"},
		{"point of a geometry out of range", place(func(p *atlas.Place) { p.Geometry, p.Point = poly, orb.Point{200, 1} }), "its Point has longitude 200"},
		{"excerpt without text", place(func(p *atlas.Place) { p.Excerpts = append(p.Excerpts, atlas.Excerpt{Report: "r", Text: " \n"}) }), "excerpts[1] has no text"},
		{"excerpt blank report", place(func(p *atlas.Place) { p.Excerpts[0].Report = "  " }), `excerpts[0] quotes report "  "`},
		{"excerpt bad UTF-8", place(func(p *atlas.Place) { p.Excerpts[0].Text = "\xff" }), "excerpts[0] is not valid UTF-8"},
		{"alias bad UTF-8", place(func(p *atlas.Place) { p.Aliases = []string{"\xc3"} }), "aliases are not valid UTF-8"},
		{"name bad UTF-8", place(func(p *atlas.Place) { p.Name = "P\xff" }), "name is not valid UTF-8"},
		{"confidence", place(func(p *atlas.Place) { p.Provenance = &atlas.Provenance{Confidence: 1.01} }), "its confidence is 1.01; want 0 to 1"},
		{"confidence NaN", place(func(p *atlas.Place) { p.Provenance = &atlas.Provenance{Confidence: math.NaN()} }), "its confidence is NaN"},
		{"reason bad UTF-8", place(func(p *atlas.Place) { p.Provenance = &atlas.Provenance{Reasons: []string{"\xff"}} }), "reasons are not valid UTF-8"},
		{"alternative bad UTF-8", place(func(p *atlas.Place) {
			p.Provenance = &atlas.Provenance{Alternatives: []atlas.Alternative{{Name: "ok"}, {Country: "\xff"}}}
		}), "alternatives[1] country is not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := atlas.Encode(tt.a)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "atlas: cannot encode") {
				t.Errorf("Encode = %v, %q\nwant an error containing %q", err, data, tt.want)
			}
		})
	}
}

// FuzzEncode checks the round trip on whatever Load accepts: Encode must
// take every atlas Load returns, and Load must read Encode's bytes back
// as the same atlas.
//
//	go test ./atlas -run '^$' -fuzz FuzzEncode -fuzztime 1m
func FuzzEncode(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := atlas.Load("fuzz.geojson", data)
		if err != nil {
			return
		}
		roundTrip(t, a)
	})
}
