package mapview

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"reportmap/atlas"
)

// lisbonHelsinki is an atlas of two places far apart.
func lisbonHelsinki(t *testing.T) *atlas.Atlas {
	t.Helper()
	a, err := atlas.Load("two.geojson", []byte(`{"type":"FeatureCollection","features":[
 {"type":"Feature","geometry":{"type":"Point","coordinates":[-9.14,38.72]},"properties":{"id":"lisbon","name":"Lisbon"}},
 {"type":"Feature","geometry":{"type":"Point","coordinates":[24.94,60.17]},"properties":{"id":"helsinki","name":"Helsinki"}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// A resize while FitAll's animation runs ends at the fit for the new size,
// not at the target worked out for the old one (a window resized just
// after an import framed its places).
func TestResizeDuringFitAllFitsTheNewSize(t *testing.T) {
	test.NewTempApp(t)
	a := lisbonHelsinki(t)
	fitted := func(w, h float32) (float64, float64) {
		m := NewMap()
		m.SetPlaces(a.Places, a.Reports)
		m.Resize(fyne.NewSize(w, h))
		m.FitAll()
		m.FinishAnimation()
		return m.Zoom(), m.Center()[0]
	}
	wantZoom, wantLon := fitted(900, 700)
	m := NewMap()
	m.SetPlaces(a.Places, a.Reports)
	m.Resize(fyne.NewSize(500, 400))
	m.SetView(m.Center(), 1) // somewhere else, so FitAll animates
	m.FitAll()
	m.Resize(fyne.NewSize(900, 700))
	m.FinishAnimation()
	if z, lon := m.Zoom(), m.Center()[0]; z != wantZoom || lon != wantLon {
		t.Errorf("after resizing during the fit: zoom %.3f, centre %.3f°; want %.3f, %.3f° (the fit for 900×700)", z, lon, wantZoom, wantLon)
	}
}

// Fitting the view the map already shows, or the one an animation under
// way is heading to, starts no animation: a search that keeps what it
// showed redrew the same frame for a quarter of a second at every key.
func TestFitToTheSameViewDoesNotAnimate(t *testing.T) {
	test.NewTempApp(t)
	a := lisbonHelsinki(t)
	m := NewMap()
	m.SetPlaces(a.Places, a.Reports)
	m.Resize(fyne.NewSize(900, 700))
	m.SetView(m.Center(), 1)
	m.FitIndexes([]int{0, 1})
	first := m.anim
	if first == nil {
		t.Fatal("fitting from elsewhere does not animate")
	}
	m.FitIndexes([]int{0, 1})
	if m.anim != first {
		t.Error("fitting again while heading there restarted the animation")
	}
	m.FinishAnimation()
	m.FitIndexes([]int{0, 1})
	if m.anim != nil {
		t.Error("fitting the view already shown started an animation")
	}
}
