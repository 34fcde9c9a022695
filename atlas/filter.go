package atlas

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Filter chooses places: those matching a search and belonging to chosen
// reports. The zero Filter chooses every place.
type Filter struct {
	// Query is searched for, ignoring case, in each place's name,
	// aliases and excerpt texts. Blank matches every place.
	Query string
	// Hidden lists reports whose places are not wanted; a place stays if
	// any report that quotes it is not hidden. Places no report quotes
	// (none of their excerpts, if any, names a report) stay.
	Hidden map[string]bool
	// SettingsOnly keeps only settings.
	SettingsOnly bool
}

// SearchIndex holds every place's name and aliases folded to lower case,
// in one block, so that a keystroke's search is a plain substring scan of
// them; excerpts are searched where they are, ignoring case as they are
// read, so the index keeps no second copy of the text. It is immutable
// and safe for concurrent use, and it reads the excerpts of the places it
// was made from, which must not change while it is used.
type SearchIndex struct {
	names string   // per place: name and aliases, lower case, each after a 0 byte
	ends  []uint32 // per place: where its names end in names
}

// NewSearchIndex indexes places' text for Filter.Apply.
func NewSearchIndex(places []Place) *SearchIndex {
	ix := &SearchIndex{ends: make([]uint32, len(places))}
	n := 0
	for i := range places {
		n += 1 + len(places[i].Name)
		for _, a := range places[i].Aliases {
			n += 1 + len(a)
		}
	}
	var b strings.Builder
	b.Grow(n + n/8) // folding can lengthen a few runes
	for i := range places {
		writeNames(&b, &places[i])
		if b.Len() > math.MaxUint32 {
			// More than 4 GiB of names: a file over MaxPlacesFileSize.
			ix.ends = ix.ends[:i]
			break
		}
		ix.ends[i] = uint32(b.Len())
	}
	ix.names = b.String()
	return ix
}

// writeNames writes p's name and aliases, folded, each after a 0 byte.
func writeNames(b *strings.Builder, p *Place) {
	b.WriteByte(0)
	writeFolded(b, p.Name)
	for _, a := range p.Aliases {
		b.WriteByte(0)
		writeFolded(b, a)
	}
}

// writeFolded writes fold(s) to b without making it first.
func writeFolded(b *strings.Builder, s string) {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		b.WriteRune(unicode.ToLower(r))
		i += n
	}
}

// namesOf is place i's folded names, or "" past the index's end.
func (ix *SearchIndex) namesOf(i int) string {
	if i >= len(ix.ends) {
		return ""
	}
	lo := uint32(0)
	if i > 0 {
		lo = ix.ends[i-1]
	}
	return ix.names[lo:ix.ends[i]]
}

// NameMatches reports whether the folded query q (see FoldQuery) is in
// the name or an alias of place i; it allocates nothing.
func (ix *SearchIndex) NameMatches(i int, q string) bool {
	return strings.Contains(ix.namesOf(i), q)
}

// FoldQuery is a search as matched: trimmed, lower case.
func FoldQuery(q string) string { return fold(strings.TrimSpace(q)) }

// fold lower-cases s for case-insensitive search.
func fold(s string) string {
	return strings.Map(unicode.ToLower, s)
}

// Apply appends to dst the indexes of the places that f chooses, in
// order, and returns it. ix must index the same places.
func (f Filter) Apply(places []Place, ix *SearchIndex, dst []int) []int {
	return f.ApplyRange(places, ix, 0, len(places), dst)
}

// ApplyRange is Apply for places[lo:hi] (the indexes appended are into
// places); ranges can be searched on several goroutines at once.
func (f Filter) ApplyRange(places []Place, ix *SearchIndex, lo, hi int, dst []int) []int {
	fq := newFoldQuery(FoldQuery(f.Query))
	for i := lo; i < hi; i++ {
		if f.match(&places[i], &fq, ix.namesOf(i)) {
			dst = append(dst, i)
		}
	}
	return dst
}

// ApplyTo is Apply for the places at the indexes given (into places, in
// any order), appending those f chooses in the same order: a search that
// narrows an earlier one ("gaz" to "gaza") need only look among what the
// earlier one kept.
func (f Filter) ApplyTo(places []Place, ix *SearchIndex, indexes []int, dst []int) []int {
	fq := newFoldQuery(FoldQuery(f.Query))
	for _, i := range indexes {
		if f.match(&places[i], &fq, ix.namesOf(i)) {
			dst = append(dst, i)
		}
	}
	return dst
}

// match is the test Apply and Matches share: fq is the query, names the
// place's folded names (see SearchIndex).
func (f Filter) match(p *Place, fq *foldQuery, names string) bool {
	switch {
	case f.SettingsOnly && p.Role != RoleSetting:
		return false
	case len(f.Hidden) > 0 && !f.reportShown(p):
		return false
	case fq.q == "" || strings.Contains(names, fq.q):
		return true
	}
	for _, e := range p.Excerpts {
		if fq.in(e.Text) {
			return true
		}
	}
	return false
}

// reportShown reports whether some report quoting p is not hidden.
func (f Filter) reportShown(p *Place) bool {
	quoted := false
	for _, e := range p.Excerpts {
		if e.Report == "" {
			continue // unattributed: no report to hide
		}
		if !f.Hidden[e.Report] {
			return true
		}
		quoted = true
	}
	return !quoted
}

// Matches reports whether f chooses p, without an index (slower; for
// single places).
func (f Filter) Matches(p *Place) bool {
	var b strings.Builder
	writeNames(&b, p)
	fq := newFoldQuery(FoldQuery(f.Query))
	return f.match(p, &fq, b.String())
}
