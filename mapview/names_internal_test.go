package mapview

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/paulmach/orb"

	"reportmap/atlas"
)

// townsMap is a 1280×800 map of the repository's places at a view.
func townsMap(t testing.TB, center orb.Point, zoom float64) (*Map, *mapRenderer) {
	t.Helper()
	test.NewTempApp(t)
	a, err := atlas.LoadFile("../places.geojson")
	if err != nil {
		t.Fatal(err)
	}
	m := NewMap()
	m.SetPlaces(a.Places, a.Reports)
	m.Resize(fyne.NewSize(1280, 800))
	m.SetView(center, zoom)
	return m, newRenderer(m)
}

// TestTownsKeepOff checks that the towns' dots and names overlap nothing:
// not each other, not the places' labels, and no marker (within the
// labels' clearance).
func TestTownsKeepOff(t *testing.T) {
	for _, c := range []struct {
		name   string
		center orb.Point
		zoom   float64
		want   []string
	}{
		{"Dunkirk9", orb.Point{2.37, 51.03}, 9, []string{"Calais", "Gravelines", "Bergues"}},
		{"Dunkirk10", orb.Point{2.3, 51.03}, 10, []string{"Calais", "Gravelines", "Bergues", "Bray-Dunes"}},
		{"Europe5", orb.Point{10, 50}, 5, []string{"Berlin", "Rome", "Hamburg", "Milan"}},
		{"Gaza10", orb.Point{34.4, 31.4}, 10, []string{"Khan Yunis", "Rafah", "Dayr al Balah"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			m, r := townsMap(t, c.center, c.zoom)
			r.draw(1280, 800)
			tf := &r.towns
			t.Logf("%d towns drawn of %d in view: %v", len(tf.names), len(tf.list), tf.names)
			for _, n := range c.want {
				if !slices.Contains(tf.names, n) {
					t.Errorf("no %s", n)
				}
			}
			for i, a := range tf.boxes {
				for j, b := range tf.boxes[i+1:] {
					if a.overlaps(b) {
						t.Errorf("%s's box %v overlaps %s's %v", tf.names[i/2], a, tf.names[(i+1+j)/2], b)
					}
				}
				for _, l := range m.labels.list {
					if a.overlaps(l.box) {
						t.Errorf("%s's box %v overlaps the place label %q %v", tf.names[i/2], a, l.text, l.box)
					}
				}
				scale := m.labels.scale
				for k, sp := range r.lay.spots {
					rad := (sp.r + labelClearance) * scale
					x, y := sp.x*scale, sp.y*scale
					if a.overlaps(rect{x - rad, y - rad, x + rad, y + rad, 0}) {
						t.Errorf("%s's box %v within %g px of marker %d (%s)", tf.names[i/2], a, rad, k, r.itemName(r.lay.items[k]))
					}
				}
			}
		})
	}
}

// TestTownsZoom checks that no town is drawn below zoom 4, and that more
// are drawn closer in.
func TestTownsZoom(t *testing.T) {
	_, r := townsMap(t, orb.Point{10, 50}, 3.9)
	r.draw(1280, 800)
	if n := len(r.towns.names); n != 0 {
		t.Errorf("%d towns at zoom 3.9: %v", n, r.towns.names)
	}
	_, r = townsMap(t, orb.Point{10, 50}, 4)
	r.draw(1280, 800)
	n4 := len(r.towns.names)
	if n4 == 0 {
		t.Error("no towns at zoom 4")
	}
	_, r = townsMap(t, orb.Point{10, 50}, 6)
	r.draw(1280, 800)
	if n6 := len(r.towns.names); n6 <= n4 {
		t.Errorf("%d towns at zoom 6, %d at zoom 4", n6, n4)
	}
}
