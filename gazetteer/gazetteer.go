// Package gazetteer is an embedded, offline gazetteer for news places:
// countries (with demonyms), admin-1 regions (states, provinces, oblasts),
// populated places from GeoNames and a curated list of seas, straits and
// large regions. It has no UI code.
//
// Names are looked up folded (see Fold): case, diacritics, apostrophes
// and "St."/"Saint" do not matter. A Gazetteer is immutable once built and
// safe for concurrent use.
package gazetteer

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/paulmach/orb"
	"golang.org/x/text/unicode/norm"
)

// Kind is what sort of place an entry is.
type Kind uint8

// The kinds of entry.
const (
	KindCity    Kind = iota + 1 // a populated place (GeoNames P class)
	KindAdmin1                  // a first-level division: state, province, oblast, governorate
	KindCountry                 // a country or territory (ISO 3166-1)
	KindSea                     // a sea, strait, channel, gulf or bay
	KindRegion                  // a large region: Europe, the Middle East, the Balkans…
	KindRiver                   // a river; its point is a representative point along it
)

// Source is where an entry comes from.
type Source uint8

// The sources of entries.
const (
	SourceGeoNames     Source = iota + 1 // Key: the GeoNames id, e.g. "2988507"
	SourceNaturalEarth                   // admin-1; Key: ISO 3166-2 code, e.g. "RU-KRS"
	SourceCountry                        // Key: ISO 3166-1 alpha-2, e.g. "FR"
	SourceCurated                        // Key: a slug, e.g. "english-channel"
)

// ID identifies an entry. Its text form (String, ParseID) is
// "geonames:2988507", "ne:RU-KRS", "country:FR" or "curated:english-channel".
type ID struct {
	Source Source
	Key    string
}

// Entry is one place in the gazetteer.
type Entry struct {
	ID         ID
	Name       string // the primary English name, e.g. "Kursk Oblast"
	Kind       Kind
	Country    string    // ISO 3166-1 alpha-2 of the country it is in ("" for seas and regions)
	Admin1     string    // the admin-1 code it is in, ISO 3166-2 where known ("" if none)
	Point      orb.Point // a representative point: lon, lat in degrees
	Population int       // 0 where unknown; for admin-1, the sum of its cities in the gazetteer (a lower bound)
	// Feature is the GeoNames feature code for cities (PPLC capital,
	// PPLA admin seat, PPL…); "" otherwise.
	Feature string
	Names   []string // every name it is known by, the primary first
}

// String returns the ID's text form, e.g. "geonames:2988507".
func (id ID) String() string {
	if int(id.Source) < len(sourceNames) && sourceNames[id.Source] != "" {
		return sourceNames[id.Source] + ":" + id.Key
	}
	return ""
}

var sourceNames = [...]string{SourceGeoNames: "geonames", SourceNaturalEarth: "ne", SourceCountry: "country", SourceCurated: "curated"}

// ParseID parses an ID's text form.
func ParseID(s string) (ID, error) {
	for src, name := range sourceNames {
		if name != "" && strings.HasPrefix(s, name+":") && len(s) > len(name)+1 {
			return ID{Source: Source(src), Key: s[len(name)+1:]}, nil
		}
	}
	return ID{}, fmt.Errorf("%w: %q", ErrBadID, s)
}

// ErrBadID is returned by ParseID for text that is no ID.
var ErrBadID = errors.New("gazetteer: not a gazetteer id")

// Gazetteer is a set of entries indexed by folded name and by id. It is
// immutable and safe for concurrent use.
type Gazetteer struct {
	entries  []Entry
	names    nameIndex
	byID     map[ID]int32
	demonyms map[string]string // folded demonym → ISO 3166-1 alpha-2

	shapes        func() (*shapeSet, error) // admin-1 key → polygon, loaded once
	countryShapes func() (*shapeSet, error) // ISO 3166-1 alpha-2 → polygon, loaded once
}

// New builds a gazetteer of entries; demonyms maps demonyms ("French",
// "Ukrainians") to the country code they refer to. Candidates for a name
// come most prominent first: countries, then admin-1, seas and regions,
// then cities by population. New folds every name, which takes seconds
// for the full data set: Default and Load read names folded at build time.
func New(entries []Entry, demonyms map[string]string) *Gazetteer {
	g := &Gazetteer{entries: entries, byID: make(map[ID]int32, len(entries)), demonyms: map[string]string{}}
	for i := range entries {
		g.byID[entries[i].ID] = int32(i)
	}
	g.names = buildIndex(entries, func(i int) []string { return FoldedNames(&entries[i]) })
	for d, cc := range demonyms {
		g.demonyms[Fold(d)] = cc
	}
	g.shapes = func() (*shapeSet, error) { return &shapeSet{}, nil }
	g.countryShapes = g.shapes
	return g
}

// FoldedNames returns the distinct folded forms of an entry's Name and
// Names, in order, without empty ones.
func FoldedNames(e *Entry) []string {
	var out []string
	for _, n := range append([]string{e.Name}, e.Names...) {
		if f := Fold(n); f != "" && !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

// kindRank orders kinds by prominence for a bare name.
var kindRank = [...]int{KindCountry: 0, KindAdmin1: 1, KindSea: 2, KindRegion: 2, KindRiver: 2, KindCity: 3}

// Compare orders entries by prominence for a bare name: countries, then
// admin-1, then seas and regions, then cities; more populous first within
// a kind. It returns <0 when a is more prominent than b.
func Compare(a, b *Entry) int {
	if c := cmp.Compare(kindRank[a.Kind], kindRank[b.Kind]); c != 0 {
		return c
	}
	return cmp.Compare(b.Population, a.Population)
}

// Lookup returns the entries known by name (folded), most prominent
// first; nil when there are none. The entries must not be changed.
func (g *Gazetteer) Lookup(name string) []*Entry {
	return g.LookupFolded(Fold(name))
}

// LookupFolded is Lookup for a name already folded with Fold; it saves
// folding again when a caller tries many spans of one text.
func (g *Gazetteer) LookupFolded(folded string) []*Entry {
	ids := g.names.lookup(folded)
	if len(ids) == 0 {
		return nil
	}
	out := make([]*Entry, len(ids))
	for i, id := range ids {
		out[i] = &g.entries[id]
	}
	return out
}

// Has reports whether any entry is known by the folded name, without
// allocating.
func (g *Gazetteer) Has(folded string) bool { return g.names.find(folded) >= 0 }

// ByID returns the entry with the id, or nil.
func (g *Gazetteer) ByID(id ID) *Entry {
	if i, ok := g.byID[id]; ok {
		return &g.entries[i]
	}
	return nil
}

// Demonym returns the country code a demonym refers to ("French" → "FR").
func (g *Gazetteer) Demonym(word string) (string, bool) {
	cc, ok := g.demonyms[Fold(word)]
	return cc, ok
}

// Len returns the number of entries.
func (g *Gazetteer) Len() int { return len(g.entries) }

// Entries calls yield with every entry in order until it returns false.
// The entries must not be changed.
func (g *Gazetteer) Entries(yield func(*Entry) bool) {
	for i := range g.entries {
		if !yield(&g.entries[i]) {
			return
		}
	}
}

// Fold is the form names are compared in: lower case, without diacritics,
// apostrophes, dots and hyphens, runs of space as one space, "saint" for
// "st", and a leading "the " dropped: "St. Petersburg" and "saint
// petersburg", "Kramators'k" and "Kramatorsk", "the Hague" and "Hague"
// fold alike.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// a combining mark: drop
		case r == '\'' || r == '’' || r == 'ʼ' || r == '‘' || r == '`' || r == '.':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	f := b.String()
	f = strings.TrimPrefix(f, "the ")
	if f == "st" || strings.HasPrefix(f, "st ") {
		f = "saint" + f[2:]
	}
	f = strings.ReplaceAll(f, " st ", " saint ")
	return f
}
