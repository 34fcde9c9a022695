package geoparse

import (
	"math"
	"slices"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geo"

	"reportmap/compass"
	"reportmap/gazetteer"
)

// scored is a candidate entry with its score and the reasons for it.
type scored struct {
	e       *gazetteer.Entry
	score   float64
	reasons []Reason
}

// prior is the score of an entry before context: country > admin-1 >
// sea/region > capital > population. A capital named like its country
// ("Mexico", "Kuwait") gets no capital bonus: the country wins.
func prior(e *gazetteer.Entry, cands []*gazetteer.Entry, folded string) (float64, []Reason) {
	switch e.Kind {
	case gazetteer.KindCountry:
		return 3.0, []Reason{ReasonCountry}
	case gazetteer.KindAdmin1:
		// A region and its namesake city in it. A region whose own name
		// is the bare name ("Port Said", "Tanga", "Malatya") is news
		// shorthand for its city when the city has 100,000 people; a
		// region the bare name only abbreviates ("Kursk" for Kursk
		// Oblast, "Gaza" for the Gaza Strip) is meant unless the city
		// has a million ("Kharkiv", "New York" → the city).
		// A region whose city holds under a third of its people is
		// the region ("Quebec", "Auckland"'s region of two million).
		own := gazetteer.Fold(e.Name) == folded
		for _, c := range cands {
			if c.Kind == gazetteer.KindCity && c.Admin1 == e.ID.Key {
				if c.Population >= 1_000_000 || own && c.Population >= 100_000 && 3*c.Population >= e.Population {
					return 1.5, nil
				}
				return 2.5, []Reason{ReasonAdmin1}
			}
		}
		// A small region abroad yields to a city of the name with twice
		// its people: "Manchester" is the English city, not Jamaica's
		// parish.
		for _, c := range cands {
			if c.Kind == gazetteer.KindCity && c.Country != e.Country && c.Population >= 200_000 && c.Population >= 2*e.Population {
				return 1.5, nil
			}
		}
		return 2.0, []Reason{ReasonAdmin1}
	case gazetteer.KindSea, gazetteer.KindRegion, gazetteer.KindRiver:
		// A sea or region listed by hand under this very name beats an
		// admin-1 that has it among alternate names ("Persian Gulf" is
		// the sea, not Bushehr province).
		if e.ID.Source == gazetteer.SourceCurated {
			return 2.8, nil
		}
		return 2.2, nil
	}
	s := 0.5 + 0.25*math.Log10(float64(e.Population)+1)
	rs := []Reason{ReasonPopulation}
	if e.Feature == "PPLC" {
		capital := true
		for _, c := range cands {
			if c.Kind == gazetteer.KindCountry && c.Country == e.Country {
				capital = false
			}
		}
		if capital {
			s += 1.2
			rs = append(rs, ReasonCapital)
		}
	} else if e.Feature == "PPLA" {
		s += 0.2
	}
	if f := gazetteer.Fold(e.Name); f != folded && !strings.HasPrefix(folded, f+" ") {
		s -= 0.5
		rs = append(rs, ReasonAlternateName)
	}
	return s, rs
}

// base scores entry e for mention m: prior, designator, "the Russian
// region of", countries and demonyms named in the text.
func base(m *mention, e *gazetteer.Entry, named, demonyms map[string]int) scored {
	s, rs := prior(e, m.cands, gazetteer.Fold(m.name))
	switch {
	case m.des == desAdmin1 && (e.Kind == gazetteer.KindAdmin1 || e.Kind == gazetteer.KindRegion):
		s += 3
		rs = append(rs, ReasonDesignator)
	case m.des == desCity && e.Kind == gazetteer.KindCity:
		s += 2
		rs = append(rs, ReasonDesignator)
	}
	if m.hint != "" && e.Country == m.hint {
		s += 1.5
		rs = append(rs, ReasonDesignator)
	}
	if e.Kind != gazetteer.KindCountry && e.Country != "" && named[e.Country] > 0 && !namesakeOfCountry(e, m.cands) {
		s += 0.6
		rs = append(rs, ReasonCountryNamed)
	}
	if e.Country != "" && demonyms[e.Country] > 0 {
		s += 0.6
		rs = append(rs, ReasonDemonym)
	}
	return scored{e: e, score: s, reasons: rs}
}

// contains reports whether place a contains place b.
func contains(a, b *gazetteer.Entry) bool {
	switch a.Kind {
	case gazetteer.KindCountry:
		return b.Kind != gazetteer.KindCountry && b.Country == a.Country && a.Country != ""
	case gazetteer.KindAdmin1:
		return b.Kind == gazetteer.KindCity && b.Admin1 != "" && b.Admin1 == a.ID.Key
	}
	return false
}

// related is the bonus for e from another place o named in the text:
// containment either way, or a city near another city.
func related(e, o *gazetteer.Entry) (float64, Reason) {
	if e == o || e.ID == o.ID {
		return 0, 0
	}
	switch {
	case contains(e, o) && e.Kind == gazetteer.KindAdmin1:
		return 1.0, ReasonContainment
	case contains(o, e) && o.Kind == gazetteer.KindAdmin1:
		return 1.0, ReasonContainment
	case contains(e, o) && o.Kind == gazetteer.KindCity:
		return 0.8, ReasonContainment
	case contains(e, o):
		return 0.4, ReasonContainment
	case e.Kind == gazetteer.KindCity && o.Kind == gazetteer.KindCity && geo.Distance(e.Point, o.Point) < 300e3:
		return 0.5, ReasonNearby
	}
	return 0, 0
}

// resolution is the entry chosen for each mention, with its scores.
type resolution struct {
	chosen []scored   // per mention
	all    [][]scored // per mention: every candidate, best first
}

// resolve chooses an entry for every mention.
func resolve(ms []mention, demonyms map[string]int) resolution {
	named := map[string]int{}
	for i := range ms {
		if c := ms[i].cands[0]; c.Kind == gazetteer.KindCountry {
			named[c.Country]++
		}
	}
	// Groups: mentions of one folded name share a sense; a name written
	// as a region ("Kharkiv region") is a sense apart from the bare name
	// ("Kharkiv", the city).
	groups := map[string][]int{}
	var order []string
	for i := range ms {
		k := gazetteer.Fold(ms[i].name)
		if ms[i].des != desNone {
			k += "\x00" + string(rune('0'+ms[i].des))
		}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], i)
	}
	bases := make([][]scored, len(ms))
	for i := range ms {
		for _, e := range ms[i].cands {
			bases[i] = append(bases[i], base(&ms[i], e, named, demonyms))
		}
	}
	// Pass 1: the group's best entry by its mentions' average base score.
	groupScore := func(idx []int, extra func(int, *scored)) []scored {
		var out []scored
		at := map[gazetteer.ID]int{}
		for _, i := range idx {
			for _, s := range bases[i] {
				if extra != nil {
					extra(i, &s)
				}
				if k, ok := at[s.e.ID]; ok {
					out[k].score += s.score / float64(len(idx))
					continue
				}
				at[s.e.ID] = len(out)
				s.score /= float64(len(idx))
				s.reasons = slices.Clone(s.reasons)
				out = append(out, s)
			}
		}
		slices.SortStableFunc(out, func(a, b scored) int { return cmpScore(a.score, b.score) })
		return out
	}
	pass1 := map[string]*gazetteer.Entry{}
	for _, k := range order {
		pass1[k] = groupScore(groups[k], nil)[0].e
	}
	// Pairs ("Paris, Texas", a dateline "PARIS, Texas") say which entry
	// they mean; the other mentions of the name lean the same way.
	lean := map[string]map[gazetteer.ID]float64{}
	for i := range ms {
		e := pairPick(ms, i)
		if e == nil {
			continue
		}
		k := gazetteer.Fold(ms[i].name)
		if lean[k] == nil {
			lean[k] = map[gazetteer.ID]float64{}
		}
		w := 0.8
		if ms[i].dateline {
			w = 2.0
		}
		lean[k][e.ID] += w
	}
	// Pass 2: add the relations with the other groups' choices.
	res := resolution{chosen: make([]scored, len(ms)), all: make([][]scored, len(ms))}
	for _, k := range order {
		// The other groups' choices, leaving out this name's own
		// candidates: Gaza the city must not gain from the Gaza Strip.
		own := map[gazetteer.ID]bool{}
		for _, i := range groups[k] {
			for _, e := range ms[i].cands {
				own[e.ID] = true
			}
		}
		others := make([]*gazetteer.Entry, 0, len(order))
		for _, o := range order {
			if o != k && !own[pass1[o].ID] {
				others = append(others, pass1[o])
			}
		}
		share := countryShare(others)
		// A name that is a country's stays the country's: "Mexico" in a
		// text about Texas is not Mexico, Missouri.
		isCountry := false
		countryOf := map[string]bool{} // the countries of the name
		regionIn := map[string]bool{}  // countries with a region, sea or admin-1 of the name
		for _, i := range groups[k] {
			for _, e := range ms[i].cands {
				isCountry = isCountry || e.Kind == gazetteer.KindCountry
				if e.Kind == gazetteer.KindCountry {
					countryOf[e.Country] = true
				}
				if e.Kind != gazetteer.KindCity && e.Kind != gazetteer.KindCountry {
					regionIn[e.Country] = true
				}
			}
		}
		g := groupScore(groups[k], func(_ int, s *scored) {
			bonus := 0.0
			var why Reason
			for _, o := range others {
				if b, r := related(s.e, o); b > 0 {
					bonus += b
					why = r
				}
			}
			if bonus > 1.6 {
				bonus = 1.6
			}
			// A text is mostly about one country: "Florida" among
			// Georgia, Alabama and Atlanta is the US state, not
			// Uruguay's department; "Rome" there is Rome, Georgia.
			if f := share[s.e.Country]; !isCountry && f >= 0.4 {
				bonus += sameCountryWeight * f
				why = ReasonSameCountry
			}
			// A town named like a region of its own country gains little
			// from its neighbours: "Wales" among Welsh towns is Wales,
			// not the village of Wales in Yorkshire.
			if s.e.Kind == gazetteer.KindCity && s.e.Population < 1_000_000 && regionIn[s.e.Country] && bonus > namesakeTownBonus {
				bonus = namesakeTownBonus
			}
			// Likewise a region or town named like its own country:
			// "Guatemala" near Guatemala City is the country, not its
			// department. (Georgia the US state is in another country
			// than Georgia the country, and keeps its context.)
			if countryOf[s.e.Country] && s.e.Kind != gazetteer.KindCountry && bonus > namesakeTownBonus {
				bonus = namesakeTownBonus
			}
			if l := lean[k][s.e.ID]; l > 0 {
				bonus += l
				why = ReasonPair
			}
			if bonus > 0 {
				s.score += bonus
				s.reasons = append(slices.Clone(s.reasons), why)
			}
		})
		for _, i := range groups[k] {
			res.all[i] = g
			res.chosen[i] = g[0]
			if len(groups[k]) > 1 {
				res.chosen[i].reasons = append(slices.Clone(g[0].reasons), ReasonOneSense)
			}
		}
	}
	// Local cues: "Paris, Texas" and places named in the same sentence
	// override the group's sense for that mention.
	for i := range ms {
		local := slices.Clone(res.all[i])
		changed := false
		for c := range local {
			e := local[c].e
			bonus := 0.0
			var why Reason
			if j := ms[i].pair; j >= 0 {
				for _, o := range ms[j].cands {
					if contains(o, e) {
						bonus, why = 4, ReasonPair
						break
					}
				}
			}
			if i > 0 && ms[i-1].pair == i {
				if contains(e, res.chosen[i-1].e) || pairContains(e, ms[i-1].cands) {
					bonus, why = 4, ReasonPair
				}
			}
			// A region listed among regions of one country is that
			// country's: "Alabama, Georgia and the Florida Panhandle".
			// The list says which country, not whether city or region.
			if e.Kind == gazetteer.KindAdmin1 && bonus < 4 && res.chosen[i].e.Country != e.Country {
				for _, j := range ms[i].listed {
					if o := res.chosen[j].e; o.Kind == gazetteer.KindAdmin1 && o.Country == e.Country && o.ID != e.ID {
						bonus, why = 1.5, ReasonListed
					}
				}
			}
			for j := range ms {
				if j == i || ms[j].sentence != ms[i].sentence || bonus >= 4 {
					continue
				}
				o := ms[j].cands
				if len(o) == 1 {
					if b, r := related(e, o[0]); b > 0 && r == ReasonContainment {
						bonus, why = 1.5, r
					}
				}
			}
			if bonus > 0 {
				local[c].score += bonus
				local[c].reasons = append(slices.Clone(local[c].reasons), why)
				changed = true
			}
		}
		if changed {
			slices.SortStableFunc(local, func(a, b scored) int { return cmpScore(a.score, b.score) })
			res.all[i] = local
			res.chosen[i] = local[0]
		}
	}
	// Pairs: the first name is resolved; make the second agree ("Paris,
	// Texas": Texas the state).
	return res
}

// pairContains reports whether any candidate of a city named before a
// comma lies in e.
func pairContains(e *gazetteer.Entry, cands []*gazetteer.Entry) bool {
	for _, c := range cands {
		if contains(e, c) {
			return true
		}
	}
	return false
}

// cmpBool orders true before false.
func cmpBool(a, b bool) int {
	switch {
	case a && !b:
		return -1
	case b && !a:
		return 1
	}
	return 0
}

func cmpScore(a, b float64) int {
	switch {
	case a > b:
		return -1
	case a < b:
		return 1
	}
	return 0
}

// shift moves p by km kilometres towards the compass bearing of a
// modifier ("northeastern" → 45°); "central" and unknown ones stay.
func shift(p orb.Point, modifier string, km float64) orb.Point {
	dx, dy, ok := direction(modifier)
	if !ok || dx == 0 && dy == 0 {
		return p
	}
	if dx != 0 && dy != 0 { // a diagonal: km along it
		dx, dy = dx*math.Sqrt2/2, dy*math.Sqrt2/2
	}
	lat := p[1] + dy*km/111.2
	lon := p[0] + dx*km/(111.2*math.Max(0.2, math.Cos(p[1]*math.Pi/180)))
	return orb.Point{lon, lat}
}

// direction is the compass direction a modifier names, as -1, 0 or 1 east
// and north ("central" is 0, 0); ok is false for a word that names none.
func direction(modifier string) (dx, dy float64, ok bool) {
	d, ok := compass.Parse(modifier)
	return float64(d.DX), float64(d.DY), ok
}

// extent is a rough radius of a place of the kind, in km, for shifting
// a modified name ("northern France") off the place's point.
func extent(k gazetteer.Kind) float64 {
	switch k {
	case gazetteer.KindCountry:
		return 350
	case gazetteer.KindAdmin1:
		return 60
	case gazetteer.KindRegion:
		return 800
	case gazetteer.KindSea, gazetteer.KindRiver:
		return 100
	}
	return 4
}

// pairPick returns the entry a "City, State" pair makes mention i mean,
// or nil: the first candidate of i inside a candidate of the name after
// the comma, or containing one of the name before it.
func pairPick(ms []mention, i int) *gazetteer.Entry {
	if j := ms[i].pair; j >= 0 {
		// A dateline names the city the report is filed from
		// ("KHARKIV, Ukraine (AP) —"), never its region: cities first.
		cands := ms[i].cands
		if ms[i].dateline {
			cands = slices.Clone(cands)
			slices.SortStableFunc(cands, func(a, b *gazetteer.Entry) int {
				return cmpBool(a.Kind == gazetteer.KindCity, b.Kind == gazetteer.KindCity)
			})
		}
		for _, e := range cands {
			for _, o := range ms[j].cands {
				if contains(o, e) {
					return e
				}
			}
		}
	}
	if i > 0 && ms[i-1].pair == i {
		for _, e := range ms[i].cands {
			if pairContains(e, ms[i-1].cands) {
				return e
			}
		}
	}
	return nil
}

// namesakeTownBonus caps what context adds to a town that shares its name
// with a region of its country.
const namesakeTownBonus = 0.6

// sameCountryWeight is the bonus for a candidate in the country of all the
// other places named; it is scaled by their share.
const sameCountryWeight = 1.5

// countryShare returns, for each country, the share of the places in es
// that lie in it (a country counts as lying in itself). Places with no
// country (seas, large regions) do not count.
func countryShare(es []*gazetteer.Entry) map[string]float64 {
	n := 0
	count := map[string]int{}
	for _, e := range es {
		if e.Country == "" {
			continue
		}
		n++
		count[e.Country]++
	}
	share := make(map[string]float64, len(count))
	for cc, c := range count {
		share[cc] = float64(c) / float64(n)
	}
	return share
}

// namesakeOfCountry reports whether e shares its name with its own
// country among cands: Guatemala the department beside Guatemala the
// country. Such an entry gains nothing from its country being named, for
// the naming is the mention itself.
func namesakeOfCountry(e *gazetteer.Entry, cands []*gazetteer.Entry) bool {
	for _, c := range cands {
		if c.Kind == gazetteer.KindCountry && c.Country == e.Country {
			return true
		}
	}
	return false
}

// sectorPoint is the point of the part of a region's outline that a
// modifier names: the middle of the matching third of its bounding box
// ("southwestern Ontario": the box's south-west ninth; compass.Point).
// ok is false for a modifier that names no direction.
func sectorPoint(b orb.Bound, modifier string) (orb.Point, bool) {
	d, ok := compass.Parse(modifier)
	if !ok {
		return orb.Point{}, false
	}
	return d.Point(b), true
}
