package ui_test

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"

	"reportmap/ui"
)

// windowWith opens the repository's places with place id chosen.
func windowWith(t *testing.T, id string) (*ui.Window, *ui.View) {
	t.Helper()
	win, _ := newWindow(t)
	if !win.View.Select(id) {
		t.Fatalf("cannot choose %s", id)
	}
	return win, win.View
}

// Esc with the map focused: it closes a dialog first, then clears the
// selection, as Esc elsewhere in the window does.
func TestEscapeWithTheMapFocused(t *testing.T) {
	win, v := windowWith(t, "kursk")
	win.W.Canvas().Focus(v.Map)
	dialog.ShowInformation("A dialog", "Esc closes me first.", win.W)
	if win.W.Canvas().Overlays().Top() == nil {
		t.Fatal("no dialog shown")
	}
	v.Map.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if win.W.Canvas().Overlays().Top() != nil {
		t.Error("Esc on the map left the dialog open")
	}
	if p := v.SelectedPlace(); p == nil || p.ID != "kursk" {
		t.Fatalf("closing the dialog changed the selection to %v", p)
	}
	v.Map.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if p := v.SelectedPlace(); p != nil {
		t.Errorf("the second Esc on the map left %s chosen", p.ID)
	}
}

// Enter in the search takes the top result even while another place is
// chosen (the Dunkirk camp, whose quotes mention Gaza); after ↓ it takes
// the place moved to.
func TestSearchEnterTakesTheTopResult(t *testing.T) {
	win, v := windowWith(t, "dunkirk-camp")
	win.W.Canvas().Focus(v.Search)
	test.Type(v.Search, "Gaza")
	v.Search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if p := v.SelectedPlace(); p == nil || p.ID != "gaza" {
		t.Fatalf("Enter chose %v; want gaza", p)
	}
	v.Search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	moved := v.SelectedPlace()
	if moved == nil || moved.ID == "gaza" {
		t.Fatalf("↓ chose %v; want the next result", moved)
	}
	v.Search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if p := v.SelectedPlace(); p != moved {
		t.Errorf("Enter after ↓ chose %v; want %v", p, moved)
	}
}
