package ui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"reportmap/atlas"
	"reportmap/document"
	"reportmap/gazetteer"
	"reportmap/geoparse"
	"reportmap/internal/userfile"
)

// ReportExtensions are the files Import report opens and a drop imports.
var ReportExtensions = []string{".txt", ".md", ".markdown", ".html", ".htm"}

// IsReportFile reports whether path names a report to import (by its
// extension) rather than a places file.
func IsReportFile(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	for _, e := range ReportExtensions {
		if ext == e {
			return true
		}
	}
	return false
}

// CorrectionKind is what a reader's correction of a place does.
type CorrectionKind uint8

// The corrections.
const (
	CorrectAlternative CorrectionKind = iota + 1 // make it the gazetteer entry Gazetteer
	CorrectNotPlace                              // remove it; its name is not proposed again
	CorrectRole                                  // make it Role
	CorrectMove                                  // put its marker at Point
)

// Correction is one correction the panel or the map asks for.
type Correction struct {
	Kind      CorrectionKind
	Place     PlaceIndex
	Gazetteer string     // CorrectAlternative: the entry's id
	Role      atlas.Role // CorrectRole
	Point     orb.Point  // CorrectMove: lon, lat in degrees
}

// importer runs the imports of one window off its goroutine.
type importer struct {
	wg     sync.WaitGroup
	cancel atomic.Bool
}

// importJob is one report to import: a file to read, or text in hand.
type importJob struct {
	name  string // the file's path, or "the clipboard"
	data  []byte // nil: read the file name
	title string // "" to take the text's own
}

// loadGazetteer loads the gazetteer imports use (Options.Gazetteer, else
// the embedded one); it blocks, so call it from a worker goroutine.
func (win *Window) loadGazetteer() (*gazetteer.Gazetteer, error) {
	if win.opts.Gazetteer != nil {
		return win.opts.Gazetteer()
	}
	return gazetteer.Default()
}

// parser returns the geoparser over the embedded gazetteer, loading it
// on the first call; it blocks, so call it from a worker goroutine.
func (win *Window) parser() (*geoparse.Parser, error) {
	g, err := win.loadGazetteer()
	if err != nil {
		return nil, err
	}
	return geoparse.New(g)
}

// withGazetteer calls f on the UI goroutine with the gazetteer, loading
// it on a worker first when it is not loaded yet: the window never
// waits for it.
func (win *Window) withGazetteer(f func(*gazetteer.Gazetteer)) {
	if win.gz != nil {
		f(win.gz)
		return
	}
	win.imports.wg.Add(1)
	go func() {
		defer win.imports.wg.Done()
		g, err := win.loadGazetteer()
		fyne.Do(func() {
			if win.closed {
				return
			}
			if err != nil {
				win.showError("could not load the gazetteer", err)
				return
			}
			win.setGazetteer(g)
			f(g)
		})
	}()
}

// setGazetteer keeps the loaded gazetteer for the panel's descriptions.
func (win *Window) setGazetteer(g *gazetteer.Gazetteer) {
	if win.gz == nil {
		win.gz = g
		win.View.Gazetteer = g
		win.View.showPanel()
	}
}

// ImportFiles imports each file as a report, geoparsing them off the UI
// goroutine with a progress notice; the places found appear as each is
// done. Files that cannot be imported are named in a dialog, and what
// is open stays.
func (win *Window) ImportFiles(paths []string) {
	jobs := make([]importJob, len(paths))
	for i, p := range paths {
		jobs[i] = importJob{name: p}
	}
	win.runImports(jobs)
}

// ImportText imports text as a report called title ("" for its first
// line); name says where it came from ("the clipboard").
func (win *Window) ImportText(name, text, title string) {
	win.runImports([]importJob{{name: name, data: []byte(text), title: title}})
}

// runImports starts a worker that geoparses the jobs in turn and hands
// each result to the UI goroutine.
func (win *Window) runImports(jobs []importJob) {
	if len(jobs) == 0 || win.closed {
		return
	}
	names := make([]string, len(jobs))
	for i, j := range jobs {
		names[i] = filepath.Base(j.name)
	}
	win.trace("import start %s", strings.Join(names, ", "))
	if win.lastDir == "" && jobs[0].data == nil {
		win.lastDir = filepath.Dir(jobs[0].name) // Save As offers the report's folder
	}
	bar := widget.NewProgressBar()
	label := widget.NewLabel("Importing " + names[0] + "…")
	var cancelled atomic.Bool
	cancel := widget.NewButton("Cancel", func() { cancelled.Store(true) })
	var progress fyne.CanvasObject
	if len(jobs) == 1 {
		progress = widget.NewProgressBarInfinite()
	} else {
		progress = bar
	}
	label.Truncation = fyne.TextTruncateEllipsis
	notice := container.NewVBox(label, container.NewBorder(nil, nil, nil, cancel, progress))
	win.View.Progress.Add(notice)
	win.View.Progress.Show()
	win.imports.wg.Add(1)
	go func() {
		defer win.imports.wg.Done()
		defer fyne.Do(func() {
			win.View.Progress.Remove(notice)
			if len(win.View.Progress.Objects) == 0 {
				win.View.Progress.Hide()
			}
			if inf, ok := progress.(*widget.ProgressBarInfinite); ok {
				inf.Stop()
			}
		})
		p, err := win.parser()
		if err != nil {
			fyne.Do(func() { win.showError("could not import", err) })
			return
		}
		fyne.Do(func() {
			if !win.closed {
				win.setGazetteer(p.Gazetteer())
			}
		})
		done := 0
		for i, j := range jobs {
			if cancelled.Load() || win.imports.cancel.Load() {
				fyne.Do(func() { win.trace("import cancelled after %d of %d", done, len(jobs)) })
				return
			}
			fyne.Do(func() {
				label.SetText(fmt.Sprintf("Importing %s (%d of %d)…", names[i], i+1, len(jobs)))
				bar.SetValue(float64(i) / float64(len(jobs)))
			})
			data := j.data
			if data == nil {
				data, err = userfile.Read(j.name, atlas.MaxReportFileSize)
			}
			var im *document.Import
			if err == nil {
				im, err = document.Parse(p, j.name, data, j.title)
			}
			done++
			fyne.Do(func() { win.addImport(names[i], im, err) })
		}
		fyne.Do(func() { win.trace("import done %d", done) })
	}()
}

// addImport adds one geoparsed report to the document, or says why it
// could not be imported. Into the built-in reports, unchanged, it starts
// a new document instead: they are not the reader's.
func (win *Window) addImport(name string, im *document.Import, err error) {
	if win.closed {
		return
	}
	if err != nil {
		win.trace("error import %s: %s", name, oneLine(ErrorMessage(err)))
		win.showError("could not import "+name, err)
		return
	}
	fresh := false
	if win.doc.Builtin() && !win.doc.Dirty() {
		win.stopWatching()
		win.doc = document.New(nil, nil, "", false)
		win.opts.File = ""
		fresh = true
	}
	added := win.doc.Add(im)
	win.trace("import %s report %s: %d new, %d merged, %d skipped", name, added.Report, added.New, added.Merged, added.Skipped)
	win.docChanged()
	if fresh || len(win.doc.Atlas().Reports) == 1 {
		win.View.Map.FitAll()
	}
}

// docChanged shows the document as it now is, keeping the map's view
// and, if the place is still there, the selection.
func (win *Window) docChanged() {
	win.View.Update(win.doc.Atlas(), win.doc.Texts())
	win.showTitle()
	win.showEditMenu()
	if needs := countNeedsCheck(win.doc.Atlas()); needs > 0 {
		win.trace("check %d", needs)
	}
}

// countNeedsCheck counts the places a reader should check.
func countNeedsCheck(a *atlas.Atlas) int {
	n := 0
	for i := range a.Places {
		if a.Places[i].NeedsCheck() {
			n++
		}
	}
	return n
}

// docName is the document's file name, or "Untitled".
func (win *Window) docName() string {
	if p := win.doc.Path(); p != "" {
		return filepath.Base(p)
	}
	if win.doc.Builtin() {
		return filepath.Base(win.doc.Atlas().File)
	}
	return "Untitled"
}

// showTitle shows the document's name in the title, with "•" while it
// has unsaved changes.
func (win *Window) showTitle() {
	t := "reportmap — " + win.docName()
	if win.doc.Dirty() {
		t += " •"
	}
	win.W.SetTitle(t)
}

// showEditMenu names the edit Undo and Redo would take back or redo.
func (win *Window) showEditMenu() {
	if win.undoItem == nil {
		return
	}
	win.undoItem.Label, win.undoItem.Disabled = "Undo", !win.doc.CanUndo()
	if l := win.doc.UndoLabel(); l != "" {
		win.undoItem.Label = "Undo " + shortName(l)
	}
	win.redoItem.Label, win.redoItem.Disabled = "Redo", !win.doc.CanRedo()
	if l := win.doc.RedoLabel(); l != "" {
		win.redoItem.Label = "Redo " + shortName(l)
	}
	if m := win.W.MainMenu(); m != nil {
		m.Refresh()
	}
}

// Undo takes back the last edit (Edit ▸ Undo, Ctrl+Z).
func (win *Window) Undo() {
	label := win.doc.UndoLabel()
	if win.doc.Undo() {
		win.trace("undo %s", label)
		win.docChanged()
	}
}

// Redo makes the last edit taken back again (Edit ▸ Redo, Ctrl+Shift+Z).
func (win *Window) Redo() {
	label := win.doc.RedoLabel()
	if win.doc.Redo() {
		win.trace("redo %s", label)
		win.docChanged()
	}
}

// Correct applies a reader's correction to the document, as one
// undoable edit.
func (win *Window) Correct(c Correction) {
	i := int(c.Place)
	a := win.doc.Atlas()
	if i < 0 || i >= len(a.Places) {
		return
	}
	id := a.Places[i].ID
	var err error
	switch c.Kind {
	case CorrectAlternative:
		win.withGazetteer(func(g *gazetteer.Gazetteer) {
			if j := win.doc.Atlas().Index(id); j >= 0 {
				if err := win.doc.ChooseAlternative(j, g, c.Gazetteer); err != nil {
					win.showError("could not change "+a.Places[i].Name, err)
					return
				}
				win.trace("correct %s alternative %s", id, c.Gazetteer)
				win.docChanged()
			}
		})
		return
	case CorrectNotPlace:
		err = win.doc.NotAPlace(i)
	case CorrectRole:
		err = win.doc.SetRole(i, c.Role)
	case CorrectMove:
		err = win.doc.Move(i, c.Point)
	}
	if err != nil {
		win.showError("could not change "+a.Places[i].Name, err)
		return
	}
	win.trace("correct %s %s", id, correctionName(c.Kind))
	win.docChanged()
}

func correctionName(k CorrectionKind) string {
	switch k {
	case CorrectNotPlace:
		return "not-a-place"
	case CorrectRole:
		return "role"
	case CorrectMove:
		return "move"
	}
	return "alternative"
}

// repoint makes place id the gazetteer entry e (Search the gazetteer…).
func (win *Window) repoint(id string, e *gazetteer.Entry) {
	if i := win.doc.Atlas().Index(id); i >= 0 {
		if err := win.doc.Repoint(i, e, win.gz); err != nil {
			win.showError("could not change the place", err)
			return
		}
		win.trace("correct %s repoint %s", id, e.ID)
		win.docChanged()
	}
}

// searchGazetteer lets the reader find another entry for place id.
func (win *Window) searchGazetteer(id string) {
	win.withGazetteer(func(g *gazetteer.Gazetteer) {
		p := win.doc.Atlas().Place(id)
		if p == nil {
			return
		}
		results := container.NewVBox()
		var d dialog.Dialog
		query := widget.NewEntry()
		query.SetPlaceHolder("A place's name, as in “Washington” or “Kursk Oblast”")
		show := func(q string) {
			results.RemoveAll()
			es := g.Lookup(q)
			if len(es) == 0 && strings.TrimSpace(q) != "" {
				results.Add(widget.NewLabel("No place of that name in the gazetteer"))
			}
			for k, e := range es {
				if k == 12 {
					results.Add(widget.NewLabel(fmt.Sprintf("… and %d more", len(es)-k)))
					break
				}
				e := e
				results.Add(widget.NewButton(describeEntry(g, e), func() {
					d.Hide()
					win.repoint(id, e)
				}))
			}
		}
		query.OnChanged = show
		query.SetText(p.Name)
		scroll := container.NewVScroll(results)
		scroll.SetMinSize(fyne.NewSize(480, 320))
		d = dialog.NewCustom("Which "+shortName(p.Name)+"?", "Cancel", container.NewBorder(query, nil, nil, nil, scroll), win.W)
		d.Resize(fyne.NewSize(560, 460))
		d.Show()
		win.W.Canvas().Focus(query)
		win.trace("search-gazetteer %s", id)
	})
}

// describeEntry says what a gazetteer entry is, for a reader choosing
// among namesakes: "Kursk Oblast, Russia — region", "Paris, Texas,
// United States — city of 24,000".
func describeEntry(g *gazetteer.Gazetteer, e *gazetteer.Entry) string {
	var where []string
	if e.Kind == gazetteer.KindCity && e.Admin1 != "" {
		if a := g.ByID(gazetteer.ID{Source: gazetteer.SourceNaturalEarth, Key: e.Admin1}); a != nil && a.Name != e.Name {
			where = append(where, a.Name)
		}
	}
	if e.Kind != gazetteer.KindCountry && e.Country != "" {
		if c := g.ByID(gazetteer.ID{Source: gazetteer.SourceCountry, Key: e.Country}); c != nil {
			where = append(where, c.Name)
		}
	}
	s := e.Name
	if len(where) > 0 {
		s += ", " + strings.Join(where, ", ")
	}
	kind := "region"
	switch e.Kind {
	case gazetteer.KindCity:
		kind = "town"
		if e.Population >= 100_000 {
			kind = "city"
		}
		if e.Population > 0 {
			kind += " of " + roundPopulation(e.Population)
		}
	case gazetteer.KindCountry:
		kind = "country"
	case gazetteer.KindSea:
		kind = "sea"
	case gazetteer.KindRiver:
		kind = "river"
	}
	return s + " — " + kind
}

// roundPopulation writes a population to two significant figures:
// "24,000", "1.4 million".
func roundPopulation(n int) string {
	if n >= 1_000_000 {
		return fmt.Sprintf("%.1f million", float64(n)/1e6)
	}
	mag := 1
	for mag*100 <= n {
		mag *= 10
	}
	n = (n + mag/2) / mag * mag
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// Save writes the document where it is saved (File ▸ Save, Ctrl+S); a
// new document, or the built-in reports, asks where.
func (win *Window) Save() { win.saveThen(nil) }

// saveThen saves, asking where if needed, and calls then after a
// successful save.
func (win *Window) saveThen(then func()) {
	if win.doc.NeedsName() {
		win.SaveAsDialog(then)
		return
	}
	if win.SaveTo(win.doc.Path()) && then != nil {
		then()
	}
}

// SaveTo saves the document at path, atomically, and reports whether it
// could; on error a dialog says why and nothing else changes.
func (win *Window) SaveTo(path string) bool {
	win.stopWatching() // our own writes are not changes to reload
	err := win.doc.SaveAs(path)
	if p := win.doc.Path(); p != "" {
		defer win.watch(p)
	}
	if err != nil {
		win.trace("error save %s: %s", path, oneLine(ErrorMessage(err)))
		win.showError("could not save "+filepath.Base(path), err)
		return false
	}
	win.opts.File = win.doc.Path()
	win.addRecent(win.doc.Path())
	win.trace("saved %s", win.doc.Path())
	win.docChanged()
	return true
}

// SaveAsDialog asks where to save the document (File ▸ Save As…).
func (win *Window) SaveAsDialog(then func()) {
	name := strings.TrimSuffix(win.docName(), filepath.Ext(win.docName())) + ".geojson"
	if a := win.doc.Atlas(); win.doc.Path() == "" && !win.doc.Builtin() && len(a.Reports) > 0 {
		name = a.Reports[0].ID + ".geojson" // a new document: after its first report
	}
	if win.doc.Builtin() {
		name = "my-" + name
	}
	win.askPath("Save places as", name, []string{".geojson", ".json"}, func(path string) {
		if win.SaveTo(path) && then != nil {
			then()
		}
	})
}

// askPath asks for a file to write, with a field to type the path in and
// a button to choose the folder; it asks before replacing a file. (Not
// Fyne's file-save dialog: it creates and empties the file it returns,
// before the app can write it atomically.)
func (win *Window) askPath(title, name string, exts []string, then func(path string)) {
	dir := win.lastDir
	if dir == "" {
		if p := win.doc.Path(); p != "" {
			dir = filepath.Dir(p)
		} else if d, err := filepath.Abs("."); err == nil {
			dir = d
		}
	}
	entry := widget.NewEntry()
	entry.SetText(filepath.Join(dir, name))
	var d dialog.Dialog
	submit := func() {
		path := strings.TrimSpace(entry.Text)
		if path == "" {
			return
		}
		if !strings.Contains(path, string(filepath.Separator)) {
			path = filepath.Join(dir, path)
		}
		if filepath.Ext(path) == "" && len(exts) > 0 {
			path += exts[0]
		}
		d.Hide()
		win.lastDir = filepath.Dir(path)
		if fi, err := os.Stat(path); err == nil {
			if !fi.Mode().IsRegular() {
				win.showError("could not save "+filepath.Base(path), fmt.Errorf("%s is not a regular file", path))
				return
			}
			dialog.ShowConfirm("Replace "+filepath.Base(path)+"?", path+" exists. Replace it?", func(ok bool) {
				if ok {
					then(path)
				}
			}, win.W)
			return
		}
		then(path)
	}
	entry.OnSubmitted = func(string) { submit() }
	browse := widget.NewButton("Choose folder…", func() {
		fd := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
			if err == nil && u != nil {
				entry.SetText(filepath.Join(u.Path(), filepath.Base(entry.Text)))
			}
		}, win.W)
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			fd.SetLocation(l)
		}
		fd.Show()
	})
	body := container.NewVBox(widget.NewLabel("File:"), container.NewBorder(nil, nil, nil, browse, entry))
	d = dialog.NewCustomConfirm(title, "Save", "Cancel", body, func(ok bool) {
		if ok {
			submit()
		}
	}, win.W)
	d.Resize(fyne.NewSize(640, 200))
	d.Show()
	win.W.Canvas().Focus(entry)
	win.trace("ask-path %s", title)
}

// confirmDiscard runs then at once when the document has no unsaved
// changes; otherwise it asks first whether to save them, discard them or
// cancel.
func (win *Window) confirmDiscard(then func()) {
	if !win.doc.Dirty() {
		then()
		return
	}
	var d dialog.Dialog
	save := widget.NewButton("Save", func() { d.Hide(); win.saveThen(then) })
	save.Importance = widget.HighImportance
	discard := widget.NewButton("Discard changes", func() { d.Hide(); win.trace("discard"); then() })
	cancel := widget.NewButton("Cancel", func() { d.Hide(); win.trace("cancel discard") })
	msg := widget.NewLabel(win.docName() + " has changes that are not saved. Save them first?")
	d = dialog.NewCustomWithoutButtons("Unsaved changes", container.NewVBox(msg, container.NewHBox(save, discard, cancel)), win.W)
	d.Show()
	win.trace("ask-save %s", win.docName())
}

// showError shows err in a dialog under a heading of ours.
func (win *Window) showError(what string, err error) {
	dialog.ShowError(errors.New(what+":\n\n"+ErrorMessage(err)), win.W)
}

// importDialog asks for report files to import (File ▸ Import report…).
func (win *Window) importDialog() {
	win.askFile(ReportExtensions, func(path string) { win.ImportFiles([]string{path}) })
}

// PasteReport imports the clipboard's text as a report (Edit ▸ Paste
// report, Ctrl+Shift+V), offering its first line as the title.
func (win *Window) PasteReport() {
	text := strings.TrimSpace(win.clipboard().Content())
	if int64(len(text)) > atlas.MaxReportFileSize {
		dialog.ShowInformation("Paste report", fmt.Sprintf("The clipboard holds %s of text; a report can be %s at most.",
			userfile.Size(int64(len(text))), userfile.Size(atlas.MaxReportFileSize)), win.W)
		win.trace("paste too large %d bytes", len(text))
		return
	}
	if text == "" {
		dialog.ShowInformation("Paste report", "The clipboard holds no text to import.", win.W)
		win.trace("paste empty")
		return
	}
	first, _, _ := strings.Cut(text, "\n")
	title := widget.NewEntry()
	title.SetText(atlas.Clip(strings.TrimSpace(first), 120))
	form := dialog.NewForm("Import the clipboard as a report", "Import", "Cancel",
		[]*widget.FormItem{widget.NewFormItem("Title", title)}, func(ok bool) {
			if ok {
				win.ImportText("the clipboard", text, title.Text)
			}
		}, win.W)
	form.Resize(fyne.NewSize(640, 200))
	form.Show()
	win.trace("paste %d bytes", len(text))
}

// clipboard is the app's clipboard.
func (win *Window) clipboard() fyne.Clipboard {
	return fyne.CurrentApp().Clipboard()
}

// exportPlaces asks where to write the places shown, as GeoJSON or CSV
// (File ▸ Export GeoJSON…, Export CSV…).
func (win *Window) exportPlaces(csv bool) {
	rows := win.View.State.Rows()
	if len(rows) == 0 {
		dialog.ShowInformation("Export", "No place is shown, so there is nothing to export.", win.W)
		return
	}
	shown := make([]int, len(rows))
	for k, i := range rows {
		shown[k] = int(i)
	}
	a := win.doc.Atlas()
	base := strings.TrimSuffix(win.docName(), filepath.Ext(win.docName()))
	title, name, exts := "Export the shown places as GeoJSON", base+"-shown.geojson", []string{".geojson"}
	if csv {
		title, name, exts = "Export the shown places as CSV", base+"-shown.csv", []string{".csv"}
	}
	win.askPath(title, name, exts, func(path string) {
		var err error
		if csv {
			err = userfile.WriteAtomic(path, func(w io.Writer) error { return atlas.WriteCSV(w, a, shown) })
		} else {
			var data []byte
			if data, err = atlas.EncodeSubset(a, shown); err == nil {
				err = userfile.WriteAtomic(path, func(w io.Writer) error { _, err := w.Write(data); return err })
			}
		}
		if err != nil {
			win.showError("could not export "+filepath.Base(path), err)
			return
		}
		win.trace("export %s %d places", path, len(shown))
	})
}
