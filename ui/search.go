package ui

import (
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
