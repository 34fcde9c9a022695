package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// SearchEntry is the search box: a one-line entry that also reports the
// up and down arrows (to move through the list) and Escape.
type SearchEntry struct {
	widget.Entry
	OnUpDown func(delta int)
	OnEscape func()
}

// NewSearchEntry returns an empty search box.
func NewSearchEntry() *SearchEntry {
	e := &SearchEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey handles the arrows and Escape, and passes the rest on.
func (e *SearchEntry) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyDown:
		if e.OnUpDown != nil {
			e.OnUpDown(1)
		}
	case fyne.KeyUp:
		if e.OnUpDown != nil {
			e.OnUpDown(-1)
		}
	case fyne.KeyEscape:
		if e.OnEscape != nil {
			e.OnEscape()
		}
	default:
		e.Entry.TypedKey(k)
	}
}

// searchFrame is how long typing waits, once searches are slow, before
// the latest text is searched for: about a frame.
const searchFrame = 16 * time.Millisecond

// slowSearch is how long a search may take before typing coalesces: below
// it every keystroke is searched for at once.
const slowSearch = 4 * time.Millisecond

// coalesceAt is how many places a file must have before typing coalesces:
// smaller ones are searched for each keystroke however long it took.
const coalesceAt = 20_000

// typed is the search box's OnChanged. While searches are quick, or the
// places fewer than coalesceAt, each keystroke is searched for at once.
// Once one took slowSearch or more, a keystroke is still searched for at
// once if no search ended in the last frame; else it waits for the rest of
// that frame, and keys typed meanwhile replace it. So fast typing never
// queues a search per key: only the latest text is searched for, stale
// ones never run, and a key typed after a pause is not kept waiting.
func (v *View) typed(q string) {
	v.typedQuery, v.typedNew = q, true
	since := v.now().Sub(v.searchedAt)
	switch {
	case v.typedQueued: // the waiting search will take q
	case v.searchCost < v.slowSearch || len(v.State.Atlas().Places) < v.coalesceAt || since >= searchFrame:
		v.applySearch()
	default:
		v.typedQueued = true
		v.after(searchFrame-since, func() {
			v.typedQueued = false
			v.applySearch()
		})
	}
}

// applySearch searches for the text typed, if it has not been already.
func (v *View) applySearch() {
	if !v.typedNew {
		return
	}
	v.typedNew = false
	start := time.Now()
	v.trace("search %s", v.typedQuery)
	v.picked = false
	v.State.SetQuery(v.typedQuery)
	v.searchedAt = v.now()
	v.searchCost = time.Since(start)
	// For scripts measuring the lag behind typing (scripts/measure-typing.sh):
	// the wall clock in ms when this search's rows were ready.
	v.trace("searched %d rows in %dms at %d: %s", len(v.State.Rows()), v.searchCost.Milliseconds(), time.Now().UnixMilli(), v.typedQuery)
}
