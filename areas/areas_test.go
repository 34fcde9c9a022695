package areas_test

import (
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"reportmap/areas"
	"reportmap/atlas"
	"reportmap/compass"
)

func seed(t testing.TB) *atlas.Atlas {
	t.Helper()
	a, err := atlas.LoadFile("../places.geojson")
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestSeedAreas(t *testing.T) {
	a := seed(t)
	got, err := areas.Of(a.Places, areas.Embedded)
	if err != nil {
		t.Fatal(err)
	}
	whole := map[string]orb.MultiPolygon{}
	for i, p := range a.Places {
		whole[p.ID] = got[i]
	}
	for i, p := range a.Places {
		mp := got[i]
		want := p.Provenance != nil && p.Provenance.Gazetteer != ""
		if (mp != nil) != want {
			t.Errorf("%s: area %v; want one: %v", p.ID, mp != nil, want)
			continue
		}
		if mp != nil && !planar.MultiPolygonContains(mp, p.Point) {
			t.Errorf("%s: its marker %v is outside its area (bound %v)", p.ID, p.Point, mp.Bound())
		}
	}
	// Qualified regions are part of their country, in the right part.
	for _, tt := range []struct{ part, whole string }{{"northeastern-ukraine", "ukraine"}, {"northern-france", "france"}} {
		part, all := whole[tt.part], whole[tt.whole]
		pa, wa := planar.Area(part), planar.Area(all)
		if pa <= 0 || pa >= wa/2 {
			t.Errorf("%s: area %.2f of %s's %.2f; want a part", tt.part, pa, tt.whole, wa)
		}
		c, _ := planar.CentroidArea(part)
		wc, _ := planar.CentroidArea(orb.MultiPolygon{largest(all)})
		if c[1] <= wc[1] {
			t.Errorf("%s: centroid %v not north of %s's %v", tt.part, c, tt.whole, wc)
		}
	}
}

func largest(mp orb.MultiPolygon) orb.Polygon {
	var best orb.Polygon
	for _, p := range mp {
		if planar.Area(p) > planar.Area(best) {
			best = p
		}
	}
	return best
}

func TestQualified(t *testing.T) {
	pv := &atlas.Provenance{Gazetteer: "country:KP"}
	for _, tt := range []struct {
		name string
		d    compass.Direction
		ok   bool
	}{
		{"northeastern Ukraine", compass.Direction{DX: 1, DY: 1}, true},
		{"southern Gaza", compass.Direction{DY: -1}, true},
		{"North Korea", compass.Direction{}, false},
		{"South Sudan", compass.Direction{}, false},
		{"Kursk", compass.Direction{}, false},
	} {
		p := atlas.Place{Name: tt.name, Provenance: pv}
		if d, ok := areas.Qualified(&p); ok != tt.ok || d != tt.d {
			t.Errorf("Qualified(%q) = %v, %v; want %v, %v", tt.name, d, ok, tt.d, tt.ok)
		}
	}
	p := atlas.Place{Name: "northern France"} // no gazetteer id: no area to qualify
	if _, ok := areas.Qualified(&p); ok {
		t.Error("a place with no area is qualified")
	}
}

func TestFileGeometryWins(t *testing.T) {
	sq := orb.Polygon{{{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}}}
	places := []atlas.Place{
		{Name: "northern square", Geometry: sq, Point: orb.Point{0.5, 0.5}, Provenance: &atlas.Provenance{Gazetteer: "country:FR"}},
		{Name: "city", Point: orb.Point{2, 48}, Provenance: &atlas.Provenance{Gazetteer: "geonames:2988507", Confidence: 0.9}},
		{Name: "bad id", Provenance: &atlas.Provenance{Gazetteer: "nonsense"}},
	}
	got, err := areas.Of(places, areas.Embedded)
	if err != nil {
		t.Fatal(err)
	}
	if len(got[0]) != 1 || planar.Area(got[0]) != 1 {
		t.Errorf("the file's polygon: got %v", got[0])
	}
	if got[1] != nil || got[2] != nil {
		t.Errorf("a city or a bad id has an area: %v, %v", got[1] != nil, got[2] != nil)
	}
}

func TestNoAreasNoSlice(t *testing.T) {
	places := make([]atlas.Place, 1000)
	got, err := areas.Of(places, areas.Embedded)
	if err != nil || got != nil {
		t.Errorf("points only: got %d areas, %v; want nil", len(got), err)
	}
}
