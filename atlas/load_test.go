package atlas_test

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"reportmap/atlas"
)

// fc wraps feature JSON in a FeatureCollection.
func fc(features ...string) string {
	return `{"type":"FeatureCollection","features":[` + strings.Join(features, ",") + `]}`
}

// pt is a Point feature with the given coordinates and properties.
func pt(coords, props string) string {
	return `{"type":"Feature","geometry":{"type":"Point","coordinates":` + coords + `},"properties":` + props + `}`
}

const good = `{"type":"Feature","geometry":{"type":"Point","coordinates":[2.37,51.03]},"properties":{"id":"dunkirk","name":"Dunkirk","role":"setting","kind":"city","excerpts":[{"report":"r1","text":"a beach near Dunkirk"}]}}`

func TestLoadRejects(t *testing.T) {
	tests := []struct {
		name, input string
		want        []string // substrings of the error message
	}{
		{"empty", "", []string{"bad.geojson: the file is empty"}},
		{"blank", " \n\t ", []string{"the file is empty"}},
		{"bom only", "\ufeff", []string{"the file is empty"}},
		{"not json", "hello, world", []string{"not valid JSON at line 1, column 1"}},
		{"not json line 2", "{\n  \"type\": x}", []string{"line 2, column 11"}},
		{"truncated", fc(good)[:60], []string{"truncated", "line 1"}},
		{"trailing garbage", fc(good) + "}", []string{"not valid JSON"}},
		{"array", "[" + good + "]", []string{"top level is an array"}},
		{"string", `"FeatureCollection"`, []string{"top level is a string"}},
		{"number", `42`, []string{"top level is a number (42)"}},
		{"topojson", `{"type":"Topology","objects":{},"arcs":[]}`, []string{"TopoJSON", "topo2geo"}},
		{"bare geometry", `{"type":"Point","coordinates":[1,2]}`, []string{"bare Point geometry", "wrap it in a Feature"}},
		{"no type", `{"features":[]}`, []string{`no "type"`}},
		{"type not string", `{"type":7,"features":[]}`, []string{`"type" is a number (7)`}},
		{"unknown type", `{"type":"FeatureCollectio","features":[]}`, []string{`unknown top-level "type" "FeatureCollectio"`}},
		{"no features", `{"type":"FeatureCollection"}`, []string{`no "features" member`}},
		{"features not array", `{"type":"FeatureCollection","features":{}}`, []string{`"features" is an object`}},
		{"zero features", fc(), []string{"has no features"}},
		{"deep nesting", strings.Repeat("[", 100000) + strings.Repeat("]", 100000), []string{"nests more than 512 levels"}},
		{"deep nesting unclosed", strings.Repeat("[", 100000), []string{"nests more than"}},

		{"feature not object", fc(`3`), []string{"none of its 1 features", "feature 0: is a number (3); want a Feature object"}},
		{"feature type", fc(`{"type":"Featur","geometry":null}`), []string{`feature 0: "type" is a string ("Featur"); want "Feature"`}},
		{"null geometry only", fc(pt(`[1,2]`, `{}`)[:0] + `{"type":"Feature","geometry":null,"properties":{"name":"x"}}`), []string{"geometry is null", "none of its 1"}},
		{"geometry missing", fc(`{"type":"Feature","properties":{}}`), []string{`no "geometry" member`}},
		{"coordinates missing", fc(`{"type":"Feature","geometry":{"type":"Point"},"properties":{}}`), []string{"feature 0: geometry has no coordinates"}},
		{"coordinates null", fc(pt(`null`, `{}`)), []string{"coordinates is null; want [longitude, latitude]"}},
		{"coordinates string", fc(pt(`"2,51"`, `{}`)), []string{`coordinates is a string ("2,51")`}},
		{"non-numeric", fc(pt(`["2.3", 51]`, `{}`)), []string{`coordinates[0] is a string ("2.3"); want a number`}},
		{"non-numeric lat", fc(pt(`[2.3, true]`, `{}`)), []string{`coordinates[1] is a boolean (true)`}},
		{"too few", fc(pt(`[2.3]`, `{}`)), []string{"coordinates has 1 numbers; want at least 2"}},
		{"none", fc(pt(`[]`, `{}`)), []string{"coordinates has 0 numbers"}},
		{"overflow", fc(pt(`[1e999, 51]`, `{}`)), []string{"coordinates[0] (1e999) overflows a 64-bit float"}},
		{"overflow altitude", fc(pt(`[1, 51, -1e400]`, `{}`)), []string{"coordinates[2] (-1e400) overflows"}},
		{"latitude", fc(pt(`[2, 91]`, `{}`)), []string{"latitude 91 in coordinates is outside -90…90", "swapped?"}},
		{"latitude swapped", fc(pt(`[51.03, 2.37]`, `{}`)[:0] + pt(`[2.37, -151.03]`, `{}`)), []string{"latitude -151.03"}},
		{"longitude", fc(pt(`[180.5, 10]`, `{}`)), []string{"longitude 180.5 in coordinates is outside -180…180"}},
		{"geometry type", fc(`{"type":"Feature","geometry":{"type":"Circle","coordinates":[1,2]},"properties":{}}`), []string{`geometry type "Circle" is not a GeoJSON geometry`}},
		{"geometry not object", fc(`{"type":"Feature","geometry":[1,2],"properties":{}}`), []string{"geometry is an array"}},
		{"linestring short position", fc(`{"type":"Feature","geometry":{"type":"LineString","coordinates":[[1,2],[3]]},"properties":{}}`), []string{"coordinates[1] has 1 numbers"}},
		{"polygon bad latitude", fc(`{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,95],[1,0],[0,0]]]},"properties":{}}`), []string{"latitude 95 in coordinates[0][1]"}},
		{"empty linestring", fc(`{"type":"Feature","geometry":{"type":"LineString","coordinates":[]},"properties":{}}`), []string{"LineString geometry has no positions"}},
		{"properties string", fc(pt(`[1,2]`, `"x"`)), []string{`properties is a string ("x"); want an object or null`}},
		{"excerpts string", fc(pt(`[1,2]`, `{"excerpts":"a quote"}`)), []string{`excerpts is a string ("a quote")`}},
		{"excerpt string", fc(pt(`[1,2]`, `{"excerpts":["a quote"]}`)), []string{`excerpts[0] is a string ("a quote")`}},
		{"excerpt no text", fc(pt(`[1,2]`, `{"excerpts":[{"report":"r1","text":"ok"},{"report":"r1"}]}`)), []string{`excerpts[1] "text" is missing`}},
		{"excerpt empty text", fc(pt(`[1,2]`, `{"excerpts":[{"report":"r1","text":"  "}]}`)), []string{`excerpts[0] "text" is a string`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := atlas.Load("bad.geojson", []byte(tt.input))
			if err == nil {
				t.Fatalf("Load succeeded with %d places; want an error", len(a.Places))
			}
			var ae *atlas.Error
			if !errors.As(err, &ae) {
				t.Fatalf("error is %T, want *atlas.Error", err)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "atlas: bad.geojson: ") {
				t.Errorf("message %q does not start with the package and file", msg)
			}
			for _, w := range tt.want {
				if !strings.Contains(msg, w) {
					t.Errorf("message %q\nlacks %q", msg, w)
				}
			}
		})
	}
}

func TestLoadPartial(t *testing.T) {
	bad := pt(`[2, 95]`, `{"name":"Nowhere"}`)
	null := `{"type":"Feature","geometry":null,"properties":{"name":"Ghost"}}`
	a, err := atlas.Load("mixed.geojson", []byte(fc(good, bad, null)))
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Places) != 1 || a.Places[0].ID != "dunkirk" {
		t.Fatalf("places = %+v; want only dunkirk", a.Places)
	}
	if got := a.Skipped(); got != 2 {
		t.Errorf("Skipped() = %d; want 2", got)
	}
	want := []string{
		"mixed.geojson: feature 1: latitude 95 in coordinates is outside -90…90 (swapped? GeoJSON puts longitude first); feature skipped",
		"mixed.geojson: feature 2: geometry is null, so the place has no location; feature skipped",
	}
	if len(a.Warnings) != len(want) {
		t.Fatalf("warnings = %v; want %d", a.Warnings, len(want))
	}
	for i, w := range want {
		if got := a.Warnings[i].String(); got != w {
			t.Errorf("warning %d = %q\nwant %q", i, got, w)
		}
	}
}

func TestLoadAccepts(t *testing.T) {
	tests := []struct {
		name  string
		input string
		check func(t *testing.T, a *atlas.Atlas)
	}{
		{"single feature", good, func(t *testing.T, a *atlas.Atlas) {
			p := a.Place("dunkirk")
			if p == nil || p.Name != "Dunkirk" || p.Role != atlas.RoleSetting || p.Kind != atlas.KindCity {
				t.Fatalf("place = %+v", p)
			}
			if p.Point[0] != 2.37 || p.Point[1] != 51.03 {
				t.Errorf("point = %v; want [2.37 51.03] (lon, lat)", p.Point)
			}
			if len(p.Excerpts) != 1 || p.Excerpts[0] != (atlas.Excerpt{Report: "r1", Text: "a beach near Dunkirk"}) {
				t.Errorf("excerpts = %+v", p.Excerpts)
			}
			// With no "reports" member, the reports come from the excerpts.
			if len(a.Reports) != 1 || a.Reports[0].ID != "r1" {
				t.Errorf("reports = %+v", a.Reports)
			}
		}},
		{"bom", "\ufeff" + fc(good), func(t *testing.T, a *atlas.Atlas) {
			if len(a.Places) != 1 {
				t.Errorf("got %d places", len(a.Places))
			}
		}},
		{"altitude", fc(pt(`[2.37, 51.03, 12.5]`, `{"name":"High"}`)), func(t *testing.T, a *atlas.Atlas) {
			if p := a.Place("high"); p == nil || p.Point[1] != 51.03 {
				t.Errorf("place = %+v", p)
			}
		}},
		{"edges", fc(pt(`[-180, -90]`, `{"name":"A"}`), pt(`[180, 90]`, `{"name":"B"}`)), func(t *testing.T, a *atlas.Atlas) {
			if len(a.Places) != 2 || len(a.Warnings) != 0 {
				t.Errorf("places %d warnings %v", len(a.Places), a.Warnings)
			}
		}},
		{"polygon kept", fc(`{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[2,0],[2,2],[0,2],[0,0]]]},"properties":{"name":"Square"}}`), func(t *testing.T, a *atlas.Atlas) {
			p := a.Place("square")
			if p == nil || p.Geometry == nil || p.Geometry.GeoJSONType() != "Polygon" {
				t.Fatalf("place = %+v", p)
			}
			if p.Point[0] != 1 || p.Point[1] != 1 {
				t.Errorf("point = %v; want the centroid [1 1]", p.Point)
			}
		}},
		{"collection kept", fc(`{"type":"Feature","geometry":{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[4,4]},{"type":"LineString","coordinates":[[0,0],[2,0]]}]},"properties":{"name":"Mixed"}}`), func(t *testing.T, a *atlas.Atlas) {
			if p := a.Place("mixed"); p == nil || p.Geometry == nil {
				t.Fatalf("place = %+v", p)
			}
		}},
		{"unknown members", `{"type":"FeatureCollection","crs":{"x":1},"bbox":[0,0,1,1],"generator":"me","features":[{"type":"Feature","bbox":[1],"weird":[[[]]],"geometry":{"type":"Point","coordinates":[1,2],"extra":true},"properties":{"name":"X","population":12,"nested":{"a":[1,{"b":null}]}}}]}`, func(t *testing.T, a *atlas.Atlas) {
			if len(a.Places) != 1 || len(a.Warnings) != 0 {
				t.Errorf("places %d, warnings %v", len(a.Places), a.Warnings)
			}
		}},
		{"missing name", fc(pt(`[1,2]`, `{"id":"p7"}`), pt(`[1,2]`, `null`), `{"type":"Feature","id":42,"geometry":{"type":"Point","coordinates":[1,2]}}`), func(t *testing.T, a *atlas.Atlas) {
			if len(a.Places) != 3 {
				t.Fatalf("got %d places", len(a.Places))
			}
			wantIDs := []string{"p7", "feature-1", "42"}
			for i, p := range a.Places {
				if p.ID != wantIDs[i] || p.Name != wantIDs[i] {
					t.Errorf("place %d: id %q name %q; want %q", i, p.ID, p.Name, wantIDs[i])
				}
			}
			if len(a.Warnings) != 3 || !strings.Contains(a.Warnings[0].String(), `feature 0: has no name; shown as "p7"`) {
				t.Errorf("warnings = %v", a.Warnings)
			}
		}},
		{"unicode", fc(pt(`[30.52, 50.45]`, `{"name":"Київ 🏙 \u00e9\"q\"","aliases":["Kyiv","Kiev"]}`), pt(`[1,2]`, `{"name":"ok\ud800"}`)), func(t *testing.T, a *atlas.Atlas) {
			p := a.Places[0]
			if p.Name != "Київ 🏙 é\"q\"" || p.ID != "київ-é-q" || len(p.Aliases) != 2 {
				t.Errorf("place = %q id %q aliases %q", p.Name, p.ID, p.Aliases)
			}
			// A lone surrogate is not Unicode; the name keeps the escape
			// as text and stays valid UTF-8.
			if n := a.Places[1].Name; !strings.HasPrefix(n, "ok") || !utf8.ValidString(n) {
				t.Errorf("lone surrogate name = %q", n)
			}
		}},
		{"duplicate ids", fc(pt(`[1,2]`, `{"id":"x","name":"A"}`), pt(`[1,2]`, `{"id":"x","name":"B"}`)), func(t *testing.T, a *atlas.Atlas) {
			if a.Places[1].ID != "x-2" || a.Place("x-2").Name != "B" {
				t.Errorf("second id = %q", a.Places[1].ID)
			}
			if len(a.Warnings) != 1 || !strings.Contains(a.Warnings[0].Msg, `already used by feature 0; renamed "x-2"`) {
				t.Errorf("warnings = %v", a.Warnings)
			}
		}},
		{"style and bad optional properties", fc(pt(`[1,2]`, `{"name":"S","marker-color":"#e63","marker-size":"large","title":"T","role":"hub","kind":"planet","aliases":"S2"}`)), func(t *testing.T, a *atlas.Atlas) {
			p := a.Places[0]
			if !p.HasMarkerColor || p.MarkerColor.R != 0xee || p.MarkerColor.G != 0x66 || p.MarkerColor.B != 0x33 || p.MarkerSize != atlas.MarkerLarge || p.Title != "T" {
				t.Errorf("style = %+v", p)
			}
			if p.Role != atlas.RoleMentioned || p.Kind != atlas.KindUnknown || p.Aliases != nil {
				t.Errorf("bad role/kind/aliases not ignored: %+v", p)
			}
			if len(a.Warnings) != 3 {
				t.Errorf("warnings = %v; want 3 (role, kind, aliases)", a.Warnings)
			}
		}},
		{"reports member", `{"type":"FeatureCollection","reports":[{"id":"r1","title":"One","source":"Sky News","file":"reports/r1.txt","settings":["dunkirk","nowhere"]},{"title":"no id"},"junk"],"features":[` + good + `,` + pt(`[1,2]`, `{"name":"Elsewhere","excerpts":[{"report":"r9","text":"q"}]}`) + `]}`, func(t *testing.T, a *atlas.Atlas) {
			if len(a.Reports) != 1 || a.Report("r1").Source != "Sky News" || a.Report("r1").Settings[0] != "dunkirk" {
				t.Fatalf("reports = %+v", a.Reports)
			}
			var msgs []string
			for _, w := range a.Warnings {
				msgs = append(msgs, w.String())
			}
			got := strings.Join(msgs, "\n")
			for _, w := range []string{
				"reports[1] has no id",
				"reports[2] is a string",
				`feature 1: excerpts[0] quotes report "r9", which the file's "reports" does not list`,
				`reports[0] (r1) names setting "nowhere", which is not a place in the file`,
			} {
				if !strings.Contains(got, w) {
					t.Errorf("warnings lack %q:\n%s", w, got)
				}
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := atlas.Load("ok.geojson", []byte(tt.input))
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, a)
		})
	}
}

func TestLoadFileMissing(t *testing.T) {
	_, err := atlas.LoadFile("testdata/does-not-exist.geojson")
	if err == nil || err.Error() != "atlas: testdata/does-not-exist.geojson: cannot read the file: no such file or directory" {
		t.Errorf("err = %v", err)
	}
}

func TestErrorListsProblems(t *testing.T) {
	var fs []string
	for i := range 8 {
		fs = append(fs, pt(fmt.Sprintf(`[%d, 99]`, i), `{}`))
	}
	_, err := atlas.Load("many.geojson", []byte(fc(fs...)))
	msg := err.Error()
	if !strings.Contains(msg, "none of its 8 features") || !strings.Contains(msg, "many.geojson: feature 3: latitude 99") || !strings.Contains(msg, "and 4 more problems") {
		t.Errorf("message:\n%s", msg)
	}
}

// TestCoordinatesExact checks that coordinates load as exactly the
// float64 their text names, as strconv.ParseFloat reads it, whatever the
// form: with an exponent, with 16 or 17 digits, or short.
func TestCoordinatesExact(t *testing.T) {
	texts := []string{"0", "-0", "2.37", "51.03", "179.99999999999997", "-89.99999999999999",
		"1e-7", "3.54474109978971e-08", "9.266347200433331e-08", "5e-324", "1E-300", "1.5e+1",
		"98.76543210987654", "0.30000000000000004", "12345678901234567890e-18"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		for _, f := range []float64{rng.Float64()*360 - 180, rng.Float64() * 1e-6, -rng.Float64() * 1e-9} {
			texts = append(texts, strconv.FormatFloat(f, 'g', -1, 64))
		}
	}
	var features []string
	for i, lon := range texts {
		features = append(features, pt("["+lon+",0]", fmt.Sprintf(`{"id":"p%d"}`, i)))
	}
	a, err := atlas.Load("exact.geojson", []byte(fc(features...)))
	if err != nil {
		t.Fatal(err)
	}
	for i, lon := range texts {
		want, _ := strconv.ParseFloat(lon, 64)
		if got := a.Places[i].Point[0]; got != want || math.Signbit(got) != math.Signbit(want) {
			t.Errorf("%s loads as %v; want %v", lon, got, want)
		}
	}
}
