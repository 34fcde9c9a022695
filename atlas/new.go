package atlas

// New returns an atlas of the given reports and places, as a program
// builds one (an import, an edit); file is its name for messages. Ids
// are taken as they are: the first place or report of an id is the one
// Place and Report find. The slices are kept, not copied.
func New(file string, reports []Report, places []Place) *Atlas {
	a := &Atlas{File: file, Reports: reports, Places: places,
		placeIndex: newIDIndex(len(places)), reportIndex: make(map[string]int, len(reports))}
	for i := range places {
		a.placeIndex.add(places, i) // the first of an id stays
	}
	for i := range reports {
		if _, dup := a.reportIndex[reports[i].ID]; !dup {
			a.reportIndex[reports[i].ID] = i
		}
	}
	return a
}
