// Package compass reads the direction words of place names ("northeastern
// Ukraine", "southern Gaza") and says which part of a region they name.
// The geoparser uses it to place a qualified name, and the map to draw
// it; it is pure geometry in degrees, with no state, safe for concurrent
// use.
package compass

import (
	"slices"
	"strings"

	"github.com/paulmach/orb"
)

// Direction is the compass direction a modifier names: DX and DY are -1,
// 0 or 1, east and north. Central is {0, 0}.
type Direction struct{ DX, DY int }

// Central is the middle of a region ("central Asia").
var Central = Direction{}

// words maps each modifier, lower case, to its direction.
var words = map[string]Direction{
	"north": {0, 1}, "northern": {0, 1}, "upper": {0, 1},
	"south": {0, -1}, "southern": {0, -1}, "lower": {0, -1},
	"east": {1, 0}, "eastern": {1, 0}, "far": {1, 0},
	"west": {-1, 0}, "western": {-1, 0},
	"northeast": {1, 1}, "northeastern": {1, 1}, "northeasterly": {1, 1},
	"northwest": {-1, 1}, "northwestern": {-1, 1},
	"southeast": {1, -1}, "southeastern": {1, -1},
	"southwest": {-1, -1}, "southwestern": {-1, -1},
	"central": {0, 0}, "mid": {0, 0},
}

// Parse returns the direction a modifier names, in any case; ok is false
// for a word that names none.
func Parse(modifier string) (d Direction, ok bool) {
	d, ok = words[strings.ToLower(modifier)]
	return d, ok
}

// Words returns every modifier Parse knows, lower case, sorted.
func Words() []string {
	ws := make([]string, 0, len(words))
	for w := range words {
		ws = append(ws, w)
	}
	slices.Sort(ws)
	return ws
}

// Split splits a qualified name into its modifier's direction and the
// region's name: "northeastern Ukraine" → {1, 1}, "Ukraine". ok is false
// when the name does not start with a modifier followed by more words
// ("North Korea" is split too: callers check that the rest names a
// region).
func Split(name string) (d Direction, rest string, ok bool) {
	first, rest, found := strings.Cut(strings.TrimSpace(name), " ")
	rest = strings.TrimSpace(rest)
	if !found || rest == "" {
		return Direction{}, "", false
	}
	d, ok = Parse(first)
	if !ok {
		return Direction{}, "", false
	}
	return d, rest, true
}

// Diagonal reports whether d is between two cardinal points.
func (d Direction) Diagonal() bool { return d.DX != 0 && d.DY != 0 }

// Point is the middle of the third of b that d names in each axis ("the
// north": the top third's middle; "southwestern": the middle of the
// south-west ninth; central: b's centre). The geoparser puts a qualified
// name's marker there.
func (d Direction) Point(b orb.Bound) orb.Point {
	fx, fy := 0.5+float64(d.DX)/3, 0.5+float64(d.DY)/3
	return orb.Point{b.Min[0] + fx*(b.Max[0]-b.Min[0]), b.Min[1] + fy*(b.Max[1]-b.Min[1])}
}

// Sector is the part of b that d names, the box a qualified region is
// clipped to: for a cardinal direction the third of b on that side, full
// width or height ("northern France": the top third); for a diagonal the
// quarter at that corner ("northeastern Ukraine": the north-east
// quarter, which reaches the middle of each side, as a reader's
// "northeast" does: a ninth would leave out most of what the words
// cover); for central the middle half in each axis. Point(b) lies inside
// Sector(b) for every direction.
func (d Direction) Sector(b orb.Bound) orb.Bound {
	span := func(min, max float64, s int, diagonal bool) (float64, float64) {
		w := max - min
		switch {
		case s == 0:
			return min, max
		case diagonal && s > 0:
			return min + w/2, max
		case diagonal:
			return min, min + w/2
		case s > 0:
			return max - w/3, max
		}
		return min, min + w/3
	}
	if d == Central {
		w, h := b.Max[0]-b.Min[0], b.Max[1]-b.Min[1]
		return orb.Bound{Min: orb.Point{b.Min[0] + w/4, b.Min[1] + h/4}, Max: orb.Point{b.Max[0] - w/4, b.Max[1] - h/4}}
	}
	diag := d.Diagonal()
	x0, x1 := span(b.Min[0], b.Max[0], d.DX, diag)
	y0, y1 := span(b.Min[1], b.Max[1], d.DY, diag)
	return orb.Bound{Min: orb.Point{x0, y0}, Max: orb.Point{x1, y1}}
}
