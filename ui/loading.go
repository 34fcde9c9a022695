package ui

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"reportmap/atlas"
	"reportmap/document"
)

// loadJob is one places file being loaded on a worker.
type loadJob struct {
	path     string
	fit      bool               // Open: fit the map to all the places
	remember bool               // Open and the launch: add the file to the recent ones
	doc      *document.Document // what was open when the load started
	dirty    bool               // whether it had unsaved edits then
	cancel   context.CancelFunc
	notice   fyne.CanvasObject // the progress notice in View.Progress
	bar      *widget.ProgressBar
	label    *widget.Label
	indexing bool // the worker has loaded the file and is indexing it

	decoded atomic.Int64 // features decoded so far, from the worker
	total   atomic.Int64
	queued  atomic.Bool // a progress update waits for the UI goroutine
}

// Loading reports whether a places file is being loaded.
func (win *Window) Loading() bool { return win.loading != nil }

// startLoad loads path on a worker, with a progress bar and Cancel above
// the search, and shows it when it has loaded; what is on screen stays
// until then, and stays for good if the file is bad (a dialog says why)
// or the load is cancelled. A load already under way is cancelled: the
// newer wins. fit, for Open, fits the map to all the places; remember
// adds the file to the recent ones.
func (win *Window) startLoad(path string, fit, remember bool) {
	if win.closed {
		return
	}
	win.trace("open %s", path)
	if win.loading != nil {
		win.dropLoad(win.loading)
	}
	ctx, cancel := context.WithCancel(context.Background())
	job := &loadJob{path: path, fit: fit, remember: remember, cancel: cancel, doc: win.doc, dirty: win.doc.Dirty()}
	job.label = widget.NewLabel("Loading " + filepath.Base(path) + "…")
	job.label.Truncation = fyne.TextTruncateEllipsis
	job.bar = widget.NewProgressBar()
	stop := widget.NewButton("Cancel", func() {
		if win.loading == job {
			win.trace("load cancelled %s", path)
			win.dropLoad(job)
		}
	})
	job.notice = container.NewVBox(job.label, container.NewBorder(nil, nil, nil, stop, job.bar))
	win.loading = job
	win.View.Progress.Add(job.notice)
	win.View.Progress.Show()
	win.loads.Add(1)
	go func() {
		defer win.loads.Done()
		a, err := atlas.LoadFileWith(path, atlas.LoadOptions{Context: ctx, Progress: func(done, total int) {
			job.decoded.Store(int64(done))
			job.total.Store(int64(total))
			if !job.queued.Swap(true) { // one update at a time waits for the UI
				fyne.Do(func() { win.showLoadProgress(job) })
			}
		}})
		if err == nil {
			err = ctx.Err() // cancelled as it ended: finishLoad drops it
		}
		var ix *Indexed
		if err == nil {
			fyne.Do(func() { win.showIndexing(job, len(a.Places)) })
			ix = IndexAtlas(a) // the search index and the map's clusters, off the UI goroutine
		}
		fyne.Do(func() { win.finishLoad(job, ix, err) })
	}()
}

// showLoadProgress shows how far the job's worker has decoded.
func (win *Window) showLoadProgress(job *loadJob) {
	job.queued.Store(false)
	if win.loading != job || job.indexing {
		return
	}
	done, total := job.decoded.Load(), job.total.Load()
	if total <= 0 {
		return
	}
	job.bar.SetValue(float64(done) / float64(total))
	// total is the loader's estimate until the last call (done == total).
	msg := fmt.Sprintf("Loading %s: %s of about %s features…", filepath.Base(job.path), thousands(done), thousands(total))
	if done >= total {
		msg = fmt.Sprintf("Showing %s: %s features…", filepath.Base(job.path), thousands(total))
	}
	job.label.SetText(msg)
}

// showIndexing says the job's worker is indexing n places.
func (win *Window) showIndexing(job *loadJob, n int) {
	if win.loading != job {
		return
	}
	job.indexing = true
	job.bar.SetValue(1)
	job.label.SetText(fmt.Sprintf("Indexing %s: %s places…", filepath.Base(job.path), thousands(int64(n))))
}

// finishLoad shows what the job's worker loaded and indexed, or says why
// it could not, unless the job was cancelled or another load took its
// place.
func (win *Window) finishLoad(job *loadJob, ix *Indexed, err error) {
	if win.closed || win.loading != job {
		return // cancelled: the notice is gone already
	}
	win.dropLoad(job)
	path := job.path
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return
		}
		win.trace("error %s", oneLine(err.Error()))
		// ShowError capitalises the message's first letter: start with
		// a word of ours, not the file's name ("Typo.geojson").
		dialog.ShowError(fmt.Errorf("could not open %s:\n\n%s", filepath.Base(path), ErrorMessage(err)), win.W)
		return
	}
	if win.doc != job.doc || win.doc.Dirty() && !job.dirty {
		// The reader imported or edited while it loaded (the prompt to
		// save came before): never lose that.
		win.trace("load kept-edits %s", path)
		win.editedWhileLoading(path, job.remember)
		return
	}
	a := ix.Atlas()
	win.show(ix, atlas.ReportsDir(path), path)
	win.watch(path)
	if job.fit {
		win.View.Map.FitAll()
	}
	if job.remember {
		win.addRecent(path)
	}
	win.trace("loaded %s %d", path, len(a.Places))
}

// editedWhileLoading says path loaded while the reader was making
// changes, which are kept, and offers to open it (asking about them).
func (win *Window) editedWhileLoading(path string, remember bool) {
	win.notice.RemoveAll()
	msg := widget.NewLabel(filepath.Base(path) + " has loaded, but you changed the places meanwhile; your changes are kept. Open it to see it.")
	msg.Wrapping = fyne.TextWrapWord
	open := widget.NewButton("Open", func() {
		win.notice.RemoveAll()
		win.confirmDiscard(func() { win.startLoad(path, true, remember) })
	})
	win.notice.Add(container.NewBorder(nil, nil, nil, open, msg))
}

// dropLoad cancels job's worker and takes its notice away; its result,
// when it comes, is not shown.
func (win *Window) dropLoad(job *loadJob) {
	job.cancel()
	if win.loading == job {
		win.loading = nil
	}
	win.View.Progress.Remove(job.notice)
	if len(win.View.Progress.Objects) == 0 {
		win.View.Progress.Hide()
	}
}

// thousands writes n with commas between groups of three digits.
func thousands(n int64) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
