package mapview

import (
	"image"
	"image/draw"
	"math"
	"strings"
	"unsafe"

	"fyne.io/fyne/v2"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// textImage is one rendered label: its glyph coverage and a halo around it
// (the glyphs dilated) that keeps it legible over land, water and borders.
type textImage struct {
	fg, halo *image.Alpha
	ascent   int // pixels from the top of the masks to the baseline
}

// textCache renders labels with the theme's fonts and keeps them, so a
// frame only blends cached masks: rasterising glyphs every frame would
// cost more than the rest of the frame. It is bounded, used only from the
// raster generator, and not safe for concurrent use.
type textCache struct {
	fonts   map[fyne.TextStyle]*opentype.Font
	faces   map[faceKey]font.Face
	entries map[faceKey]map[string]*textImage
	count   int
}

type faceKey struct {
	style fyne.TextStyle
	size  float64 // pixels
}

// maxCachedTexts bounds the cache; it is emptied when full.
const maxCachedTexts = 4000

func newTextCache() *textCache {
	return &textCache{fonts: map[fyne.TextStyle]*opentype.Font{}, faces: map[faceKey]font.Face{}, entries: map[faceKey]map[string]*textImage{}}
}

// face returns the theme font for style at size pixels, or nil when the
// theme's font cannot be parsed.
func (c *textCache) face(style fyne.TextStyle, size float64, res fyne.Resource) fontFace {
	k := faceKey{style, size}
	if f, ok := c.faces[k]; ok {
		return f
	}
	ot, ok := c.fonts[style]
	if !ok {
		var err error
		ot, err = opentype.Parse(res.Content())
		if err != nil {
			fyne.LogError("mapview: theme font", err)
			ot = nil
		}
		c.fonts[style] = ot
	}
	if ot == nil {
		return nil
	}
	f, err := opentype.NewFace(ot, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		fyne.LogError("mapview: font face", err)
		return nil
	}
	c.faces[k] = f
	return f
}

// measure returns the width and height in pixels text would take.
func measure(f font.Face, text string) (w, h float64) {
	m := f.Metrics()
	return float64(font.MeasureString(f, text).Ceil()) + 2, float64((m.Ascent + m.Descent).Ceil()) + 2
}

// get renders (or finds) text in face f; haloPx is the halo's width. A
// hit allocates nothing.
func (c *textCache) get(f font.Face, k faceKey, text string, haloPx int) *textImage {
	byText := c.entries[k]
	if t, ok := byText[text]; ok {
		return t
	}
	if c.count >= maxCachedTexts {
		clear(c.entries)
		c.count = 0
		byText = nil
	}
	if byText == nil {
		byText = map[string]*textImage{}
		c.entries[k] = byText
	}
	text = strings.Clone(text) // the caller's may be a reused buffer
	m := f.Metrics()
	pad := haloPx + 1
	w := font.MeasureString(f, text).Ceil() + 2*pad
	h := (m.Ascent + m.Descent).Ceil() + 2*pad
	fg := image.NewAlpha(image.Rect(0, 0, w, h))
	d := font.Drawer{Dst: fg, Src: image.Opaque, Face: f, Dot: fixed.P(pad, pad+m.Ascent.Ceil())}
	d.DrawString(text)
	t := &textImage{fg: fg, halo: dilate(fg, haloPx), ascent: pad + m.Ascent.Ceil()}
	byText[text] = t
	c.count++
	return t
}

// dilate returns a copy of a with every pixel the maximum of its
// neighbours within r pixels (a round brush).
func dilate(a *image.Alpha, r int) *image.Alpha {
	b := a.Bounds()
	out := image.NewAlpha(b)
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			var m uint8
			for dy := -r; dy <= r; dy++ {
				for dx := -r; dx <= r; dx++ {
					if dx*dx+dy*dy > r*r+r {
						continue
					}
					if v := a.AlphaAt(x+dx, y+dy).A; v > m {
						m = v
					}
				}
			}
			out.Pix[(y-b.Min.Y)*out.Stride+(x-b.Min.X)] = m
		}
	}
	return out
}

// drawText blends t onto dst with its top-left corner at (x, y): the halo
// in halo's colour, then the glyphs in fg's. The uniforms are the caller's,
// reused between frames.
func drawText(dst *image.RGBA, t *textImage, x, y int, fg, halo *image.Uniform) {
	r := t.fg.Bounds().Add(image.Pt(x, y))
	draw.DrawMask(dst, r, halo, image.Point{}, t.halo, image.Point{}, draw.Over)
	draw.DrawMask(dst, r, fg, image.Point{}, t.fg, image.Point{}, draw.Over)
}

// rect is an axis-aligned box in pixels, for label collisions.
// rect is a box in pixels; mark is 1 + the index in the layout of the
// marker it keeps labels off, or 0.
type rect struct {
	x0, y0, x1, y1 float64
	mark           int
}

func (a rect) overlaps(b rect) bool {
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

func (a rect) inside(w, h float64) bool {
	return a.x0 >= 0 && a.y0 >= 0 && a.x1 <= w && a.y1 <= h
}

// roundPx rounds a pixel coordinate.
func roundPx(v float64) int { return int(math.Round(v)) }

// fontFace is a font face the labels are drawn with.
type fontFace = font.Face

// unsafeString views b as a string without copying, for map lookups of a
// reused buffer; textCache.get clones before keeping it.
func unsafeString(b []byte) string {
	return unsafe.String(unsafe.SliceData(b), len(b))
}
