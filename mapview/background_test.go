package mapview_test

import (
	"bytes"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"reportmap/atlas"
	"reportmap/atlas/atlastest"
	"reportmap/mapview"
)

// generatedMap is a 1280×800 map of n generated places, fitted to them.
func generatedMap(t *testing.T, a *atlas.Atlas) *mapview.Map {
	t.Helper()
	m := mapview.NewMap()
	m.SetPlaces(a.Places, a.Reports)
	w := test.NewTempWindow(t, m)
	w.SetPadded(false)
	w.Resize(fyne.NewSize(1280, 800))
	m.Resize(fyne.NewSize(1280, 800))
	m.FitAll()
	return m
}

// markedPlaces is how many places the map's markers stand for.
func markedPlaces(m *mapview.Map) int {
	n := 0
	for _, mk := range m.Markers() {
		n += mk.Count
	}
	return n
}

func TestSetShownInBackground(t *testing.T) {
	test.NewTempApp(t)
	var buf bytes.Buffer
	if err := atlastest.Generate(&buf, 50_000, 7); err != nil {
		t.Fatal(err)
	}
	a, err := atlas.Load("gen.geojson", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	half, quarter := make([]int, 25_000), make([]int, 22_000)
	for i := range half {
		half[i] = 2 * i
	}
	for i := range quarter {
		quarter[i] = 2*i + 1
	}
	// What the map shows when it builds at once.
	want := map[string]int{}
	sync := generatedMap(t, a)
	want["all"] = markedPlaces(sync)
	sync.SetShown(half)
	want["half"] = markedPlaces(sync)
	sync.SetShown(quarter)
	want["quarter"] = markedPlaces(sync)
	if want["all"] == want["half"] || want["half"] == want["quarter"] {
		t.Fatalf("the sets do not differ on screen: %v", want)
	}

	m := generatedMap(t, a)
	done := make(chan func(), 4)
	m.Background = func(build, then func()) {
		go func() { build(); done <- then }()
	}
	m.SetShown(half)
	if got := markedPlaces(m); got != want["all"] {
		t.Errorf("before the clusters are built the markers stand for %d places, want the %d shown before", got, want["all"])
	}
	(<-done)()
	if got := markedPlaces(m); got != want["half"] {
		t.Errorf("once built, the markers stand for %d places, want %d", got, want["half"])
	}

	// A newer filter supersedes a build under way: its result is dropped.
	m.SetShown(quarter)
	m.SetShown(half)
	m.SetShown(quarter)
	for range 2 {
		(<-done)()
	}
	if got := markedPlaces(m); got != want["quarter"] {
		t.Errorf("after half then quarter, the markers stand for %d places, want quarter's %d", got, want["quarter"])
	}
	m.SetShown(nil)
	if got := markedPlaces(m); got != want["all"] {
		t.Errorf("with the filter cleared the markers stand for %d places, want %d at once", got, want["all"])
	}

	// The selection follows the new set before its markers are built.
	m.SetShown(half)
	if m.Select(a.Places[quarter[1]].ID) {
		t.Error("a place left out of the new set can be selected")
	}
	if !m.Select(a.Places[half[1]].ID) {
		t.Error("a place of the new set cannot be selected while its markers are built")
	}
	m.SetShown(quarter)
	if m.Selected() != nil {
		t.Errorf("the selection %s stays though the new set leaves it out", m.Selected().ID)
	}
	(<-done)()
	(<-done)()
}
