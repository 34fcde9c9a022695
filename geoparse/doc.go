// Package geoparse finds the places named in an English news text and
// resolves them against a gazetteer, offline: text → places with
// provenance (the sentences that name them, with byte offsets), a
// confidence with the rules that fired, the top alternatives and a guess
// at which places are the report's settings.
//
// It is a rule-based, gazetteer-driven recogniser: capitalised token runs
// are matched longest first against the gazetteer, then filtered by cues
// for persons, organisations, demonyms and sentence-initial common words;
// the surviving names are resolved with priors (country > admin-1 >
// sea/region > capital > population) and the text's context (countries
// and demonyms named, containment, "City, State" pairs, one sense per
// discourse). It has no UI code.
//
// A Parser is immutable once made and safe for concurrent use.
package geoparse
