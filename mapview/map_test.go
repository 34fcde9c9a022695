package mapview_test

import (
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"github.com/paulmach/orb"
	_ "reportmap/internal/locale" // quiet Fyne's locale message

	"reportmap/atlas"
	"reportmap/mapview"
)

// loadPlaces loads the repository's places file.
func loadPlaces(t testing.TB) *atlas.Atlas {
	t.Helper()
	a, err := atlas.LoadFile("../places.geojson")
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// newMap returns a 1280×800 map of the repository's places in a test
// window.
func newMap(t *testing.T) (*mapview.Map, *atlas.Atlas) {
	t.Helper()
	m, _, a := newWindowMap(t, fyne.NewSize(1280, 800))
	return m, a
}

// newWindowMap returns a map of the repository's places filling a test
// window of the given size, at the default view.
func newWindowMap(t *testing.T, size fyne.Size) (*mapview.Map, fyne.Window, *atlas.Atlas) {
	t.Helper()
	test.NewTempApp(t)
	a := loadPlaces(t)
	m := mapview.NewMap()
	m.SetPlaces(a.Places, a.Reports)
	w := test.NewTempWindow(t, m)
	w.SetPadded(false)
	w.Resize(size)
	m.Resize(size)
	return m, w, a
}

func near(a, b, eps float64) bool { return math.Abs(a-b) <= eps }

func TestDefaultViewShowsEverySetting(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1280, Height: 800}, {Width: 500, Height: 900}, {Width: 1920, Height: 400}} {
		test.NewTempApp(t)
		a := loadPlaces(t)
		m := mapview.NewMap()
		m.SetPlaces(a.Places, a.Reports)
		m.Resize(size)
		for _, p := range a.Places {
			if p.Role != atlas.RoleSetting {
				continue
			}
			pos, on := m.PixelOf(p.ID)
			if !on || pos.X < 20 || pos.Y < 20 || pos.X > size.Width-20 || pos.Y > size.Height-20 {
				t.Errorf("%v: setting %s at %v, not well inside the view", size, p.ID, pos)
			}
		}
	}
}

func TestDraggedMovesByExactly(t *testing.T) {
	m, _ := newMap(t)
	before, _ := m.PixelOf("gaza")
	m.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DX: 37, DY: -21}})
	m.DragEnd()
	after, _ := m.PixelOf("gaza")
	if !near(float64(after.X-before.X), 37, 1e-3) || !near(float64(after.Y-before.Y), -21, 1e-3) {
		t.Errorf("Gaza moved by (%v, %v); want (37, -21)", after.X-before.X, after.Y-before.Y)
	}
}

func TestScrolledKeepsPointUnderCursor(t *testing.T) {
	m, _ := newMap(t)
	pos := fyne.NewPos(300, 250)
	before := m.View().FromPixel(300, 250)
	z := m.Zoom()
	m.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: pos}, Scrolled: fyne.Delta{DY: 25}})
	if !near(m.Zoom(), z+0.5, 1e-9) {
		t.Errorf("zoom %v after one wheel notch up; want %v", m.Zoom(), z+0.5)
	}
	after := m.View().FromPixel(300, 250)
	if !near(before[0], after[0], 1e-7) || !near(before[1], after[1], 1e-7) {
		t.Errorf("the place under the cursor moved from %v to %v", before, after)
	}
	m.Scrolled(&fyne.ScrollEvent{PointEvent: fyne.PointEvent{Position: pos}, Scrolled: fyne.Delta{DY: -2.5}})
	if !near(m.Zoom(), z+0.45, 1e-9) {
		t.Errorf("a small trackpad step gave zoom %v; want %v", m.Zoom(), z+0.45)
	}
}

func TestTapSelects(t *testing.T) {
	m, _ := newMap(t)
	var got []*atlas.Place
	m.OnSelected = func(p *atlas.Place) { got = append(got, p) }
	for _, id := range []string{"kursk", "northeastern-ukraine", "washington", "gaza", "dunkirk-beaches"} {
		got = nil
		pos, on := m.PixelOf(id)
		if !on {
			t.Fatalf("%s off screen", id)
		}
		test.TapAt(m, pos)
		if len(got) != 1 || got[0] == nil || got[0].ID != id {
			t.Errorf("tap on %s at %v selected %v", id, pos, names(got))
		}
		if s := m.Selected(); s == nil || s.ID != id {
			t.Errorf("Selected() = %v after tapping %s", s, id)
		}
	}
	// Open sea, far from any place, clears the selection.
	got = nil
	sea, _ := m.PixelOf("washington")
	sea.X += 200
	sea.Y += 120 // the western Atlantic
	test.TapAt(m, sea)
	if len(got) != 1 || got[0] != nil || m.Selected() != nil {
		t.Errorf("tap on open sea gave %v, selected %v", names(got), m.Selected())
	}
}

func names(ps []*atlas.Place) []string {
	var out []string
	for _, p := range ps {
		if p == nil {
			out = append(out, "<nil>")
		} else {
			out = append(out, p.ID)
		}
	}
	return out
}

func TestTapClusterZoomsIn(t *testing.T) {
	m, _ := newMap(t)
	// At the default view the mentioned places of western Europe merge.
	var pos fyne.Position
	for _, mk := range m.Markers() {
		if mk.Count > 1 {
			pos = mk.Pos
			break
		}
	}
	if pos.IsZero() {
		t.Fatal("no cluster at the default view")
	}
	z := m.Zoom()
	var selected []*atlas.Place
	m.OnSelected = func(p *atlas.Place) { selected = append(selected, p) }
	test.TapAt(m, pos)
	if len(selected) != 0 {
		t.Errorf("tapping the cluster selected %v", names(selected))
	}
	if m.Zoom() <= z {
		t.Errorf("zoom %v after tapping a cluster; want more than %v", m.Zoom(), z)
	}
}

func TestKeys(t *testing.T) {
	m, _ := newMap(t)
	c, z := m.Center(), m.Zoom()
	m.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if x, _ := m.View().ToPixel(c); !near(x, 640-80, 1e-6) {
		t.Errorf("right arrow: old centre at x %v; want 560", x)
	}
	m.TypedRune('+')
	if !near(m.Zoom(), math.Round(z+1), 1e-9) {
		t.Errorf("+ gave zoom %v; want %v", m.Zoom(), math.Round(z+1))
	}
	m.TypedRune('-')
	m.TypedRune('-')
	if !near(m.Zoom(), math.Round(z+1)-2, 1e-9) {
		t.Errorf("- - gave zoom %v", m.Zoom())
	}
	m.TypedRune('0')
	for _, id := range []string{"washington", "sri-lanka", "kursk", "africa"} {
		if _, on := m.PixelOf(id); !on {
			t.Errorf("after 0 (fit all) %s is off screen", id)
		}
	}
}

func TestEscapeWhenFocused(t *testing.T) {
	m, w, _ := newWindowMap(t, fyne.NewSize(800, 600))
	escapes := 0
	m.OnEscape = func() { escapes++ }
	w.Canvas().Focus(m)
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if escapes != 1 {
		t.Errorf("Escape on the focused map called OnEscape %d times; want 1", escapes)
	}
}

func TestSelectAndHover(t *testing.T) {
	m, _ := newMap(t)
	called := false
	m.OnSelected = func(*atlas.Place) { called = true }
	if !m.Select("paris") || m.Selected().ID != "paris" {
		t.Fatal("Select(paris) failed")
	}
	if called {
		t.Error("Select called OnSelected")
	}
	if _, on := m.PixelOf("paris"); !on {
		t.Error("Select did not bring Paris into view")
	}
	if m.Select("atlantis") {
		t.Error("Select of an unknown id succeeded")
	}
	var hovered []*atlas.Place
	m.OnHover = func(p *atlas.Place) { hovered = append(hovered, p) }
	m.SetView(orb.Point{34.4, 31.45}, 9)
	pos, _ := m.PixelOf("gaza")
	m.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pos}})
	m.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pos.AddXY(1, 1)}})
	m.MouseOut()
	if len(hovered) != 2 || hovered[0] == nil || hovered[0].ID != "gaza" || hovered[1] != nil {
		t.Errorf("hover events %v; want gaza then nil", names(hovered))
	}
}

func TestSameSpotIsAGroup(t *testing.T) {
	test.NewTempApp(t)
	a, err := atlas.Load("same.geojson", []byte(`{"type":"FeatureCollection","features":[
	 {"type":"Feature","geometry":{"type":"Point","coordinates":[2.37,51.03]},"properties":{"id":"a","name":"A"}},
	 {"type":"Feature","geometry":{"type":"Point","coordinates":[2.37,51.03]},"properties":{"id":"b","name":"B"}},
	 {"type":"Feature","geometry":{"type":"Point","coordinates":[30,10]},"properties":{"id":"c","name":"C"}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	m := mapview.NewMap()
	m.SetPlaces(a.Places, a.Reports)
	m.Resize(fyne.NewSize(800, 600))
	m.SetView(orb.Point{2.37, 51.03}, 18)
	var group []string
	m.OnGroup = func(ps []*atlas.Place) {
		for _, p := range ps {
			group = append(group, p.ID)
		}
	}
	pos, _ := m.PixelOf("a")
	test.TapAt(m, pos)
	if len(group) != 2 || group[0] == group[1] {
		t.Errorf("tapping two places at one spot gave the group %v; want a and b", group)
	}
	if m.Zoom() != 18 {
		t.Errorf("the map zoomed to %v; a group cannot be parted by zooming", m.Zoom())
	}
}

func TestSetShownFilters(t *testing.T) {
	m, a := newMap(t)
	var settings []int
	for i, p := range a.Places {
		if p.Role == atlas.RoleSetting {
			settings = append(settings, i)
		}
	}
	m.SetShown(settings)
	m.FitAll()
	for _, mk := range m.Markers() {
		if mk.Count != 1 || mk.Place.Role != atlas.RoleSetting {
			t.Errorf("with settings only, a marker of %d (%v) shows", mk.Count, mk.Place)
		}
	}
	if m.Select("paris") {
		t.Error("Select of a hidden place succeeded")
	}
	m.SetView(orb.Point{2.35, 48.86}, 9)
	pos, _ := m.PixelOf("paris")
	test.TapAt(m, pos)
	if m.Selected() != nil {
		t.Errorf("tapping where hidden Paris is selected %v", m.Selected().ID)
	}
	m.SetShown(nil)
	test.TapAt(m, pos)
	if s := m.Selected(); s == nil || s.ID != "paris" {
		t.Errorf("with all shown, tapping Paris selected %v", s)
	}
}
