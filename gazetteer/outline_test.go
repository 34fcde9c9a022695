package gazetteer_test

import (
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"reportmap/gazetteer"
)

func TestOutline(t *testing.T) {
	for _, tt := range []struct {
		id     string
		inside orb.Point // a point well inside
	}{
		{"country:UA", orb.Point{30.52, 50.45}}, // Kyiv
		{"country:FR", orb.Point{2.35, 48.86}},  // Paris
		{"country:RU", orb.Point{37.62, 55.76}}, // Moscow
		{"country:RU", orb.Point{172, 66}},      // Chukotka, the far side of the antimeridian's cut
		{"country:US", orb.Point{-98.6, 39.8}},  // Kansas
		{"country:GB", orb.Point{-1.6, 52.5}},   // England
		{"ne:RU-KRS", orb.Point{36.19, 51.73}},  // Kursk
		{"ne:PS-GZZ", orb.Point{34.4, 31.45}},   // Gaza
		{"country:XK", orb.Point{21.17, 42.67}}, // Pristina: world-atlas has no code for Kosovo
		{"country:FJ", orb.Point{178, -17.8}},   // Viti Levu
	} {
		id, err := gazetteer.ParseID(tt.id)
		if err != nil {
			t.Fatal(err)
		}
		mp, err := gazetteer.Outline(id)
		if err != nil {
			t.Fatal(err)
		}
		if len(mp) == 0 {
			t.Errorf("%s: no outline", tt.id)
			continue
		}
		if !planar.MultiPolygonContains(mp, tt.inside) {
			t.Errorf("%s: %v is not inside", tt.id, tt.inside)
		}
		if b := mp.Bound(); b.Min[0] < -180 || b.Max[0] > 180 || b.Min[1] < -90 || b.Max[1] > 90 {
			t.Errorf("%s: bound %v beyond the plane", tt.id, b)
		}
		g, err := gazetteer.Default()
		if err != nil {
			t.Fatal(err)
		}
		if gp, _ := g.Polygon(id); len(gp) != len(mp) || &gp[0] != &mp[0] {
			t.Errorf("%s: Default's Polygon is not the outline Outline shares", tt.id)
		}
	}
	// Russia's widest piece must not span the world: cut at ±180°.
	mp, _ := gazetteer.Outline(gazetteer.ID{Source: gazetteer.SourceCountry, Key: "RU"})
	for _, p := range mp {
		if b := p.Bound(); b.Max[0]-b.Min[0] > 180 {
			t.Errorf("a piece of Russia spans %v: not cut at the antimeridian", b)
		}
	}
	if mp, err := gazetteer.Outline(gazetteer.ID{Source: gazetteer.SourceGeoNames, Key: "2988507"}); mp != nil || err != nil {
		t.Errorf("a city has an outline: %v, %v", mp, err)
	}
}
