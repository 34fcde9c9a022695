package ui_test

import (
	"image"
	"image/color"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"reportmap/atlas"
	"reportmap/internal/headless"
	"reportmap/ui"
)

// europe has four places far apart; its one report is set in one of them,
// so its default view (the settings) is that place alone.
const europe = `{"type":"FeatureCollection",
 "reports":[{"id":"r","title":"A report","source":"Test","file":"reports/r.txt","settings":["lisbon"]}],
 "features":[
 {"type":"Feature","geometry":{"type":"Point","coordinates":[-9.14,38.72]},"properties":{"id":"lisbon","name":"Lisbon","role":"setting"}},
 {"type":"Feature","geometry":{"type":"Point","coordinates":[24.94,60.17]},"properties":{"id":"helsinki","name":"Helsinki"}},
 {"type":"Feature","geometry":{"type":"Point","coordinates":[23.73,37.98]},"properties":{"id":"athens","name":"Athens"}},
 {"type":"Feature","geometry":{"type":"Point","coordinates":[-6.26,53.35]},"properties":{"id":"dublin","name":"Dublin"}}]}`

// builtinWindow opens the repository's places in a test window, with
// them as its built-in reports too.
func builtinWindow(t *testing.T) *ui.Window {
	t.Helper()
	return builtinWindowWith(t, headless.Wrap(test.NewTempApp(t)), ui.Options{Version: "test"}) // loads end through fyne.Do
}

// builtinWindowWith is builtinWindow in app ap with the given options.
func builtinWindowWith(t *testing.T, ap fyne.App, opts ui.Options) *ui.Window {
	t.Helper()
	load := func() (*atlas.Atlas, fs.FS, error) {
		a, err := atlas.LoadFile("../places.geojson")
		return a, os.DirFS(".."), err
	}
	a, texts, err := load()
	if err != nil {
		t.Fatal(err)
	}
	opts.Builtin = load
	win := ui.NewWindow(ap, a, texts, opts)
	win.W.Resize(fyne.NewSize(1280, 800))
	t.Cleanup(win.Close)
	return win
}

// menuItem finds the main menu's item labelled label (in submenus too).
func menuItem(t *testing.T, win *ui.Window, label string) *fyne.MenuItem {
	t.Helper()
	var find func([]*fyne.MenuItem) *fyne.MenuItem
	find = func(items []*fyne.MenuItem) *fyne.MenuItem {
		for _, it := range items {
			if it.Label == label {
				return it
			}
			if it.ChildMenu != nil {
				if f := find(it.ChildMenu.Items); f != nil {
					return f
				}
			}
		}
		return nil
	}
	for _, m := range win.W.MainMenu().Items {
		if it := find(m.Items); it != nil {
			return it
		}
	}
	t.Fatalf("no menu item %q", label)
	return nil
}

// objects returns every object in o's tree, widgets' renderers included.
func objects(o fyne.CanvasObject) []fyne.CanvasObject {
	all := []fyne.CanvasObject{o}
	switch c := o.(type) {
	case *fyne.Container:
		for _, o := range c.Objects {
			all = append(all, objects(o)...)
		}
	case fyne.Widget:
		for _, o := range test.WidgetRenderer(c).Objects() {
			all = append(all, objects(o)...)
		}
	}
	return all
}

// typeEscape types Escape on the window's canvas, with nothing focused.
func typeEscape(win *ui.Window) {
	win.W.Canvas().(test.WindowlessCanvas).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
}

// transparentCanvas is a canvas whose Capture gives what the GL driver's
// gives under Mesa: the front buffer, never drawn to, 0,0,0,0 throughout.
type transparentCanvas struct{ fyne.Canvas }

func (c transparentCanvas) Capture() image.Image {
	return image.NewNRGBA(image.Rect(0, 0, int(c.Size().Width), int(c.Size().Height)))
}

func TestExportCapturesWhatTheWindowShows(t *testing.T) {
	win := builtinWindow(t)
	win.View.Select("kursk")
	content := win.W.Content()
	pos, size := content.Position(), content.Size()
	img := ui.CaptureContent(transparentCanvas{win.W.Canvas()})
	if b := img.Bounds(); b.Dx() != int(size.Width) || b.Dy() != int(size.Height) {
		t.Errorf("export is %v, the content %v", b, size)
	}
	colours := map[color.NRGBA]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 5 {
		for x := b.Min.X; x < b.Max.X; x += 5 {
			c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			if c.A != 255 {
				t.Fatalf("pixel %d,%d is not opaque: %v", x, y, c)
			}
			colours[c] = true
		}
	}
	if len(colours) < 50 {
		t.Errorf("export has %d colours: blank", len(colours))
	}
	if content.Position() != pos || content.Size() != size {
		t.Errorf("export moved the content from %v %v to %v %v", pos, size, content.Position(), content.Size())
	}
}

func TestEscapeClosesTheDialogFirst(t *testing.T) {
	win := builtinWindow(t)
	if !win.View.Select("kursk") {
		t.Fatal("no kursk")
	}
	win.View.ShowReport(&win.View.Atlas().Reports[0], "")
	if win.W.Canvas().Overlays().Top() == nil {
		t.Fatal("Show in report opened no dialog")
	}
	typeEscape(win)
	if top := win.W.Canvas().Overlays().Top(); top != nil {
		t.Errorf("Esc left the dialog open")
	}
	if p := win.View.SelectedPlace(); p == nil || p.ID != "kursk" {
		t.Errorf("Esc with a dialog open changed the selection to %v", p)
	}
	typeEscape(win)
	if p := win.View.SelectedPlace(); p != nil {
		t.Errorf("Esc with no dialog kept the selection %s", p.ID)
	}
}

func TestOpenFitsTheFilesPlaces(t *testing.T) {
	win := builtinWindow(t)
	m := win.View.Map
	m.Resize(fyne.NewSize(800, 600))
	win.View.Select("kursk")
	for range 6 { // the user zoomed in on a place
		m.ZoomIn()
	}
	path := filepath.Join(t.TempDir(), "europe.geojson")
	if err := os.WriteFile(path, []byte(europe), 0o644); err != nil {
		t.Fatal(err)
	}
	win.Open(path)
	waitLoad(t, win)
	size := m.Size()
	for _, id := range []string{"lisbon", "helsinki", "athens", "dublin"} {
		p, ok := m.PixelOf(id)
		if !ok || p.X < 0 || p.Y < 0 || p.X > size.Width || p.Y > size.Height {
			t.Errorf("after Open, %s is drawn at %v (%v), outside the %v map (zoom %.1f)", id, p, ok, size, m.Zoom())
		}
	}
}

func TestCustomTileURLBoxIsWide(t *testing.T) {
	win := builtinWindow(t)
	menuItem(t, win, "Custom tile server…").Action()
	top := win.W.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog")
	}
	var entry *widget.Entry
	for _, o := range objects(top) {
		if e, ok := o.(*widget.Entry); ok {
			entry = e
		}
	}
	if entry == nil {
		t.Fatal("no entry in the dialog")
	}
	if w := entry.Size().Width; w < 400 {
		t.Errorf("the URL entry is %.0f wide, want at least 400", w)
	}
}

func TestQuitRemembersTheLayout(t *testing.T) {
	win := builtinWindow(t)
	win.W.Resize(fyne.NewSize(1100, 700))
	win.View.Split.SetOffset(0.6)
	win.View.SideSplit.SetOffset(0.3)
	menuItem(t, win, "Quit").Action()
	prefs := fyne.CurrentApp().Preferences()
	if got, want := prefs.FloatList("window.layout"), []float64{1100, 700, 0.6, 0.3}; !slices.Equal(got, want) {
		t.Errorf("after Quit, window.layout = %v, want %v (width, height, dividers)", got, want)
	}
}

func TestOpenErrorStartsWithOurWord(t *testing.T) {
	win := builtinWindow(t)
	win.Open(filepath.Join(t.TempDir(), "typo.geojson"))
	waitLoad(t, win)
	top := win.W.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no error dialog")
	}
	var text strings.Builder
	for _, o := range objects(top) {
		if l, ok := o.(*widget.Label); ok {
			text.WriteString(l.Text + "\n")
		}
	}
	if s := text.String(); !strings.Contains(s, "typo.geojson") || strings.Contains(s, "Typo.geojson") {
		t.Errorf("the error dialog says %q: want the file's name as it is", s)
	}
}

func TestWarningsNoticeAndDetails(t *testing.T) {
	win := builtinWindow(t)
	// The warning names the file: a long path makes a long line.
	dir := filepath.Join(t.TempDir(), strings.Repeat("a very long folder name ", 8))
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "warn.geojson")
	doc := `{"type":"FeatureCollection","features":[
 {"type":"Feature","geometry":{"type":"Point","coordinates":[2.37,51.03]},"properties":{"id":"a","name":"Alpha"}},
 {"type":"Feature","geometry":null,"properties":{"id":"b","name":"Beta"}}]}`
	if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	win.Open(path)
	waitLoad(t, win)
	if n := len(win.View.Atlas().Warnings); n != 1 {
		t.Fatalf("%d warnings, want 1 for this test", n)
	}
	var details *widget.Button
	var notice []string
	for _, o := range objects(win.W.Content()) {
		switch w := o.(type) {
		case *widget.Label:
			if strings.Contains(w.Text, "warn") {
				notice = append(notice, w.Text)
			}
		case *widget.Button:
			if w.Text == "Details" {
				details = w
			}
		}
	}
	if !slices.ContainsFunc(notice, func(s string) bool {
		return strings.Contains(s, "1 warning ") || strings.HasSuffix(s, "1 warning") || strings.Contains(s, "1 warning (")
	}) ||
		slices.ContainsFunc(notice, func(s string) bool { return strings.Contains(s, "1 warnings") || strings.Contains(s, "1 features") }) {
		t.Errorf("the notice says %q", notice)
	}
	if details == nil {
		t.Fatal("no Details button")
	}
	test.Tap(details)
	top := win.W.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("Details opened no dialog")
	}
	var text *widget.Label // the longest label: the warnings
	var scroll *container.Scroll
	for _, o := range objects(top) {
		switch o := o.(type) {
		case *widget.Label:
			if text == nil || len(o.Text) > len(text.Text) {
				text = o
			}
		case *container.Scroll:
			scroll = o
		}
	}
	if text == nil || !strings.Contains(text.Text, "very long") {
		t.Fatalf("no warning text in the dialog: %v", text)
	}
	if text.Wrapping == fyne.TextWrapOff {
		t.Errorf("the warnings text does not wrap")
	}
	if scroll == nil {
		t.Fatal("the warnings are not in a scroll")
	}
	if w, sw := text.Size().Width, scroll.Size().Width; w > sw {
		t.Errorf("the warnings text is %.0f wide in a %.0f wide box: cut off", w, sw)
	}
}

func TestOpenBuiltinAndRecent(t *testing.T) {
	win := builtinWindow(t)
	var paths []string
	for i := range 7 {
		p := filepath.Join(t.TempDir(), "f"+string(rune('0'+i))+".geojson")
		if err := os.WriteFile(p, []byte(europe), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
		win.Open(p)
		waitLoad(t, win)
	}
	if got := win.View.Atlas().File; got != paths[6] {
		t.Fatalf("showing %s", got)
	}
	menuItem(t, win, "Open built-in reports").Action()
	if n := len(win.View.Atlas().Places); n != 30 || !strings.HasSuffix(win.View.Atlas().File, "places.geojson") {
		t.Errorf("Open built-in reports shows %s with %d places", win.View.Atlas().File, n)
	}
	// The last five, newest first; a file since removed is disabled.
	os.Remove(paths[4])
	win.Open(paths[5]) // moves to the front, rebuilding the menu
	waitLoad(t, win)
	want := []string{paths[5], paths[6], paths[4], paths[3], paths[2]}
	if got := win.Recent(); !slices.Equal(got, want) {
		t.Errorf("recent %q, want %q", got, want)
	}
	recent := menuItem(t, win, "Open recent").ChildMenu.Items
	var labels []string
	for _, it := range recent {
		labels = append(labels, it.Label)
		if it.Disabled != (it.Label == paths[4]) {
			t.Errorf("%s disabled %v", it.Label, it.Disabled)
		}
	}
	if !slices.Equal(labels, want) {
		t.Errorf("Open recent lists %q", labels)
	}
	menuItem(t, win, paths[3]).Action()
	waitLoad(t, win)
	if got := win.View.Atlas().File; got != paths[3] {
		t.Errorf("Open recent %s opened %s", paths[3], got)
	}
}
