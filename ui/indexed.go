package ui

import (
	"fyne.io/fyne/v2"

	"reportmap/areas"
	"reportmap/atlas"
	"reportmap/mapview"
)

// Indexed is an atlas with everything a View works out before showing
// it: the search index, the map's colours and clusters, the places'
// areas. At a million places that is over a second of work, so the
// window makes it on the loading worker (IndexAtlas) and the UI goroutine
// only swaps it in (View.SetIndexed). It is immutable once made.
type Indexed struct {
	atlas    *atlas.Atlas
	search   *atlas.SearchIndex
	settings []bool            // per place: is it a setting
	mapped   *mapview.Prepared // with the areas
}

// IndexAtlas indexes a for a View. It only reads a, which must not change
// afterwards, and is safe to call from any goroutine. An area outline
// that cannot be read leaves the places without areas, with the error
// logged.
func IndexAtlas(a *atlas.Atlas) *Indexed {
	ix := &Indexed{atlas: a, search: atlas.NewSearchIndex(a.Places), settings: settingsOf(a)}
	as, err := areas.Of(a.Places, areas.Embedded)
	if err != nil {
		fyne.LogError("reportmap: areas", err)
		as = nil
	}
	ix.mapped = mapview.Prepare(a.Places, a.Reports, as)
	return ix
}

// Atlas returns the atlas indexed.
func (ix *Indexed) Atlas() *atlas.Atlas { return ix.atlas }
