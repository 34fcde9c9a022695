package mapview

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"github.com/paulmach/orb"

	"reportmap/atlas"
	"reportmap/mapview/cluster"
	"reportmap/mapview/viewport"
)

// Keyboard steps.
const (
	keyPan       = 80   // Fyne units per arrow key press
	wheelPerZoom = 50.0 // scroll units per zoom level: a Linux wheel notch (25) is half a level
)

// moving is a marker being moved by hand: armed by a Shift press on a
// single place's marker (MouseDown), under way once the drag starts,
// ended by DragEnd, by Escape (which cancels it) or by new places.
type moving struct {
	place     int     // index into places, or -1: no move
	k         int     // its marker's index in the layout at the press
	x, y      float64 // the pointer, Fyne units: the press plus the drag's movement
	dragged   bool    // the drag has started
	cancelled bool    // by Escape: the rest of the drag does nothing
}

var noMove = moving{place: -1, k: -1}

// MouseDown implements desktop.Mouseable; Fyne calls it on the UI
// goroutine when a button is pressed over the map, before any drag. A
// press of the primary button with Shift held on a single place's marker
// arms a move of that marker, when OnMoved is set, and focuses the map
// so that Escape can cancel it; any other press changes nothing.
func (m *Map) MouseDown(e *desktop.MouseEvent) {
	m.move = noMove
	if m.OnMoved == nil || e.Button != desktop.MouseButtonPrimary || e.Modifier&fyne.KeyModifierShift == 0 {
		return
	}
	l := m.layout()
	k := l.grid.nearest(l.spots, float64(e.Position.X), float64(e.Position.Y), hitSlop)
	if k < 0 || l.items[k].Count != 1 {
		return
	}
	m.move = moving{place: l.items[k].Point, k: k, x: float64(e.Position.X), y: float64(e.Position.Y)}
	m.focus()
}

// MouseUp implements desktop.Mouseable; Fyne calls it on the UI
// goroutine when the button is released, before DragEnd. A press that
// did not become a drag disarms its move.
func (m *Map) MouseUp(*desktop.MouseEvent) {
	if !m.move.dragged {
		m.move = noMove
	}
}

// heldMarker returns the layout's index of the marker being moved by
// hand and where to draw it (the pointer, kept on the map), or k -1.
func (m *Map) heldMarker() (k int, x, y float64) {
	mv := &m.move
	if mv.place < 0 || !mv.dragged || mv.cancelled {
		return -1, 0, 0
	}
	x, y = m.movedTo()
	l := &m.lay
	if k = mv.k; k >= len(l.items) || l.items[k].Count != 1 || l.items[k].Point != mv.place {
		// The view changed under the move: find the marker again.
		k = -1
		for j, it := range l.items {
			if it.Count == 1 && it.Point == mv.place {
				k = j
				break
			}
		}
		mv.k = k
	}
	return k, x, y
}

// movedTo is where the pointer of a move is, kept on the map.
func (m *Map) movedTo() (x, y float64) {
	return math.Max(0, math.Min(m.view.W, m.move.x)), math.Max(0, math.Min(m.view.H, m.move.y))
}

// Dragged moves the marker of a move under way to the pointer, or pans
// the map by the drag's movement, so the point under the pointer stays
// under it. It runs on the UI goroutine.
func (m *Map) Dragged(e *fyne.DragEvent) {
	m.stopAnimation()
	if mv := &m.move; mv.place >= 0 {
		if !mv.cancelled {
			// The press plus the movement, rather than e.Position, which
			// Fyne's test driver gives as where the drag began.
			mv.x += float64(e.Dragged.DX)
			mv.y += float64(e.Dragged.DY)
			mv.dragged = true
			m.Refresh()
		}
		return
	}
	m.setView(m.view.Pan(float64(e.Dragged.DX), float64(e.Dragged.DY)))
}

// DragEnd ends a drag, on the UI goroutine: a move under way calls
// OnMoved with the lon/lat under the pointer; the marker is drawn at its
// place again until the owner gives the map the moved place.
func (m *Map) DragEnd() {
	mv := m.move
	if mv.place < 0 {
		return
	}
	x, y := m.movedTo()
	m.move = noMove
	m.Refresh()
	if mv.dragged && !mv.cancelled && m.OnMoved != nil {
		m.OnMoved(&m.places[mv.place], m.view.FromPixel(x, y))
	}
}

// cancelMove cancels a move armed or under way, reporting whether there
// was one.
func (m *Map) cancelMove() bool {
	if m.move.place < 0 || m.move.cancelled {
		return false
	}
	m.move.cancelled = true
	m.Refresh()
	return true
}

// Scrolled zooms about the pointer: up zooms in. Trackpads give small
// steps, so the zoom is fractional and smooth.
func (m *Map) Scrolled(e *fyne.ScrollEvent) {
	dz := float64(e.Scrolled.DY) / wheelPerZoom
	if dz == 0 {
		return
	}
	m.stopAnimation()
	m.setView(m.view.ZoomAbout(float64(e.Position.X), float64(e.Position.Y), m.view.Zoom+dz))
}

// Tapped selects the place whose marker or label is under the pointer,
// zooms into a cluster, or clears the selection on open map.
func (m *Map) Tapped(e *fyne.PointEvent) {
	m.focus()
	it, ok := m.hit(e.Position)
	if !ok {
		if k := m.labelAt(e.Position); k >= 0 {
			it, ok = m.layout().items[k], true
		}
	}
	if !ok {
		m.setSelected(-1)
		if m.OnSelected != nil {
			m.OnSelected(nil)
		}
		return
	}
	if it.Count == 1 {
		m.setSelected(it.Point)
		if m.OnSelected != nil {
			m.OnSelected(&m.places[it.Point])
		}
		return
	}
	m.tapCluster(it)
}

// tapCluster zooms to fit a cluster's members with the margins of
// fitInsets, no closer than maxFitZoom or one level in, at least one level
// in (about the cluster when the members do not fit then), or, when they share one
// spot so no zoom can part them, hands them to OnGroup.
func (m *Map) tapCluster(it cluster.Item) {
	minX, minY, maxX, maxY, _ := m.index.Bounds(it.ID)
	spanPx := math.Max(maxX-minX, maxY-minY) * viewport.Scale(viewport.MaxZoom)
	if spanPx < 2*clusterRadius {
		members := m.members(nil, it.ID)
		if m.OnGroup != nil {
			group := make([]*atlas.Place, len(members))
			for i, j := range members {
				group[i] = &m.places[j]
			}
			m.OnGroup(group)
			return
		}
		m.setSelected(members[0])
		if m.OnSelected != nil {
			m.OnSelected(&m.places[members[0]])
		}
		return
	}
	lo := viewport.FromWorld(orb.Point{minX, maxY}) // south-west
	hi := viewport.FromWorld(orb.Point{maxX, minY}) // north-east
	closer := math.Floor(m.view.Zoom) + 1           // always get closer
	v := viewport.FitInsets(orb.Bound{Min: lo, Max: hi}, m.view.W, m.view.H, m.fitInsets(), math.Max(maxFitZoom, closer))
	if v.Zoom < closer {
		x, y := m.view.WorldToPixel(orb.Point{it.X, it.Y})
		v = m.view.ZoomAbout(x, y, closer)
	}
	m.animateTo(v)
}

// DoubleTapped zooms in one level about the pointer.
func (m *Map) DoubleTapped(e *fyne.PointEvent) {
	x, y := float64(e.Position.X), float64(e.Position.Y)
	m.animateTo(m.view.ZoomAbout(x, y, math.Floor(m.view.Zoom)+1))
}

// hit finds the item drawn under a position, within its marker radius
// plus a slop of hitSlop, the nearest when several are.
func (m *Map) hit(pos fyne.Position) (cluster.Item, bool) {
	l := m.layout()
	k := l.grid.nearest(l.spots, float64(pos.X), float64(pos.Y), hitSlop)
	if k < 0 {
		return cluster.Item{}, false
	}
	return l.items[k], true
}

// MouseIn implements desktop.Hoverable.
func (m *Map) MouseIn(e *desktop.MouseEvent) { m.MouseMoved(e) }

// MouseMoved highlights the place under the pointer.
func (m *Map) MouseMoved(e *desktop.MouseEvent) {
	i := -1
	if it, ok := m.hit(e.Position); ok && it.Count == 1 {
		i = it.Point
	}
	m.setHovered(i)
}

// MouseOut implements desktop.Hoverable.
func (m *Map) MouseOut() { m.setHovered(-1) }

func (m *Map) setHovered(i int) {
	if i == m.hovIdx {
		return
	}
	m.hovIdx = i
	m.Refresh()
	if m.OnHover != nil {
		if i < 0 {
			m.OnHover(nil)
		} else {
			m.OnHover(&m.places[i])
		}
	}
}

// focus gives the map the keyboard focus.
func (m *Map) focus() {
	if c := fyne.CurrentApp(); c != nil {
		if cv := c.Driver().CanvasForObject(m); cv != nil {
			cv.Focus(m)
		}
	}
}

// FocusGained implements fyne.Focusable.
func (m *Map) FocusGained() { m.focused = true; m.Refresh() }

// FocusLost implements fyne.Focusable.
func (m *Map) FocusLost() { m.focused = false; m.Refresh() }

// TypedRune zooms with + and -, and fits all places with 0.
func (m *Map) TypedRune(r rune) {
	switch r {
	case '+', '=':
		m.ZoomIn()
	case '-', '_':
		m.ZoomOut()
	case '0':
		m.FitAll()
	}
}

// TypedKey pans with the arrow keys; Escape cancels a move by hand
// (Shift-drag) under way, else calls OnEscape.
func (m *Map) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyEscape:
		if m.cancelMove() {
			return
		}
		if m.OnEscape != nil {
			m.OnEscape()
		}
	case fyne.KeyLeft:
		m.animateTo(m.view.Pan(keyPan, 0))
	case fyne.KeyRight:
		m.animateTo(m.view.Pan(-keyPan, 0))
	case fyne.KeyUp:
		m.animateTo(m.view.Pan(0, keyPan))
	case fyne.KeyDown:
		m.animateTo(m.view.Pan(0, -keyPan))
	}
}

func (m *Map) stopAnimation() {
	m.fitting = false
	if m.anim != nil {
		m.anim.Stop()
		m.anim = nil
	}
}
