package ui

import (
	"os"
	"path/filepath"
	"slices"

	"fyne.io/fyne/v2"
)

// Preference keys: what the window remembers between runs.
const (
	// prefLayout is the window's width and height and its two dividers'
	// offsets, in one list: one Set, so one write of the preferences
	// file (Fyne's own watcher of that file can reload it between two
	// writes and lose the second value).
	prefLayout = "window.layout"
	prefRecent = "recent" // the files last opened, newest first
)

// maxRecent is how many files File ▸ Open recent lists.
const maxRecent = 5

// Quit remembers the window's size and dividers and closes it, with
// everything it started (see Close): File ▸ Quit, Ctrl+Q and the window's
// close button all end here. With unsaved changes it asks first whether
// to save them (see confirmDiscard).
func (win *Window) Quit() {
	if win.closed {
		return
	}
	win.trace("quit")
	win.confirmDiscard(func() {
		win.saveLayout()
		win.Close()
	})
}

// saveLayout remembers the window's size and the dividers' positions.
func (win *Window) saveLayout() {
	prefs := fyne.CurrentApp().Preferences()
	s := win.W.Canvas().Size()
	prefs.SetFloatList(prefLayout, []float64{float64(s.Width), float64(s.Height), win.View.Split.Offset, win.View.SideSplit.Offset})
}

// restoreLayout sizes the window and sets the dividers as remembered.
func (win *Window) restoreLayout(prefs fyne.Preferences) {
	l := prefs.FloatListWithFallback(prefLayout, []float64{1280, 800, win.View.Split.Offset, win.View.SideSplit.Offset})
	if len(l) != 4 || l[0] < 200 || l[1] < 150 || l[0] > 20000 || l[1] > 20000 {
		l = []float64{1280, 800, win.View.Split.Offset, win.View.SideSplit.Offset} // not ours: start afresh
	}
	win.W.Resize(fyne.NewSize(float32(l[0]), float32(l[1])))
	if l[2] > 0 && l[2] < 1 {
		win.View.Split.Offset = l[2]
	}
	if l[3] > 0 && l[3] < 1 {
		win.View.SideSplit.Offset = l[3]
	}
}

// recentMenu is File ▸ Open recent; its items follow the preferences.
func (win *Window) recentMenu() *fyne.MenuItem {
	win.recentItem = fyne.NewMenuItem("Open recent", nil)
	win.recentItem.ChildMenu = fyne.NewMenu("")
	win.refreshRecent()
	return win.recentItem
}

// Recent returns the files last opened, newest first.
func (win *Window) Recent() []string {
	return fyne.CurrentApp().Preferences().StringList(prefRecent)
}

// addRecent puts path first among the recent files.
func (win *Window) addRecent(path string) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	list := slices.DeleteFunc(win.Recent(), func(p string) bool { return p == path })
	list = append([]string{path}, list...)
	if len(list) > maxRecent {
		list = list[:maxRecent]
	}
	fyne.CurrentApp().Preferences().SetStringList(prefRecent, list)
	win.refreshRecent()
}

// refreshRecent rebuilds File ▸ Open recent: one item a file, those no
// longer there disabled.
func (win *Window) refreshRecent() {
	if win.recentItem == nil {
		return
	}
	var items []*fyne.MenuItem
	for _, path := range win.Recent() {
		it := fyne.NewMenuItem(path, func() { win.confirmDiscard(func() { win.Open(path) }) })
		if _, err := os.Stat(path); err != nil {
			it.Disabled = true
		}
		items = append(items, it)
	}
	if len(items) == 0 {
		none := fyne.NewMenuItem("No files opened yet", nil)
		none.Disabled = true
		items = append(items, none)
	}
	win.recentItem.ChildMenu.Items = items
	if m := win.W.MainMenu(); m != nil {
		m.Refresh()
	}
}
