package ui

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"reportmap/mapview/tiles"
)

// BasemapKind is where a basemap's tiles come from.
type BasemapKind int

// The kinds of basemap.
const (
	BasemapOffline BasemapKind = iota // the embedded Natural Earth map alone
	BasemapOSM                        // OpenStreetMap's tile servers
	BasemapXYZ                        // an XYZ tile server given by a URL template
	BasemapMBTiles                    // a local MBTiles file
)

// basemapKindNames are the kinds' names in preferences and traces.
var basemapKindNames = [...]string{"offline", "osm", "xyz", "mbtiles"}

// String returns the kind's name: offline, osm, xyz or mbtiles.
func (k BasemapKind) String() string {
	if k < 0 || int(k) >= len(basemapKindNames) {
		return fmt.Sprintf("BasemapKind(%d)", int(k))
	}
	return basemapKindNames[k]
}

// BasemapChoice says which basemap the map shows over the embedded one.
// The zero value is offline.
type BasemapChoice struct {
	Kind     BasemapKind
	Template string // for BasemapXYZ: https://…/{z}/{x}/{y}.png
	File     string // for BasemapMBTiles: the file's path
}

// OfflineBasemap and OSMBasemap are the choices without arguments.
var (
	OfflineBasemap = BasemapChoice{Kind: BasemapOffline}
	OSMBasemap     = BasemapChoice{Kind: BasemapOSM}
)

// XYZBasemap is the choice of an XYZ tile server.
func XYZBasemap(template string) BasemapChoice {
	return BasemapChoice{Kind: BasemapXYZ, Template: template}
}

// MBTilesBasemap is the choice of a local MBTiles file.
func MBTilesBasemap(file string) BasemapChoice {
	return BasemapChoice{Kind: BasemapMBTiles, File: file}
}

// String describes the choice for traces: "offline", "osm",
// "xyz TEMPLATE" or "mbtiles FILE".
func (c BasemapChoice) String() string {
	switch c.Kind {
	case BasemapXYZ:
		return "xyz " + c.Template
	case BasemapMBTiles:
		return "mbtiles " + c.File
	}
	return c.Kind.String()
}

// Preference keys under which the basemap choice is remembered.
const (
	prefBasemapKind = "basemap.kind"
	prefBasemapArg  = "basemap.arg"
)

// saveBasemap remembers c in prefs.
func saveBasemap(prefs fyne.Preferences, c BasemapChoice) {
	prefs.SetString(prefBasemapKind, c.Kind.String())
	prefs.SetString(prefBasemapArg, c.Template+c.File) // at most one is set
}

// loadBasemap reads the remembered choice; offline when there is none or
// it is not understood.
func loadBasemap(prefs fyne.Preferences) BasemapChoice {
	arg := prefs.String(prefBasemapArg)
	switch prefs.String(prefBasemapKind) {
	case "osm":
		return OSMBasemap
	case "xyz":
		return XYZBasemap(arg)
	case "mbtiles":
		return MBTilesBasemap(arg)
	}
	return OfflineBasemap
}

// UserAgent is what the app tells tile servers, as OpenStreetMap's tile
// usage policy asks: the app, its version and where to find it.
func UserAgent(version string) string {
	return "reportmap/" + version + " (+https://github.com/reportmap/reportmap)"
}

// OpenSource makes the tile source for a choice; nil for offline.
func OpenSource(c BasemapChoice, version string) (tiles.Source, error) {
	opt := tiles.XYZOptions{UserAgent: UserAgent(version)}
	switch c.Kind {
	case BasemapOffline:
		return nil, nil
	case BasemapOSM:
		return tiles.OpenStreetMap(opt), nil
	case BasemapXYZ:
		return tiles.NewXYZ(c.Template, "", opt)
	case BasemapMBTiles:
		return tiles.OpenMBTiles(c.File)
	}
	return nil, fmt.Errorf("unknown basemap %v", c)
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
func (v *View) Basemap() BasemapChoice { return v.basemap }

// basemapMenu is View ▸ Basemap.
func (win *Window) basemapMenu() *fyne.MenuItem {
	item := fyne.NewMenuItem("Basemap", nil)
	offline := fyne.NewMenuItem("Offline (Natural Earth)", func() { win.chooseBasemap(OfflineBasemap) })
	osm := fyne.NewMenuItem("OpenStreetMap (online)", func() { win.chooseBasemap(OSMBasemap) })
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
	k := win.View.Basemap().Kind
	for i, it := range win.basemapItems {
		it.Checked = BasemapKind(i) == k // the items are in BasemapKind order
	}
	if m := win.W.MainMenu(); m != nil {
		m.Refresh()
	}
}

// chooseBasemap switches and remembers the basemap, or says why not.
func (win *Window) chooseBasemap(c BasemapChoice) {
	if err := win.View.SetBasemap(c, win.opts.Version); err != nil {
		win.trace("error %s", oneLine(err.Error()))
		dialog.ShowError(fmt.Errorf("the basemap could not be changed:\n\n%s", ErrorMessage(err)), win.W)
		return
	}
	saveBasemap(fyne.CurrentApp().Preferences(), c)
	win.checkBasemapItems()
}

func (win *Window) customTilesDialog() {
	entry := widget.NewEntry()
	entry.SetPlaceHolder("https://tile.example.org/{z}/{x}/{y}.png")
	if c := win.View.Basemap(); c.Kind == BasemapXYZ {
		entry.SetText(c.Template)
	}
	dialog.ShowForm("Custom tile server", "Use", "Cancel",
		[]*widget.FormItem{widget.NewFormItem("URL template", container.New(minWidth(480), entry))},
		func(ok bool) {
			if ok && strings.TrimSpace(entry.Text) != "" {
				win.chooseBasemap(XYZBasemap(strings.TrimSpace(entry.Text)))
			}
		}, win.W)
}

// minWidth lays its objects out over its whole size, and asks for at
// least that width: a dialog's entry wide enough to read a URL in.
type minWidth float32

func (w minWidth) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objects {
		s = s.Max(o.MinSize())
	}
	return s.Max(fyne.NewSize(float32(w), 0))
}

func (minWidth) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (win *Window) mbtilesDialog() {
	win.askFile([]string{".mbtiles"}, func(path string) { win.chooseBasemap(MBTilesBasemap(filepath.Clean(path))) })
}
