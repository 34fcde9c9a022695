package ui

import (
	"fmt"
	"image"
	"image/png"
	"io"
	"io/fs"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"reportmap/atlas"
	"reportmap/gazetteer"
	"reportmap/internal/headless"
	"reportmap/internal/userfile"
	"reportmap/mapview"
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

// NewHeadless lays out a's view at size, in the light or dark theme, with
// the place select chosen ("" for none); all fits the map to all the
// places, as the window shows an imported report. Places the geoparser
// found get the panel's review, its buttons drawn but doing nothing.
//
// Fyne renders without a display only through its test package: the
// software painter is internal, and driver/software, its one public
// wrapper, returns a test.WindowlessCanvas. So the app links
// fyne.io/fyne/v2/test for -png.
func NewHeadless(a *atlas.Atlas, texts fs.FS, size fyne.Size, dark bool, selectID string, all bool) (*Headless, error) {
	ha := headless.Wrap(test.NewApp())
	variant := theme.VariantLight
	if dark {
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
	if all {
		v.Map.FitAll()
		v.Map.FinishAnimation()
	}
	if selectID != "" && !v.Select(selectID) {
		return nil, fmt.Errorf("no place %q to select", selectID)
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
// in its default view (with all, fitted to all its places, as the window
// shows an imported report), in Fyne units from the map's top-left
// corner: the same arithmetic the window's map uses, for scripts that
// click places.
func Locate(a *atlas.Atlas, size fyne.Size, id string, all bool) (fyne.Position, bool) {
	test.NewApp()
	m := mapview.NewMap()
	m.SetPlaces(a.Places, a.Reports)
	m.Resize(size)
	if all {
		m.FitAll() // as the window does after importing a report
		m.FinishAnimation()
	}
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
