package mapview

import (
	"image"
	"image/color"
	"math"
	"slices"

	"github.com/paulmach/orb"

	"reportmap/mapview/basemap"
	"reportmap/mapview/viewport"
)

// areaState is what the map keeps of the places' areas.
type areaState struct {
	areas     []*basemap.Shape // per place, nil for none; projected once in SetAreas
	areaOrder []int            // the places with an area, largest first, so nested ones draw on top
	areaPaint basemap.Painter  // the frame's, reused
}

// Area tints in the place's colour, as alpha out of 255: a light tint
// for every area, a stronger one for the chosen or hovered place's. The
// dark theme's map is darker, where a tint shows less: a little more.
const (
	areaTint, areaTintDark         = 0x2a, 0x38
	areaChosenTint, areaChosenDark = 0x66, 0x78
)

// SetAreas gives the places' areas (lon, lat in degrees), parallel to
// the places of the last SetPlaces: areas[i] is places[i]'s, nil for a
// place with none (a nil slice: no areas). They are drawn under the
// markers: a light tint of the place's colour with an outline in it, a
// stronger tint when the place is chosen or hovered; hidden places'
// areas are not drawn. The map projects each polygon once here and
// keeps no reference to them. SetPlaces clears the areas; give them
// again after it (or give them to Prepare). Like every method of Map, it is called on the UI
// goroutine.
func (m *Map) SetAreas(areas []orb.MultiPolygon) {
	m.areas, m.areaOrder = nil, nil
	if len(areas) == len(m.places) {
		m.areas, m.areaOrder = projectAreas(areas)
	}
	m.Refresh()
}

// projectAreas projects the areas given, one per place, and orders the
// places that have one largest first, for drawing. Both are nil when no
// place has an area.
func projectAreas(areas []orb.MultiPolygon) (shapes []*basemap.Shape, order []int) {
	var size []float64
	for i, mp := range areas {
		if len(mp) == 0 {
			continue
		}
		sh := basemap.NewShape(mp)
		if sh == nil {
			continue
		}
		if shapes == nil {
			shapes, size = make([]*basemap.Shape, len(areas)), make([]float64, len(areas))
		}
		shapes[i] = sh
		b := mp.Bound()
		size[i] = (b.Max[0] - b.Min[0]) * (b.Max[1] - b.Min[1])
		order = append(order, i)
	}
	slices.SortStableFunc(order, func(a, b int) int { return -cmpFloat(size[a], size[b]) })
	return shapes, order
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// HasArea reports whether the i-th place given to SetPlaces has an area
// drawn, for the panel and tests.
func (m *Map) HasArea(i int) bool { return i >= 0 && i < len(m.areas) && m.areas[i] != nil }

// drawAreas draws the shown places' areas into img, whose view is pv in
// pixels: every one lightly, largest first, then the hovered and the
// chosen place's on top, more strongly. Areas of hidden places are left
// out.
func (m *Map) drawAreas(img *image.RGBA, pv viewport.Viewport, scale float64, pal palette) {
	if len(m.areaOrder) == 0 {
		return
	}
	o, s := pv.Origin(), pv.Scale()
	dark := int(pal.hollow.R)+int(pal.hollow.G)+int(pal.hollow.B) < 3*128
	light, strong := uint8(areaTint), uint8(areaChosenTint)
	if dark {
		light, strong = areaTintDark, areaChosenDark
	}
	line := math.Max(1, 1.2*scale)
	draw := func(i int, alpha uint8, width float64) {
		c := m.colors[i]
		tint := color.NRGBA{c.R, c.G, c.B, alpha}
		m.areaPaint.Fill(img, m.areas[i], o[0], o[1], s, tint)
		m.areaPaint.Stroke(img, m.areas[i], o[0], o[1], s, width, color.NRGBA{c.R, c.G, c.B, 0xd0})
	}
	for _, i := range m.areaOrder {
		if i != m.selIdx && i != m.hovIdx && m.isShown(i) {
			draw(i, light, line)
		}
	}
	if i := m.hovIdx; i != m.selIdx && m.HasArea(i) && m.isShown(i) {
		draw(i, strong, 2*line)
	}
	if i := m.selIdx; m.HasArea(i) && m.isShown(i) {
		draw(i, strong, 2*line)
	}
}
