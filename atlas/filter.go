package atlas

import (
	"strings"
	"unicode"
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

// SearchIndex holds each place's searchable text folded to lower case,
// made once so that every keystroke's search is a plain substring scan.
// It is immutable and safe for concurrent use.
type SearchIndex struct {
	text  []string // per place: name, aliases and excerpts, lower case
	names []int32  // per place: the length of text's name and aliases
}

// NewSearchIndex indexes places' text for Filter.Apply.
func NewSearchIndex(places []Place) *SearchIndex {
	ix := &SearchIndex{text: make([]string, len(places)), names: make([]int32, len(places))}
	var b strings.Builder
	for i := range places {
		ix.text[i], ix.names[i] = searchText(&b, &places[i])
	}
	return ix
}

// NameMatches reports whether the folded query q (see FoldQuery) is in
// the name or an alias of place i; it allocates nothing.
func (ix *SearchIndex) NameMatches(i int, q string) bool {
	return strings.Contains(ix.text[i][:ix.names[i]], q)
}

// FoldQuery is a search as matched: trimmed, lower case.
func FoldQuery(q string) string { return fold(strings.TrimSpace(q)) }

// searchText is p's name, aliases and excerpts, folded, using b, and the
// length of its name and aliases.
func searchText(b *strings.Builder, p *Place) (string, int32) {
	b.Reset()
	b.WriteString(fold(p.Name))
	for _, a := range p.Aliases {
		b.WriteByte(0)
		b.WriteString(fold(a))
	}
	names := int32(b.Len())
	for _, e := range p.Excerpts {
		b.WriteByte(0)
		b.WriteString(e.Text)
	}
	return fold(b.String()), names
}

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
	q := FoldQuery(f.Query)
	for i := lo; i < hi; i++ {
		if f.match(&places[i], q, ix.text[i]) {
			dst = append(dst, i)
		}
	}
	return dst
}

// match is the test Apply and Matches share: q is the folded query, text
// the place's folded search text.
func (f Filter) match(p *Place, q, text string) bool {
	switch {
	case f.SettingsOnly && p.Role != RoleSetting:
		return false
	case len(f.Hidden) > 0 && !f.reportShown(p):
		return false
	}
	return q == "" || strings.Contains(text, q)
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
	text, _ := searchText(&b, p)
	return f.match(p, FoldQuery(f.Query), text)
}
