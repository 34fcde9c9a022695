package geoparse

import (
	"errors"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/paulmach/orb"

	"reportmap/atlas"
	"reportmap/gazetteer"
)

// ErrNoGazetteer is returned when a parser has no gazetteer to resolve
// names with.
var ErrNoGazetteer = errors.New("geoparse: no gazetteer")

// Parser finds and resolves the places in texts against one gazetteer.
// It is immutable and safe for concurrent use.
type Parser struct {
	g *gazetteer.Gazetteer
	// countryBoxes is, per country, the box of most of its admin-1
	// regions' points: where "southern Peru" is.
	countryBoxes func() map[string]orb.Bound
}

// New returns a parser that resolves names against g. It returns
// ErrNoGazetteer when g is nil.
func New(g *gazetteer.Gazetteer) (*Parser, error) {
	if g == nil {
		return nil, ErrNoGazetteer
	}
	return &Parser{g: g, countryBoxes: sync.OnceValue(func() map[string]orb.Bound { return countryBoxes(g) })}, nil
}

// countryBoxes returns, per country, the box from the 10th to the 90th
// percentile of its admin-1 regions' points in longitude and latitude:
// the country's main body, without far islands and overseas parts.
func countryBoxes(g *gazetteer.Gazetteer) map[string]orb.Bound {
	lons, lats := map[string][]float64{}, map[string][]float64{}
	for e := range g.Entries {
		if e.Kind == gazetteer.KindAdmin1 && e.Country != "" {
			lons[e.Country] = append(lons[e.Country], e.Point[0])
			lats[e.Country] = append(lats[e.Country], e.Point[1])
		}
	}
	boxes := make(map[string]orb.Bound, len(lons))
	for cc, xs := range lons {
		ys := lats[cc]
		if len(xs) < 3 {
			continue
		}
		slices.Sort(xs)
		slices.Sort(ys)
		lo, hi := len(xs)/10, len(xs)-1-len(xs)/10
		boxes[cc] = orb.Bound{Min: orb.Point{xs[lo], ys[lo]}, Max: orb.Point{xs[hi], ys[hi]}}
	}
	return boxes
}

// Gazetteer returns the parser's gazetteer.
func (p *Parser) Gazetteer() *gazetteer.Gazetteer { return p.g }

// Parse finds the places in plain text. Offsets in the result are byte
// offsets into text. It is safe for concurrent use.
func (p *Parser) Parse(text string) Result {
	sents := Sentences(text)
	ms, demonyms := p.recognise(text, sents)
	linkLists(text, ms)
	res := resolve(ms, demonyms)
	r := Result{Sentences: sents, Countries: demonyms}
	type key struct {
		id  gazetteer.ID
		mod string
	}
	at := map[key]int{}
	var groups [][]int
	for i := range ms {
		k := key{res.chosen[i].e.ID, ms[i].modifier}
		g, ok := at[k]
		if !ok {
			g = len(groups)
			at[k] = g
			groups = append(groups, nil)
		}
		groups[g] = append(groups[g], i)
	}
	groups = p.dropObscure(ms, res, groups, demonyms)
	ids := map[string]bool{}
	for _, g := range groups {
		pl := p.place(text, sents, ms, res, g)
		id := pl.ID
		for n := 2; ids[pl.ID]; n++ {
			pl.ID = id + "-" + itoa(n)
		}
		ids[pl.ID] = true
		r.Places = append(r.Places, pl)
	}
	guessRoles(r.Places, ms, groups, len(sents))
	return r
}

// linkLists links the mentions that stand side by side in a list of one
// sentence: only ", ", " and ", ", and ", " or " between them.
func linkLists(text string, ms []mention) {
	for i := 1; i < len(ms); i++ {
		a, b := &ms[i-1], &ms[i]
		if a.sentence != b.sentence || a.End > b.Start {
			continue
		}
		switch strings.TrimSpace(text[a.End:b.Start]) {
		case ",", "and", ", and", "or", ", or", "&":
			a.listed = append(a.listed, i)
			b.listed = append(b.listed, i-1)
		}
	}
}

// KindOf maps a gazetteer entry's kind to the atlas's; modified is for a
// part of it ("northern France"), which is a region whatever the whole.
func KindOf(k gazetteer.Kind, modified bool) atlas.Kind {
	if modified {
		return atlas.KindRegion
	}
	switch k {
	case gazetteer.KindCity:
		return atlas.KindCity
	case gazetteer.KindCountry:
		return atlas.KindCountry
	case gazetteer.KindSea:
		return atlas.KindSea
	case gazetteer.KindRiver:
		return atlas.KindArea // a line, not a region; atlas has no river kind
	}
	return atlas.KindRegion
}

// place builds the place named by the mentions g (indexes into ms).
func (p *Parser) place(text string, sents []Span, ms []mention, res resolution, g []int) Place {
	first := &ms[g[0]]
	ch := res.chosen[g[0]]
	e := ch.e
	pl := Place{Name: e.Name, Kind: KindOf(e.Kind, first.modifier != ""), Point: e.Point, Gazetteer: e.ID, GazetteerKind: e.Kind}
	if e.Kind == gazetteer.KindCity {
		// A town is called what the text calls it: "Dunkirk", not
		// GeoNames' "Dunkerque"; "Cox's Bazar", not "Cox’s Bāzār". The
		// first mention outside an all-caps dateline says how. (A region
		// keeps its full name: "Kursk Oblast" says more than "Kursk".)
		for _, i := range g {
			if m := &ms[i]; m.name != "" && !m.dateline {
				pl.Name = m.name
				break
			}
		}
	}
	if first.modifier != "" {
		pl.Name = first.modifier + " " + pl.Name
		pl.Point = shift(e.Point, first.modifier, 0.6*extent(e.Kind))
		// A country: that part of its main body.
		if b, ok := p.countryBoxes()[e.Country]; ok && e.Kind == gazetteer.KindCountry {
			if pt, ok := sectorPoint(b, first.modifier); ok {
				pl.Point = pt
			}
		}
		// With an outline, the part of it the modifier names.
		if e.Kind == gazetteer.KindAdmin1 {
			if mp, err := p.g.Polygon(e.ID); err == nil && len(mp) > 0 {
				if pt, ok := sectorPoint(mp.Bound(), first.modifier); ok {
					pl.Point = pt
				}
			}
		}
		pl.Reasons = append(pl.Reasons, ReasonModifier)
	}
	pl.ID = atlas.Slug(pl.Name)
	seenAlias := map[string]bool{pl.Name: true}
	lastSent := -1
	recog := 1.0
	allInitial, inOrg := true, true
	for _, i := range g {
		m := &ms[i]
		form := text[m.Start:m.End]
		if m.modifier != "" {
			form = m.modifier + " " + form
		}
		if !seenAlias[form] {
			seenAlias[form] = true
			pl.Aliases = append(pl.Aliases, form)
		}
		pl.Mentions = append(pl.Mentions, m.Span)
		if m.sentence != lastSent {
			s := sents[m.sentence]
			pl.Excerpts = append(pl.Excerpts, Excerpt{Span: s, Text: text[s.Start:s.End]})
			lastSent = m.sentence
		}
		if !m.initial {
			allInitial = false
		}
		if !m.inOrg {
			inOrg = false
		}
		if m.dateline {
			pl.Reasons = append(pl.Reasons, ReasonDateline)
		}
		pl.Reasons = append(pl.Reasons, res.chosen[i].reasons...)
	}
	if inOrg {
		recog *= 0.6
		pl.Reasons = append(pl.Reasons, ReasonOrganisation)
	}
	if allInitial {
		recog *= 0.85
	}
	if len(g) == 1 && lowerCaseCities[strings.ToLower(first.name)] {
		recog *= 0.7
	}
	// Alternatives and the margin.
	all := res.all[g[0]]
	margin := math.Inf(1)
	for _, s := range all {
		if s.e.ID == e.ID {
			continue
		}
		if math.IsInf(margin, 1) {
			margin = ch.score - s.score
		}
		if len(pl.Alternatives) < 3 {
			pl.Alternatives = append(pl.Alternatives, Alternative{ID: s.e.ID, Name: s.e.Name, Country: s.e.Country, Score: round2(s.score)})
		}
	}
	conf := 0.95
	if len(all) == 1 {
		pl.Reasons = append(pl.Reasons, ReasonOnlyCandidate)
	} else {
		conf = 1 - 0.5*math.Exp(-math.Max(0, margin))
		if margin < 0.5 {
			pl.Reasons = append(pl.Reasons, ReasonAmbiguous)
		}
	}
	pl.Confidence = round2(math.Min(0.99, conf*recog))
	pl.Reasons = uniq(pl.Reasons)
	return pl
}

// guessRoles marks the places where the reported events most likely
// happen as settings: named in the dateline, after "a camp in", "a
// ceasefire in", or often and early; countries and continents rarely are.
// The role weights, chosen on the seed reports and the first four
// held-out sets (settings F1 0.36 → 0.44 with the lede weight): a
// dateline's place, a place the first sentence names (the lede says
// where it happened), and the score from which a place is a setting,
// absolute and relative to the best.
const (
	datelineWeight = 3.0
	ledeWeight     = 1.5
	roleAbs        = 1.5
	roleRel        = 0.3
)

func guessRoles(places []Place, ms []mention, groups [][]int, nsent int) {
	best := 0.0
	for k := range places {
		pl := &places[k]
		s := 0.0
		var rs []Reason
		for _, i := range groups[k] {
			m := &ms[i]
			if m.dateline && m.initial {
				s += datelineWeight
				rs = append(rs, ReasonDateline)
			} else if m.dateline {
				s += 0.5
				rs = append(rs, ReasonDateline)
			}
			if m.origin {
				s -= 0.5
			}
			if m.sentence == 0 && !m.dateline && !m.origin && !m.addressee {
				s += ledeWeight // the lede says where it happened
				rs = append(rs, ReasonEarly)
			}
			if m.prep != "" {
				s += 0.5
				rs = append(rs, ReasonSettingPreposition)
				if m.cue {
					s += 2
					rs = append(rs, ReasonSettingCue)
				}
			}
		}
		if n := len(groups[k]); n > 1 {
			s += math.Min(1.5, 0.25*float64(n-1))
			rs = append(rs, ReasonFrequent)
		}
		if ms[groups[k][0]].sentence < 2 || ms[groups[k][0]].sentence < nsent/10 {
			s += 0.5
			rs = append(rs, ReasonEarly)
		}
		switch pl.Kind {
		case atlas.KindCountry:
			s *= 0.3
		case atlas.KindSea:
			s *= 0.5
		case atlas.KindRegion:
			if places[k].Gazetteer.Source == gazetteer.SourceCurated && ms[groups[k][0]].modifier == "" {
				s *= 0.3 // a large region: the Middle East, Europe
			} else {
				s += 0.5
			}
		default:
			s += 0.5
		}
		pl.RoleScore = round2(s)
		pl.Role = atlas.RoleMentioned
		if s > best {
			best = s
		}
		if s >= 1.5 {
			pl.Reasons = append(pl.Reasons, rs...)
		}
	}
	for k := range places {
		pl := &places[k]
		if pl.RoleScore >= roleAbs && pl.RoleScore >= roleRel*best || pl.RoleScore == best && best > 0 {
			pl.Role = atlas.RoleSetting
		}
		pl.Reasons = uniq(pl.Reasons)
	}
}

func uniq(rs []Reason) []Reason {
	out := rs[:0]
	seen := map[Reason]bool{}
	for _, r := range rs {
		if !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	return slices.Clip(out)
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// obscure is the population under which a city needs support from the
// text: a GeoNames village that shares a word with a person or a ship
// ("Trainer", Pennsylvania) is dropped unless its country is named, a
// demonym points to it, or it lies in or near another place named.
const obscure = 5000

// dropObscure leaves out the groups that resolved to an obscure city with
// no support in the text.
func (p *Parser) dropObscure(ms []mention, res resolution, groups [][]int, demonyms map[string]int) [][]int {
	named := map[string]bool{}
	for cc := range demonyms {
		named[cc] = true
	}
	for i := range ms {
		if e := res.chosen[i].e; e.Kind != gazetteer.KindCity {
			named[e.Country] = true
		}
	}
	out := groups[:0]
	for _, g := range groups {
		e := res.chosen[g[0]].e
		keep := e.Kind != gazetteer.KindCity || e.Population >= obscure || named[e.Country] || ms[g[0]].dateline
		for _, r := range res.chosen[g[0]].reasons {
			keep = keep || r == ReasonContainment || r == ReasonNearby || r == ReasonPair
		}
		if keep {
			out = append(out, g)
		}
	}
	return out
}
