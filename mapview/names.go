package mapview

import (
	"image"
	"image/color"
	"math"
	"strings"

	"fyne.io/fyne/v2"

	"reportmap/mapview/basemap"
	"reportmap/mapview/viewport"
)

// townFrame is a frame's towns: those in view, and the boxes (pixels) of
// the dots and names drawn, two a town, for the tests.
type townFrame struct {
	admin1 color.NRGBA // the admin-1 borders' colour, pointed at by the Style: no allocation a frame
	list   []basemap.Town
	boxes  []rect
	names  []string // of the towns drawn
}

// The zooms (in the map's units) from which the offline basemap shows
// town names and admin-1 borders.
const (
	townsZoom  = 4
	admin1Zoom = 5
)

// baseStyle is the embedded basemap's style for this frame: water, land
// and country borders, and from admin1Zoom the borders of states and
// provinces, thinner and fainter, under the country borders (fainter
// still at admin1Zoom itself, where they are many for their size).
func (r *mapRenderer) baseStyle(pal palette, scale float64) basemap.Style {
	st := basemap.Style{Water: pal.water, Land: pal.land, Border: pal.border, BorderWidth: math.Max(1, 0.8*scale)}
	if z := r.m.view.Zoom; z >= admin1Zoom {
		r.towns.admin1 = mix(pal.land, pal.border, 0.3+0.2*math.Min(1, z-admin1Zoom))
		st.Admin1 = &r.towns.admin1
		st.Admin1Width = math.Max(1, 0.7*scale)
	}
	return st
}

// A town's label: a dot and its name beside it, in the basemap's
// secondary text (smaller and fainter than the places' labels, with the
// same halo). Cities (a capital, or 100,000 people or more) are a little
// larger and darker.
const (
	townSize       = 10.5
	citySize       = 11.5
	townDot        = 1.8
	cityDot        = 2.4
	cityPopulation = 100_000
)

// townAir is the room (Fyne units) a town's label keeps from the next
// town's, across and along: towns packed label to label read as a list.
const townAir, townAirY = 6, 2

// drawNames labels the offline basemap after the places' markers and
// labels, which keep priority: the country names, then the towns of the
// zoom, each where it fits.
func (r *mapRenderer) drawNames(img *image.RGBA, pv viewport.Viewport, scale float64, pal palette) {
	tf := &r.towns
	tf.list, tf.boxes, tf.names = tf.list[:0], tf.boxes[:0], tf.names[:0]
	if r.m.view.Zoom >= townsZoom {
		o, s := pv.Origin(), pv.Scale()
		var err error
		if tf.list, err = basemap.Towns(tf.list, o[0], o[1], s, img.Rect.Dx(), img.Rect.Dy(), r.m.view.Zoom); err != nil {
			tf.list = tf.list[:0]
		}
	}
	if len(tf.list) > 0 {
		r.drawTownCredit(img, scale, pal)
	}
	r.drawCountryNames(img, pv, scale, pal)
	r.drawTowns(img, tf.list, scale, pal)
}

// drawTowns labels towns, in order, each where its dot and name fit clear
// of everything placed before: the places' markers and labels, the zoom
// buttons and the credit, the country names and the towns before it. A
// town that does not fit is left out, dot and all.
func (r *mapRenderer) drawTowns(img *image.RGBA, towns []basemap.Town, scale float64, pal palette) {
	townText := mix(pal.muted, pal.text, 0.15)
	cityText := mix(pal.muted, pal.text, 0.45)
	dot := mix(pal.muted, pal.text, 0.2)
	for i := range towns {
		t := &towns[i]
		size, rad, text := townSize, townDot, townText
		if t.Capital || t.Population >= cityPopulation {
			size, rad, text = citySize, cityDot, cityText
		}
		if r.placeNamedNear(t, scale) {
			continue // "Kursk" beside the place Kursk says it twice
		}
		rad *= scale
		pad := rad + scale // the dot's box, with a pixel around it
		box := rect{t.X - pad, t.Y - pad, t.X + pad, t.Y + pad, 0}
		if r.collides(box, 0) {
			continue
		}
		r.taken = append(r.taken, box)
		if !r.placeLabel(img, t.Name, fyne.TextStyle{}, size*scale, t.X, t.Y, rad+2*scale, text, pal.halo, scale, -1) {
			r.taken = r.taken[:len(r.taken)-1]
			continue
		}
		l := &r.taken[len(r.taken)-1]
		r.towns.boxes = append(r.towns.boxes, box, *l)
		r.towns.names = append(r.towns.names, t.Name)
		l.x0, l.x1 = l.x0-townAir*scale, l.x1+townAir*scale
		l.y0, l.y1 = l.y0-townAirY*scale, l.y1+townAirY*scale
		fillDisc(img, t.X, t.Y, rad, dot)
	}
}

// sameNameReach is how near (Fyne units) to a town a place of the same
// name makes the town's label redundant.
const sameNameReach = 64

// placeNamedNear reports whether a single place named like t (its name
// or an alias, ignoring case) has its marker within sameNameReach of it, looked up in the
// layout's grid of markers.
func (r *mapRenderer) placeNamedNear(t *basemap.Town, scale float64) bool {
	lay := r.lay
	if lay == nil || len(lay.grid.order) != len(lay.spots) {
		return false
	}
	x, y := t.X/scale, t.Y/scale
	x0, y0 := lay.grid.cell(x-sameNameReach, y-sameNameReach)
	x1, y1 := lay.grid.cell(x+sameNameReach, y+sameNameReach)
	for cy := y0; cy <= y1; cy++ {
		for cx := x0; cx <= x1; cx++ {
			for _, k := range lay.grid.cellDiscs(cx, cy) {
				it, sp := lay.items[k], &lay.spots[k]
				if it.Count != 1 || math.Abs(sp.x-x) > sameNameReach || math.Abs(sp.y-y) > sameNameReach {
					continue
				}
				p := &r.m.places[it.Point]
				if strings.EqualFold(p.Name, t.Name) {
					return true
				}
				for _, a := range p.Aliases {
					if strings.EqualFold(a, t.Name) {
						return true
					}
				}
			}
		}
	}
	return false
}

// drawTownCredit credits GeoNames, whose towns these are (CC BY 4.0),
// above the basemap's credit in the bottom-right corner, and keeps labels
// off it.
func (r *mapRenderer) drawTownCredit(img *image.RGBA, scale float64, pal palette) {
	r.drawCreditLine(img, "GeoNames", 1, true, scale, pal)
}
