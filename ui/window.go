// Package ui assembles the reportmap window: the map of the places, the
// search box and report filters, the place list and, for the place
// chosen, what the reports say about it; the menus, shortcuts, opening,
// reloading and exporting.
package ui

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
	"github.com/fsnotify/fsnotify"
	"github.com/go-gl/glfw/v3.3/glfw"

	"reportmap/areas"
	"reportmap/atlas"
	"reportmap/document"
	"reportmap/gazetteer"
	"reportmap/mapview"
)

// AppID is the app's Fyne application id, under which preferences live.
const AppID = "io.github.reportmap"

// Options configures the window.
type Options struct {
	Version string
	File    string    // the places file's path, or "" for the embedded data
	Trace   io.Writer // when set, one line per UI event
	Start   time.Time // when the process started, for the first-frame trace
	Icon    fyne.Resource
	// Basemap, when set, is the basemap to show (from the command line);
	// otherwise the one remembered in preferences.
	Basemap *BasemapChoice
	// Builtin, when set, loads the built-in places and the folder of
	// their reports, for File ▸ Open built-in reports.
	Builtin func() (*atlas.Atlas, fs.FS, error)
	// Import lists report files to import as the window opens
	// (`reportmap story.txt`), into a new document.
	Import []string
	// Gazetteer, when set, loads the gazetteer imports resolve names
	// with (tests give a small one); else the embedded one, on a worker
	// when first needed.
	Gazetteer func() (*gazetteer.Gazetteer, error)
}

// Window is the app's main window.
type Window struct {
	W    fyne.Window
	View *View
	opts Options

	notice *fyne.Container // skipped-features notice and import progress, above the view

	doc      *document.Document // what is open; the view shows doc.Atlas()
	gz       *gazetteer.Gazetteer
	imports  importer
	loading  *loadJob       // the places file being loaded, if one is
	loads    sync.WaitGroup // the loading workers, for Close
	builds   sync.WaitGroup // the map's cluster builds (Map.Background), for Close
	undoItem *fyne.MenuItem
	redoItem *fyne.MenuItem
	lastDir  string // the folder last saved or exported to

	basemapItems []*fyne.MenuItem
	recentItem   *fyne.MenuItem // File ▸ Open recent
	watcher      *fsnotify.Watcher
	mapTimer     *time.Timer // traces the map's geometry after a resize
	lastMap      string      // the map geometry last traced
	closed       bool
	windowGone   bool   // Run's event loop has ended: the Fyne window is closed already
	armExit      func() // Run's exit watchdog, told that the app is stopping (see watchExit)
}

// Run opens the window for a and blocks until it is closed. texts is the
// folder the reports' files are read from. When a is nil, the window
// opens at once, empty, and loads opts.File on a worker, with a progress
// bar: a big file takes seconds. Run returns an error (wrapping ErrNoWindow)
// when no window can be opened, as when DISPLAY names an X server that
// refuses the connection.
func Run(a *atlas.Atlas, texts fs.FS, opts Options) error {
	mapview.Preload() // decode the basemap while the window opens
	areas.Preload()   // and the areas' outlines
	ap := app.NewWithID(AppID)
	if opts.Icon != nil {
		ap.SetIcon(opts.Icon)
	}
	file := ""
	if a == nil {
		file, opts.File = opts.File, ""
		a = atlas.New(file, nil, nil) // titled for the file while it loads
	}
	w, err := openWindow(ap, a, texts, opts)
	if err != nil {
		return err
	}
	w.armExit = watchExit(os.Stderr)
	// A search keeping many places re-clusters them on a worker, so that
	// typing never waits for the map (tests and -png build them at once).
	w.View.Map.Background = func(build, done func()) {
		w.builds.Add(1)
		go func() {
			defer w.builds.Done()
			build()
			fyne.Do(done)
		}()
	}
	if file != "" {
		w.startLoad(file, false, true) // the map's default view, as at any launch
	} else {
		w.trace("open %s", a.File)
	}
	w.W.ShowAndRun()
	// The event loop has ended (the window closed, or a signal such as
	// SIGTERM stopped the app): the Fyne window is gone with its driver,
	// and closing it again would panic inside GLFW.
	w.windowGone = true
	w.Close()
	return nil
}

// exitGrace is how long the app may take to stop once it is stopping.
const exitGrace = 3 * time.Second

// watchExit guards against a deadlock in Fyne 2.7.1 as its event loop
// ends: Run then waits for its lifecycle event queue, whose runner may be
// waiting for the event loop that has just ended (seen after SIGTERM:
// the process asleep for good, its window gone). From the moment the app
// is stopping — a SIGINT or SIGTERM, or the returned function called when
// the window closes — the process gets exitGrace to end; then the
// watchdog says so on w and exits, with 128 + the signal's number after a
// signal and 0 otherwise. The window's own Close has run by then, or the
// deadlock is in Fyne after it.
func watchExit(w io.Writer) (arm func()) {
	var once sync.Once
	start := func(code int, why string) {
		once.Do(func() {
			time.AfterFunc(exitGrace, func() {
				fmt.Fprintf(w, "reportmap: the window system had not stopped %v after %s; exiting\n", exitGrace, why)
				os.Exit(code)
			})
		})
	}
	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGINT, syscall.SIGTERM)
	go func() {
		s := <-sig
		n := syscall.SIGTERM
		if sn, ok := s.(syscall.Signal); ok {
			n = sn
		}
		start(128+int(n), fmt.Sprintf("signal %d (%v)", int(n), s))
	}()
	return func() { start(0, "the window closed") }
}

// ErrNoWindow is returned by Run when the system refuses a window.
var ErrNoWindow = errors.New("ui: cannot open a window")

// openWindow is NewWindow for Run. Fyne's desktop driver has no error
// path for a display it cannot open: GLFW logs the platform error and
// then panics with a *glfw.Error in the first call that needs it. That
// panic, and only that one, becomes an error naming the display.
func openWindow(ap fyne.App, a *atlas.Atlas, texts fs.FS, opts Options) (w *Window, err error) {
	defer func() {
		if r := recover(); r != nil {
			ge, ok := r.(*glfw.Error)
			if !ok {
				panic(r)
			}
			err = fmt.Errorf("%w on display %q (%v); is the X server running, and may this user connect to it?", ErrNoWindow, os.Getenv("DISPLAY"), ge)
		}
	}()
	return NewWindow(ap, a, texts, opts), nil
}

// NewWindow builds the window without showing it.
func NewWindow(ap fyne.App, a *atlas.Atlas, texts fs.FS, opts Options) *Window {
	win := &Window{opts: opts}
	win.W = ap.NewWindow("reportmap — " + filepath.Base(a.File))
	win.View = NewView(a, texts)
	win.View.Trace = func(e string) { win.trace("%s", e) }
	win.View.Map.OnFirstFrame = func() {
		if !opts.Start.IsZero() {
			win.trace("first-frame %dms", time.Since(opts.Start).Milliseconds())
		}
	}
	win.View.Map.OnResized = func(fyne.Size) {
		if win.opts.Trace == nil {
			return
		}
		// Where the map is in the window, for scripts (with -locate); its
		// position is set just after its size, so look a moment later.
		if win.mapTimer != nil {
			win.mapTimer.Stop()
		}
		win.mapTimer = time.AfterFunc(100*time.Millisecond, func() { fyne.Do(win.traceMap) })
	}
	win.View.ShowReport = win.showReport
	win.View.OnCorrect = win.Correct
	win.View.OnSearchGazetteer = win.searchGazetteer
	win.doc = document.New(a, texts, opts.File, opts.File == "")
	win.View.Map.OnEscape = win.Escape
	win.notice = container.NewVBox()
	win.showWarnings(a)
	win.W.SetContent(container.NewBorder(win.notice, nil, nil, nil, win.View.Content))
	win.W.SetMainMenu(win.menu())
	win.shortcuts()
	win.W.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) { win.Drop(uris) })

	prefs := ap.Preferences()
	win.restoreLayout(prefs)
	win.W.SetCloseIntercept(win.Quit)
	if len(opts.Import) > 0 {
		win.doc = document.New(nil, nil, "", false)
		win.opts.File = ""
		win.View.SetAtlas(win.doc.Atlas(), win.doc.Texts())
		win.showTitle()
		win.ImportFiles(opts.Import)
	} else if opts.File != "" {
		win.watch(opts.File)
		win.addRecent(opts.File)
	}
	if hasProvenance(a) {
		win.withGazetteer(func(*gazetteer.Gazetteer) {}) // for the panel's "Found as"
	}
	basemap := loadBasemap(prefs)
	if opts.Basemap != nil {
		basemap = *opts.Basemap
	}
	if err := win.View.SetBasemap(basemap, opts.Version); err != nil {
		win.trace("error %s", oneLine(err.Error()))
		fyne.LogError("reportmap: basemap", err)
		if opts.Basemap != nil { // asked for on the command line: say so
			dialog.ShowError(err, win.W)
		}
	}
	win.checkBasemapItems()
	return win
}

// traceMap traces where the map sits in the window, when that changed.
func (win *Window) traceMap() {
	if win.closed {
		return
	}
	m := win.View.Map
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(m)
	s := m.Size()
	if g := fmt.Sprintf("map %.0f %.0f %.0f %.0f", pos.X, pos.Y, s.Width, s.Height); g != win.lastMap {
		win.lastMap = g
		win.trace("%s", g)
	}
}

func (win *Window) trace(format string, args ...any) {
	if win.opts.Trace != nil {
		fmt.Fprintf(win.opts.Trace, format+"\n", args...)
	}
}

// menu builds the main menu.
func (win *Window) menu() *fyne.MainMenu {
	v := win.View
	open := fyne.NewMenuItem("Open…", func() { win.confirmDiscard(win.openDialog) })
	open.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault}
	builtin := fyne.NewMenuItem("Open built-in reports", func() { win.confirmDiscard(win.OpenBuiltin) })
	builtin.Disabled = win.opts.Builtin == nil
	reload := fyne.NewMenuItem("Reload", func() { win.confirmDiscard(win.Reload) })
	reload.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyR, Modifier: fyne.KeyModifierShortcutDefault}
	export := fyne.NewMenuItem("Export PNG…", win.exportDialog)
	export.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault}
	exportJSON := fyne.NewMenuItem("Export GeoJSON of the shown places…", func() { win.exportPlaces(false) })
	exportCSV := fyne.NewMenuItem("Export CSV of the shown places…", func() { win.exportPlaces(true) })
	importItem := fyne.NewMenuItem("Import report…", win.importDialog)
	importItem.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyI, Modifier: fyne.KeyModifierShortcutDefault}
	save := fyne.NewMenuItem("Save", win.Save)
	save.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
	saveAs := fyne.NewMenuItem("Save As…", func() { win.SaveAsDialog(nil) })
	saveAs.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	win.undoItem = fyne.NewMenuItem("Undo", win.Undo)
	win.undoItem.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault}
	win.redoItem = fyne.NewMenuItem("Redo", win.Redo)
	win.redoItem.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	paste := fyne.NewMenuItem("Paste report", win.PasteReport)
	paste.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyV, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	quit := fyne.NewMenuItem("Quit", win.Quit)
	quit.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}
	quit.IsQuit = true
	zoomIn := fyne.NewMenuItem("Zoom in", v.Map.ZoomIn)
	zoomIn.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyEqual, Modifier: fyne.KeyModifierShortcutDefault}
	zoomOut := fyne.NewMenuItem("Zoom out", v.Map.ZoomOut)
	zoomOut.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyMinus, Modifier: fyne.KeyModifierShortcutDefault}
	fit := fyne.NewMenuItem("Fit all places", v.Map.FitAll)
	fit.Shortcut = &desktop.CustomShortcut{KeyName: fyne.Key0, Modifier: fyne.KeyModifierShortcutDefault}
	find := fyne.NewMenuItem("Search…", win.focusSearch)
	find.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	prev := fyne.NewMenuItem("Previous place in report", func() { v.Step(-1) })
	prev.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyLeft, Modifier: fyne.KeyModifierAlt}
	next := fyne.NewMenuItem("Next place in report", func() { v.Step(1) })
	next.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyRight, Modifier: fyne.KeyModifierAlt}
	about := fyne.NewMenuItem("About reportmap", win.about)
	return fyne.NewMainMenu(
		fyne.NewMenu("File", open, win.recentMenu(), builtin, reload, fyne.NewMenuItemSeparator(), importItem, save, saveAs,
			fyne.NewMenuItemSeparator(), export, exportJSON, exportCSV, fyne.NewMenuItemSeparator(), quit),
		fyne.NewMenu("Edit", win.undoItem, win.redoItem, fyne.NewMenuItemSeparator(), paste),
		fyne.NewMenu("View", find, fyne.NewMenuItemSeparator(), zoomIn, zoomOut, fit, fyne.NewMenuItemSeparator(), prev, next, fyne.NewMenuItemSeparator(), win.basemapMenu()),
		fyne.NewMenu("Help", about),
	)
}

// shortcuts registers the menu's shortcuts on the canvas too, so they work
// where the driver shows no native menu, and Escape.
func (win *Window) shortcuts() {
	c := win.W.Canvas()
	for _, m := range win.W.MainMenu().Items {
		for _, it := range m.Items {
			if it.Shortcut != nil && it.Action != nil {
				action := it.Action
				c.AddShortcut(it.Shortcut, func(fyne.Shortcut) { action() })
			}
		}
	}
	c.SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyEscape {
			win.Escape()
		}
	})
}

func (win *Window) focusSearch() {
	win.W.Canvas().Focus(win.View.Search)
	win.trace("focus search")
}

// Escape closes the topmost dialog, if one is open; otherwise it is the
// view's Escape (the search, then the selection).
func (win *Window) Escape() {
	if top := win.W.Canvas().Overlays().Top(); top != nil {
		top.Hide()
		win.trace("escape dialog")
		return
	}
	win.View.Escape()
}

// Open loads path on a worker (see startLoad) and shows it, fitting the
// map to all its places (not only its settings: one setting alone would
// be a blank field at the closest zoom), and remembers it among the
// recent files; on error the places on screen stay and a dialog says
// what is wrong.
func (win *Window) Open(path string) { win.startLoad(path, true, true) }

// load loads path on a worker and shows it, keeping the map's view.
func (win *Window) load(path string) { win.startLoad(path, false, false) }

// show shows a's places, with its reports in texts, as a document of
// its own; file is its path, or "" for the built-in places.
func (win *Window) show(ix *Indexed, texts fs.FS, file string) {
	a := ix.Atlas()
	win.opts.File = file
	win.doc = document.New(a, texts, file, file == "")
	win.View.SetIndexed(ix, texts)
	win.showTitle()
	win.showEditMenu()
	win.showWarnings(a)
	if hasProvenance(a) {
		win.withGazetteer(func(*gazetteer.Gazetteer) {})
	}
}

// hasProvenance reports whether any place was found by the geoparser.
func hasProvenance(a *atlas.Atlas) bool {
	for i := range a.Places {
		if a.Places[i].Found() {
			return true
		}
	}
	return false
}

// OpenBuiltin shows the built-in places again (File ▸ Open built-in
// reports), fitted like at launch.
func (win *Window) OpenBuiltin() {
	if win.opts.Builtin == nil {
		return
	}
	a, texts, err := win.opts.Builtin()
	if err != nil {
		win.trace("error %s", oneLine(err.Error()))
		dialog.ShowError(fmt.Errorf("could not open the built-in reports:\n\n%s", ErrorMessage(err)), win.W)
		return
	}
	win.trace("open builtin %s", a.File)
	if win.loading != nil {
		win.dropLoad(win.loading) // what the reader chose last wins
	}
	win.stopWatching()
	win.show(IndexAtlas(a), texts, "")
	win.View.Map.FitDefault()
}

// Drop imports the dropped reports (.txt, .md, .html), or else opens the
// first .geojson or .json file among them, and reports whether there was
// one of either.
func (win *Window) Drop(uris []fyne.URI) bool {
	var reports []string
	for _, u := range uris {
		if IsReportFile(u.Path()) {
			reports = append(reports, u.Path())
		}
	}
	if len(reports) > 0 {
		win.ImportFiles(reports)
		return true
	}
	for _, u := range uris {
		if ext := strings.ToLower(filepath.Ext(u.Path())); ext == ".geojson" || ext == ".json" {
			path := u.Path()
			win.confirmDiscard(func() { win.Open(path) })
			return true
		}
	}
	return false
}

// Reload opens the current file again.
func (win *Window) Reload() {
	if win.opts.File == "" {
		win.trace("reload embedded")
		return
	}
	win.load(win.opts.File)
}

func oneLine(s string) string { return strings.ReplaceAll(s, "\n", " | ") }

// ErrorMessage is err's text for people: without the package prefix where
// the error's type gives a message of its own (atlas.Error,
// atlas.ReportError, tiles.OpenError, userfile.Error).
func ErrorMessage(err error) string {
	var m interface{ Message() string }
	if errors.As(err, &m) {
		return m.Message()
	}
	return err.Error()
}

// showWarnings shows a notice for a file's warnings, with a Details view.
func (win *Window) showWarnings(a *atlas.Atlas) {
	win.notice.RemoveAll()
	if len(a.Warnings) == 0 {
		return
	}
	msg := fmt.Sprintf("%s: %s (%s skipped)", filepath.Base(a.File), plural(len(a.Warnings), "warning"), plural(a.Skipped(), "feature"))
	var lines []string // the first few of each kind, then how many more
	for _, l := range atlas.Summarize(a.Warnings, atlas.ShownPerKind) {
		lines = append(lines, l.String())
	}
	details := widget.NewButton("Details", func() {
		text := widget.NewLabel(strings.Join(lines, "\n"))
		text.Wrapping = fyne.TextWrapWord // long lines wrap, never cut off
		scroll := container.NewVScroll(text)
		scroll.SetMinSize(fyne.NewSize(700, 400))
		dialog.ShowCustom("Warnings in "+filepath.Base(a.File), "Close", scroll, win.W)
	})
	closeBtn := widget.NewButton("Dismiss", func() { win.notice.RemoveAll() })
	win.notice.Add(container.NewBorder(nil, nil, nil, container.NewHBox(details, closeBtn), widget.NewLabel(msg)))
	win.trace("warnings %d", len(a.Warnings))
}

// watch reloads the file when it changes on disk.
func (win *Window) watch(path string) {
	win.stopWatching()
	w, err := fsnotify.NewWatcher()
	if err != nil {
		fyne.LogError("reportmap: watching "+path, err)
		return
	}
	// Watch the folder: editors save by replacing the file.
	if err := w.Add(filepath.Dir(path)); err != nil {
		w.Close()
		fyne.LogError("reportmap: watching "+path, err)
		return
	}
	win.watcher = w
	abs, _ := filepath.Abs(path)
	go func() {
		var pending <-chan time.Time
		for {
			select {
			case ev, ok := <-w.Events:
				if !ok {
					return
				}
				if p, _ := filepath.Abs(ev.Name); p == abs && ev.Op&(fsnotify.Write|fsnotify.Create|fsnotify.Rename) != 0 {
					pending = time.After(300 * time.Millisecond) // let the writer finish
				}
			case <-pending:
				pending = nil
				fyne.Do(func() {
					if win.watcher != w {
						return
					}
					win.trace("changed %s", path)
					if win.doc.Dirty() {
						win.changedWhileEditing(path) // never lose the reader's edits
						return
					}
					win.load(path)
				})
			case _, ok := <-w.Errors:
				if !ok {
					return
				}
			}
		}
	}()
}

// Close ends everything the window started: the file watcher and its
// goroutine, the pending map trace and the tile layer with its workers
// and source (an open MBTiles file). It closes the Fyne window too, if it
// is still open. Calling it again does nothing. Like all widget code it
// runs on Fyne's goroutine.
func (win *Window) Close() {
	if win.closed {
		return
	}
	win.closed = true
	if win.armExit != nil {
		win.armExit()
	}
	win.imports.cancel.Store(true)
	win.imports.wg.Wait() // a report being parsed is done in milliseconds
	if win.loading != nil {
		win.dropLoad(win.loading)
	}
	win.loads.Wait()  // a cancelled load stops within a second
	win.builds.Wait() // a cluster build takes a fraction of a second
	win.stopWatching()
	if win.mapTimer != nil {
		win.mapTimer.Stop()
	}
	if err := win.View.SetBasemap(OfflineBasemap, win.opts.Version); err != nil {
		fyne.LogError("reportmap: closing the basemap", err)
	}
	if !win.windowGone {
		win.W.Close()
	}
}

// changedWhileEditing says the file changed on disk while the reader has
// edits not saved, and offers to reload it (discarding them).
func (win *Window) changedWhileEditing(path string) {
	win.notice.RemoveAll()
	msg := widget.NewLabel(filepath.Base(path) + " changed on disk; your unsaved changes are kept. Reload to see the file as it is now.")
	msg.Wrapping = fyne.TextWrapWord
	reload := widget.NewButton("Reload", func() { win.notice.RemoveAll(); win.confirmDiscard(win.Reload) })
	win.notice.Add(container.NewBorder(nil, nil, nil, reload, msg))
}

// stopWatching stops the file watcher, if there is one; its goroutine
// ends when the watcher's channels close.
func (win *Window) stopWatching() {
	if win.watcher != nil {
		win.watcher.Close()
		win.watcher = nil
	}
}

// openDialog asks for a places file.
func (win *Window) openDialog() {
	win.askFile([]string{".geojson", ".json"}, win.Open)
}

// askFile asks for a file to open with one of the extensions, and calls
// then with its path.
func (win *Window) askFile(exts []string, then func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		then(path)
	}, win.W)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	d.Show()
}

// showReport opens a report's text with an excerpt highlighted and
// scrolled into view.
func (win *Window) showReport(r *atlas.Report, excerpt string) {
	paras, err := r.ReadText(win.View.texts)
	if err != nil {
		dialog.ShowError(err, win.W)
		return
	}
	body, hit := ReportText(paras, excerpt)
	scroll := container.NewVScroll(container.NewPadded(body))
	scroll.SetMinSize(fyne.NewSize(640, 480))
	header := wrapped(shortName(r.Title)+" — "+shortName(r.Source), fyne.TextStyle{Bold: true})
	d := dialog.NewCustom("Report", "Close", container.NewBorder(header, nil, nil, nil, scroll), win.W)
	d.Resize(fyne.NewSize(720, 600))
	d.Show()
	if hit != nil {
		scroll.Offset = fyne.NewPos(0, max(0, hit.Position().Y-40))
		scroll.Refresh()
	}
}

// about shows the version and the credits.
func (win *Window) about() {
	text := fmt.Sprintf("reportmap %s\n\nPuts the places named in news reports on a map: click a place, read what the reports say about it.\n\n"+
		"Reports: Sky News.\nBasemap: Natural Earth (public domain), via world-atlas; town names from GeoNames (CC BY 4.0); online tiles © OpenStreetMap contributors when chosen.\nBuilt with Fyne and orb.", win.opts.Version)
	dialog.ShowInformation("About reportmap", text, win.W)
}
