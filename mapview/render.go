package mapview

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"strconv"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"reportmap/atlas"
	"reportmap/mapview/basemap"
	"reportmap/mapview/cluster"
	"reportmap/mapview/viewport"
)

// maxMarkerRadius bounds markerRadius, for the index's hit search.
const maxMarkerRadius = 16

// hollowRing is the width, in Fyne units, of a hollow marker's ring (at
// most half its radius).
const hollowRing = 2.5

// markerRadius returns an item's radius in Fyne units.
func (m *Map) markerRadius(it cluster.Item) float64 {
	if it.Count > 1 {
		return math.Min(maxMarkerRadius, 8+2.5*math.Log10(float64(it.Count)))
	}
	p := &m.places[it.Point]
	switch p.MarkerSize {
	case atlas.MarkerSmall:
		return 4
	case atlas.MarkerMedium:
		return 6
	case atlas.MarkerLarge:
		return 8
	}
	if p.Role == atlas.RoleSetting {
		return settingRadius
	}
	return mentionedRadius
}

// palette is the frame's colours, from the theme.
type palette struct {
	water, land, border   color.NRGBA
	text, halo, muted     color.NRGBA
	selected, hovered     color.NRGBA
	cluster, clusterPrio  color.NRGBA
	outline, clusterLabel color.NRGBA
	hollow                color.NRGBA // the centre of a hollow marker: the background, opaque
}

func nrgba(c color.Color) color.NRGBA {
	return color.NRGBAModel.Convert(c).(color.NRGBA)
}

// mix returns a blended toward b by t.
func mix(a, b color.NRGBA, t float64) color.NRGBA {
	f := func(x, y uint8) uint8 { return uint8(float64(x)*(1-t) + float64(y)*t + 0.5) }
	return color.NRGBA{f(a.R, b.R), f(a.G, b.G), f(a.B, b.B), f(a.A, b.A)}
}

// themePalette derives the map's colours from the widget's theme, so light
// and dark both work.
func (m *Map) themePalette() palette {
	th := m.Theme()
	variant := theme.VariantDark
	if app := fyne.CurrentApp(); app != nil {
		variant = app.Settings().ThemeVariant()
	}
	bg := nrgba(th.Color(theme.ColorNameBackground, variant))
	fg := nrgba(th.Color(theme.ColorNameForeground, variant))
	primary := nrgba(th.Color(theme.ColorNamePrimary, variant))
	blue := color.NRGBA{0x3a, 0x78, 0xb8, 0xff}
	dark := int(bg.R)+int(bg.G)+int(bg.B) < 3*128
	p := palette{
		land:     mix(bg, fg, 0.06),
		water:    mix(bg, blue, 0.22),
		border:   mix(bg, fg, 0.35),
		text:     fg,
		halo:     mix(bg, color.NRGBA{A: 0xff}, 0),
		muted:    mix(bg, fg, 0.55),
		selected: primary,
		hovered:  color.NRGBA{primary.R, primary.G, primary.B, 0x90},
		outline:  bg,
		hollow:   color.NRGBA{bg.R, bg.G, bg.B, 0xff},
	}
	p.halo.A = 0xd0
	if dark {
		p.water = mix(bg, blue, 0.30)
		p.land = mix(bg, fg, 0.10)
	}
	p.cluster = mix(fg, bg, 0.35)
	p.clusterPrio = mix(fg, primary, 0.5)
	p.clusterLabel = bg
	return p
}

type mapRenderer struct {
	m       *Map
	raster  *canvas.Raster
	buttons *fyne.Container
	objects []fyne.CanvasObject

	// Reused between frames.
	buf      pixelImage
	texts    *textCache
	members  []int
	taken    []rect
	labels   []basemap.Label
	towns    townFrame
	lay      *markerLayout // the frame's, from Map.layout
	fg, bg   image.Uniform // whose colours point at fgc and bgc
	fgc      color.NRGBA
	bgc      color.NRGBA
	pal      palette // from the theme, set in Refresh
	discPal  palette // the frame's, for drawDiscs
	halves   [2]image.RGBA
	tileJobs []tileJob
	drawn    bool // a frame with a size has been drawn
	wg       sync.WaitGroup
	names    map[int]string // cluster labels by cluster id
	num      []byte         // scratch for cluster counts
	index    *cluster.Index // the index names belongs to
}

func newRenderer(m *Map) *mapRenderer {
	r := &mapRenderer{m: m, texts: newTextCache()}
	// The uniforms hold pointers, so setting a colour boxes nothing.
	r.fg.C, r.bg.C = &r.fgc, &r.bgc
	r.pal = m.themePalette()
	r.raster = canvas.NewRaster(r.draw)
	r.raster.ScaleMode = canvas.ImageScalePixels
	zoomIn := widget.NewButtonWithIcon("", theme.ZoomInIcon(), m.ZoomIn)
	zoomOut := widget.NewButtonWithIcon("", theme.ZoomOutIcon(), m.ZoomOut)
	fit := widget.NewButtonWithIcon("", theme.ZoomFitIcon(), m.FitAll)
	r.buttons = container.NewVBox(zoomIn, zoomOut, fit)
	r.objects = []fyne.CanvasObject{r.raster, r.buttons}
	return r
}

func (r *mapRenderer) Layout(s fyne.Size) {
	r.raster.Resize(s)
	r.raster.Move(fyne.Position{})
	bs := r.buttons.MinSize()
	pad := theme.Padding() * 2
	r.buttons.Resize(bs)
	r.buttons.Move(fyne.NewPos(s.Width-bs.Width-pad, pad))
	r.m.buttonW = float64(bs.Width + pad)
}

func (r *mapRenderer) MinSize() fyne.Size { return r.m.MinSize() }

func (r *mapRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *mapRenderer) Refresh() {
	r.pal = r.m.themePalette() // the theme may have changed; not per frame
	r.raster.Refresh()
	r.buttons.Refresh()
}

func (r *mapRenderer) Destroy() {}

// draw is the raster's generator: one frame of w×h pixels. It reads only
// memory (no I/O), reuses its image and buffers, and draws the basemap,
// the markers and the labels.
func (r *mapRenderer) draw(w, h int) image.Image {
	img := r.buf.ensure(w, h)
	m := r.m
	pal := r.pal
	if m.view.W <= 0 || m.view.H <= 0 {
		fillRGBA(img, pal.water)
		return img
	}
	scale := float64(w) / m.view.W // pixels per Fyne unit
	pv := viewport.Viewport{Center: m.view.Center, Zoom: m.view.Zoom + math.Log2(scale), W: float64(w), H: float64(h)}
	o, s := pv.Origin(), pv.Scale()

	// Under a full cover of loaded tiles the embedded basemap would not
	// show: skip it (the last frame lacked no tile, and the view is
	// inside the source's range).
	covered := m.tiles != nil && m.tilesPending.Load() == 0 && m.tilesCover(pv)
	if base, err := Basemap(); err == nil && !covered {
		base.Draw(img, o[0], o[1], s, r.baseStyle(pal, scale))
	} else if !covered {
		fillRGBA(img, pal.water)
	}
	fading := false
	if m.tiles != nil {
		fading = r.drawTiles(img, pv)
	}
	m.drawAreas(img, pv, scale, pal) // under the markers and every label
	// Keep labels off the zoom buttons and the credit.
	r.taken = r.taken[:0]
	bs := r.buttons.MinSize()
	r.taken = append(r.taken,
		rect{float64(w) - float64(bs.Width+3*theme.Padding())*scale, 0, float64(w), float64(bs.Height+3*theme.Padding()) * scale, 0},
		rect{float64(w) - 90*scale, float64(h) - 18*scale, float64(w), float64(h), 0})
	m.labels.list, m.labels.view, m.labels.index, m.labels.scale = m.labels.list[:0], m.view, m.index, scale
	if m.index != nil {
		r.drawMarkers(img, scale, pal)
	}
	if m.tiles == nil { // tiles carry their own names
		r.drawNames(img, pv, scale, pal) // countries, towns (names.go)
	} else {
		r.drawTileNotes(img, scale, pal)
	}
	if fading {
		time.AfterFunc(40*time.Millisecond, m.TilesChanged)
	}
	if m.focused {
		strokeRect(img, pal.selected, int(math.Max(2, scale*2)))
	}
	if !covered { // Natural Earth shows only where no tile covers it
		r.drawCredit(img, scale, pal)
	}
	if !r.drawn {
		r.drawn = true
		if m.OnFirstFrame != nil {
			m.OnFirstFrame()
		}
	}
	return img
}

// drawMarkers draws the visible places and clusters where the layout
// puts them, then their labels.
func (r *mapRenderer) drawMarkers(img *image.RGBA, scale float64, pal palette) {
	m := r.m
	r.lay = m.layout()
	// The discs are most of a busy frame's work: draw the top and bottom
	// halves of the image on two cores, each clipped to its half.
	mid := img.Rect.Min.Y + img.Rect.Dy()/2
	r.halves[0], r.halves[1] = *img, *img
	r.halves[0].Rect.Max.Y = mid
	r.halves[1].Rect.Min.Y = mid
	r.halves[1].Pix = img.Pix[(mid-img.Rect.Min.Y)*img.Stride:]
	r.wg.Add(1)
	r.discPal = pal // not &pal, which would put a copy on the heap each frame
	go r.drawDiscs(&r.halves[0], scale, &r.discPal)
	r.drawDiscs(&r.halves[1], scale, &r.discPal)
	r.wg.Wait()
	// Cluster counts inside their discs.
	for k, it := range r.lay.items {
		if it.Count == 1 {
			continue
		}
		sp := &r.lay.spots[k]
		r.num = strconv.AppendInt(r.num[:0], int64(it.Count), 10)
		r.drawText(img, unsafeString(r.num), fyne.TextStyle{Bold: true}, 11*scale, sp.x*scale, sp.y*scale, pal.clusterLabel, color.NRGBA{}, true, scale)
	}
	// Labels in a fixed order, whatever is selected: the settings (and
	// their clusters), then the other places; each at the first spot
	// beside its marker that is clear of every other marker and of the
	// labels placed before, or not at all.
	for pass := 0; pass < 2; pass++ {
		for k, it := range r.lay.items {
			if pass == 0 && !it.Priority || pass == 1 && (it.Priority || it.Count > 1) {
				continue
			}
			style := fyne.TextStyle{Bold: it.Priority}
			size := 12.0
			if it.Priority {
				size = 13
			}
			text := pal.text
			if it.Count == 1 && it.Point == m.selIdx {
				text = pal.selected
			}
			sp := &r.lay.spots[k]
			r.placeLabel(img, r.itemName(it), style, size*scale, sp.x*scale, sp.y*scale, (sp.r+3)*scale, text, pal.halo, scale, k)
		}
	}
}

// drawDiscs draws every visible item's leader line and disc into dst,
// which clips them. With halves of one image, two calls can run at once:
// they write disjoint pixels and only read the rest. The first half's
// call is a goroutine that signals r.wg.
func (r *mapRenderer) drawDiscs(dst *image.RGBA, scale float64, pal *palette) {
	if dst == &r.halves[0] {
		defer r.wg.Done()
	}
	outline := math.Max(1, scale)
	lay := r.lay
	// Leader lines first, under every disc: from a moved marker's edge to
	// a dot at its true spot.
	for k := range lay.spots {
		sp := &lay.spots[k]
		if !sp.moved() {
			continue
		}
		x, y, ax, ay := sp.x*scale, sp.y*scale, sp.ax*scale, sp.ay*scale
		segment(dst, x, y, ax, ay, math.Max(1, 0.8*scale), pal.muted)
		fillDisc(dst, ax, ay, 1.8*scale, pal.muted)
	}
	for k := range lay.items {
		if k != lay.held {
			r.drawDisc(dst, k, scale, outline, pal)
		}
	}
	if lay.held >= 0 { // the marker being moved by hand, on top
		r.drawDisc(dst, lay.held, scale, outline, pal)
	}
}

// drawDisc draws the layout's k-th marker into dst: a disc in its colour
// (a ring around the background for a place to check), its outline, and
// the selection's or the hover's ring.
func (r *mapRenderer) drawDisc(dst *image.RGBA, k int, scale, outline float64, pal *palette) {
	m, it, sp := r.m, r.lay.items[k], &r.lay.spots[k]
	x, y, rad := sp.x*scale, sp.y*scale, sp.r*scale
	if y+rad+8*scale < float64(dst.Rect.Min.Y) || y-rad-8*scale > float64(dst.Rect.Max.Y) {
		return
	}
	c := pal.cluster
	switch {
	case it.Count == 1:
		c = m.colors[it.Point]
	case it.Priority:
		c = pal.clusterPrio
	}
	fillDisc(dst, x, y, rad, c)
	if it.Count == 1 && m.hollow != nil && m.hollow[it.Point] {
		// A place to check: a ring of its colour around the background.
		fillDisc(dst, x, y, rad-math.Min(hollowRing*scale, rad/2), pal.hollow)
	}
	ring(dst, x, y, rad, rad+outline, pal.outline)
	if it.Count == 1 && it.Point == m.selIdx {
		ring(dst, x, y, rad+outline, rad+outline+3*scale, pal.selected)
	} else if it.Count == 1 && it.Point == m.hovIdx {
		ring(dst, x, y, rad+outline, rad+outline+2*scale, pal.hovered)
	}
}

// labelClearance is how far (Fyne units) a label keeps from every marker
// but its own, so that it cannot read as another place's.
const labelClearance = 6

// itemName is the label of an item: a place's name, or for a cluster of
// settings the first names and how many more.
func (r *mapRenderer) itemName(it cluster.Item) string {
	m := r.m
	if it.Count == 1 {
		return m.label(it.Point)
	}
	if r.index != m.index {
		r.index, r.names = m.index, map[int]string{}
	}
	if name, ok := r.names[it.ID]; ok {
		return name
	}
	name := r.clusterName(it)
	if len(r.names) > maxCachedTexts {
		clear(r.names)
	}
	r.names[it.ID] = name
	return name
}

// clusterName names a cluster by its first two members and how many more.
func (r *mapRenderer) clusterName(it cluster.Item) string {
	m := r.m
	r.members = m.members(r.members[:0], it.ID)
	switch len(r.members) {
	case 0:
		return ""
	case 1:
		return m.label(r.members[0])
	case 2:
		return m.label(r.members[0]) + ", " + m.label(r.members[1])
	}
	return fmt.Sprintf("%s, %s +%d", m.label(r.members[0]), m.label(r.members[1]), len(r.members)-2)
}

// maxLabelRunes bounds a label on the map: a longer name is cut with "…"
// for display (the data keeps it whole), so a hostile 5 MB name costs a
// label's worth of pixels, not gigabytes.
const maxLabelRunes = 48

// label is place i's name as the map prints it.
func (m *Map) label(i int) string { return atlas.Clip(m.places[i].Name, maxLabelRunes) }

// placeLabel puts text right, left, above, below or diagonally beside
// a marker at (x, y) whose edge is gap pixels from its centre, wherever
// it first fits inside the image without overlapping what is placed;
// else it draws nothing. item is the layout index of the marker it names
// (its own reservation does not count, and the label is recorded for
// taps), or -1.
func (r *mapRenderer) placeLabel(img *image.RGBA, text string, style fyne.TextStyle, size, x, y, gap float64, fg, halo color.NRGBA, scale float64, item int) bool {
	f, k := r.face(style, size)
	if f == nil || text == "" {
		return false
	}
	tw, th := measure(f, text)
	W, H := float64(img.Rect.Dx()), float64(img.Rect.Dy())
	d := gap * 0.7 // diagonal offsets
	for _, c := range [8]rect{
		{x + gap, y - th/2, x + gap + tw, y + th/2, 0}, // right
		{x - gap - tw, y - th/2, x - gap, y + th/2, 0}, // left
		{x - tw/2, y - gap - th, x + tw/2, y - gap, 0}, // above
		{x - tw/2, y + gap, x + tw/2, y + gap + th, 0}, // below
		{x + d, y - d - th, x + d + tw, y - d, 0},      // above right
		{x + d, y + d, x + d + tw, y + d + th, 0},      // below right
		{x - d - tw, y - d - th, x - d, y - d, 0},      // above left
		{x - d - tw, y + d, x - d, y + d + th, 0},      // below left
	} {
		if !c.inside(W, H) || r.collides(c, item+1) {
			continue
		}
		r.taken = append(r.taken, c)
		t := r.texts.get(f, k, text, int(math.Max(1, math.Round(1.5*scale))))
		r.fgc, r.bgc = fg, halo
		pad := t.fg.Bounds().Dx() - int(tw) + 2
		drawText(img, t, roundPx(c.x0)-pad/2, roundPx((c.y0+c.y1)/2)-t.fg.Bounds().Dy()/2, &r.fg, &r.bg)
		if item >= 0 {
			r.m.labels.list = append(r.m.labels.list, drawnLabel{text: text, box: c, item: item})
		}
		return true
	}
	return false
}

// collides reports whether c (pixels) overlaps anything placed, or comes
// within labelClearance of a marker but the one with mark self. Markers
// are looked up in the layout's grid, so a label costs the cells it
// covers, not a pass over every marker.
func (r *mapRenderer) collides(c rect, self int) bool {
	for _, t := range r.taken {
		if c.overlaps(t) {
			return true
		}
	}
	lay := r.lay
	if lay == nil || len(lay.grid.order) != len(lay.spots) {
		return false
	}
	scale := r.m.labels.scale
	const reach = maxMarkerRadius + labelClearance
	x0, y0 := lay.grid.cell(c.x0/scale-reach, c.y0/scale-reach)
	x1, y1 := lay.grid.cell(c.x1/scale+reach, c.y1/scale+reach)
	for cy := y0; cy <= y1; cy++ {
		for cx := x0; cx <= x1; cx++ {
			for _, k := range lay.grid.cellDiscs(cx, cy) {
				if int(k)+1 == self {
					continue
				}
				sp := &lay.spots[k]
				x, y, rad := sp.x*scale, sp.y*scale, (sp.r+labelClearance)*scale
				if c.overlaps(rect{x - rad, y - rad, x + rad, y + rad, 0}) {
					return true
				}
			}
		}
	}
	return false
}

// drawText draws text centred on (x, y) when centred, with no collision
// check (cluster counts); halo may be transparent.
func (r *mapRenderer) drawText(img *image.RGBA, text string, style fyne.TextStyle, size, x, y float64, fg, halo color.NRGBA, centred bool, scale float64) {
	f, k := r.face(style, size)
	if f == nil {
		return
	}
	t := r.texts.get(f, k, text, 0)
	r.fgc, r.bgc = fg, halo
	b := t.fg.Bounds()
	drawText(img, t, roundPx(x)-b.Dx()/2, roundPx(y)-b.Dy()/2, &r.fg, &r.bg)
}

// drawCountryNames labels countries at closer zooms, in a muted colour,
// where they fit between the places' labels.
func (r *mapRenderer) drawCountryNames(img *image.RGBA, pv viewport.Viewport, scale float64, pal palette) {
	if r.m.view.Zoom < 3 {
		return
	}
	base, err := Basemap()
	if err != nil {
		return
	}
	o, s := pv.Origin(), pv.Scale()
	r.labels = base.Labels(r.labels[:0], o[0], o[1], s, img.Rect.Dx(), img.Rect.Dy())
	// Only countries big enough for the zoom: about 100 square degrees at
	// zoom 3, a quarter of that for each level closer.
	minArea := 100 / math.Pow(4, r.m.view.Zoom-3)
	for _, l := range r.labels {
		if l.Area < minArea {
			break // largest first
		}
		r.placeLabel(img, l.Name, fyne.TextStyle{Italic: true}, 11*scale, l.X, l.Y, 0, pal.muted, pal.halo, scale, -1)
	}
}

// drawCredit credits the basemap's source in the bottom-right corner.
func (r *mapRenderer) drawCredit(img *image.RGBA, scale float64, pal palette) {
	r.drawCreditLine(img, "Natural Earth", 0, false, scale, pal)
}

// drawCreditLine writes a credit in the bottom-right corner, up lines
// above the bottom one (lines overlap by 3 units, as small text allows);
// keep reserves its box so that no label is placed over it.
func (r *mapRenderer) drawCreditLine(img *image.RGBA, credit string, up int, keep bool, scale float64, pal palette) {
	f, k := r.face(fyne.TextStyle{}, 10*scale)
	if f == nil {
		return
	}
	t := r.texts.get(f, k, credit, int(math.Max(1, scale)))
	b := t.fg.Bounds()
	x := img.Rect.Dx() - b.Dx() - int(4*scale)
	y := img.Rect.Dy() - b.Dy() - int(2*scale) - up*(b.Dy()-int(3*scale))
	if keep {
		r.taken = append(r.taken, rect{float64(x), float64(y), float64(img.Rect.Dx()), float64(y + b.Dy()), 0})
	}
	r.fgc, r.bgc = pal.muted, pal.halo
	drawText(img, t, x, y, &r.fg, &r.bg)
}

// face returns the theme's font face for style at size pixels.
func (r *mapRenderer) face(style fyne.TextStyle, size float64) (fontFace, faceKey) {
	size = math.Round(size*2) / 2 // fewer faces to cache
	k := faceKey{style, size}
	return r.texts.face(style, size, r.m.Theme().Font(style)), k
}

// fillRGBA paints the whole image c.
func fillRGBA(img *image.RGBA, c color.NRGBA) {
	if len(img.Pix) == 0 {
		return
	}
	p := img.Pix[:4]
	p[0], p[1], p[2], p[3] = c.R, c.G, c.B, c.A
	for i := 4; i < len(img.Pix); i *= 2 {
		copy(img.Pix[i:], img.Pix[:i])
	}
}

// strokeRect outlines the image's edge with a band w pixels wide.
func strokeRect(img *image.RGBA, c color.NRGBA, w int) {
	b := img.Rect
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if x-b.Min.X < w || b.Max.X-1-x < w || y-b.Min.Y < w || b.Max.Y-1-y < w {
				blend(img.Pix[(y-b.Min.Y)*img.Stride+(x-b.Min.X)*4:], c, 1)
			} else if x-b.Min.X == w {
				x = b.Max.X - w - 1 // skip the middle of the row
			}
		}
	}
}
