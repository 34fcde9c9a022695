package ui_test

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"github.com/paulmach/orb"

	"reportmap/atlas"
	"reportmap/internal/headless"
)

// Golden images of the window at 1280×800 with a region chosen and the
// map framed on its area, light and dark: the Kursk Oblast, the Gaza
// Strip and northeastern Ukraine (the sector of Ukraine's box) tinted,
// under their markers. As for TestGoldenPanel, a mismatch writes the
// actual image to testdata/failed/; look at it, then copy it over the
// golden one to accept it.
func TestGoldenAreas(t *testing.T) {
	views := []struct {
		id     string
		center orb.Point
		zoom   float64
	}{
		{"kursk", orb.Point{36.0, 51.6}, 6.5},
		{"gaza", orb.Point{34.4, 31.4}, 9.5},
		{"northeastern-ukraine", orb.Point{35, 50}, 5.5},
	}
	for _, vw := range views {
		for _, dark := range []bool{false, true} {
			name, variant := fmt.Sprintf("areas-%s-light.png", vw.id), theme.VariantLight
			if dark {
				name, variant = fmt.Sprintf("areas-%s-dark.png", vw.id), theme.VariantDark
			}
			t.Run(name, func(t *testing.T) {
				win, _ := newWindow(t)
				fyne.CurrentApp().Settings().SetTheme(headless.Theme(variant))
				win.View.ShowReport = func(*atlas.Report, string) {}
				if !win.View.Select(vw.id) {
					t.Fatalf("cannot choose %s", vw.id)
				}
				m := win.View.Map
				m.FinishAnimation() // the selection's pan gives way to the view
				m.SetView(vw.center, vw.zoom)
				settle(win)
				if i := win.View.Atlas().Index(vw.id); !m.HasArea(i) {
					t.Errorf("%s has no area drawn", vw.id)
				}
				test.AssertImageMatches(t, name, win.W.Canvas().Capture())
			})
		}
	}
}
