package mapview

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/paulmach/orb"

	"reportmap/atlas"
)

// Frames of the offline basemap with its names (issue 12): 1280×800 over
// Europe at zoom 5 and over Dunkirk at zoom 9, with the seed places or a
// million generated ones; still frames (the view as the last frame) and
// pan frames (moved a few pixels each frame, so markers and labels are
// laid out again). The file depends on nothing of issue 12, so the same
// benchmarks run on the code before it.

func benchNames(b *testing.B, center orb.Point, zoom float64, million, pan bool) {
	test.NewTempApp(b)
	var a *atlas.Atlas
	if million {
		a = generated(b)
	} else {
		var err error
		if a, err = atlas.LoadFile("../places.geojson"); err != nil {
			b.Fatal(err)
		}
	}
	m := NewMap()
	m.SetPlaces(a.Places, a.Reports)
	m.Resize(fyne.NewSize(1280, 800))
	m.SetView(center, zoom)
	r := newRenderer(m)
	r.draw(1280, 800) // warm the caches a real window would have
	if pan {
		for i := range 7 { // and the texts of the pan's views
			m.view = m.view.Pan(float64(i)-3, 0)
			r.draw(1280, 800)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if pan {
			m.view = m.view.Pan(float64(i%7)-3, 0)
		}
		r.draw(1280, 800)
	}
}

var (
	europe5  = orb.Point{10, 50}
	dunkirk9 = orb.Point{2.37, 51.03}
)

func BenchmarkFrameNamesEurope5(b *testing.B)       { benchNames(b, europe5, 5, false, false) }
func BenchmarkFrameNamesDunkirk9(b *testing.B)      { benchNames(b, dunkirk9, 9, false, false) }
func BenchmarkFrameNamesPanEurope5(b *testing.B)    { benchNames(b, europe5, 5, false, true) }
func BenchmarkFrameNamesPanDunkirk9(b *testing.B)   { benchNames(b, dunkirk9, 9, false, true) }
func BenchmarkFrameNamesEurope5x1M(b *testing.B)    { benchNames(b, europe5, 5, true, false) }
func BenchmarkFrameNamesDunkirk9x1M(b *testing.B)   { benchNames(b, dunkirk9, 9, true, false) }
func BenchmarkFrameNamesPanEurope5x1M(b *testing.B) { benchNames(b, europe5, 5, true, true) }
