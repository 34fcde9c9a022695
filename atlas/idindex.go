package atlas

import "hash/maphash"

// idIndex finds places by id: an open-addressing hash table of place
// indexes whose keys are the places' own IDs, read from the slice they
// index. It stores 4 bytes a slot, at most 16 a place (the table is
// between a quarter and half full), where a map[string]int keeps about 56
// bytes a place. The zero idIndex is empty. Like a map it is not safe for
// concurrent writes; reads may run at once.
type idIndex struct {
	seed  maphash.Seed
	slots []int32 // a place's index + 1, or 0 for an empty slot; a power of two long
	n     int     // places indexed
}

// newIDIndex returns an index with room for n places before it grows.
func newIDIndex(n int) idIndex {
	size := 8
	for size < 2*n {
		size *= 2
	}
	return idIndex{seed: maphash.MakeSeed(), slots: make([]int32, size)}
}

// find returns the slot of id among places and whether id is there: the
// slot holding it, or the empty slot where it would go.
func (ix *idIndex) find(places []Place, id string) (int, bool) {
	mask := len(ix.slots) - 1
	s := int(maphash.String(ix.seed, id)) & mask
	for {
		v := ix.slots[s]
		if v == 0 {
			return s, false
		}
		if places[v-1].ID == id {
			return s, true
		}
		s = (s + 1) & mask
	}
}

// get returns the index in places of the place with the id, if indexed.
func (ix *idIndex) get(places []Place, id string) (int, bool) {
	if ix.n == 0 {
		return 0, false
	}
	s, ok := ix.find(places, id)
	if !ok {
		return 0, false
	}
	return int(ix.slots[s] - 1), true
}

// add indexes places[i] under its ID and reports true, unless an indexed
// place has that ID already: then it changes nothing and reports false.
func (ix *idIndex) add(places []Place, i int) bool {
	if 2*(ix.n+1) > len(ix.slots) {
		ix.grow(places)
	}
	s, ok := ix.find(places, places[i].ID)
	if ok {
		return false
	}
	ix.slots[s] = int32(i + 1)
	ix.n++
	return true
}

// grow doubles the table (or makes the zero index's first one).
func (ix *idIndex) grow(places []Place) {
	old := ix.slots
	if len(old) == 0 {
		*ix = newIDIndex(4)
		return
	}
	ix.slots = make([]int32, 2*len(old))
	for _, v := range old {
		if v != 0 {
			s, _ := ix.find(places, places[v-1].ID)
			ix.slots[s] = v
		}
	}
}
