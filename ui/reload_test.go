package ui_test

import (
	"image"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"reportmap/atlas"
	"reportmap/internal/headless"
	"reportmap/ui"
)

const onePlace = `{"type":"FeatureCollection","features":[
 {"type":"Feature","geometry":{"type":"Point","coordinates":[2.37,51.03]},"properties":{"id":"a","name":"Alpha"}}]}`

const twoPlaces = `{"type":"FeatureCollection","features":[
 {"type":"Feature","geometry":{"type":"Point","coordinates":[2.37,51.03]},"properties":{"id":"a","name":"Alpha"}},
 {"type":"Feature","geometry":{"type":"Point","coordinates":[30,10]},"properties":{"id":"b","name":"Beta"}}]}`

// liveFile writes doc to a places file of its own and loads it.
func liveFile(t *testing.T, doc string) (string, *atlas.Atlas) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "live.geojson")
	if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	a, err := atlas.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return path, a
}

func TestReloadsWhenTheFileChanges(t *testing.T) {
	ap := headless.Wrap(test.NewTempApp(t)) // the watcher's fyne.Do runs here
	path, a := liveFile(t, onePlace)
	win := ui.NewWindow(ap, a, os.DirFS(filepath.Dir(path)), ui.Options{File: path})
	t.Cleanup(win.Close)
	win.W.Resize(fyne.NewSize(1000, 700))
	// An editor saving: write a new file and rename it over the old.
	tmp := path + ".tmp"
	os.WriteFile(tmp, []byte(twoPlaces), 0o644)
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
	if !ap.RunUntil(func() bool { return len(win.View.Atlas().Places) == 2 }, 5*time.Second) {
		t.Errorf("the window did not reload the changed file within 5 s")
	}
}

func TestWritePNGIsAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.png")
	os.WriteFile(path, []byte("old"), 0o644)
	if err := ui.WritePNG(path, image.NewRGBA(image.Rect(0, 0, 4, 3))); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	if len(b) < 8 || string(b[1:4]) != "PNG" {
		t.Errorf("out.png is not a PNG: %q", b[:min(8, len(b))])
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files left: %v", entries)
	}
	if err := ui.WritePNG(filepath.Join(dir, "missing", "x.png"), image.NewRGBA(image.Rect(0, 0, 1, 1))); err == nil {
		t.Error("writing into a missing folder succeeded")
	}
}

func TestDropOpensGeoJSON(t *testing.T) {
	ap := headless.Wrap(test.NewTempApp(t))
	a, err := atlas.LoadFile("../places.geojson")
	if err != nil {
		t.Fatal(err)
	}
	win := ui.NewWindow(ap, a, os.DirFS(".."), ui.Options{})
	t.Cleanup(win.Close)
	dir := t.TempDir()
	notes := filepath.Join(dir, "picture.png") // neither a places file nor a report
	os.WriteFile(notes, []byte("hello"), 0o644)
	dropped := filepath.Join(dir, "dropped.geojson")
	os.WriteFile(dropped, []byte(twoPlaces), 0o644)
	if win.Drop([]fyne.URI{storage.NewFileURI(notes)}) {
		t.Error("a .png file was taken")
	}
	if !win.Drop([]fyne.URI{storage.NewFileURI(notes), storage.NewFileURI(dropped)}) {
		t.Fatal("the .geojson file was not taken")
	}
	waitLoad(t, win)
	if n := len(win.View.Atlas().Places); n != 2 || win.W.Title() != "reportmap — dropped.geojson" {
		t.Errorf("after the drop: %d places, title %q", n, win.W.Title())
	}
}

func TestBasemapChoice(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	win, events := newWindow(t)
	v := win.View
	if v.Basemap() != ui.OfflineBasemap || v.Map.Tiles() != nil {
		t.Fatalf("a fresh window shows %v", v.Basemap())
	}
	xyz := ui.XYZBasemap("http://127.0.0.1:1/{z}/{x}/{y}.png")
	if err := v.SetBasemap(xyz, "test"); err != nil {
		t.Fatal(err)
	}
	if v.Map.Tiles() == nil || v.Map.Tiles().Source().Attribution() != "" {
		t.Errorf("custom XYZ: %v", v.Map.Tiles())
	}
	// A bad MBTiles file is refused and the previous basemap stays.
	bad := filepath.Join(t.TempDir(), "bad.mbtiles")
	os.WriteFile(bad, []byte("nope"), 0o644)
	if err := v.SetBasemap(ui.MBTilesBasemap(bad), "test"); err == nil || !strings.Contains(err.Error(), "bad.mbtiles") {
		t.Errorf("bad MBTiles: %v", err)
	}
	if v.Basemap() != xyz || v.Map.Tiles() == nil {
		t.Errorf("after the bad file the basemap is %v", v.Basemap())
	}
	if err := v.SetBasemap(ui.XYZBasemap("ftp://x/{z}"), "test"); err == nil {
		t.Error("a bad template was accepted")
	}
	if err := v.SetBasemap(ui.OfflineBasemap, "test"); err != nil || v.Map.Tiles() != nil {
		t.Errorf("offline: %v", err)
	}
	found := false
	for _, e := range *events {
		found = found || e == "basemap xyz http://127.0.0.1:1/{z}/{x}/{y}.png"
	}
	if !found {
		t.Errorf("trace %v", *events)
	}
}

func TestGroupListedInPanel(t *testing.T) {
	ap := test.NewTempApp(t)
	a, err := atlas.Load("same.geojson", []byte(`{"type":"FeatureCollection","features":[
	 {"type":"Feature","geometry":{"type":"Point","coordinates":[2.37,51.03]},"properties":{"id":"a","name":"Alpha"}},
	 {"type":"Feature","geometry":{"type":"Point","coordinates":[2.37,51.03]},"properties":{"id":"b","name":"Beta"}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	win := ui.NewWindow(ap, a, nil, ui.Options{})
	t.Cleanup(win.Close)
	win.W.Resize(fyne.NewSize(1200, 800))
	v := win.View
	v.Map.SetView([2]float64{2.37, 51.03}, 18)
	pos, _ := v.Map.PixelOf("a")
	test.TapAt(v.Map, pos)
	if got := panelText(v); !strings.Contains(got, "2 places at this spot") {
		t.Fatalf("panel %q", got)
	}
	// Each is a button that chooses it.
	var btn *widget.Button
	for _, o := range v.Panel.Objects {
		if b, ok := o.(*widget.Button); ok && strings.HasPrefix(b.Text, "Beta") {
			btn = b
		}
	}
	if btn == nil {
		t.Fatalf("no button for Beta in the panel: %q", panelText(v))
	}
	test.Tap(btn)
	if p := v.SelectedPlace(); p == nil || p.ID != "b" {
		t.Errorf("the Beta button chose %v", p)
	}
}

// A watched file replaced by a named pipe: the window neither blocks nor
// loses its places; the trace says what is wrong.
func TestWatchedFileReplacedByANamedPipe(t *testing.T) {
	ap := headless.Wrap(test.NewTempApp(t))
	path, a := liveFile(t, twoPlaces)
	var events []string
	win := ui.NewWindow(ap, a, atlas.ReportsDir(path), ui.Options{File: path, Trace: traceTo(&events)})
	t.Cleanup(win.Close)
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Fatal(err)
	}
	saidWhy := func() bool {
		for _, e := range events {
			if strings.HasPrefix(e, "error ") && strings.Contains(e, "named pipe") {
				return true
			}
		}
		return false
	}
	if !ap.RunUntil(saidWhy, 5*time.Second) {
		t.Fatalf("no error about the named pipe; trace %q", events)
	}
	if n := len(win.View.Atlas().Places); n != 2 {
		t.Errorf("after the pipe %d places show; want the 2 from before", n)
	}
}

// traceTo collects trace lines.
type traceWriter struct{ lines *[]string }

func (w traceWriter) Write(b []byte) (int, error) {
	*w.lines = append(*w.lines, strings.TrimSuffix(string(b), "\n"))
	return len(b), nil
}

func traceTo(lines *[]string) traceWriter { return traceWriter{lines} }
