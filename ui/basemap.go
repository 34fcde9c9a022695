package ui

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"reportmap/mapview/tiles"
)

// BasemapChoice says which basemap the map shows over the embedded one:
// "offline" (none), "osm", "xyz:<template>" or "mbtiles:<path>".
type BasemapChoice string

// The basemap choices without arguments.
const (
	BasemapOffline BasemapChoice = "offline"
	BasemapOSM     BasemapChoice = "osm"
)

// UserAgent is what the app tells tile servers, as OpenStreetMap's tile
// usage policy asks: the app, its version and where to find it.
func UserAgent(version string) string {
	return "reportmap/" + version + " (+https://github.com/reportmap/reportmap)"
}

// OpenSource makes the tile source for a choice; nil for offline.
func OpenSource(c BasemapChoice, version string) (tiles.Source, error) {
	opt := tiles.XYZOptions{UserAgent: UserAgent(version)}
	switch {
	case c == "" || c == BasemapOffline:
		return nil, nil
	case c == BasemapOSM:
		return tiles.OpenStreetMap(opt), nil
	case strings.HasPrefix(string(c), "xyz:"):
		return tiles.NewXYZ(strings.TrimPrefix(string(c), "xyz:"), "", opt)
	case strings.HasPrefix(string(c), "mbtiles:"):
		return tiles.OpenMBTiles(strings.TrimPrefix(string(c), "mbtiles:"))
	}
	return nil, fmt.Errorf("unknown basemap %q", c)
}

// SetBasemap switches the map's basemap. On error the previous basemap
// stays and the error is returned.
func (v *View) SetBasemap(c BasemapChoice, version string) error {
	src, err := OpenSource(c, version)
	if err != nil {
		return err
	}
	if old := v.Map.Tiles(); old != nil {
		old.Close()
		if cl, ok := old.Source().(interface{ Close() error }); ok {
			cl.Close()
		}
	}
	if src == nil {
		v.Map.SetTiles(nil)
	} else {
		v.Map.SetTiles(tiles.NewLayer(src, tiles.LayerOptions{OnUpdate: v.Map.TilesChanged}))
	}
	v.basemap = c
	v.trace("basemap %s", c)
	return nil
}

// Basemap returns the basemap choice shown.
func (v *View) Basemap() BasemapChoice {
	if v.basemap == "" {
		return BasemapOffline
	}
	return v.basemap
}

// basemapMenu is View ▸ Basemap.
func (win *Window) basemapMenu() *fyne.MenuItem {
	item := fyne.NewMenuItem("Basemap", nil)
	offline := fyne.NewMenuItem("Offline (Natural Earth)", func() { win.chooseBasemap(BasemapOffline) })
	osm := fyne.NewMenuItem("OpenStreetMap (online)", func() { win.chooseBasemap(BasemapOSM) })
	custom := fyne.NewMenuItem("Custom tile server…", win.customTilesDialog)
	mb := fyne.NewMenuItem("MBTiles file…", win.mbtilesDialog)
	item.ChildMenu = fyne.NewMenu("", offline, osm, custom, mb)
	win.basemapItems = []*fyne.MenuItem{offline, osm, custom, mb}
	win.checkBasemapItems()
	return item
}

// checkBasemapItems ticks the basemap in use.
func (win *Window) checkBasemapItems() {
	if len(win.basemapItems) < 4 {
		return
	}
	c := win.View.Basemap()
	win.basemapItems[0].Checked = c == BasemapOffline
	win.basemapItems[1].Checked = c == BasemapOSM
	win.basemapItems[2].Checked = strings.HasPrefix(string(c), "xyz:")
	win.basemapItems[3].Checked = strings.HasPrefix(string(c), "mbtiles:")
	if m := win.W.MainMenu(); m != nil {
		m.Refresh()
	}
}

// chooseBasemap switches and remembers the basemap, or says why not.
func (win *Window) chooseBasemap(c BasemapChoice) {
	if err := win.View.SetBasemap(c, win.opts.Version); err != nil {
		win.trace("error %s", oneLine(err.Error()))
		dialog.ShowError(fmt.Errorf("the basemap could not be changed:\n\n%s", strings.TrimPrefix(err.Error(), "tiles: ")), win.W)
		return
	}
	fyne.CurrentApp().Preferences().SetString("basemap", string(c))
	win.checkBasemapItems()
}

func (win *Window) customTilesDialog() {
	entry := widget.NewEntry()
	entry.SetPlaceHolder("https://tile.example.org/{z}/{x}/{y}.png")
	if c := win.View.Basemap(); strings.HasPrefix(string(c), "xyz:") {
		entry.SetText(strings.TrimPrefix(string(c), "xyz:"))
	}
	dialog.ShowForm("Custom tile server", "Use", "Cancel",
		[]*widget.FormItem{widget.NewFormItem("URL template", entry)},
		func(ok bool) {
			if ok && strings.TrimSpace(entry.Text) != "" {
				win.chooseBasemap(BasemapChoice("xyz:" + strings.TrimSpace(entry.Text)))
			}
		}, win.W)
}

func (win *Window) mbtilesDialog() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		win.chooseBasemap(BasemapChoice("mbtiles:" + filepath.Clean(path)))
	}, win.W)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".mbtiles"}))
	d.Show()
}
