package atlas

import (
	"fmt"
	"testing"
)

// The index finds every place by its id and only those, keeps the first
// of an id, and grows from empty.
func TestIDIndex(t *testing.T) {
	var places []Place
	for i := range 5000 {
		places = append(places, Place{ID: fmt.Sprintf("p%d", i%4000)}) // 1000 repeated ids
	}
	var ix idIndex
	for i := range places {
		if got, want := ix.add(places, i), i < 4000; got != want {
			t.Fatalf("add(%d) = %v, want %v", i, got, want)
		}
	}
	for i := range 4000 {
		if got, ok := ix.get(places, fmt.Sprintf("p%d", i)); !ok || got != i {
			t.Fatalf("get(p%d) = %d, %v; want %d (the first of the id)", i, got, ok, i)
		}
	}
	for _, id := range []string{"", "p4000", "p-1", "P1"} {
		if i, ok := ix.get(places, id); ok {
			t.Errorf("get(%q) = %d, want none", id, i)
		}
	}
	if used := 2 * ix.n; used > len(ix.slots) {
		t.Errorf("%d places in %d slots: over half full", ix.n, len(ix.slots))
	}
}
