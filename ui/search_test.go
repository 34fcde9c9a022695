package ui_test

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"reportmap/ui"
)

// Eleven keys typed quickly into a slow search run it far fewer than
// eleven times: the first is searched for at once, the next waits for the
// frame to end and keys typed meanwhile replace it. The list ends with the
// rows of the whole text; Enter takes its top row even with a search still
// waiting.
func TestFastTypingCoalesces(t *testing.T) {
	win, events := newWindow(t)
	v := win.View
	var frames []func()
	ui.CoalesceSearch(v, func(f func()) { frames = append(frames, f) })
	searches := func() (n int) {
		for _, e := range *events {
			if strings.HasPrefix(e, "search ") {
				n++
			}
		}
		return n
	}
	const q = "dunkirk mig" // 11 keys
	test.Type(v.Search, q)
	if n := searches(); n != 1 || len(frames) != 1 {
		t.Fatalf("typing %q ran %d searches and queued %d; want 1 (the first key) and 1", q, n, len(frames))
	}
	frames[0]() // the frame's wait ends
	if n := searches(); n != 2 {
		t.Fatalf("%d searches after the frame; want 2", n)
	}
	if v.State.Query() != q {
		t.Fatalf("query %q; want %q", v.State.Query(), q)
	}
	rows := v.State.Rows()
	if len(rows) == 0 || v.State.Atlas().Places[rows[0]].ID != "dunkirk-camp" {
		t.Fatalf("rows %v; want the Dunkirk camp first", rows)
	}
	// More keys, and Enter before their frame: Enter searches first.
	test.Type(v.Search, "r")
	if len(frames) != 2 {
		t.Fatalf("%d frames queued; want 2", len(frames))
	}
	v.Search.OnSubmitted(v.Search.Text)
	if v.State.Query() != q+"r" || searches() != 3 {
		t.Fatalf("Enter left the query %q after %d searches", v.State.Query(), searches())
	}
	if p := v.SelectedPlace(); p == nil || p.ID != "dunkirk-camp" {
		t.Fatalf("Enter chose %v; want dunkirk-camp", p)
	}
	frames[1]() // a stale frame finds nothing new
	if searches() != 3 {
		t.Errorf("a frame with nothing new searched again")
	}
	v.Escape()
	if v.State.Query() != "" || len(v.State.Rows()) != len(v.State.Atlas().Places) {
		t.Errorf("Esc left the query %q and %d rows", v.State.Query(), len(v.State.Rows()))
	}
}
