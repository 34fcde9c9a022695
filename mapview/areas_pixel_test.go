package mapview

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"reportmap/atlas"
	"reportmap/gazetteer"
	"reportmap/internal/headless"
	"reportmap/mapview/viewport"
)

// areaPlace is one place, its marker at the centre of the test's view.
const areaPlace = `{"type":"FeatureCollection","features":[
 {"type":"Feature","geometry":{"type":"Point","coordinates":[%g,%g]},"properties":{"id":"a","name":"Area","marker-color":"#e15759"}}]}`

// renderArea draws one 960×600 frame of a map centred on center at zoom,
// with place (its one place) chosen and, when area is not nil, its area;
// with place nil the map has no places. It returns a copy of the frame,
// the viewport it was drawn in, in pixels, the map, and the boxes of the
// basemap's town names and dots, which are drawn over the areas.
func renderArea(t *testing.T, variant fyne.ThemeVariant, place *atlas.Atlas, area orb.MultiPolygon, center orb.Point, zoom float64) (*image.RGBA, viewport.Viewport, *Map, []rect) {
	t.Helper()
	app := test.NewTempApp(t)
	app.Settings().SetTheme(headless.Theme(variant))
	m := NewMap()
	if place != nil {
		m.SetPlaces(place.Places, place.Reports)
		if area != nil {
			m.SetAreas([]orb.MultiPolygon{area})
		}
	}
	m.Resize(fyne.NewSize(960, 600))
	if place != nil && !m.Select("a") {
		t.Fatal("cannot choose the place")
	}
	m.FinishAnimation()
	m.SetView(center, zoom)
	r := newRenderer(m)
	r.Refresh() // the theme's palette
	w, h := int(m.view.W), int(m.view.H)
	src := r.draw(w, h).(*image.RGBA)
	img := image.NewRGBA(src.Bounds())
	copy(img.Pix, src.Pix)
	pv := viewport.Viewport{Center: m.view.Center, Zoom: m.view.Zoom, W: float64(w), H: float64(h)}
	return img, pv, m, append([]rect(nil), r.towns.boxes...)
}

// edgeDistance is the distance from p to the nearest edge of the rings
// of mp, all in pixels.
func edgeDistance(mp orb.MultiPolygon, p orb.Point) float64 {
	d := math.Inf(1)
	for _, poly := range mp {
		for _, r := range poly {
			for i := range r {
				a, b := r[i], r[(i+1)%len(r)]
				d = math.Min(d, planar.DistanceFrom(orb.LineString{a, b}, p))
			}
		}
	}
	return d
}

// checkAreaPixels renders area, as the chosen place's, in light and dark,
// and checks every pixel at least 3 px from its outline: inside, the
// frame is the frame without areas with the chosen tint blended over it
// (±1 a channel, where no marker or label is drawn); outside, it is the
// frame without areas exactly.
func checkAreaPixels(t *testing.T, area orb.MultiPolygon, center orb.Point, zoom float64) {
	for _, variant := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		name := "light"
		if variant == theme.VariantDark {
			name = "dark"
		}
		t.Run(name, func(t *testing.T) {
			doc := []byte(fmt.Sprintf(areaPlace, center[0], center[1]))
			a, err := atlas.Load("area.geojson", doc)
			if err != nil {
				t.Fatal(err)
			}
			with, pv, m, towns := renderArea(t, variant, a, area, center, zoom)
			if !m.HasArea(0) {
				t.Fatal("the area is not drawn")
			}
			without, pv2, _, _ := renderArea(t, variant, a, nil, center, zoom)
			bare, pv3, _, _ := renderArea(t, variant, nil, nil, center, zoom)
			if pv != pv2 || pv != pv3 {
				t.Fatalf("the views differ: %v, %v, %v", pv, pv2, pv3)
			}
			// The area in the frame's pixels.
			px := make(orb.MultiPolygon, len(area))
			for i, poly := range area {
				px[i] = make(orb.Polygon, len(poly))
				for j, r := range poly {
					px[i][j] = make(orb.Ring, len(r))
					for k, ll := range r {
						x, y := pv.ToPixel(ll)
						px[i][j][k] = orb.Point{x, y}
					}
				}
			}
			alpha := uint32(areaChosenTint)
			if dark := m.themePalette().hollow; int(dark.R)+int(dark.G)+int(dark.B) < 3*128 {
				alpha = areaChosenDark
			}
			c := m.colors[0]
			tint := func(d uint8, s uint8) uint8 {
				return uint8((uint32(d)*(255-alpha) + uint32(s)*alpha + 127) / 255)
			}
			box := px.Bound().Pad(3)
			var inside, outside, marked int
			b := with.Bounds()
			for y := b.Min.Y; y < b.Max.Y; y++ {
				for x := b.Min.X; x < b.Max.X; x++ {
					p := orb.Point{float64(x) + 0.5, float64(y) + 0.5}
					in := box.Contains(p) && planar.MultiPolygonContains(px, p)
					if box.Contains(p) && edgeDistance(px, p) < 3 {
						continue // the outline and its anti-aliasing
					}
					i := with.PixOffset(x, y)
					got, base := with.Pix[i:i+4], without.Pix[i:i+4]
					if !in {
						outside++
						if got[0] != base[0] || got[1] != base[1] || got[2] != base[2] || got[3] != base[3] {
							t.Fatalf("outside the area at (%d, %d): %v, without areas %v", x, y, got, base)
						}
						continue
					}
					if o := bare.Pix[i : i+4]; o[0] != base[0] || o[1] != base[1] || o[2] != base[2] || underTown(towns, p) {
						marked++ // the marker, its label or a town's name: drawn over the tint
						continue
					}
					inside++
					want := color.RGBA{tint(base[0], c.R), tint(base[1], c.G), tint(base[2], c.B), 0xff}
					if absDiff(got[0], want.R) > 1 || absDiff(got[1], want.G) > 1 || absDiff(got[2], want.B) > 1 {
						t.Fatalf("inside the area at (%d, %d): %v, want %v (without areas %v)", x, y, got, want, base)
					}
				}
			}
			if inside < 1000 || outside < 1000 {
				t.Errorf("too few pixels checked: %d inside, %d outside (%d under the marker)", inside, outside, marked)
			}
			t.Logf("%d pixels inside, %d outside, %d under the marker or its label", inside, outside, marked)
		})
	}
}

// underTown reports whether p is within a town's name or dot, or its
// halo (3 px round it).
func underTown(towns []rect, p orb.Point) bool {
	for _, b := range towns {
		if p[0] >= b.x0-3 && p[0] <= b.x1+3 && p[1] >= b.y0-3 && p[1] <= b.y1+3 {
			return true
		}
	}
	return false
}

func absDiff(a, b uint8) uint8 {
	if a > b {
		return a - b
	}
	return b - a
}

// The chosen area tints every pixel of a square's inside and none
// outside it (3 px either side of the outline are left to it).
func TestAreaPixelsSquare(t *testing.T) {
	sq := orb.MultiPolygon{{{{10, 45}, {14, 45}, {14, 48}, {10, 48}, {10, 45}}}}
	checkAreaPixels(t, sq, orb.Point{12, 46.5}, 6)
}

// The same for Kursk Oblast's outline from the embedded gazetteer, at
// the zoom the golden image shows it.
func TestAreaPixelsKursk(t *testing.T) {
	id, err := gazetteer.ParseID("ne:RU-KRS")
	if err != nil {
		t.Fatal(err)
	}
	mp, err := gazetteer.Outline(id)
	if err != nil || len(mp) == 0 {
		t.Fatalf("no outline of Kursk Oblast: %v", err)
	}
	checkAreaPixels(t, mp, orb.Point{36.0, 51.6}, 6.5)
}
