package ui_test

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"reportmap/internal/headless"
	"reportmap/ui"
)

// ours returns the stacks of the goroutines that run code of this app or
// of the libraries the window starts (the file watcher), other than the
// test's own.
func ours() []string {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	var found []string
	for _, g := range strings.Split(string(buf), "\n\n") {
		if strings.Contains(g, "testing.tRunner") || strings.Contains(g, "testing.(*T).Run") {
			continue
		}
		if strings.Contains(g, "reportmap/") || strings.Contains(g, "fsnotify") {
			found = append(found, g)
		}
	}
	return found
}

// Close ends every goroutine the window started: the file watcher, the
// map-geometry trace and the tile layer's workers.
func TestCloseEndsWhatTheWindowStarted(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	if g := ours(); len(g) > 0 {
		t.Fatalf("goroutines before the test:\n%s", strings.Join(g, "\n\n"))
	}
	ap := headless.Wrap(test.NewTempApp(t))
	path, a := liveFile(t, twoPlaces)
	tilesAt := ui.XYZBasemap("http://127.0.0.1:1/{z}/{x}/{y}.png") // refuses every connection
	win := ui.NewWindow(ap, a, os.DirFS(filepath.Dir(path)), ui.Options{File: path, Trace: &strings.Builder{}, Basemap: &tilesAt})
	win.W.Resize(fyne.NewSize(1000, 700))
	win.W.Canvas().Capture() // a frame asks for tiles
	if len(ours()) == 0 {
		t.Fatal("the window started no goroutine; the test would prove nothing")
	}
	win.Close()
	win.Close() // a second Close does nothing
	var left []string
	ap.RunUntil(func() bool { left = ours(); return len(left) == 0 }, 5*time.Second)
	if len(left) > 0 {
		t.Errorf("%d goroutines still run after Close:\n%s", len(left), strings.Join(left, "\n\n"))
	}
}
