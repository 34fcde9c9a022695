package mapview_test

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"github.com/paulmach/orb"

	"reportmap/internal/headless"
	"reportmap/mapview"
)

// Golden images of the offline basemap's names: Dunkirk at zoom 9 at
// 1280×800 with the seed places, light and dark, and Europe at zoom 5.
// Look at testdata/towns_*.png after changing the drawing; delete one and
// run the test to write it anew (on a mismatch the drawing lands in
// testdata/failed/).
func TestGoldenTowns(t *testing.T) {
	for _, tt := range []struct {
		name    string
		variant fyne.ThemeVariant
		center  orb.Point
		zoom    float64
	}{
		{"towns_dunkirk9_light.png", theme.VariantLight, orb.Point{2.37, 51.03}, 9},
		{"towns_dunkirk9_dark.png", theme.VariantDark, orb.Point{2.37, 51.03}, 9},
		{"towns_europe5_light.png", theme.VariantLight, orb.Point{10, 50}, 5},
	} {
		t.Run(tt.name, func(t *testing.T) {
			app := test.NewTempApp(t)
			app.Settings().SetTheme(headless.Theme(tt.variant))
			a := loadPlaces(t)
			m := mapview.NewMap()
			m.SetPlaces(a.Places, a.Reports)
			w := test.NewTempWindow(t, m)
			w.SetPadded(false)
			w.Resize(fyne.NewSize(1280, 800))
			m.SetView(tt.center, tt.zoom)
			test.AssertImageMatches(t, tt.name, w.Canvas().Capture())
		})
	}
}
