package mapview_test

import (
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"reportmap/atlas"
	"reportmap/mapview"
)

// windowMap returns a map of the repository's places alone in a test
// window of size, at the default view, with the settings only when
// settingsOnly.
func windowMap(t *testing.T, size fyne.Size, settingsOnly bool) (*mapview.Map, fyne.Window, []atlas.Place) {
	t.Helper()
	m, w, a := newWindowMap(t, size)
	var settings []atlas.Place
	var idx []int
	for i, p := range a.Places {
		if p.Role == atlas.RoleSetting {
			settings = append(settings, p)
			idx = append(idx, i)
		}
	}
	if settingsOnly {
		m.SetShown(idx)
	}
	return m, w, settings
}

// sizes are the map's sizes the tests try: the map in a 1280×800 window
// (beside the panel), a window of its own, and a large screen's.
var sizes = []fyne.Size{{Width: 834, Height: 761}, {Width: 1280, Height: 800}, {Width: 1920, Height: 1080}}

// discRadius is a marker's radius in the drawing (Fyne units), by kind.
func discRadius(mk mapview.Marker) float64 {
	switch {
	case mk.Count > 1:
		return 8 + 2.5*math.Log10(float64(mk.Count))
	case mk.Place.Role == atlas.RoleSetting:
		return 7
	}
	return 5
}

func TestEverySettingTappableAtDefaultView(t *testing.T) {
	for _, size := range sizes {
		for _, only := range []bool{false, true} {
			m, _, settings := windowMap(t, size, only)
			var got *atlas.Place
			m.OnSelected = func(p *atlas.Place) { got = p }
			for _, p := range settings {
				pos, on := m.PixelOf(p.ID)
				if !on {
					t.Errorf("%v settings only %v: %s off screen", size, only, p.ID)
					continue
				}
				got = nil
				test.TapAt(m, pos)
				if got == nil || got.ID != p.ID {
					t.Errorf("%v settings only %v: tapping %s at %v chose %v", size, only, p.ID, pos, got)
				}
			}
			if only {
				if n := len(m.Markers()); n != len(settings) {
					t.Errorf("%v: settings only shows %d markers for %d settings", size, n, len(settings))
				}
			}
		}
	}
}

func TestNoTwoMarkersOverlap(t *testing.T) {
	for _, size := range sizes {
		for _, only := range []bool{false, true} {
			m, _, _ := windowMap(t, size, only)
			for zoom := m.Zoom(); zoom < 12; zoom++ {
				m.SetView(m.Center(), zoom)
				mks := m.Markers()
				for i, a := range mks {
					for _, b := range mks[i+1:] {
						d := math.Hypot(float64(a.Pos.X-b.Pos.X), float64(a.Pos.Y-b.Pos.Y))
						if need := discRadius(a) + discRadius(b); d < need {
							t.Errorf("%v settings only %v zoom %.1f: markers %s and %s at %v and %v overlap (%.1f apart, discs need %.1f)",
								size, only, zoom, markerName(a), markerName(b), a.Pos, b.Pos, d, need)
						}
					}
				}
			}
		}
	}
}

func markerName(mk mapview.Marker) string {
	if mk.Place != nil {
		return mk.Place.ID
	}
	return "a cluster"
}

// boxDist is the distance from a label's box to a point.
func boxDist(l mapview.Label, p fyne.Position) float64 {
	dx := math.Max(0, math.Max(float64(l.Pos.X-p.X), float64(p.X-l.Pos.X-l.Size.Width)))
	dy := math.Max(0, math.Max(float64(l.Pos.Y-p.Y), float64(p.Y-l.Pos.Y-l.Size.Height)))
	return math.Hypot(dx, dy)
}

func TestLabelsBesideTheirOwnMarkers(t *testing.T) {
	for _, size := range sizes {
		for _, only := range []bool{false, true} {
			m, w, _ := windowMap(t, size, only)
			for z0, zoom := m.Zoom(), m.Zoom(); zoom < 9; zoom++ {
				m.SetView(m.Center(), zoom)
				w.Canvas().Capture()
				labels, markers := m.Labels(), m.Markers()
				if len(labels) == 0 && zoom == z0 {
					t.Fatalf("%v zoom %.1f: no labels drawn", size, zoom)
				}
				for _, l := range labels {
					own := boxDist(l, l.Marker.Pos) - float64(l.Marker.Radius)
					if own > 6 {
						t.Errorf("%v settings only %v zoom %.1f: label %q is %.1f from its marker's edge", size, only, zoom, l.Text, own)
					}
					for _, mk := range markers {
						if mk.Pos == l.Marker.Pos {
							continue
						}
						if d := boxDist(l, mk.Pos) - float64(mk.Radius); d < own+2 {
							t.Errorf("%v settings only %v zoom %.1f: label %q is %.1f from %s's marker, %.1f from its own", size, only, zoom, l.Text, d, markerName(mk), own)
						}
					}
				}
			}
		}
	}
}

func TestTapLabelChoosesItsPlace(t *testing.T) {
	m, w, _ := windowMap(t, sizes[0], false)
	w.Canvas().Capture()
	var got *atlas.Place
	m.OnSelected = func(p *atlas.Place) { got = p }
	n := 0
	for _, l := range m.Labels() {
		if l.Marker.Place == nil {
			continue
		}
		got = nil
		test.TapAt(m, l.Pos.AddXY(l.Size.Width/2, l.Size.Height/2))
		if got == nil || got.ID != l.Marker.Place.ID {
			t.Errorf("tapping the label %q chose %v", l.Text, got)
		}
		n++
	}
	if n < 5 {
		t.Errorf("only %d labels of places drawn", n)
	}
}

func TestLabelsStayWhenTheSelectionChanges(t *testing.T) {
	for _, size := range sizes {
		m, w, _ := windowMap(t, size, false)
		w.Canvas().Capture()
		before := m.Labels()
		var ids []string // the places labelled, and every other marker's
		for _, mk := range m.Markers() {
			if mk.Place != nil && mk.Pos.X > 30 && mk.Pos.Y > 30 && mk.Pos.X < size.Width-30 && mk.Pos.Y < size.Height-30 {
				ids = append(ids, mk.Place.ID)
			}
		}
		for _, id := range append(ids, "") {
			m.Select(id)
			w.Canvas().Capture()
			after := m.Labels()
			if len(after) != len(before) {
				t.Errorf("%v: %d labels with %q selected, %d with none", size, len(after), id, len(before))
				continue
			}
			for i := range after {
				if after[i].Text != before[i].Text || after[i].Pos != before[i].Pos {
					t.Errorf("%v: with %q selected the label %q is at %v; it was at %v", size, id, after[i].Text, after[i].Pos, before[i].Pos)
				}
			}
		}
	}
}

// clearOfEdges reports how a point sits too near the map's edges or under
// the zoom buttons' strip, or "".
func clearOfEdges(pos fyne.Position, size fyne.Size) string {
	const pad, buttons = 40, 40 // less than the fit's padding; about the strip's width
	switch {
	case pos.X < pad || pos.Y < pad || pos.Y > size.Height-pad:
		return "near an edge"
	case pos.X > size.Width-pad-buttons:
		return "near the right edge, under the zoom buttons"
	}
	return ""
}

func TestResizeRefitsAnUnmovedMap(t *testing.T) {
	m, w, settings := windowMap(t, fyne.NewSize(1280, 800), false)
	for _, size := range []fyne.Size{{Width: 1920, Height: 1080}, {Width: 834, Height: 761}, {Width: 1920, Height: 1080}} {
		w.Resize(size)
		for _, p := range settings {
			pos, _ := m.PixelOf(p.ID)
			if why := clearOfEdges(pos, size); why != "" {
				t.Errorf("after resizing to %v, %s is at %v, %s", size, p.ID, pos, why)
			}
		}
	}
	// FitDefault (animated) keeps following the size too.
	m.SetView(m.Center(), m.Zoom()+2)
	m.FitDefault()
	w.Resize(fyne.NewSize(1280, 800))
	if pos, _ := m.PixelOf("kursk"); clearOfEdges(pos, fyne.NewSize(1280, 800)) != "" {
		t.Errorf("after FitDefault and a resize, Kursk is at %v", pos)
	}
	// A moved map stays where it was put.
	m.SetView(m.Center(), 6)
	c := m.Center()
	w.Resize(fyne.NewSize(1000, 700))
	if m.Center() != c || m.Zoom() != 6 {
		t.Errorf("resizing a moved map changed its view to %v at %v", m.Center(), m.Zoom())
	}
}

func TestTapClusterFitsItsMembersClearOfTheButtons(t *testing.T) {
	test.NewTempApp(t)
	// Three places close together on the right of the map, one far west.
	a, err := atlas.Load("near.geojson", []byte(`{"type":"FeatureCollection","features":[
	 {"type":"Feature","geometry":{"type":"Point","coordinates":[29.0,50.0]},"properties":{"id":"a","name":"A"}},
	 {"type":"Feature","geometry":{"type":"Point","coordinates":[31.0,50.2]},"properties":{"id":"b","name":"B"}},
	 {"type":"Feature","geometry":{"type":"Point","coordinates":[30.2,49.9]},"properties":{"id":"c","name":"C"}},
	 {"type":"Feature","geometry":{"type":"Point","coordinates":[-70,40]},"properties":{"id":"d","name":"D"}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	m := mapview.NewMap()
	m.SetPlaces(a.Places, a.Reports)
	w := test.NewTempWindow(t, m)
	w.SetPadded(false)
	size := fyne.NewSize(834, 761)
	w.Resize(size)
	var pos fyne.Position
	for _, mk := range m.Markers() {
		if mk.Count == 3 {
			pos = mk.Pos
		}
	}
	if pos.IsZero() {
		t.Fatalf("no cluster of three at the default view: %v", m.Markers())
	}
	test.TapAt(m, pos)
	if m.Zoom() > 11 {
		t.Errorf("tapping the cluster zoomed to %.1f; want at most 11", m.Zoom())
	}
	for _, id := range []string{"a", "b", "c"} {
		p, _ := m.PixelOf(id)
		if why := clearOfEdges(p, size); why != "" {
			t.Errorf("after tapping the cluster %s is at %v, %s", id, p, why)
		}
	}
}
