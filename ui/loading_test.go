package ui_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"reportmap/internal/headless"
	"reportmap/ui"
)

// waitLoad runs the UI goroutine's queue until the window's load is
// done. The window's app must be headless.Wrap'd: a load ends through
// fyne.Do.
func waitLoad(t *testing.T, win *ui.Window) {
	t.Helper()
	ap, ok := fyne.CurrentApp().(*headless.App)
	if !ok {
		t.Fatal("waitLoad needs a headless.Wrap'd app")
	}
	if !ap.RunUntil(func() bool { return !win.Loading() }, 30*time.Second) {
		t.Fatal("the load did not end within 30 s")
	}
}

// manyPlaces writes a places file of n points and returns its path.
func manyPlaces(t *testing.T, n int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString(`{"type":"FeatureCollection","features":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"type":"Feature","geometry":{"type":"Point","coordinates":[%d.5,%d.25]},"properties":{"name":"Place %d"}}`, i%170-85, i%80-40, i)
	}
	b.WriteString(`]}`)
	path := filepath.Join(t.TempDir(), "many.geojson")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// loadWindow is a window over the repository's places whose loads end
// on the test's goroutine, with its trace.
func loadWindow(t *testing.T) (*ui.Window, *headless.App, *[]string) {
	t.Helper()
	ap := headless.Wrap(test.NewTempApp(t))
	var events []string
	win := builtinWindowWith(t, ap, ui.Options{Version: "test", Trace: traceTo(&events)})
	return win, ap, &events
}

// progressNotice finds the Cancel button and progress bar in View.Progress.
func progressNotice(win *ui.Window) (*widget.Button, *widget.ProgressBar) {
	var cancel *widget.Button
	var bar *widget.ProgressBar
	if !win.View.Progress.Visible() {
		return nil, nil
	}
	for _, o := range objects(win.View.Progress) {
		switch w := o.(type) {
		case *widget.Button:
			if w.Text == "Cancel" {
				cancel = w
			}
		case *widget.ProgressBar:
			bar = w
		}
	}
	return cancel, bar
}

// Open returns at once; the file shows when the worker is done, with a
// progress bar and Cancel meanwhile, and the map fitted to it.
func TestOpenLoadsOnAWorker(t *testing.T) {
	win, _, events := loadWindow(t)
	path := manyPlaces(t, 20000)
	win.Open(path)
	if !win.Loading() {
		t.Fatal("Open did not start a load")
	}
	if n := len(win.View.Atlas().Places); n != 30 {
		t.Errorf("while loading, %d places show; want the 30 from before", n)
	}
	if cancel, bar := progressNotice(win); cancel == nil || bar == nil {
		t.Fatal("no progress bar with Cancel while loading")
	}
	waitLoad(t, win)
	if n := len(win.View.Atlas().Places); n != 20000 {
		t.Errorf("after the load, %d places; want 20000", n)
	}
	if win.W.Title() != "reportmap — many.geojson" {
		t.Errorf("title %q", win.W.Title())
	}
	if win.View.Progress.Visible() {
		t.Error("the progress notice stays after the load")
	}
	if r := win.Recent(); len(r) == 0 || r[0] != path {
		t.Errorf("recent %q; want the file first", r)
	}
	if !strings.Contains(strings.Join(*events, "\n"), "loaded "+path+" 20000") {
		t.Errorf("no loaded line in the trace %q", *events)
	}
}

// A bad file leaves what was on screen, with the error dialog.
func TestBadFileLoadedOnAWorkerKeepsPlaces(t *testing.T) {
	win, _, events := loadWindow(t)
	bad := filepath.Join(t.TempDir(), "broken.geojson")
	os.WriteFile(bad, []byte(`{"type":"FeatureCollection","features":[{"type":"Feature"`), 0o644)
	win.Open(bad)
	waitLoad(t, win)
	if n := len(win.View.Atlas().Places); n != 30 || win.W.Title() != "reportmap — places.geojson" {
		t.Errorf("after a bad file, %d places, title %q; want the 30 kept", n, win.W.Title())
	}
	if win.W.Canvas().Overlays().Top() == nil {
		t.Error("no error dialog")
	}
	if !strings.Contains(strings.Join(*events, "\n"), "error ") {
		t.Errorf("no error in the trace %q", *events)
	}
}

// Cancel leaves what was on screen, and the load's result never shows.
func TestCancelLoadKeepsPlaces(t *testing.T) {
	win, ap, events := loadWindow(t)
	win.Open(manyPlaces(t, 50000))
	cancel, _ := progressNotice(win)
	if cancel == nil {
		t.Fatal("no Cancel")
	}
	test.Tap(cancel)
	if win.Loading() || win.View.Progress.Visible() {
		t.Error("after Cancel the load goes on, or its notice stays")
	}
	time.Sleep(500 * time.Millisecond) // let the worker end, if it would
	ap.Drain()
	if n := len(win.View.Atlas().Places); n != 30 || win.W.Title() != "reportmap — places.geojson" {
		t.Errorf("after Cancel, %d places, title %q; want the 30 kept", n, win.W.Title())
	}
	if win.W.Canvas().Overlays().Top() != nil {
		t.Error("Cancel showed a dialog")
	}
	if !strings.Contains(strings.Join(*events, "\n"), "load cancelled ") {
		t.Errorf("no cancel in the trace %q", *events)
	}
}

// A second Open while one loads: the newer wins.
func TestNewerLoadWins(t *testing.T) {
	win, _, _ := loadWindow(t)
	win.Open(manyPlaces(t, 50000))
	path, _ := liveFile(t, twoPlaces)
	win.Open(path)
	waitLoad(t, win)
	if n := len(win.View.Atlas().Places); n != 2 {
		t.Errorf("%d places; want the 2 of the file opened last", n)
	}
}

// Close during a load cancels it and waits for its worker.
func TestCloseDuringALoad(t *testing.T) {
	if g := ours(); len(g) > 0 {
		t.Fatalf("goroutines before the test:\n%s", strings.Join(g, "\n\n"))
	}
	ap := headless.Wrap(test.NewTempApp(t))
	win := builtinWindowWith(t, ap, ui.Options{Version: "test"})
	win.Open(manyPlaces(t, 200000))
	if len(ours()) == 0 {
		t.Fatal("the load started no goroutine; the test would prove nothing")
	}
	win.Close()
	ap.Drain()
	if left := ours(); len(left) > 0 {
		t.Errorf("%d goroutines still run after Close:\n%s", len(left), strings.Join(left, "\n\n"))
	}
}

// An edit made while a file loads is never lost: the loaded file waits
// behind a notice.
func TestEditWhileLoadingIsKept(t *testing.T) {
	win, ap, _ := loadWindow(t)
	win.Open(manyPlaces(t, 20000))
	win.Correct(ui.Correction{Kind: ui.CorrectMove, Place: 0, Point: orb.Point{1, 2}})
	ap.RunUntil(func() bool { return !win.Loading() }, 30*time.Second)
	if n := len(win.View.Atlas().Places); n != 30 || !strings.HasSuffix(win.W.Title(), "•") {
		t.Errorf("after an edit during the load, %d places, title %q; want the edited 30", n, win.W.Title())
	}
}
