package ui

import (
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"

	"reportmap/atlas"
)

// Change says what part of a State changed; a listener is told one or
// more of them at once.
type Change uint8

// The parts of a State.
const (
	ChangeAtlas     Change = 1 << iota // other places (Open, Reload)
	ChangeFilter                       // the search or the report filters: other rows
	ChangeSelection                    // another place chosen, or none
)

// NoPlace is the selection when no place is chosen.
const NoPlace PlaceIndex = -1

// PlaceIndex is a place's index in its atlas's Places, or NoPlace.
type PlaceIndex int

// State is what the window shows: the places, the filter (search query,
// hidden reports, settings only), the places that filter keeps in list
// order, and the chosen place. The map, the list and the panel observe it
// and only render; every change goes through its methods, which tell the
// listeners once, and only when something really changed.
//
// Like the widgets, it is used only on Fyne's goroutine.
type State struct {
	atlas    *atlas.Atlas
	index    *atlas.SearchIndex
	filter   atlas.Filter
	rows     []PlaceIndex
	nameRows int          // rows[:nameRows] match in a name
	settings []bool       // per place, whether it is a setting
	parts    []filterPart // scratch of refilter
	// matched is what the last search kept, in place order, and
	// matchedQuery its folded query, while the reports hidden and
	// settings only have not changed since: a query that contains it
	// can only keep fewer, so refilter looks among those alone.
	matched      []int
	matchedQuery string
	narrowable   bool
	selected     PlaceIndex
	listeners    []func(Change)
}

// NewState returns a state with no places.
func NewState() *State {
	return &State{selected: NoPlace, filter: atlas.Filter{Hidden: map[string]bool{}}, atlas: &atlas.Atlas{}, index: atlas.NewSearchIndex(nil)}
}

// AddListener has f told of every change from now on.
func (s *State) AddListener(f func(Change)) { s.listeners = append(s.listeners, f) }

func (s *State) tell(c Change) {
	for _, f := range s.listeners {
		f(c)
	}
}

// SetAtlas shows other places, keeping the filter and, if a place with
// the same id is still there and shown, the selection.
func (s *State) SetAtlas(a *atlas.Atlas) {
	s.setIndexed(&Indexed{atlas: a, search: atlas.NewSearchIndex(a.Places), settings: settingsOf(a)})
}

// setIndexed is SetAtlas with the search index made.
func (s *State) setIndexed(ix *Indexed) {
	keep := ""
	if p := s.SelectedPlace(); p != nil {
		keep = p.ID
	}
	a := ix.atlas
	s.atlas, s.index, s.settings = a, ix.search, ix.settings
	s.narrowable = false
	s.refilter()
	s.selected = NoPlace
	if i := PlaceIndex(a.Index(keep)); keep != "" && slices.Contains(s.rows, i) {
		s.selected = i
	}
	s.tell(ChangeAtlas | ChangeFilter | ChangeSelection)
}

// settingsOf says, per place of a, whether it is a setting.
func settingsOf(a *atlas.Atlas) []bool {
	set := make([]bool, len(a.Places))
	for i := range a.Places {
		set[i] = a.Places[i].Role == atlas.RoleSetting
	}
	return set
}

// Atlas returns the places.
func (s *State) Atlas() *atlas.Atlas { return s.atlas }

// Rows returns the places the filter keeps, in list order: places whose
// name matches the search before those matched only in a quote, then
// settings first. The caller must not change it, and it is valid until
// the rows change next: the slice is reused.
func (s *State) Rows() []PlaceIndex { return s.rows }

// Selected returns the chosen place's index, or NoPlace.
func (s *State) Selected() PlaceIndex { return s.selected }

// SelectedPlace returns the chosen place, or nil.
func (s *State) SelectedPlace() *atlas.Place {
	if s.selected == NoPlace {
		return nil
	}
	return &s.atlas.Places[s.selected]
}

// Select chooses place i (NoPlace clears) and reports whether it could:
// a place the filter hides cannot be chosen.
func (s *State) Select(i PlaceIndex) bool {
	if i != NoPlace && !slices.Contains(s.rows, i) {
		return false
	}
	if i != s.selected {
		s.selected = i
		s.tell(ChangeSelection)
	}
	return true
}

// Filter returns the filter; its Hidden is a copy.
func (s *State) Filter() atlas.Filter {
	f := s.filter
	f.Hidden = maps.Clone(f.Hidden)
	return f
}

// Query returns the search.
func (s *State) Query() string { return s.filter.Query }

// SetQuery searches for q.
func (s *State) SetQuery(q string) {
	if q != s.filter.Query {
		s.filter.Query = q
		s.filterChanged()
	}
}

// SetHidden hides or shows a report's places.
func (s *State) SetHidden(report string, hidden bool) {
	if hidden == s.filter.Hidden[report] {
		return
	}
	if hidden {
		s.filter.Hidden[report] = true
	} else {
		delete(s.filter.Hidden, report)
	}
	s.narrowable = false
	s.filterChanged()
}

// Hidden reports whether a report's places are hidden.
func (s *State) Hidden(report string) bool { return s.filter.Hidden[report] }

// SettingsOnly reports whether only settings are kept.
func (s *State) SettingsOnly() bool { return s.filter.SettingsOnly }

// SetSettingsOnly keeps only settings, or every place.
func (s *State) SetSettingsOnly(on bool) {
	if on != s.filter.SettingsOnly {
		s.filter.SettingsOnly = on
		s.narrowable = false
		s.filterChanged()
	}
}

// filterChanged recomputes the rows and clears a selection they lost.
func (s *State) filterChanged() {
	s.refilter()
	c := ChangeFilter
	if s.selected != NoPlace && !slices.Contains(s.rows, s.selected) {
		s.selected = NoPlace
		c |= ChangeSelection
	}
	s.tell(c)
}

func (s *State) refilter() {
	places := s.atlas.Places
	// Typing "Gaza" and Enter chooses Gaza, not a camp whose quotes
	// mention it: a stable partition by rank (setting first, then name
	// matches before quote matches), each rank worked out once. Large
	// files are searched in parts on several goroutines.
	q := foldQuery(s.filter.Query)
	var among []int // nil: every place
	if s.narrowable && s.matchedQuery != "" && strings.Contains(q, s.matchedQuery) {
		among = s.matched
	}
	n := len(places)
	if among != nil {
		n = len(among)
	}
	parts := 1
	if n >= 50_000 {
		parts = runtime.GOMAXPROCS(0)
	}
	if len(s.parts) < parts {
		s.parts = make([]filterPart, parts)
	}
	var wg sync.WaitGroup
	for k := range parts {
		pt := &s.parts[k]
		lo, hi := n*k/parts, n*(k+1)/parts
		wg.Go(func() { pt.run(s, q, among, lo, hi) })
	}
	wg.Wait()
	s.matched = s.matched[:0]
	for k := range parts {
		s.matched = append(s.matched, s.parts[k].shown...)
	}
	s.matchedQuery, s.narrowable = q, true
	var at [4]int
	n = 0
	for r := range 4 {
		at[r] = n
		for k := range parts {
			n += s.parts[k].count[r]
		}
	}
	s.nameRows = at[2]
	s.rows = slices.Grow(s.rows[:0], n)[:n] // reused: no garbage per keystroke
	for k := range parts {
		pt := &s.parts[k]
		for j, i := range pt.shown {
			r := pt.ranks[j]
			s.rows[at[r]] = PlaceIndex(i)
			at[r]++
		}
	}
}

// filterPart is the search of a range of places, its buffers reused.
type filterPart struct {
	shown []int   // the places kept
	ranks []uint8 // per place kept, its rank
	count [4]int  // places kept per rank
}

// run searches places[lo:hi], or the places at among[lo:hi] when among
// is not nil, for the folded query q.
func (pt *filterPart) run(s *State, q string, among []int, lo, hi int) {
	if among != nil {
		pt.shown = s.filter.ApplyTo(s.atlas.Places, s.index, among[lo:hi], pt.shown[:0])
	} else {
		pt.shown = s.filter.ApplyRange(s.atlas.Places, s.index, lo, hi, pt.shown[:0])
	}
	pt.ranks = slices.Grow(pt.ranks[:0], len(pt.shown))[:len(pt.shown)]
	pt.count = [4]int{}
	for j, i := range pt.shown {
		r := uint8(1)
		if s.settings[i] {
			r = 0
		}
		if q != "" && !s.index.NameMatches(i, q) {
			r += 2
		}
		pt.ranks[j] = r
		pt.count[r]++
	}
}

// NameRows returns how many of Rows, from the first, match the search in
// their name or an alias; the rest match only in a quote.
func (s *State) NameRows() int { return s.nameRows }

// foldQuery is a search as matched: trimmed, lower case.
func foldQuery(q string) string { return atlas.FoldQuery(q) }
