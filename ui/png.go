package ui

import (
	"fmt"
	"image"
	"image/png"
	"io"
	"io/fs"
	"math"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"github.com/paulmach/orb"

	"reportmap/atlas"
	"reportmap/gazetteer"
	"reportmap/internal/headless"
	"reportmap/internal/userfile"
	"reportmap/mapview"
	"reportmap/mapview/viewport"
)

// Headless is a view rendered without a display, through Fyne's software
// renderer: for -png, for -locate, and for tests and scripts.
//
// The goroutine that calls NewHeadless owns the view: fyne.Do callbacks
// from other goroutines (tiles arriving) are queued for it and run while
// it renders or waits (see [headless.App]), so no widget is touched from
// two goroutines.
type Headless struct {
	View   *View
	app    *headless.App
	canvas fyne.Canvas
	theme  fyne.Theme
}

// HeadlessOptions say what a headless rendering shows.
type HeadlessOptions struct {
	Dark   bool
	Select string // the place to choose, "" for none
	// FitAll frames all the places, as the window shows an imported
	// report, rather than the default view (the settings).
	FitAll bool
	// View, when set, is the map's view instead (-view LON,LAT,ZOOM).
	View *MapView
}

// MapView is a view of the map: its centre (lon, lat in degrees) and
// zoom level (web-mercator, 0 is the whole world in 256 units).
type MapView struct {
	Center orb.Point
	Zoom   float64
}

// ParseMapView parses "LON,LAT,ZOOM", as -view takes it: longitude −180
// to 180, latitude within the map's ±85.05°, zoom 0 to the map's maximum.
func ParseMapView(s string) (MapView, error) {
	var v MapView
	parts := strings.Split(s, ",")
	if len(parts) != 3 {
		return v, fmt.Errorf("-view is %q; want LON,LAT,ZOOM, such as 2.37,51.03,9", s)
	}
	var nums [3]float64
	for i, p := range parts {
		f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return v, fmt.Errorf("-view is %q: %q is not a number; want LON,LAT,ZOOM", s, p)
		}
		nums[i] = f
	}
	switch {
	case nums[0] < -180 || nums[0] > 180:
		return v, fmt.Errorf("-view is %q: longitude %g is outside −180 to 180", s, nums[0])
	case math.Abs(nums[1]) > viewport.MaxLatitude:
		return v, fmt.Errorf("-view is %q: latitude %g is outside ±%.2f, the map's edge", s, nums[1], viewport.MaxLatitude)
	case nums[2] < viewport.MinZoom || nums[2] > viewport.MaxZoom:
		return v, fmt.Errorf("-view is %q: zoom %g is outside %g to %g", s, nums[2], viewport.MinZoom, viewport.MaxZoom)
	}
	return MapView{Center: orb.Point{nums[0], nums[1]}, Zoom: nums[2]}, nil
}

// frame sets the map's view as opts ask, once it has its size.
func (opts HeadlessOptions) frame(m *mapview.Map) {
	switch {
	case opts.View != nil:
		m.FinishAnimation() // a selection's pan, if any, gives way
		m.SetView(opts.View.Center, opts.View.Zoom)
	case opts.FitAll:
		m.FitAll()
		m.FinishAnimation()
	}
}

// NewHeadless lays out a's view at size as opts say. Places the geoparser
// found get the panel's review, its buttons drawn but doing nothing.
//
// Fyne renders without a display only through its test package: the
// software painter is internal, and driver/software, its one public
// wrapper, returns a test.WindowlessCanvas. So the app links
// fyne.io/fyne/v2/test for -png.
func NewHeadless(a *atlas.Atlas, texts fs.FS, size fyne.Size, opts HeadlessOptions) (*Headless, error) {
	ha := headless.Wrap(test.NewApp())
	variant := theme.VariantLight
	if opts.Dark {
		variant = theme.VariantDark
	}
	th := headless.Theme(variant)
	fyne.CurrentApp().Settings().SetTheme(th)
	v := NewView(a, texts)
	v.ShowReport = func(*atlas.Report, string) {} // shows the button
	if hasProvenance(a) {
		g, err := gazetteer.Default()
		if err != nil {
			return nil, err
		}
		v.Gazetteer = g
		v.OnCorrect = func(Correction) {}     // shows the review's buttons
		v.OnSearchGazetteer = func(string) {} // and Search the gazetteer…
	}
	c := software.NewCanvas()
	c.SetPadded(false)
	c.SetContent(v.Content)
	c.Resize(size)
	if opts.FitAll && opts.View == nil {
		opts.frame(v.Map) // before choosing, which pans only if it must
	}
	if opts.Select != "" && !v.Select(opts.Select) {
		return nil, fmt.Errorf("no place %q to select", opts.Select)
	}
	if opts.View != nil {
		opts.frame(v.Map)
	}
	return &Headless{View: v, app: ha, canvas: c, theme: th}, nil
}

// Image runs the queued UI callbacks and renders the view.
func (h *Headless) Image() image.Image {
	h.app.Drain()
	return software.RenderCanvas(h.canvas, h.theme)
}

// WaitForTiles renders until every visible tile has arrived or the time is
// up, and returns how many are still missing.
func (h *Headless) WaitForTiles(limit time.Duration) int {
	deadline := time.Now().Add(limit)
	for {
		h.Image()
		n := h.View.Map.TilesPending()
		if n == 0 || time.Now().After(deadline) {
			// Let fading tiles finish, so the last frame draws them in full.
			h.app.RunUntil(func() bool { return false }, 300*time.Millisecond)
			return n
		}
		h.app.RunUntil(func() bool { return false }, 50*time.Millisecond)
	}
}

// Close closes the basemap's tile layer and source.
func (h *Headless) Close() {
	if err := h.View.SetBasemap(OfflineBasemap, ""); err != nil {
		fyne.LogError("reportmap: closing the basemap", err)
	}
	h.app.Drain()
}

// Locate returns where the place id is drawn on a map of the given size
// in its default view (or as opts frame it: all its places, as the window
// shows an imported report, or a given view), in Fyne units from the
// map's top-left corner: the same arithmetic the window's map uses, for
// scripts that click places.
func Locate(a *atlas.Atlas, size fyne.Size, id string, opts HeadlessOptions) (fyne.Position, bool) {
	test.NewApp()
	m := mapview.NewMap()
	m.SetPlaces(a.Places, a.Reports)
	m.Resize(size)
	opts.frame(m)
	return m.PixelOf(id)
}

// WritePNG encodes img as PNG into path, atomically (see
// userfile.WriteAtomic): a crash never leaves half a file.
func WritePNG(path string, img image.Image) error {
	if err := userfile.WriteAtomic(path, func(w io.Writer) error { return png.Encode(w, img) }); err != nil {
		return fmt.Errorf("export %s: %w", path, err)
	}
	return nil
}
