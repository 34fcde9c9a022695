package ui

import "time"

// FlushSearch applies a search typed but not yet applied, as the frame's
// timer that typing waits for does.
func FlushSearch(v *View) {
	v.typedQueued = false
	v.applySearch()
}

// CoalesceSearch makes every search count as slow, so that keystrokes
// coalesce, and has the frame's wait call queue(f) instead of running f
// itself a frame later.
func CoalesceSearch(v *View, queue func(f func())) {
	v.slowSearch, v.coalesceAt = 0, 0
	v.after = func(_ time.Duration, f func()) { queue(f) }
	at := time.Now()
	v.now = func() time.Time { return at } // keys come faster than frames, however slow the test
}

// Walks lists the reports whose walk order has been worked out.
func Walks(v *View) []string {
	var ids []string
	for id := range v.walks {
		ids = append(ids, id)
	}
	return ids
}

// FrameSearch has the search wait that typing coalesces into end only
// when FlushSearch plays the frame: the test driver's fyne.Do would run
// the frame's timer on its own goroutine, racing the test.
func FrameSearch(v *View) { v.after = func(time.Duration, func()) {} }
