package atlas_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"reportmap/atlas"
)

// FuzzLoad feeds Load arbitrary bytes. Load must never panic, and what it
// returns must hold together: an *Error naming the file, or places with
// unique ids, names and coordinates in range, warnings with a kind and no
// report with the id "".
//
//	go test ./atlas -run '^$' -fuzz FuzzLoad -fuzztime 5m
func FuzzLoad(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := atlas.Load("fuzz.geojson", data)
		if err != nil {
			var ae *atlas.Error
			if !errors.As(err, &ae) || len(ae.Problems) == 0 {
				t.Fatalf("error %T %v is not an *atlas.Error with problems", err, err)
			}
			if !strings.HasPrefix(err.Error(), "atlas: fuzz.geojson: ") {
				t.Fatalf("message does not name the file: %q", err)
			}
			return
		}
		trimmed := []byte(strings.TrimPrefix(string(data), "\ufeff"))
		if !json.Valid(trimmed) {
			t.Fatalf("Load accepted invalid JSON")
		}
		if len(a.Places) == 0 {
			t.Fatal("Load succeeded with no places")
		}
		seen := map[string]bool{}
		for i := range a.Places {
			p := &a.Places[i]
			if p.ID == "" || p.Name == "" || seen[p.ID] {
				t.Fatalf("place %d: id %q name %q (duplicate %v)", i, p.ID, p.Name, seen[p.ID])
			}
			seen[p.ID] = true
			if a.Place(p.ID) != p {
				t.Fatalf("Place(%q) does not find place %d", p.ID, i)
			}
			lon, lat := p.Point[0], p.Point[1]
			if !(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90) {
				t.Fatalf("place %s at %v is out of range", p.ID, p.Point)
			}
		}
		for _, w := range a.Warnings {
			if w.File != "fuzz.geojson" || w.Msg == "" || w.Kind == "" {
				t.Fatalf("warning %+v", w)
			}
		}
		for _, r := range a.Reports {
			if r.ID == "" {
				t.Fatalf("a report has the id \"\": %+v", r)
			}
		}
	})
}

// TestBadFiles checks each sample bad file gives the error its name says.
func TestBadFiles(t *testing.T) {
	want := map[string]string{
		"empty.geojson":                  "the file is empty",
		"not-json.geojson":               "not valid JSON at line 1, column 1",
		"truncated.geojson":              "the JSON is truncated",
		"top-level-array.geojson":        "the top level is an array",
		"topojson.json":                  "this is TopoJSON",
		"coordinates-missing.geojson":    "feature 0: geometry has no coordinates",
		"coordinates-string.geojson":     `feature 0: coordinates[0] is a string ("2.3"); want a number`,
		"coordinates-too-few.geojson":    "feature 0: coordinates has 1 numbers",
		"coordinates-overflow.geojson":   "feature 0: coordinates[0] (1e999) overflows a 64-bit float",
		"latitude-out-of-range.geojson":  "feature 1: latitude 151.03 in coordinates is outside -90…90",
		"longitude-out-of-range.geojson": "feature 0: longitude -190 in coordinates is outside -180…180",
		"excerpts-wrong-shape.geojson":   `feature 0: excerpts is a string ("just a string")`,
	}
	for name, msg := range want {
		t.Run(name, func(t *testing.T) {
			a, err := atlas.LoadFile(filepath.Join("testdata/bad", name))
			if err != nil {
				if !strings.Contains(err.Error(), msg) {
					t.Errorf("error %q\nlacks %q", err, msg)
				}
				return
			}
			// Only some features bad: the rest load, each bad one warned.
			var ws []string
			for _, w := range a.Warnings {
				ws = append(ws, w.String())
			}
			if !strings.Contains(strings.Join(ws, "\n"), msg) {
				t.Errorf("warnings %q lack %q", ws, msg)
			}
		})
	}
	a, err := atlas.LoadFile("testdata/bad/mixed-warnings.geojson")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Places) != 2 || a.Skipped() != 1 || a.Places[1].Geometry == nil {
		t.Errorf("mixed: %d places, %d skipped, warnings %v", len(a.Places), a.Skipped(), a.Warnings)
	}
}

// addSeeds adds to f's corpus the sample files, the places file and a few
// features that are hard to load.
func addSeeds(f *testing.F) {
	files, _ := filepath.Glob("testdata/bad/*")
	files = append(files, "../places.geojson")
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(fc(good, pt(`[1,2]`, `{"id":"x","aliases":[1],"marker-color":"#zzz","excerpts":[{"report":"r","text":"t"}]}`))))
	f.Add([]byte(fc(pt(`[1,2]`, `{"id":"x","excerpts":[{"text":"t"},{"report":"","text":"u"}]}`), pt(`[1,2]`, `{"id":"x"}`), pt(`[1,2]`, `{"id":"x-2","name":"n\xff"}`))))
	f.Add([]byte(fc(pt(`[1,2]`, `{"id":"x","confidence":0.5,"gazetteer":"geonames:1","alternatives":[{"gazetteer":"ne:X","name":"X","country":"FR"}],"reasons":["r"],"corrected":true}`),
		pt(`[1,2]`, `{"confidence":"high","alternatives":[{"name":1}],"reasons":[null],"corrected":1}`))))
	f.Add([]byte("\xff\xfe{\x00}\x00"))
	f.Add([]byte(`{"type":"Feature","geometry":{"type":"GeometryCollection","geometries":[{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}]},"properties":null}`))
}
