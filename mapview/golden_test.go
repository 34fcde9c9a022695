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

// Golden images: look at testdata/*.png after changing the drawing. Run
// with -update... is not a flag of Fyne's: delete a golden file and run the
// test to write it anew (it lands in testdata/failed/ on a mismatch).
func TestGolden(t *testing.T) {
	tests := []struct {
		name    string
		variant fyne.ThemeVariant
		center  *orb.Point
		zoom    float64
		select_ string
	}{
		{"default_light.png", theme.VariantLight, nil, 0, ""},
		{"default_dark.png", theme.VariantDark, nil, 0, ""},
		{"dunkirk_light.png", theme.VariantLight, &orb.Point{2.3, 51.03}, 10, "dunkirk-beaches"},
		{"europe_dark.png", theme.VariantDark, &orb.Point{12, 48}, 4, "paris"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := test.NewTempApp(t)
			app.Settings().SetTheme(headless.Theme(tt.variant))
			a := loadPlaces(t)
			m := mapview.NewMap()
			m.SetPlaces(a.Places, a.Reports)
			w := test.NewTempWindow(t, m)
			w.SetPadded(false)
			w.Resize(fyne.NewSize(960, 600))
			if tt.center != nil {
				m.SetView(*tt.center, tt.zoom)
			}
			if tt.select_ != "" {
				m.Select(tt.select_)
			}
			test.AssertImageMatches(t, tt.name, w.Canvas().Capture())
		})
	}
}
