package ui_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"reportmap/atlas"
	"reportmap/gazetteer"
	"reportmap/geoparse/geoparsetest"
	"reportmap/internal/headless"
	"reportmap/ui"
)

// parisReport names Paris, Texas, in its dateline and Austin and France
// beside it: the test gazetteer knows Paris, France, too.
const parisReport = "PARIS, Texas (AP) — A tornado tore through Paris late on Monday, flattening homes on the north side of the town.\n" +
	"The governor said in Austin that the state would help.\n" +
	"Residents joked that the town's namesake, Paris, France, had never seen weather like it.\n"

// importWindow opens the repository's places as the built-in reports in
// a test window whose imports resolve names with the test gazetteer.
func importWindow(t *testing.T) (*ui.Window, *headless.App, *strings.Builder) {
	t.Helper()
	ap := headless.Wrap(test.NewTempApp(t))
	trace := &strings.Builder{}
	win := builtinWindowWith(t, ap, ui.Options{Version: "test", Trace: trace,
		Gazetteer: func() (*gazetteer.Gazetteer, error) { return geoparsetest.Gazetteer(), nil }})
	return win, ap, trace
}

// importFile writes text to a file and imports it as the menu does,
// waiting for the import to finish.
func importFile(t *testing.T, win *ui.Window, ap *headless.App, trace *strings.Builder, name, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	before := strings.Count(trace.String(), "import done")
	win.ImportFiles([]string{path})
	if !ap.RunUntil(func() bool { return strings.Count(trace.String(), "import done") > before }, 10*time.Second) {
		t.Fatalf("the import did not finish; trace:\n%s", trace)
	}
	return path
}

// placeNamed returns the index of the place called name, or -1.
func placeNamed(a *atlas.Atlas, name string) int {
	return slices.IndexFunc(a.Places, func(p atlas.Place) bool { return p.Name == name })
}

func TestImportReviewAndCorrect(t *testing.T) {
	win, ap, trace := importWindow(t)
	importFile(t, win, ap, trace, "tornado.txt", parisReport)
	a := win.View.Atlas()
	// Into the built-in reports, unchanged, an import starts a new document.
	if len(a.Reports) != 1 || a.Reports[0].ID != "tornado" {
		t.Fatalf("reports after the import: %+v", a.Reports)
	}
	if got := win.W.Title(); got != "reportmap — Untitled •" {
		t.Errorf("title %q, want the unsaved mark", got)
	}
	i := placeNamed(a, "Paris")
	if i < 0 {
		t.Fatalf("no Paris among %d places (trace %s)", len(a.Places), trace)
	}
	paris := a.Places[i]
	if paris.Provenance == nil || len(paris.Provenance.Alternatives) == 0 {
		t.Fatalf("Paris has no alternatives: %+v", paris.Provenance)
	}
	// The panel says where it was resolved and offers the alternatives.
	win.View.Select(paris.ID)
	rc := win.View.Review()
	if len(rc.Alternatives) == 0 || rc.NotAPlace == nil || rc.Role == nil {
		t.Fatalf("the panel offers no corrections: %+v", rc)
	}
	texas := paris.Point
	test.Tap(rc.Alternatives[0])
	ap.RunUntil(func() bool { return win.View.Atlas().Place(paris.ID).Point != texas }, 5*time.Second)
	moved := win.View.Atlas().Place(paris.ID)
	if moved.Point == texas || !moved.Provenance.Corrected {
		t.Fatalf("after choosing %q the place is at %v (was %v), corrected %v", rc.Alternatives[0].Text, moved.Point, texas, moved.Provenance.Corrected)
	}
	if sel := win.View.SelectedPlace(); sel == nil || sel.ID != paris.ID {
		t.Errorf("the place is no longer chosen after the correction")
	}
	// Not a place removes it; undo brings it back, where it was moved to.
	n := len(win.View.Atlas().Places)
	test.Tap(win.View.Review().NotAPlace)
	if len(win.View.Atlas().Places) != n-1 || win.View.Atlas().Place(paris.ID) != nil {
		t.Fatalf("Not a place left %d places (want %d)", len(win.View.Atlas().Places), n-1)
	}
	win.Undo()
	if p := win.View.Atlas().Place(paris.ID); p == nil || p.Point != moved.Point {
		t.Fatalf("undo did not bring Paris back where it was: %+v", p)
	}
	win.Undo()
	if p := win.View.Atlas().Place(paris.ID); p.Point != texas {
		t.Errorf("second undo: Paris at %v, want %v", p.Point, texas)
	}
	win.Redo()
	win.Redo()
	if win.View.Atlas().Place(paris.ID) != nil {
		t.Error("redo did not remove Paris again")
	}
	// The role toggles and the report's settings follow.
	j := placeNamed(win.View.Atlas(), "Austin")
	if j < 0 {
		t.Fatal("no Austin")
	}
	win.View.Select(win.View.Atlas().Places[j].ID)
	test.Tap(win.View.Review().Role)
	austin := win.View.Atlas().Places[j]
	if austin.Role != atlas.RoleSetting || !slices.Contains(win.View.Atlas().Reports[0].Settings, austin.ID) {
		t.Errorf("after Mark as a setting: role %s, settings %v", austin.Role, win.View.Atlas().Reports[0].Settings)
	}
}

func TestShiftDragMovesAPlace(t *testing.T) {
	win, ap, trace := importWindow(t)
	importFile(t, win, ap, trace, "tornado.txt", parisReport)
	a := win.View.Atlas()
	austin := a.Places[placeNamed(a, "Austin")]
	// What the map's Shift-drag ends in (mapview's own tests drive the
	// drag itself): OnMoved with the drop's lon/lat.
	to := orb.Point{-97.0, 31.0}
	win.View.Map.OnMoved(&austin, to)
	moved := win.View.Atlas().Place(austin.ID)
	if moved.Point != to || !moved.Provenance.Corrected {
		t.Fatalf("after the move: %v, corrected %v; want %v, true", moved.Point, moved.Provenance.Corrected, to)
	}
	if moved.NeedsCheck() {
		t.Error("a place the reader moved still asks to be checked (drawn hollow)")
	}
	win.Undo()
	if p := win.View.Atlas().Place(austin.ID); p.Point != austin.Point {
		t.Errorf("undo left Austin at %v, want %v", p.Point, austin.Point)
	}
}

func TestImportMergesIntoWhatIsOpenAndSaves(t *testing.T) {
	win, ap, trace := importWindow(t)
	importFile(t, win, ap, trace, "tornado.txt", parisReport)
	importFile(t, win, ap, trace, "again.txt", parisReport)
	a := win.View.Atlas()
	if len(a.Reports) != 2 {
		t.Fatalf("%d reports, want 2", len(a.Reports))
	}
	paris := a.Place(a.Places[placeNamed(a, "Paris")].ID)
	if got := paris.Reports(); !slices.Equal(got, []string{"tornado", "again"}) {
		t.Errorf("Paris is quoted by %v, want both reports: one place named in 2 reports", got)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "tornadoes.geojson")
	if !win.SaveTo(file) {
		t.Fatal("save failed")
	}
	if got := win.W.Title(); got != "reportmap — tornadoes.geojson" {
		t.Errorf("title after saving %q", got)
	}
	back, err := atlas.LoadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Warnings) > 0 || len(atlas.Verify(back, atlas.ReportsDir(file))) > 0 {
		t.Errorf("the saved file has problems: %v %v", back.Warnings, atlas.Verify(back, atlas.ReportsDir(file)))
	}
	want := win.View.Atlas()
	if len(back.Places) != len(want.Places) {
		t.Fatalf("%d places read back, want %d", len(back.Places), len(want.Places))
	}
	for i := range want.Places {
		w, g := want.Places[i], back.Places[i]
		if g.ID != w.ID || g.Name != w.Name || g.Point != w.Point || g.Role != w.Role || !slices.Equal(g.Excerpts, w.Excerpts) ||
			!slices.Equal(g.Aliases, w.Aliases) || g.Provenance == nil || g.Provenance.Gazetteer != w.Provenance.Gazetteer ||
			g.Provenance.Confidence != w.Provenance.Confidence || len(g.Provenance.Alternatives) != len(w.Provenance.Alternatives) {
			t.Errorf("place %d read back as %+v, want %+v", i, g, w)
		}
	}
}

func TestUnsavedChangesAskBeforeQuit(t *testing.T) {
	win, ap, trace := importWindow(t)
	importFile(t, win, ap, trace, "tornado.txt", parisReport)
	win.Quit()
	top := win.W.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(trace.String(), "ask-save Untitled") {
		t.Fatalf("Quit with unsaved changes asked nothing; trace:\n%s", trace)
	}
	test.Tap(findButton(t, top, "Cancel"))
	if strings.Contains(trace.String(), "discard") && !strings.Contains(trace.String(), "cancel discard") {
		t.Fatal("Cancel discarded")
	}
	if win.View.Atlas().Report("tornado") == nil {
		t.Fatal("Cancel lost the import")
	}
	win.Quit()
	test.Tap(findButton(t, win.W.Canvas().Overlays().Top(), "Discard changes"))
	if !strings.Contains(trace.String(), "\ndiscard\n") {
		t.Errorf("Discard changes did not discard; trace:\n%s", trace)
	}
}

func TestBadReportsSayWhatHappened(t *testing.T) {
	win, ap, trace := importWindow(t)
	before := len(win.View.Atlas().Places)
	dir := t.TempDir()
	for _, tc := range []struct{ name, data, says string }{
		{"photo.txt", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "photo.txt is not a text file"},
		{"empty.txt", "\n  \n", "empty.txt has no text to import"},
		{"nowhere.txt", "Nobody went anywhere on Tuesday, officials said.\n", "nowhere.txt; nothing was added"},
		{"page.html", "<html><body></body></html>", "page.html is a web page with no article text in it"},
	} {
		path := filepath.Join(dir, tc.name)
		if err := os.WriteFile(path, []byte(tc.data), 0o644); err != nil {
			t.Fatal(err)
		}
		win.ImportFiles([]string{path})
		ap.RunUntil(func() bool { return strings.Contains(trace.String(), tc.says) }, 5*time.Second)
		if !strings.Contains(trace.String(), tc.says) {
			t.Errorf("%s: the trace does not say %q:\n%s", tc.name, tc.says, trace)
		}
		if top := win.W.Canvas().Overlays().Top(); top == nil {
			t.Errorf("%s: no dialog", tc.name)
		} else {
			top.Hide()
		}
	}
	if n := len(win.View.Atlas().Places); n != before || win.W.Title() != "reportmap — places.geojson" {
		t.Errorf("after the bad files: %d places (was %d), title %q: what was open must stay", n, before, win.W.Title())
	}
}

func TestPasteTooLargeIsRefused(t *testing.T) {
	win, _, trace := importWindow(t)
	fyne.CurrentApp().Clipboard().SetContent(strings.Repeat("Paris, Texas. ", int(atlas.MaxReportFileSize/14+1)))
	win.PasteReport()
	if !strings.Contains(trace.String(), "paste too large") || win.W.Canvas().Overlays().Top() == nil {
		t.Errorf("a clipboard over the report limit was not refused with a dialog; trace:\n%s", trace)
	}
	if len(win.View.Atlas().Reports) != 4 {
		t.Errorf("what was open changed: %d reports", len(win.View.Atlas().Reports))
	}
}

func TestPasteReport(t *testing.T) {
	win, ap, trace := importWindow(t)
	fyne.CurrentApp().Clipboard().SetContent("Tornado flattens homes in Paris, Texas\n" + parisReport)
	win.PasteReport()
	top := win.W.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog offers the title")
	}
	test.Tap(findButton(t, top, "Import"))
	ap.RunUntil(func() bool { return strings.Contains(trace.String(), "import done") }, 10*time.Second)
	a := win.View.Atlas()
	if len(a.Reports) != 1 || a.Reports[0].Title != "Tornado flattens homes in Paris, Texas" || placeNamed(a, "Paris") < 0 {
		t.Errorf("after pasting: reports %+v, %d places", a.Reports, len(a.Places))
	}
}

func TestExportShownPlacesThroughTheMenu(t *testing.T) {
	win, ap, trace := importWindow(t)
	importFile(t, win, ap, trace, "tornado.txt", parisReport)
	dir := t.TempDir()
	for _, tc := range []struct{ item, file, head string }{
		{"Export CSV of the shown places…", "shown.csv", "name,kind,role,lon,lat,reports,first_excerpt\n"},
		{"Export GeoJSON of the shown places…", "shown.geojson", "{\n  \"type\": \"FeatureCollection\""},
	} {
		menuItem(t, win, tc.item).Action()
		top := win.W.Canvas().Overlays().Top()
		if top == nil {
			t.Fatalf("%s: no dialog", tc.item)
		}
		entry := findEntry(t, top)
		path := filepath.Join(dir, tc.file)
		entry.SetText(path)
		test.Tap(findButton(t, top, "Save"))
		data, err := os.ReadFile(path)
		if err != nil || !strings.HasPrefix(string(data), tc.head) {
			t.Errorf("%s wrote %q (%v); want it to start %q", tc.item, data, err, tc.head)
		}
	}
	back, err := atlas.LoadFile(filepath.Join(dir, "shown.geojson"))
	if err != nil || len(back.Places) != len(win.View.State.Rows()) {
		t.Errorf("the exported GeoJSON: %v, want the %d shown places", err, len(win.View.State.Rows()))
	}
}

// findButton finds the button labelled label under o.
func findButton(t *testing.T, o fyne.CanvasObject, label string) *widget.Button {
	t.Helper()
	b := find(o, func(b *widget.Button) bool { return b.Text == label })
	if b == nil {
		t.Fatalf("no %q button", label)
	}
	return b
}

// findEntry finds the first entry under o.
func findEntry(t *testing.T, o fyne.CanvasObject) *widget.Entry {
	t.Helper()
	e := find(o, func(*widget.Entry) bool { return true })
	if e == nil {
		t.Fatal("no entry")
	}
	return e
}

// find returns the first object of type T under o that match accepts,
// looking into containers and widgets' renderers; nil if none.
func find[T fyne.CanvasObject](o fyne.CanvasObject, match func(T) bool) T {
	var zero T
	if o == nil {
		return zero
	}
	if x, ok := o.(T); ok && match(x) {
		return x
	}
	var kids []fyne.CanvasObject
	if c, ok := o.(*fyne.Container); ok {
		kids = c.Objects
	} else if w, ok := o.(fyne.Widget); ok {
		kids = test.WidgetRenderer(w).Objects()
	}
	for _, k := range kids {
		if x := find(k, match); any(x) != any(zero) {
			return x
		}
	}
	return zero
}

func TestSearchTheGazetteerRepoints(t *testing.T) {
	win, ap, trace := importWindow(t)
	importFile(t, win, ap, trace, "tornado.txt", parisReport)
	a := win.View.Atlas()
	austin := a.Places[placeNamed(a, "Austin")]
	win.View.Select(austin.ID)
	test.Tap(win.View.Review().Search)
	ap.RunUntil(func() bool { return strings.Contains(trace.String(), "search-gazetteer "+austin.ID) }, 5*time.Second)
	top := win.W.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog")
	}
	findEntry(t, top).SetText("Paris")
	pick := find(top, func(b *widget.Button) bool { return strings.HasPrefix(b.Text, "Paris") })
	if pick == nil {
		t.Fatal("searching Paris offers nothing")
	}
	test.Tap(pick)
	got := win.View.Atlas().Place(austin.ID)
	if got.Name != "Paris" || got.Point == austin.Point || !got.Provenance.Corrected || !slices.Contains(got.Aliases, "Austin") {
		t.Errorf("after re-pointing Austin to %q: %+v", pick.Text, got)
	}
}
