package mapview

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/paulmach/orb"

	"reportmap/areas"
	"reportmap/atlas"
)

// seedMap is a 1280×800 map of the seed places over Europe at zoom 5,
// with their areas when withAreas, Kursk chosen.
func seedMap(b *testing.B, withAreas bool) *mapRenderer {
	test.NewTempApp(b)
	a, err := atlas.LoadFile("../places.geojson")
	if err != nil {
		b.Fatal(err)
	}
	m := NewMap()
	m.SetPlaces(a.Places, a.Reports)
	if withAreas {
		as, err := areas.Of(a.Places, areas.Embedded)
		if err != nil {
			b.Fatal(err)
		}
		m.SetAreas(as)
	}
	m.Resize(fyne.NewSize(1280, 800))
	m.SetView(orb.Point{15, 50}, 5)
	m.Select("kursk")
	m.SetView(orb.Point{15, 50}, 5)
	r := newRenderer(m)
	r.draw(1280, 800) // warm the caches a real window would have
	return r
}

// BenchmarkFrameAreasEurope draws a 1280×800 frame over Europe at zoom
// 5 with the seed places' areas (Russia, Ukraine, France, Kursk,
// northeastern Ukraine, northern France…); BenchmarkFrameSeedEurope is
// the same frame without them.
func BenchmarkFrameAreasEurope(b *testing.B) {
	r := seedMap(b, true)
	b.ReportAllocs()
	for b.Loop() {
		r.draw(1280, 800)
	}
}

func BenchmarkFrameSeedEurope(b *testing.B) {
	r := seedMap(b, false)
	b.ReportAllocs()
	for b.Loop() {
		r.draw(1280, 800)
	}
}
