package basemap

import "math"

// Label is a country's name and where to put it in a view.
type Label struct {
	Name string
	X, Y float64 // anchor in pixels from the view's top-left corner
	Area float64 // the country's size in square degrees, for ranking
}

// Labels returns the country labels whose anchor lies in the w×h pixel view
// at (x0, y0) and scale (as for Draw), largest country first, so a caller
// that skips labels overlapping earlier ones keeps the most important. A
// country appears once per copy of the world in view. The anchor is the
// centroid of the country's largest polygon, moved inside it when the
// centroid falls outside. Labels reuses dst's storage: it returns dst[:0]
// with the labels appended. It is safe for concurrent use, also with Draw.
func (b *Basemap) Labels(dst []Label, x0, y0, scale float64, w, h int) []Label {
	dst = dst[:0]
	if w <= 0 || h <= 0 || !(scale > 0) {
		return dst
	}
	fw, fh := float64(w), float64(h)
	kMin := int(math.Floor(x0))
	kMax := int(math.Floor(x0 + fw/scale))
	if kMax-kMin >= maxCopies {
		kMax = kMin + maxCopies - 1
	}
	for _, l := range b.data.labels {
		y := (l.y - y0) * scale
		if y < 0 || y >= fh {
			continue
		}
		for k := kMin; k <= kMax; k++ {
			x := (l.x + float64(k) - x0) * scale
			if x >= 0 && x < fw {
				dst = append(dst, Label{Name: l.name, X: x, Y: y, Area: l.area})
			}
		}
	}
	return dst
}
