package mapview_test

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"github.com/paulmach/orb"

	"reportmap/atlas"
	"reportmap/mapview"
	"reportmap/mapview/viewport"
)

// moved is one OnMoved call.
type moved struct {
	id string
	to orb.Point
}

// newMoveMap is newCheckMap with OnMoved recording its calls.
func newMoveMap(t *testing.T) (*mapview.Map, fyne.Window, *[]moved) {
	t.Helper()
	m, w, _ := newCheckMap(t, theme.VariantLight)
	var got []moved
	m.OnMoved = func(p *atlas.Place, to orb.Point) { got = append(got, moved{p.ID, to}) }
	return m, w, &got
}

// press is a press of the primary button at pos, as Fyne's desktop
// driver reports it to desktop.Mouseable.
func press(pos fyne.Position, mod fyne.KeyModifier) *desktop.MouseEvent {
	return &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pos}, Button: desktop.MouseButtonPrimary, Modifier: mod}
}

// drag does what Fyne's desktop driver does for a press at from, a drag
// in steps to to, and a release: MouseDown, Dragged events whose
// Position is the pointer and Dragged the step, MouseUp, then DragEnd.
// during, if not nil, runs before the release.
func drag(m *mapview.Map, from, to fyne.Position, mod fyne.KeyModifier, during func()) {
	m.MouseDown(press(from, mod))
	const steps = 5
	prev := from
	for i := 1; i <= steps; i++ {
		f := float32(i) / steps
		p := fyne.NewPos(from.X+(to.X-from.X)*f, from.Y+(to.Y-from.Y)*f)
		m.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: p}, Dragged: fyne.NewDelta(p.X-prev.X, p.Y-prev.Y)})
		prev = p
	}
	if during != nil {
		during()
	}
	m.MouseUp(press(to, mod))
	m.DragEnd()
}

// degreesPerPixel is a pixel's worth of longitude at zoom: at least as
// much as a pixel's worth of latitude anywhere on a Mercator map.
func degreesPerPixel(zoom float64) float64 { return 360 / (viewport.TileSize * math.Exp2(zoom)) }

func TestShiftDragMovesMarker(t *testing.T) {
	m, w, got := newMoveMap(t)
	center, zoom := m.Center(), m.Zoom()
	from := markerOf(t, m, "sure").Pos
	to := from.AddXY(-63, 41)
	drag(m, from, to, fyne.KeyModifierShift, func() {
		// Under way: the marker is drawn at the pointer, on top, and the
		// view has not moved.
		if mk := markerOf(t, m, "sure"); mk.Pos.Subtract(to).IsZero() == false {
			t.Errorf("during the move the marker is at %v; want the pointer %v", mk.Pos, to)
		}
		img := w.Canvas().Capture()
		if c := rgba(img.At(int(to.X), int(to.Y))); c != (rgbaOf(0x4e, 0x79, 0xa7)) {
			t.Errorf("during the move the frame at the pointer %v is %v; want the marker's colour", to, c)
		}
		if c := rgba(img.At(int(from.X), int(from.Y))); c == (rgbaOf(0x4e, 0x79, 0xa7)) {
			t.Errorf("during the move the marker is still drawn at %v", from)
		}
		if len(*got) != 0 {
			t.Errorf("OnMoved called before the drop: %v", *got)
		}
	})
	if m.Center() != center || m.Zoom() != zoom {
		t.Errorf("a Shift-drag of a marker moved the view from %v z%v to %v z%v", center, zoom, m.Center(), m.Zoom())
	}
	if len(*got) != 1 || (*got)[0].id != "sure" {
		t.Fatalf("OnMoved calls %v; want one, for sure", *got)
	}
	want := m.View().FromPixel(float64(to.X), float64(to.Y))
	// Independently of the viewport: 63 pixels west of 30°E at zoom 4.
	if lon := 30 - 63*degreesPerPixel(zoom); !near(want[0], lon, 1e-6) {
		t.Fatalf("the drop's longitude by the viewport is %v; by hand %v", want[0], lon)
	}
	eps := degreesPerPixel(zoom)
	if at := (*got)[0].to; !near(at[0], want[0], eps) || !near(at[1], want[1], eps) || at[1] >= 10 {
		t.Errorf("OnMoved to %v; want within %.3f° of the drop at %v (south of 10°N)", at, eps, want)
	}
	// The map changes nothing itself: the marker is back at the place,
	// whose data is as it was.
	if p := m.Places()[1]; p.Point != (orb.Point{30, 10}) {
		t.Errorf("the map moved the place itself, to %v", p.Point)
	}
	if mk := markerOf(t, m, "sure"); !mk.Pos.Subtract(from).IsZero() {
		t.Errorf("after the drop the marker is at %v; want %v until the owner moves the place", mk.Pos, from)
	}
}

// TestShiftDragTestDriver: a press, then Fyne's test.Drag, which gives
// the drag's start as its Position.
func TestShiftDragTestDriver(t *testing.T) {
	m, w, got := newMoveMap(t)
	center := m.Center()
	from := markerOf(t, m, "unsure").Pos
	m.MouseDown(press(from, fyne.KeyModifierShift))
	test.Drag(w.Canvas(), from, 30, -20)
	m.MouseUp(press(from.AddXY(30, -20), fyne.KeyModifierShift))
	if m.Center() != center {
		t.Errorf("the view moved to %v", m.Center())
	}
	want := m.View().FromPixel(float64(from.X)+30, float64(from.Y)-20)
	eps := degreesPerPixel(m.Zoom())
	if len(*got) != 1 || (*got)[0].id != "unsure" || !near((*got)[0].to[0], want[0], eps) || !near((*got)[0].to[1], want[1], eps) {
		t.Errorf("OnMoved calls %v; want unsure to %v", *got, want)
	}
}

// TestMoveApplied: an owner that applies the move and gives the map its
// places again, keeping the view and choosing the place, sees the marker
// at the new spot.
func TestMoveApplied(t *testing.T) {
	m, _, _ := newMoveMap(t)
	places := append([]atlas.Place(nil), m.Places()...)
	m.OnMoved = func(p *atlas.Place, to orb.Point) {
		id := p.ID
		for i := range places {
			if places[i].ID == id {
				places[i].Point = to
			}
		}
		c, z := m.Center(), m.Zoom()
		m.SetPlaces(places, nil) // fits the default view
		m.SetView(c, z)
		m.Select(id)
	}
	from := markerOf(t, m, "by-hand").Pos
	to := from.AddXY(50, 25)
	drag(m, from, to, fyne.KeyModifierShift, nil)
	if mk := markerOf(t, m, "by-hand"); math.Abs(float64(mk.Pos.X-to.X)) > 1 || math.Abs(float64(mk.Pos.Y-to.Y)) > 1 {
		t.Errorf("after the owner moved the place, its marker is at %v; want %v", mk.Pos, to)
	}
	if s := m.Selected(); s == nil || s.ID != "by-hand" || s.Point == (orb.Point{30, 30}) {
		t.Errorf("selected %v after the move; want by-hand, moved", s)
	}
}

func TestPlainDragPans(t *testing.T) {
	m, _, got := newMoveMap(t)
	from := markerOf(t, m, "sure").Pos
	drag(m, from, from.AddXY(40, -30), 0, nil)
	if len(*got) != 0 {
		t.Errorf("a plain drag called OnMoved: %v", *got)
	}
	if mk := markerOf(t, m, "sure"); !near(float64(mk.Pos.X-from.X), 40, 1e-3) || !near(float64(mk.Pos.Y-from.Y), -30, 1e-3) {
		t.Errorf("a plain drag from the marker left it at %v; want it panned by (40, -30) from %v", mk.Pos, from)
	}
}

// TestShiftDragElsewherePans: Shift-drag pans where there is no single
// place's marker under the press (open map, a cluster), with other
// buttons and modifiers, and when nobody listens for moves.
func TestShiftDragElsewherePans(t *testing.T) {
	pans := func(t *testing.T, m *mapview.Map, got *[]moved, what string, from fyne.Position, mod fyne.KeyModifier) {
		t.Helper()
		c := m.Center()
		drag(m, from, from.AddXY(25, 15), mod, nil)
		if m.Center() == c {
			t.Errorf("%s: the view did not pan", what)
		}
		if len(*got) != 0 {
			t.Errorf("%s: OnMoved called: %v", what, *got)
		}
	}
	m, _, got := newMoveMap(t)
	open := markerOf(t, m, "sure").Pos.AddXY(0, 60)
	pans(t, m, got, "open map", open, fyne.KeyModifierShift)
	pans(t, m, got, "Ctrl held", markerOf(t, m, "sure").Pos, fyne.KeyModifierControl)

	m.SetView(orb.Point{20, 20}, 0)
	var cluster fyne.Position
	for _, mk := range m.Markers() {
		if mk.Count > 1 {
			cluster = mk.Pos
		}
	}
	if cluster.IsZero() {
		t.Fatal("no cluster at zoom 0")
	}
	pans(t, m, got, "a cluster", cluster, fyne.KeyModifierShift)

	m.SetView(orb.Point{20, 20}, 4)
	m.OnMoved = nil
	pans(t, m, got, "OnMoved nil", markerOf(t, m, "sure").Pos, fyne.KeyModifierShift)

	// A middle-button drag.
	m, _, got = newMoveMap(t)
	c, from := m.Center(), markerOf(t, m, "sure").Pos
	m.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: from}, Button: desktop.MouseButtonTertiary, Modifier: fyne.KeyModifierShift})
	m.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: from.AddXY(9, 9)}, Dragged: fyne.NewDelta(9, 9)})
	m.DragEnd()
	if m.Center() == c || len(*got) != 0 {
		t.Errorf("a Shift middle-button drag: centre %v (was %v), OnMoved %v; want a pan", m.Center(), c, *got)
	}
}

// TestShiftClickDisarms: a Shift-click that is no drag selects as a click
// does, and leaves nothing armed for a later drag that Fyne reports
// without a press (as its test driver and touch screens do).
func TestShiftClickDisarms(t *testing.T) {
	m, w, got := newMoveMap(t)
	pos := markerOf(t, m, "sure").Pos
	m.MouseDown(press(pos, fyne.KeyModifierShift))
	m.MouseUp(press(pos, fyne.KeyModifierShift))
	test.TapAt(m, pos)
	if s := m.Selected(); s == nil || s.ID != "sure" {
		t.Errorf("a Shift-click selected %v", s)
	}
	c := m.Center()
	test.Drag(w.Canvas(), pos, 20, 20)
	if m.Center() == c || len(*got) != 0 {
		t.Errorf("a drag after a Shift-click: centre %v (was %v), OnMoved %v; want a pan", m.Center(), c, *got)
	}
}

func TestEscapeCancelsMove(t *testing.T) {
	m, w, got := newMoveMap(t)
	escapes := 0
	m.OnEscape = func() { escapes++ }
	center := m.Center()
	from := markerOf(t, m, "sure").Pos
	to := from.AddXY(-40, 30)
	drag(m, from, to, fyne.KeyModifierShift, func() {
		// The Shift press focused the map, so Escape reaches it.
		if w.Canvas().Focused() != m {
			t.Fatalf("the map is not focused during the move; %v is", w.Canvas().Focused())
		}
		w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
		if mk := markerOf(t, m, "sure"); !mk.Pos.Subtract(from).IsZero() {
			t.Errorf("after Escape the marker is at %v; want back at %v", mk.Pos, from)
		}
		// The rest of the drag neither moves the marker nor pans.
		m.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to.AddXY(10, 0)}, Dragged: fyne.NewDelta(10, 0)})
	})
	if len(*got) != 0 {
		t.Errorf("OnMoved called after Escape: %v", *got)
	}
	if escapes != 0 {
		t.Errorf("the Escape that cancelled the move also called OnEscape")
	}
	if m.Center() != center {
		t.Errorf("the view moved to %v", m.Center())
	}
	if mk := markerOf(t, m, "sure"); !mk.Pos.Subtract(from).IsZero() {
		t.Errorf("the marker is at %v; want %v", mk.Pos, from)
	}
	// With no move, Escape is the app's again.
	m.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if escapes != 1 {
		t.Errorf("Escape after the cancelled move called OnEscape %d times; want 1", escapes)
	}
}

// TestSetPlacesEndsMove: new places during a move end it; the drop then
// reports nothing.
func TestSetPlacesEndsMove(t *testing.T) {
	m, _, got := newMoveMap(t)
	from := markerOf(t, m, "sure").Pos
	drag(m, from, from.AddXY(30, 30), fyne.KeyModifierShift, func() {
		m.SetPlaces(m.Places()[:2], nil)
	})
	if len(*got) != 0 {
		t.Errorf("OnMoved after SetPlaces during the move: %v", *got)
	}
}

// TestMoveKeptOnMap: a drop beyond the map's edge counts at the edge.
func TestMoveKeptOnMap(t *testing.T) {
	m, _, got := newMoveMap(t)
	from := markerOf(t, m, "sure").Pos
	drag(m, from, fyne.NewPos(900, -50), fyne.KeyModifierShift, func() {
		if mk := markerOf(t, m, "sure"); mk.Pos != fyne.NewPos(800, 0) {
			t.Errorf("dragged beyond the corner, the marker is at %v; want (800, 0)", mk.Pos)
		}
	})
	want := m.View().FromPixel(800, 0)
	if len(*got) != 1 || !near((*got)[0].to[0], want[0], 1e-9) || !near((*got)[0].to[1], want[1], 1e-9) {
		t.Errorf("OnMoved %v; want %v, the corner", *got, want)
	}
}

func TestHollowWhileMoved(t *testing.T) {
	m, _, _ := newMoveMap(t)
	from := markerOf(t, m, "unsure").Pos
	drag(m, from, from.AddXY(20, 20), fyne.KeyModifierShift, func() {
		if mk := markerOf(t, m, "unsure"); !mk.Hollow {
			t.Error("the place to check is not hollow while moved")
		}
	})
}

func rgbaOf(r, g, b uint8) color.RGBA { return color.RGBA{r, g, b, 0xff} }
