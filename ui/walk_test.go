package ui_test

import (
	"os"
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"

	"reportmap/atlas"
	"reportmap/ui"
)

// A report's walk order is worked out when it is first stepped through,
// not when the view is built, and once.
func TestWalkOrdersAreLazy(t *testing.T) {
	test.NewTempApp(t)
	a, err := atlas.LoadFile("../places.geojson")
	if err != nil {
		t.Fatal(err)
	}
	v := ui.NewView(a, os.DirFS(".."))
	if w := ui.Walks(v); len(w) != 0 {
		t.Fatalf("building the view worked out the walks of %v", w)
	}
	v.Select("kursk")
	if w := ui.Walks(v); len(w) != 0 {
		t.Fatalf("choosing a place worked out the walks of %v", w)
	}
	v.Step(1)
	first := v.SelectedPlace()
	if w := ui.Walks(v); !slices.Equal(w, []string{"kursk-troops"}) {
		t.Fatalf("stepping through the Kursk report worked out the walks of %v", w)
	}
	order := v.WalkOrder("kursk-troops")
	if len(order) < 2 || first == nil || first.ID == "" {
		t.Fatalf("order %v, first %v", order, first)
	}
	v.Step(1)
	if p := v.SelectedPlace(); p == nil || p.ID == first.ID {
		t.Errorf("a second step stayed at %v", p)
	}
	v.SetAtlas(a, os.DirFS(".."))
	if w := ui.Walks(v); len(w) != 0 {
		t.Errorf("other places kept the walks of %v", w)
	}
}
