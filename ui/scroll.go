package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// wheelFactor multiplies a scroll event's distance: Fyne moves 25 units
// a wheel notch, a third of what browsers and text viewers do.
const wheelFactor = 3

// PanelScroll is a vertical scroll for reading: a wheel notch moves about
// three lines rather than one.
type PanelScroll struct {
	container.Scroll
}

// NewPanelScroll scrolls content vertically.
func NewPanelScroll(content fyne.CanvasObject) *PanelScroll {
	s := &PanelScroll{}
	s.Direction = container.ScrollVerticalOnly
	s.Content = content
	s.ExtendBaseWidget(s)
	return s
}

// Scrolled scrolls wheelFactor times as far as the event says.
func (s *PanelScroll) Scrolled(e *fyne.ScrollEvent) {
	fast := *e
	fast.Scrolled = fyne.NewDelta(e.Scrolled.DX*wheelFactor, e.Scrolled.DY*wheelFactor)
	s.Scroll.Scrolled(&fast)
}
