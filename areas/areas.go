// Package areas works out the area the map draws for each place: the
// polygon of a region, a country or a sea, or the part of one that a
// qualified name ("northeastern Ukraine") names. It is pure geometry in
// degrees (lon, lat), with no UI; its functions are safe for concurrent
// use.
package areas

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/clip"
	"github.com/paulmach/orb/planar"

	"reportmap/atlas"
	"reportmap/compass"
	"reportmap/gazetteer"
)

// Lookup returns the outline of a gazetteer entry by its id as a places
// file writes it ("ne:RU-KRS", "country:UA"), or nil when the entry has
// none (a city) or the id is unknown.
type Lookup func(id string) (orb.MultiPolygon, error)

// Embedded is the Lookup of the embedded gazetteer's outlines
// (gazetteer.Outline), which it reads on first use without loading the
// rest of the gazetteer.
func Embedded(id string) (orb.MultiPolygon, error) {
	gid, err := gazetteer.ParseID(id)
	if err != nil {
		return nil, nil // not a gazetteer id: no area
	}
	return gazetteer.Outline(gid)
}

// Preload starts reading the embedded country outlines in the background
// (about 5 ms), so that Of with Embedded has them by the first frame; an
// app calls it before building its window.
func Preload() {
	go gazetteer.Outline(gazetteer.ID{Source: gazetteer.SourceCountry})
}

// Of returns the area of each place, nil for a place with none, in the
// order of places. A place's area is, first, its own Polygon or
// MultiPolygon geometry from the file; else the outline of its gazetteer
// entry (Provenance.Gazetteer), for a place found by the geoparser or
// made by hand with a "gazetteer" id. A qualified name (Qualified) takes
// the part of that outline its direction names (Part). Of stops at the
// first error lookup returns. When no place has an area, it returns nil
// (a million points make no slice of a million nils).
func Of(places []atlas.Place, lookup Lookup) ([]orb.MultiPolygon, error) {
	var out []orb.MultiPolygon
	set := func(i int, mp orb.MultiPolygon) {
		if out == nil {
			out = make([]orb.MultiPolygon, len(places))
		}
		out[i] = mp
	}
	for i := range places {
		p := &places[i]
		switch g := p.Geometry.(type) {
		case orb.Polygon:
			set(i, orb.MultiPolygon{g})
			continue
		case orb.MultiPolygon:
			set(i, g)
			continue
		}
		if p.Provenance == nil || p.Provenance.Gazetteer == "" || lookup == nil {
			continue
		}
		mp, err := lookup(p.Provenance.Gazetteer)
		if err != nil {
			return nil, err
		}
		if len(mp) == 0 {
			continue
		}
		if d, ok := Qualified(p); ok {
			mp = Part(mp, d)
		}
		set(i, mp)
	}
	return out, nil
}

// Qualified reports whether a place's name qualifies a region with a
// direction, and which: "northeastern Ukraine", "southern Gaza",
// "northern France". Only a place whose area comes from its gazetteer
// entry is qualified (a file's own polygon is already the part meant),
// and only when the direction word is written in lower case, as the
// geoparser and the seed data write it: "North Korea", "South Sudan",
// "Western Sahara" and "Central African Republic" are names, not parts
// of Korea or Sudan.
func Qualified(p *atlas.Place) (compass.Direction, bool) {
	if p.Geometry != nil || p.Provenance == nil || p.Provenance.Gazetteer == "" {
		return compass.Direction{}, false
	}
	if r, _ := utf8.DecodeRuneInString(p.Name); !unicode.IsLower(r) {
		return compass.Direction{}, false
	}
	d, rest, ok := compass.Split(p.Name)
	return d, ok && strings.TrimSpace(rest) != ""
}

// Part is the part of a region that a direction names: mp clipped to
// d.Sector of the bounding box of mp's largest polygon (its main body:
// France's box without French Guiana, the United States' without
// Alaska), so that a sector is of the land a reader pictures. Pieces of
// smaller polygons inside that sector (islands off its coast) stay.
// It is approximate, as the words are: the panel says so.
func Part(mp orb.MultiPolygon, d compass.Direction) orb.MultiPolygon {
	best, bestArea := -1, 0.0
	for i, p := range mp {
		if a := math.Abs(planar.Area(p)); a > bestArea {
			best, bestArea = i, a
		}
	}
	if best < 0 {
		return nil
	}
	part := clip.MultiPolygon(d.Sector(mp[best].Bound()), mp.Clone())
	if len(part) == 0 {
		return nil
	}
	return part
}
