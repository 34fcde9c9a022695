package cluster

// All returns every item shown at zoom, walking the whole level: the
// brute-force reference the tests compare queries with.
func All(ix *Index, zoom float64) []Item {
	l := ix.level(zoom)
	out := make([]Item, 0, len(l.ref))
	for _, r := range l.ref {
		out = append(out, ix.item(r))
	}
	return out
}
