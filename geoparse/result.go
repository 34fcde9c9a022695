package geoparse

import (
	"github.com/paulmach/orb"

	"reportmap/atlas"
	"reportmap/gazetteer"
)

// Result is what Parse found in one text. It holds no reference to the
// parser and may be used from any goroutine.
type Result struct {
	Sentences []Span  // every sentence of the text
	Places    []Place // in the order of their first mention
	// Countries counts the country codes that demonyms in the text refer
	// to ("French" → "FR"); they raise the prior of places in them.
	Countries map[string]int
}

// Place is one place found in a text.
type Place struct {
	ID        string       // a slug unique within the result, e.g. "northeastern-ukraine"
	Name      string       // canonical name, with a modifier kept: "northeastern Ukraine"
	Aliases   []string     // every other written form, exactly as in the text ("Kursk region")
	Kind      atlas.Kind   // city, region, country, sea
	Point     orb.Point    // lon, lat in degrees
	Gazetteer gazetteer.ID // the entry it resolved to
	// GazetteerKind is what the entry is: a city, an admin-1 region, a
	// country, a sea, a large region or a river.
	GazetteerKind gazetteer.Kind
	// Confidence is 0–1: how sure the parser is that the text names this
	// place and that it resolved to the right entry.
	Confidence   float64
	Reasons      []Reason      // the rules that fired, for resolution and role
	Alternatives []Alternative // other entries of the name, best first (at most 3)
	Excerpts     []Excerpt     // the sentences naming it, verbatim, in text order
	Mentions     []Span        // each written mention
	Role         atlas.Role    // setting or mentioned: a guess
	RoleScore    float64       // the evidence for setting; higher is stronger
}

// Alternative is another gazetteer entry a place's name could mean.
type Alternative struct {
	ID      gazetteer.ID
	Name    string
	Country string // ISO 3166-1 alpha-2, "" if none
	Score   float64
}

// Excerpt is a sentence that names a place, verbatim, with its offsets
// into the text.
type Excerpt struct {
	Span
	Text string
}
