package basemap

import (
	"bytes"
	"compress/gzip"
	"math"
	"testing"

	"reportmap/mapview/viewport"
)

// gz compresses b for decodeWorld.
func gz(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const (
	testLand = `{"type":"FeatureCollection","features":[
		{"type":"Feature","geometry":{"type":"MultiPolygon","coordinates":[
			[[[0,0],[40,0],[40,30],[20,35.12345],[0,30],[0,0]],[[10,10],[10,20],[20,20],[20,10],[10,10]]],
			[[[-170,-10],[-160,-10],[-160,-20],[-170,-10]]],
			[[[100,1],[100.0001,1],[100.0001,1.0001],[100,1]]]]}}]}`
	testBorders = `{"type":"FeatureCollection","features":[
		{"type":"Feature","geometry":{"type":"LineString","coordinates":[[0,0],[10,10.5],[20,0],[30,10]]}},
		{"type":"Feature","geometry":{"type":"MultiLineString","coordinates":[[[5,5],[5,6]],[[7,7]]]}}]}`
	testCountries = `[{"name":"Big","lon":20,"lat":15,"area":1200},{"name":"","lon":0,"lat":0,"area":5},{"name":"Small","lon":-165,"lat":-15,"area":50.5}]`
)

// TestEncodeRoundTrip checks that decodeWorld gives back what Encode
// built, to the file's quantum.
func TestEncodeRoundTrip(t *testing.T) {
	raw, err := Encode([]byte(testLand), []byte(testBorders), []byte(testCountries))
	if err != nil {
		t.Fatal(err)
	}
	d, err := decodeWorld(gz(t, raw))
	if err != nil {
		t.Fatal(err)
	}
	land, _ := readLand([]byte(testLand))
	borders, _ := readBorders([]byte(testBorders))
	want := buildBands(land, borders)
	if len(d.bands) != len(want) {
		t.Fatalf("%d bands, want %d", len(d.bands), len(want))
	}
	const eps = 0.5 / worldUnits
	near := func(a, b box) bool {
		return math.Abs(a.minX-b.minX) <= eps && math.Abs(a.minY-b.minY) <= eps &&
			math.Abs(a.maxX-b.maxX) <= eps && math.Abs(a.maxY-b.maxY) <= eps
	}
	for i := range want {
		if d.bands[i].maxScale != want[i].maxScale {
			t.Errorf("band %d: maxScale %g, want %g", i, d.bands[i].maxScale, want[i].maxScale)
		}
		for _, l := range []struct {
			name      string
			got, want *layer
		}{{"land", &d.bands[i].land, &want[i].land}, {"borders", &d.bands[i].borders, &want[i].borders}} {
			g, w := l.got, l.want
			if len(g.pts) != len(w.pts) || len(g.boxes) != len(w.boxes) || len(g.shapes) != len(w.shapes) {
				t.Fatalf("band %d %s: %d points, %d rings, %d shapes; want %d, %d, %d", i, l.name,
					len(g.pts), len(g.boxes), len(g.shapes), len(w.pts), len(w.boxes), len(w.shapes))
			}
			for j := range w.pts {
				if math.Abs(g.pts[j][0]-w.pts[j][0]) > eps || math.Abs(g.pts[j][1]-w.pts[j][1]) > eps {
					t.Errorf("band %d %s: point %d is %v, want %v", i, l.name, j, g.pts[j], w.pts[j])
				}
			}
			for j := range w.starts {
				if g.starts[j] != w.starts[j] {
					t.Errorf("band %d %s: starts %v, want %v", i, l.name, g.starts, w.starts)
					break
				}
			}
			for j := range w.boxes {
				if !near(g.boxes[j], w.boxes[j]) {
					t.Errorf("band %d %s: ring %d's box %v, want %v", i, l.name, j, g.boxes[j], w.boxes[j])
				}
			}
			for j, s := range w.shapes {
				gs := g.shapes[j]
				if gs.first != s.first || gs.last != s.last || !near(gs.box, s.box) {
					t.Errorf("band %d %s: shape %d is %+v, want %+v", i, l.name, j, gs, s)
				}
			}
		}
	}
	if len(d.labels) != 2 || d.labels[0].name != "Big" || d.labels[1].name != "Small" || d.labels[1].area != 50.5 {
		t.Fatalf("labels %+v", d.labels)
	}
	w := viewport.ToWorld([2]float64{-165, -15})
	if l := d.labels[1]; math.Abs(l.x-w[0]) > eps || math.Abs(l.y-w[1]) > eps {
		t.Errorf("label at (%g, %g), want %v", l.x, l.y, w)
	}
}

// TestDecodeWorldCorrupt checks that every cut of the file, and a few
// changed bytes, give an error and no panic.
func TestDecodeWorldCorrupt(t *testing.T) {
	raw, err := Encode([]byte(testLand), []byte(testBorders), []byte(testCountries))
	if err != nil {
		t.Fatal(err)
	}
	for n := range len(raw) {
		if _, err := decodeWorld(gz(t, raw[:n])); err == nil {
			t.Errorf("the file cut to %d of %d bytes decoded", n, len(raw))
		}
	}
	if _, err := decodeWorld(gz(t, append(raw[:len(raw):len(raw)], 0))); err == nil {
		t.Error("a trailing byte decoded")
	}
	for i := range raw {
		for _, v := range []byte{0, 0x7f, 0xff} {
			b := bytes.Clone(raw)
			b[i] = v
			decodeWorld(gz(t, b)) // must not panic
		}
	}
	if _, err := decodeWorld([]byte("not gzip")); err == nil {
		t.Error("not gzip decoded")
	}
}

// TestWorldFile checks that the embedded file has the bands this package
// draws (bandZooms): a stale file after a change to them fails here.
func TestWorldFile(t *testing.T) {
	d, err := decode()
	if err != nil {
		t.Fatal(err)
	}
	if len(d.bands) != len(bandZooms)+1 {
		t.Fatalf("%d bands, want %d: regenerate with tools/basemap/build.sh", len(d.bands), len(bandZooms)+1)
	}
	for i, z := range bandZooms {
		if d.bands[i].maxScale != viewport.Scale(z) {
			t.Errorf("band %d ends at scale %g, want zoom %g's %g: regenerate with tools/basemap/build.sh", i, d.bands[i].maxScale, z, viewport.Scale(z))
		}
	}
}
