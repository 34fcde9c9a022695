// Package mapview is a Fyne map widget: an offline world basemap with
// places drawn on it, which pans, zooms, clusters and reports taps. It
// needs no network. Its arithmetic lives in mapview/viewport, the basemap
// in mapview/basemap and the clustering in mapview/cluster, none of which
// import Fyne.
package mapview

import (
	"image"
	"image/color"
	"iter"
	"math"
	"slices"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"reportmap/atlas"
	"reportmap/mapview/basemap"
	"reportmap/mapview/cluster"
	"reportmap/mapview/viewport"
)

var (
	_ fyne.Widget         = (*Map)(nil)
	_ fyne.Draggable      = (*Map)(nil)
	_ fyne.Scrollable     = (*Map)(nil)
	_ fyne.Tappable       = (*Map)(nil)
	_ fyne.DoubleTappable = (*Map)(nil)
	_ fyne.Focusable      = (*Map)(nil)
	_ desktop.Hoverable   = (*Map)(nil)
	_ desktop.Mouseable   = (*Map)(nil)
)

// Marker radii in Fyne units (scaled to pixels when drawn).
const (
	settingRadius   = 7
	mentionedRadius = 5
	hitSlop         = 4 // a tap this far outside a marker still hits it
	clusterRadius   = 40
	// minSettingCluster settings near each other form a cluster; fewer
	// stay apart, each labelled and tappable.
	minSettingCluster = 3
	fitPadding        = 48
	maxFitZoom        = 11 // fitting never zooms in further than this

	animationDuration = 250 * time.Millisecond
)

// Map is a map widget showing places on an offline world basemap.
//
// Drag to pan, scroll or pinch to zoom about the pointer, double-tap to
// zoom in, tap a place to select it, tap a cluster to zoom to its members.
// Shift-drag a place's marker to move it (OnMoved). When focused: arrow
// keys pan, + and - zoom, 0 fits all places, Escape cancels a move or
// calls OnEscape.
//
// Like all widgets it must be used from the Fyne main goroutine.
type Map struct {
	widget.BaseWidget

	// OnSelected is called when the user selects a place, with nil when a
	// tap on open map clears the selection. Select does not call it.
	OnSelected func(*atlas.Place)
	// OnGroup is called when the user taps places that share one spot at
	// the highest zoom, so the app can list them; when nil the first is
	// selected.
	OnGroup func([]*atlas.Place)
	// OnHover is called when the pointer moves onto a place, and with nil
	// when it leaves it.
	OnHover func(*atlas.Place)
	// OnViewChanged is called after the centre or zoom changed.
	OnViewChanged func(center orb.Point, zoom float64)
	// OnResized is called after the widget got a new size.
	OnResized func(fyne.Size)
	// OnFirstFrame is called once, from the painting goroutine, when the
	// first frame with a size has been drawn.
	OnFirstFrame func()
	// OnEscape is called when Escape is pressed while the map has focus,
	// so the app can clear its search and selection; the map itself
	// changes nothing. Escape while a marker is moved by hand cancels
	// the move instead.
	OnEscape func()
	// OnMoved is called, on the UI goroutine, when the user has dragged
	// a place's marker with Shift held and dropped it, with the place (p
	// is &places[i] of the slice given to SetPlaces) and the lon/lat
	// under the pointer where it was dropped (on the map: a drop beyond
	// its edge counts at the edge). The map changes nothing: the owner
	// moves the place in its data and gives the map the places again
	// (SetPlaces, which fits the default view and clears the selection:
	// SetView back to the Center and Zoom of before, and Select the
	// place, to keep them); until then the marker is drawn where it was.
	// When OnMoved is nil, a Shift-drag pans like any other drag.
	OnMoved func(p *atlas.Place, to orb.Point)

	// Background, when set, builds the clusters of a large filter off
	// the UI goroutine (see SetShown): it must run build on another
	// goroutine, then done on the UI goroutine (with fyne.Do). Until done
	// runs, the map draws the places it showed before; a later SetShown
	// or SetPlaces makes the build's result stale, and done then drops
	// it. Nil builds the clusters at once, as tests and -png need.
	Background func(build, done func())

	places   []atlas.Place
	colors   []color.NRGBA  // per place
	hollow   []bool         // per place: NeedsCheck, drawn as a ring; nil when no place is
	shown    []int          // the places shown (indexes into places), or nil for all
	index    *cluster.Index // over the shown places
	all      *cluster.Index // over all the places, kept for when a filter ends
	allBound *orb.Bound     // the box of all the places (from Prepare)
	// shownBuf holds shown when it is not nil: SetShown copies into it,
	// so that its caller can reuse its slice.
	shownBuf []int
	want     []bool            // per place: asked for by the latest SetShown; nil for all
	wantBuf  []bool            // holds want
	gen      int               // counts SetShown and SetPrepared calls: a build started before the latest is stale
	view     viewport.Viewport // in Fyne units
	autoFit  bool              // keep fitting the settings on resize until the view is moved
	fitAll   bool              // with autoFit: fit every place, not the settings (after FitAll)
	fitting  bool              // the animation under way is FitDefault's, which keeps autoFit
	buttonW  float64           // width of the zoom buttons' strip at the right edge, from the layout
	selIdx   int               // selected place, or -1
	hovIdx   int               // hovered place, or -1
	focused  bool
	lay      markerLayout // where the markers are drawn, for the last view asked
	move     moving       // a marker being moved by hand, from a Shift press on it
	labels   drawnLabels  // the labels the last frame drew

	anim *fyne.Animation
	// animTarget is the view the animation under way ends at.
	animTarget viewport.Viewport

	tileState
	areaState
}

// NewMap returns a map with no places, showing the world.
func NewMap() *Map {
	m := &Map{selIdx: -1, hovIdx: -1, autoFit: true, view: viewport.New(orb.Point{0, 20}, 1, 0, 0), move: noMove}
	m.ExtendBaseWidget(m)
	return m
}

var (
	baseOnce sync.Once
	baseMap  *basemap.Basemap
	baseErr  error
)

// Preload starts decoding the embedded basemap in the background, so that
// it is ready by the first frame; an app calls it before building its
// window.
func Preload() {
	go Basemap()
}

// Basemap returns the embedded basemap, decoded on first use.
func Basemap() (*basemap.Basemap, error) {
	baseOnce.Do(func() { baseMap, baseErr = basemap.Load() })
	return baseMap, baseErr
}

// SetPlaces replaces the places shown. reports gives each report's colour
// (its index in Palette); a place takes the colour of the report it is a
// setting of, else of the first report that quotes it, unless it sets
// simplestyle marker-color. A place that NeedsCheck is drawn hollow: a
// ring in its colour around the map's background colour. The map keeps
// places; the caller must not change them afterwards (to change one,
// such as after OnMoved, give the map the new places). The selection is
// cleared, and so are the areas (SetAreas).
func (m *Map) SetPlaces(places []atlas.Place, reports []atlas.Report) {
	m.SetPrepared(Prepare(places, reports, nil))
}

// Prepared is places made ready for a Map: their colours, their cluster
// index and their areas projected, the work SetPlaces and SetAreas do,
// which takes about a second at a million places. Make it with Prepare on a worker goroutine and show it
// with SetPrepared on the UI goroutine, which then takes a moment.
type Prepared struct {
	places []atlas.Place
	colors []color.NRGBA
	hollow []bool
	index  *cluster.Index

	areas     []*basemap.Shape
	areaOrder []int
	bound     *orb.Bound // of all the places; nil for none
}

// Prepare works out what a Map needs to show places, quoted by reports,
// with their areas (as SetAreas takes them; nil for none). It only reads
// them, and it is safe to call from any goroutine; the places must not
// change afterwards while a Map shows them.
func Prepare(places []atlas.Place, reports []atlas.Report, areas []orb.MultiPolygon) *Prepared {
	p := &Prepared{
		places: places,
		colors: placeColors(places, reports),
		hollow: hollowPlaces(places),
		index:  newIndex(places, nil),
	}
	if len(areas) == len(places) {
		p.areas, p.areaOrder = projectAreas(areas)
	}
	if b, ok := boundOf(places, keeping(len(places), nil)); ok {
		p.bound = &b
	}
	return p
}

// SetPrepared shows prepared places, as SetPlaces does.
func (m *Map) SetPrepared(p *Prepared) {
	m.places = p.places
	m.colors = p.colors
	m.hollow = p.hollow
	m.shown, m.want = nil, nil
	m.gen++
	m.move = noMove // its place may be gone
	m.index = p.index
	m.all, m.allBound = m.index, p.bound
	m.areas, m.areaOrder = p.areas, p.areaOrder
	m.selIdx, m.hovIdx = -1, -1
	m.autoFit, m.fitAll = true, false
	m.applyAutoFit()
	m.Refresh()
}

// SetShown shows only the places at the given indexes into the places
// given to SetPlaces (nil shows them all), as filters do. A hidden
// selection is cleared. The view stays. With Background set and
// backgroundAt places or more to show, their clusters are built on a
// worker: the markers change when they are ready, and the selection
// already follows the new places.
func (m *Map) SetShown(indexes []int) {
	m.gen++ // supersedes a build under way
	if indexes == nil || len(indexes) == len(m.places) {
		m.want = nil
		if m.shown != nil {
			m.showIndex(nil, m.all)
		}
		return
	}
	m.setWant(indexes)
	if m.selIdx >= 0 && !m.isShown(m.selIdx) {
		m.selIdx = -1
		m.Refresh()
	}
	switch {
	case m.shown != nil && slices.Equal(indexes, m.shown):
		return
	case m.Background != nil && len(indexes) >= backgroundAt:
		shown, places, gen := slices.Clone(indexes), m.places, m.gen
		var ix *cluster.Index
		m.Background(func() { ix = newIndex(places, shown) }, func() {
			if m.gen == gen {
				m.showIndex(shown, ix)
			}
		})
	default:
		m.shownBuf = append(m.shownBuf[:0], indexes...)
		m.showIndex(m.shownBuf, newIndex(m.places, m.shownBuf))
	}
}

// backgroundAt is how many places SetShown must show before it builds
// their clusters with Background: about 20 ms of clustering.
const backgroundAt = 20_000

// showIndex draws the markers of index, the clusters of the places at
// shown (nil: all of them). SetShown has cleared a selection they hide.
func (m *Map) showIndex(shown []int, index *cluster.Index) {
	m.shown, m.index = shown, index
	m.move = noMove // its place may be hidden
	m.hovIdx = -1
	m.Refresh()
}

// setWant records the places of the latest SetShown in want.
func (m *Map) setWant(indexes []int) {
	m.wantBuf = slices.Grow(m.wantBuf[:0], len(m.places))[:len(m.places)]
	clear(m.wantBuf)
	for _, i := range indexes {
		if i >= 0 && i < len(m.wantBuf) {
			m.wantBuf[i] = true
		}
	}
	m.want = m.wantBuf
}

// isShown reports whether place i is among those the latest SetShown
// asked for (whose markers may still be on their way).
func (m *Map) isShown(i int) bool {
	return i >= 0 && i < len(m.places) && (m.want == nil || m.want[i])
}

// newIndex clusters places, or those at the indexes shown when it is not
// nil; the index's points are shown's positions.
func newIndex(places []atlas.Place, shown []int) *cluster.Index {
	n := len(places)
	if shown != nil {
		n = len(shown)
	}
	return cluster.NewFunc(n, func(k int) cluster.Point {
		i := k
		if shown != nil {
			i = shown[k]
		}
		p := &places[i]
		w := viewport.ToWorld(p.Point)
		return cluster.Point{X: w[0], Y: w[1], Priority: p.Role == atlas.RoleSetting}
	}, cluster.Options{Radius: clusterRadius, MaxZoom: int(viewport.MaxZoom) - 1, MinPriorityPoints: minSettingCluster})
}

// markerLayout is where one view draws its markers: the visible items and
// their discs, spread apart so that none hides another.
type markerLayout struct {
	view  viewport.Viewport
	index *cluster.Index
	items []cluster.Item
	spots []spot // per item, in Fyne units
	grid  discGrid

	held     int  // the item drawn at the pointer while it is moved by hand, or -1
	heldFrom spot // its spot in the spread layout
}

// drawnLabels are the labels of places and clusters a frame drew, for
// taps and Labels.
type drawnLabels struct {
	view  viewport.Viewport
	index *cluster.Index
	scale float64 // pixels per Fyne unit in the frame
	list  []drawnLabel
}

// drawnLabel is one label: its box in the frame's pixels and the layout
// index of the marker it names.
type drawnLabel struct {
	text string
	box  rect
	item int
}

// labelAt returns the layout index of the marker whose label the last
// frame drew at pos, or -1, also when the view has moved since.
func (m *Map) labelAt(pos fyne.Position) int {
	ls := &m.labels
	if ls.view != m.view || ls.index != m.index || ls.scale <= 0 {
		return -1
	}
	x, y := float64(pos.X)*ls.scale, float64(pos.Y)*ls.scale
	for _, l := range ls.list {
		if x >= l.box.x0 && x <= l.box.x1 && y >= l.box.y0 && y <= l.box.y1 {
			return l.item
		}
	}
	return -1
}

// Label is a name the map drew beside a marker.
type Label struct {
	Text   string
	Pos    fyne.Position // top-left corner, in Fyne units
	Size   fyne.Size
	Marker Marker // the marker it names
}

// Labels returns the labels of places and clusters the last frame drew,
// or nil when the view has changed since, for tests and scripts. It
// allocates.
func (m *Map) Labels() []Label {
	ls := &m.labels
	if ls.view != m.view || ls.index != m.index || ls.scale <= 0 {
		return nil
	}
	l := m.layout()
	out := make([]Label, 0, len(ls.list))
	for _, d := range ls.list {
		b, s := d.box, float32(ls.scale)
		out = append(out, Label{
			Text:   d.text,
			Pos:    fyne.NewPos(float32(b.x0)/s, float32(b.y0)/s),
			Size:   fyne.NewSize(float32(b.x1-b.x0)/s, float32(b.y1-b.y0)/s),
			Marker: m.marker(l, d.item),
		})
	}
	return out
}

// layout returns the markers' layout for the current view, working it out
// when the view or the places shown changed since the last call. The
// frame, taps and PixelOf all use it, so a marker is hit where it is
// drawn. It allocates only when its buffers grow.
func (m *Map) layout() *markerLayout {
	l := &m.lay
	if l.index != m.index || l.view != m.view {
		m.layOut(l)
	}
	l.hold(m.heldMarker())
	return l
}

// layOut works out the layout for the current view.
func (m *Map) layOut(l *markerLayout) {
	l.view, l.index, l.held = m.view, m.index, -1
	l.items, l.spots = l.items[:0], l.spots[:0]
	if m.index != nil && m.view.W > 0 && m.view.H > 0 {
		o, s := m.view.Origin(), m.view.Scale()
		const edge = maxMarkerRadius + 2 // markers this far off the view still show in part
		margin := edge / s
		wb := m.view.WorldBounds()
		l.items = m.items(l.items, m.view.Zoom, wb.Min[0]-margin, wb.Min[1]-margin, wb.Max[0]+margin, wb.Max[1]+margin)
		for _, it := range l.items {
			x, y := (it.X-o[0])*s, (it.Y-o[1])*s
			l.spots = append(l.spots, spot{x: x, y: y, ax: x, ay: y, r: m.markerRadius(it)})
		}
		l.grid.setArea(-edge, -edge, m.view.W+2*edge, m.view.H+2*edge)
	}
	spread(l.spots, &l.grid)
}

// hold draws the layout's k-th marker at (x, y), with no leader line, as
// the marker being moved by hand, and puts back the one held before; k
// -1 holds none. The grid keeps the marker's spot in the spread layout.
func (l *markerLayout) hold(k int, x, y float64) {
	if l.held == k && k >= 0 && l.spots[k].x == x && l.spots[k].y == y {
		return
	}
	if l.held >= 0 {
		l.spots[l.held] = l.heldFrom
		l.held = -1
	}
	if k < 0 || k >= len(l.spots) {
		return
	}
	l.held, l.heldFrom = k, l.spots[k]
	sp := &l.spots[k]
	sp.x, sp.y, sp.ax, sp.ay = x, y, x, y
}

// placeOf maps an index point to its place.
func (m *Map) placeOf(k int) int {
	if m.shown == nil || k < 0 {
		return k
	}
	return m.shown[k]
}

// items returns the visible items with Point mapped to places.
func (m *Map) items(dst []cluster.Item, zoom, minX, minY, maxX, maxY float64) []cluster.Item {
	dst = m.index.Items(dst, zoom, minX, minY, maxX, maxY)
	if m.shown != nil {
		for i := range dst {
			dst[i].Point = m.placeOf(dst[i].Point)
		}
	}
	return dst
}

// hitItem is the index's Hit with Point mapped to places.
func (m *Map) hitItem(zoom, x, y, radius float64) (cluster.Item, bool) {
	it, ok := m.index.Hit(zoom, x, y, radius)
	it.Point = m.placeOf(it.Point)
	return it, ok
}

// members lists a cluster's places.
func (m *Map) members(dst []int, id int) []int {
	dst = m.index.Members(dst, id)
	if m.shown != nil {
		for i := range dst {
			dst[i] = m.shown[dst[i]]
		}
	}
	return dst
}

// placeColors picks each place's marker colour.
func placeColors(places []atlas.Place, reports []atlas.Report) []color.NRGBA {
	rank := make(map[string]int, len(reports))
	settingOf := map[string]int{}
	for i, r := range reports {
		rank[r.ID] = i
		for _, id := range r.Settings {
			if _, ok := settingOf[id]; !ok {
				settingOf[id] = i
			}
		}
	}
	cs := make([]color.NRGBA, len(places))
	for i := range places {
		p := &places[i]
		switch r, isSetting := settingOf[p.ID]; {
		case p.HasMarkerColor:
			cs[i] = p.MarkerColor
		case isSetting:
			cs[i] = ReportColor(r)
		default: // the first report quoting it; unattributed quotes name none
			r := -1
			if id := firstReport(p); id != "" {
				if k, ok := rank[id]; ok {
					r = k
				}
			}
			cs[i] = ReportColor(r)
		}
	}
	return cs
}

// firstReport is p.Reports()[0], or "" when no report quotes p, without
// making the list.
func firstReport(p *atlas.Place) string {
	for _, e := range p.Excerpts {
		if e.Report != "" {
			return e.Report
		}
	}
	return ""
}

// hollowPlaces says which places NeedsCheck, or is nil when none does.
func hollowPlaces(places []atlas.Place) []bool {
	var h []bool
	for i := range places {
		if !places[i].NeedsCheck() {
			continue
		}
		if h == nil {
			h = make([]bool, len(places))
		}
		h[i] = true
	}
	return h
}

// isHollow reports whether place i is drawn hollow.
func (m *Map) isHollow(i int) bool { return i >= 0 && i < len(m.hollow) && m.hollow[i] }

// PlaceColor returns the marker colour of the i-th place given to
// SetPlaces, for lists and legends.
func (m *Map) PlaceColor(i int) color.NRGBA {
	if i < 0 || i >= len(m.colors) {
		return ReportColor(-1)
	}
	return m.colors[i]
}

// Places returns the places shown.
func (m *Map) Places() []atlas.Place { return m.places }

// Center returns the lon/lat at the middle of the map.
func (m *Map) Center() orb.Point { return m.view.Center }

// Zoom returns the current zoom level (fractional).
func (m *Map) Zoom() float64 { return m.view.Zoom }

// View returns the current view in Fyne units.
func (m *Map) View() viewport.Viewport { return m.view }

// SetView moves the map to center at zoom, at once.
func (m *Map) SetView(center orb.Point, zoom float64) {
	m.setView(viewport.New(center, zoom, m.view.W, m.view.H))
}

// constrain keeps a view on the world: zoomed in at least far enough that
// the world is as tall as the view, and never showing beyond the poles.
func constrain(v viewport.Viewport) viewport.Viewport {
	v = v.Normalize()
	if v.H <= 0 {
		return v
	}
	if minZ := math.Log2(v.H / viewport.TileSize); v.Zoom < minZ {
		v.Zoom = math.Min(minZ, viewport.MaxZoom)
	}
	c := viewport.ToWorld(v.Center)
	half := v.H / 2 / v.Scale()
	if c[1] < half || c[1] > 1-half {
		c[1] = math.Max(half, math.Min(1-half, c[1]))
		v.Center = viewport.FromWorld(c)
		v = v.Normalize()
	}
	return v
}

// setView changes the view and refreshes, if anything changed.
func (m *Map) setView(v viewport.Viewport) {
	v = constrain(v)
	if v == m.view {
		return
	}
	m.view = v
	m.autoFit = false
	m.Refresh()
	if m.OnViewChanged != nil {
		m.OnViewChanged(v.Center, v.Zoom)
	}
}

// animateTo moves the view to v smoothly (a quarter second), or at once
// while a test app runs animations instantly anyway.
func (m *Map) animateTo(v viewport.Viewport) {
	v = constrain(v)
	if m.anim != nil && sameView(m.animTarget, v) {
		return // under way already: a search that keeps what it showed
	}
	m.stopAnimation()
	from := m.view
	if from.W == 0 || sameView(from, v) || fyne.CurrentApp() == nil {
		m.setView(v)
		return
	}
	a, b := viewport.ToWorld(from.Center), viewport.ToWorld(v.Center)
	if d := b[0] - a[0]; d > 0.5 { // the short way round the world
		b[0]--
	} else if d < -0.5 {
		b[0]++
	}
	m.animTarget = v
	m.anim = fyne.NewAnimation(animationDuration, func(f float32) {
		t := float64(f)
		// Interpolate the zoom linearly and the centre in world units, so
		// the motion looks even at every zoom.
		z := from.Zoom + (v.Zoom-from.Zoom)*t
		c := orb.Point{a[0] + (b[0]-a[0])*t, a[1] + (b[1]-a[1])*t}
		m.setView(viewport.Viewport{Center: viewport.FromWorld(c), Zoom: z, W: m.view.W, H: m.view.H})
		if m.fitting {
			m.autoFit = true
		}
	})
	m.anim.Curve = fyne.AnimationEaseInOut
	m.anim.Start()
}

// sameView reports whether two views of one size show the same, to
// within a tenth of a pixel: animating from one to the other would redraw
// the same frame over and over.
func sameView(a, b viewport.Viewport) bool {
	if a.W != b.W || a.H != b.H || math.Abs(a.Zoom-b.Zoom) > 1e-4 {
		return false
	}
	pa, pb := viewport.ToWorld(a.Center), viewport.ToWorld(b.Center)
	s := viewport.Scale(a.Zoom)
	return math.Abs(pa[0]-pb[0])*s < 0.1 && math.Abs(pa[1]-pb[1])*s < 0.1
}

// FitAll shows every place.
//
// Like FitDefault, the map keeps to it while the window is resized,
// until the view is moved.
func (m *Map) FitAll() {
	if m.allBound != nil {
		m.fitBound(*m.allBound)
		m.fitting = m.anim != nil
	}
	m.autoFit, m.fitAll = true, true
}

// FitDefault shows every setting (every place when there is none): the
// view the map opens with, and keeps to while the window is resized until
// the view is moved.
func (m *Map) FitDefault() {
	if b, ok := m.defaultBound(); ok {
		m.fitBound(b)
		m.fitting = m.anim != nil
	}
	m.autoFit, m.fitAll = true, false
}

// applyAutoFit sets the default view at once, if the map follows it.
func (m *Map) applyAutoFit() {
	if !m.autoFit || m.view.W <= 0 || m.view.H <= 0 {
		return
	}
	b, ok := m.defaultBound()
	if m.fitAll {
		b, ok = m.boundAll()
	}
	if ok {
		m.view = constrain(viewport.FitInsets(b, m.view.W, m.view.H, m.fitInsets(), maxFitZoom))
	}
}

// fitInsets are the margins a fitted view keeps: fitPadding (less on a
// small map), and on the right the zoom buttons' strip besides.
func (m *Map) fitInsets() viewport.Insets {
	pad := math.Min(fitPadding, math.Min(m.view.W, m.view.H)/4)
	right := pad + math.Min(m.buttonW, m.view.W/4)
	return viewport.Insets{Left: pad, Top: pad, Right: right, Bottom: pad}
}

// FitPlaces shows the places with the given ids.
func (m *Map) FitPlaces(ids []string) {
	want := make(map[string]bool, len(ids))
	for _, id := range ids {
		want[id] = true
	}
	m.fitIndexes(func(i int) bool { return want[m.places[i].ID] })
}

// FitIndexes is FitPlaces for the places at the given indexes into the
// places given to SetPlaces.
func (m *Map) FitIndexes(indexes []int) {
	b, ok := m.boundAll() // a search that keeps them all
	if len(indexes) != len(m.places) {
		b, ok = boundOf(m.places, slices.Values(indexes))
	}
	if ok {
		m.fitBound(b)
	}
}

func (m *Map) fitIndexes(keep func(int) bool) {
	if b, ok := boundOf(m.places, keeping(len(m.places), keep)); ok {
		m.fitBound(b)
	}
}

// boundAll is the box of all the places (worked out by Prepare); false
// when there is none.
func (m *Map) boundAll() (orb.Bound, bool) {
	if m.allBound == nil {
		return orb.Bound{}, false
	}
	return *m.allBound, true
}

// boundOf is the box of the places at the indexes seq yields; false when
// it yields none.
func boundOf(places []atlas.Place, seq iter.Seq[int]) (b orb.Bound, ok bool) {
	for i := range seq {
		p := places[i].Point
		if !ok {
			b, ok = orb.Bound{Min: p, Max: p}, true
		} else {
			b = b.Extend(p)
		}
	}
	return b, ok
}

// keeping yields the indexes below n that keep keeps (all of them when
// keep is nil).
func keeping(n int, keep func(int) bool) iter.Seq[int] {
	return func(yield func(int) bool) {
		for i := range n {
			if (keep == nil || keep(i)) && !yield(i) {
				return
			}
		}
	}
}

// fitBound shows b, zooming no further in than maxFitZoom.
func (m *Map) fitBound(b orb.Bound) {
	if m.view.W <= 0 || m.view.H <= 0 {
		return
	}
	m.animateTo(viewport.FitInsets(b, m.view.W, m.view.H, m.fitInsets(), maxFitZoom))
}

// ZoomIn zooms in one level about the centre.
func (m *Map) ZoomIn() { m.zoomBy(1) }

// ZoomOut zooms out one level about the centre.
func (m *Map) ZoomOut() { m.zoomBy(-1) }

func (m *Map) zoomBy(dz float64) {
	m.animateTo(m.view.ZoomAbout(m.view.W/2, m.view.H/2, math.Round(m.view.Zoom+dz)))
}

// Select highlights the place with the given id, bringing it into view if
// it is off screen, and reports whether there is such a place shown. An
// empty id clears the selection. OnSelected is not called.
func (m *Map) Select(id string) bool {
	if id == "" {
		m.setSelected(-1)
		return true
	}
	for i := range m.places {
		if m.places[i].ID == id && m.isShown(i) {
			m.setSelected(i)
			m.ShowPlace(i)
			return true
		}
	}
	return false
}

// Selected returns the selected place, or nil.
func (m *Map) Selected() *atlas.Place {
	if m.selIdx < 0 {
		return nil
	}
	return &m.places[m.selIdx]
}

func (m *Map) setSelected(i int) {
	if i == m.selIdx {
		return
	}
	m.selIdx = i
	m.Refresh()
}

// ShowPlace pans (and zooms, if the place is hidden in a cluster) so the
// i-th place can be seen, smoothly.
func (m *Map) ShowPlace(i int) {
	if !m.isShown(i) || m.view.W <= 0 {
		return
	}
	p := m.places[i].Point
	x, y := m.view.ToPixel(p)
	margin := fitPadding / 2.0 // closer to the edge than this is hard to see
	onScreen := x >= margin && y >= margin && x <= m.view.W-margin && y <= m.view.H-margin
	target := m.view
	if !onScreen {
		target = viewport.New(p, m.view.Zoom, m.view.W, m.view.H)
	}
	// Zoom in until the place stands alone rather than in a cluster.
	for target.Zoom < viewport.MaxZoom-1 {
		it, ok := m.hitItem(target.Zoom, viewport.ToWorld(p)[0], viewport.ToWorld(p)[1], 1e-12)
		if ok && it.Count == 1 {
			break
		}
		target = target.ZoomAbout(target.W/2, target.H/2, math.Floor(target.Zoom)+1)
		target.Center = p
	}
	if target != m.view {
		m.animateTo(target.Normalize())
	}
}

// PixelOf returns where the place with the given id is drawn, in Fyne
// units from the widget's top-left corner, and whether it is on screen:
// the centre of its marker, moved apart from its neighbours' if it is, or
// its true spot when it is hidden in a cluster.
func (m *Map) PixelOf(id string) (fyne.Position, bool) {
	for i := range m.places {
		if m.places[i].ID == id {
			x, y := m.view.ToPixel(m.places[i].Point)
			if k := m.layout().spotOf(i, x, y); k >= 0 {
				x, y = m.lay.spots[k].x, m.lay.spots[k].y
			}
			return fyne.NewPos(float32(x), float32(y)), x >= 0 && y >= 0 && x < m.view.W && y < m.view.H
		}
	}
	return fyne.Position{}, false
}

// spotOf returns the layout's marker of place i whose true spot is nearest
// (x, y) (of the world's copies), or -1 when the place has no marker of
// its own.
func (l *markerLayout) spotOf(i int, x, y float64) int {
	best, bestD := -1, math.Inf(1)
	for k, it := range l.items {
		if it.Count != 1 || it.Point != i {
			continue
		}
		if d := math.Hypot(l.spots[k].ax-x, l.spots[k].ay-y); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

// Resize sizes the widget, keeping the map's centre and zoom, or, until
// the view has been moved, fitting the settings to the new size.
func (m *Map) Resize(s fyne.Size) {
	if s == m.Size() && m.view.W > 0 {
		return
	}
	m.BaseWidget.Resize(s)
	m.view.W, m.view.H = float64(s.Width), float64(s.Height)
	if m.anim != nil && m.fitting {
		// A fit under way was aimed at the old size: fit the new one at
		// once rather than let the animation finish at the old target.
		m.stopAnimation()
		m.autoFit = true
	}
	m.applyAutoFit()
	m.Refresh()
	if m.OnResized != nil {
		m.OnResized(s)
	}
}

// defaultBound is the bound of the settings, or of all places.
func (m *Map) defaultBound() (orb.Bound, bool) {
	if b, ok := boundOf(m.places, keeping(len(m.places), func(i int) bool { return m.places[i].Role == atlas.RoleSetting })); ok {
		return b, true
	}
	return m.boundAll()
}

// MinSize is small: a map can be any size.
func (m *Map) MinSize() fyne.Size {
	return fyne.NewSize(120, 90)
}

// CreateRenderer implements fyne.Widget.
func (m *Map) CreateRenderer() fyne.WidgetRenderer {
	return newRenderer(m)
}

// pixelImage is reused between frames.
type pixelImage struct {
	img *image.RGBA
}

func (p *pixelImage) ensure(w, h int) *image.RGBA {
	if p.img == nil || p.img.Rect.Dx() != w || p.img.Rect.Dy() != h {
		p.img = image.NewRGBA(image.Rect(0, 0, w, h))
	}
	return p.img
}

// Marker is one marker drawn on the map: a place or a cluster.
type Marker struct {
	Pos    fyne.Position // centre, in Fyne units from the top-left corner
	At     fyne.Position // the true spot; a leader line joins it to Pos when they differ
	Radius float32       // of the disc, in Fyne units
	Count  int           // 1 for a place
	Place  *atlas.Place  // the place when Count is 1
	Hollow bool          // drawn as a ring, not a disc: the place NeedsCheck (never a cluster)
}

// Markers returns the markers the current view draws whose true spot is
// in view, for tests, scripts and accessibility. It allocates; the frame
// does not use it.
func (m *Map) Markers() []Marker {
	l := m.layout()
	var out []Marker
	for k := range l.items {
		sp := &l.spots[k]
		if sp.ax < 0 || sp.ay < 0 || sp.ax > m.view.W || sp.ay > m.view.H {
			continue
		}
		out = append(out, m.marker(l, k))
	}
	return out
}

// marker describes the layout's k-th marker.
func (m *Map) marker(l *markerLayout, k int) Marker {
	sp, it := &l.spots[k], l.items[k]
	mk := Marker{Pos: fyne.NewPos(float32(sp.x), float32(sp.y)), At: fyne.NewPos(float32(sp.ax), float32(sp.ay)), Radius: float32(sp.r), Count: it.Count}
	if it.Count == 1 {
		mk.Place = &m.places[it.Point]
		mk.Hollow = m.isHollow(it.Point)
	}
	return mk
}
