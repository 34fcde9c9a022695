package mapview_test

import (
	"image"
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"github.com/paulmach/orb"

	"reportmap/atlas"
	"reportmap/internal/headless"
	"reportmap/mapview"
)

// checkPlaces are four places far apart, each in its own colour: one the
// geoparser found with low confidence (to check), one it was sure of, one
// found with low confidence that the reader corrected, one made by hand.
const checkPlaces = `{"type":"FeatureCollection","features":[
 {"type":"Feature","geometry":{"type":"Point","coordinates":[10,10]},"properties":{"id":"unsure","name":"Unsure","marker-color":"#e15759","gazetteer":"geonames:1","confidence":0.4}},
 {"type":"Feature","geometry":{"type":"Point","coordinates":[30,10]},"properties":{"id":"sure","name":"Sure","marker-color":"#4e79a7","gazetteer":"geonames:2","confidence":0.95}},
 {"type":"Feature","geometry":{"type":"Point","coordinates":[10,30]},"properties":{"id":"corrected","name":"Corrected","marker-color":"#59a14f","gazetteer":"geonames:3","confidence":0.4,"corrected":true}},
 {"type":"Feature","geometry":{"type":"Point","coordinates":[30,30]},"properties":{"id":"by-hand","name":"By hand","marker-color":"#f28e2b"}}]}`

// newCheckMap returns an 800×600 map of checkPlaces in a test window with
// the given theme variant, showing all four apart.
func newCheckMap(t *testing.T, variant fyne.ThemeVariant) (*mapview.Map, fyne.Window, *atlas.Atlas) {
	t.Helper()
	app := test.NewTempApp(t)
	app.Settings().SetTheme(headless.Theme(variant))
	a, err := atlas.Load("check.geojson", []byte(checkPlaces))
	if err != nil {
		t.Fatal(err)
	}
	if !a.Places[0].NeedsCheck() || a.Places[1].NeedsCheck() || a.Places[2].NeedsCheck() || a.Places[3].NeedsCheck() {
		t.Fatal("checkPlaces: only the first place should need a check")
	}
	m := mapview.NewMap()
	m.SetPlaces(a.Places, a.Reports)
	w := test.NewTempWindow(t, m)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(800, 600))
	m.SetView(orb.Point{20, 20}, 4)
	return m, w, a
}

// markerOf returns the marker of the place with the given id.
func markerOf(t *testing.T, m *mapview.Map, id string) mapview.Marker {
	t.Helper()
	for _, mk := range m.Markers() {
		if mk.Count == 1 && mk.Place.ID == id {
			return mk
		}
	}
	t.Fatalf("no marker of %s", id)
	return mapview.Marker{}
}

func TestMarkersHollow(t *testing.T) {
	m, _, _ := newCheckMap(t, theme.VariantLight)
	for _, mk := range m.Markers() {
		if want := mk.Count == 1 && mk.Place.ID == "unsure"; mk.Hollow != want {
			t.Errorf("marker of %v: Hollow %v; want %v", mk.Place.ID, mk.Hollow, want)
		}
	}
	// A cluster is never hollow, even of places to check.
	m.SetView(orb.Point{20, 20}, 0)
	for _, mk := range m.Markers() {
		if mk.Count > 1 && mk.Hollow {
			t.Errorf("a cluster of %d is hollow", mk.Count)
		}
	}
	// New places are looked at anew.
	a, err := atlas.Load("check.geojson", []byte(checkPlaces))
	if err != nil {
		t.Fatal(err)
	}
	a.Places[0].Provenance.Corrected = true
	m.SetPlaces(a.Places, a.Reports)
	m.SetView(orb.Point{20, 20}, 4)
	if mk := markerOf(t, m, "unsure"); mk.Hollow {
		t.Error("a corrected place is still hollow after SetPlaces")
	}
}

// TestHollowMarkerPixels reads the rendered frame: the place to check is
// a ring of its colour, about 2.5 units wide, around the theme's
// background colour; the others are filled discs of theirs. At scale 2
// the ring is twice as wide in pixels.
func TestHollowMarkerPixels(t *testing.T) {
	for _, variant := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		for _, scale := range []float32{1, 2} {
			m, w, _ := newCheckMap(t, variant)
			w.Canvas().(test.WindowlessCanvas).SetScale(scale)
			img := w.Canvas().Capture()
			s := float64(img.Bounds().Dx()) / 800
			if math.Abs(s-float64(scale)) > 1e-6 {
				t.Fatalf("capture %v at scale %v", img.Bounds(), scale)
			}
			bg := opaque(headless.Theme(variant).Color(theme.ColorNameBackground, variant))
			name := map[fyne.ThemeVariant]string{theme.VariantLight: "light", theme.VariantDark: "dark"}[variant]

			mk := markerOf(t, m, "unsure")
			cx, cy, r := float64(mk.Pos.X)*s, float64(mk.Pos.Y)*s, float64(mk.Radius)*s
			inner := r - 2.5*s
			red := color.RGBA{0xe1, 0x57, 0x59, 0xff}
			rings, centres := 0, 0
			forPixels(img, cx, cy, r, func(x, y int, d float64) {
				got := rgba(img.At(x, y))
				switch {
				case d > inner+0.6 && d < r-0.6:
					rings++
					if got != red {
						t.Errorf("%s, scale %v: ring pixel (%d,%d) %.2f from the centre is %v; want the place's colour %v", name, scale, x, y, d, got, red)
					}
				case d < inner-0.6:
					centres++
					if got != bg {
						t.Errorf("%s, scale %v: centre pixel (%d,%d) %.2f from the centre is %v; want the background %v", name, scale, x, y, d, got, bg)
					}
				}
			})
			if rings < 8 || centres < 4 {
				t.Errorf("%s, scale %v: only %d ring and %d centre pixels looked at", name, scale, rings, centres)
			}

			// The others are filled.
			for id, c := range map[string]color.RGBA{"sure": {0x4e, 0x79, 0xa7, 0xff}, "corrected": {0x59, 0xa1, 0x4f, 0xff}, "by-hand": {0xf2, 0x8e, 0x2b, 0xff}} {
				mk := markerOf(t, m, id)
				cx, cy, r := float64(mk.Pos.X)*s, float64(mk.Pos.Y)*s, float64(mk.Radius)*s
				forPixels(img, cx, cy, r, func(x, y int, d float64) {
					if got := rgba(img.At(x, y)); d < r-0.6 && got != c {
						t.Errorf("%s, scale %v: %s's pixel (%d,%d) %.2f from the centre is %v; want its colour %v", name, scale, id, x, y, d, got, c)
					}
				})
			}
		}
	}
}

// TestHollowSelected: the selection ring goes round a hollow marker as
// round any other, and its centre stays the background.
func TestHollowSelected(t *testing.T) {
	m, w, _ := newCheckMap(t, theme.VariantLight)
	m.Select("unsure")
	img := w.Canvas().Capture()
	mk := markerOf(t, m, "unsure")
	cx, cy, r := float64(mk.Pos.X), float64(mk.Pos.Y), float64(mk.Radius)
	primary := opaque(headless.Theme(theme.VariantLight).Color(theme.ColorNamePrimary, theme.VariantLight))
	bg := opaque(headless.Theme(theme.VariantLight).Color(theme.ColorNameBackground, theme.VariantLight))
	if got := rgba(img.At(int(cx), int(cy))); got != bg {
		t.Errorf("the selected hollow marker's centre is %v; want the background %v", got, bg)
	}
	// The selection ring lies 1 to 4 units outside the disc (on the left:
	// the label's halo, on the right, covers part of it).
	if got := rgba(img.At(int(math.Floor(cx-r-2.5)), int(cy))); got != primary {
		t.Errorf("beside the selected hollow marker: %v; want the selection ring %v", got, primary)
	}
}

// forPixels calls f on each pixel of img within r of (cx, cy), with the
// distance of its centre.
func forPixels(img image.Image, cx, cy, r float64, f func(x, y int, d float64)) {
	b := image.Rect(int(cx-r-1), int(cy-r-1), int(cx+r+2), int(cy+r+2)).Intersect(img.Bounds())
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if d := math.Hypot(float64(x)+0.5-cx, float64(y)+0.5-cy); d <= r {
				f(x, y, d)
			}
		}
	}
}

func rgba(c color.Color) color.RGBA { return color.RGBAModel.Convert(c).(color.RGBA) }

func opaque(c color.Color) color.RGBA {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	return color.RGBA{n.R, n.G, n.B, 0xff}
}
