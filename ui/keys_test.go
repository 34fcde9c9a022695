package ui_test

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"

	"reportmap/atlas"
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

// The report dialog's text keeps a bold excerpt inside its sentence:
// no line of it is a lone letter, at any width a dialog may have.
func TestReportTextWrapsByWords(t *testing.T) {
	test.NewTempApp(t)
	paras := atlas.ParseText("Interviews with several Ukrainian troops reveal remarkable details about how the North Koreans have been fighting since they arrived on the battlefield in the Russian region of Kursk last month.\n")
	for _, width := range []float32{300, 420, 517, 640} {
		box, hit := ui.ReportText(paras, "Kursk last month.")
		w := test.NewTempWindow(t, box)
		w.Resize(fyne.NewSize(width, 400))
		lines := hit.(*ui.InlineText).Lines()
		if len(lines) < 2 {
			t.Fatalf("width %.0f: %d lines %q; want it wrapped", width, len(lines), lines)
		}
		for _, l := range lines {
			if len([]rune(strings.TrimSpace(l))) == 1 {
				t.Errorf("width %.0f: a one-letter line in %q", width, lines)
			}
		}
	}
}
