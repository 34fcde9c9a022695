package ui_test

import (
	"bytes"
	"slices"
	"testing"

	"reportmap/atlas"
	"reportmap/atlas/atlastest"
	"reportmap/ui"
)

// The state tells its listeners once per real change, with what changed;
// a filter that hides the chosen place clears it in the same change.
func TestStateTellsEachChangeOnce(t *testing.T) {
	a, err := atlas.LoadFile("../places.geojson")
	if err != nil {
		t.Fatal(err)
	}
	s := ui.NewState()
	var got []ui.Change
	s.AddListener(func(c ui.Change) { got = append(got, c) })
	expect := func(step string, want ...ui.Change) {
		t.Helper()
		if len(got) != len(want) {
			t.Fatalf("%s: told %v; want %v", step, got, want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("%s: told %v; want %v", step, got, want)
			}
		}
		got = nil
	}
	s.SetAtlas(a)
	expect("SetAtlas", ui.ChangeAtlas|ui.ChangeFilter|ui.ChangeSelection)
	if len(s.Rows()) != 30 || s.Selected() != ui.NoPlace {
		t.Fatalf("after SetAtlas: %d rows, selected %v", len(s.Rows()), s.Selected())
	}
	pyongyang := ui.PlaceIndex(a.Index("pyongyang"))
	if !s.Select(pyongyang) {
		t.Fatal("cannot choose Pyongyang")
	}
	expect("Select", ui.ChangeSelection)
	s.Select(pyongyang)
	expect("Select again") // nothing changed: no one told
	s.SetQuery("")
	expect("the same empty query")
	// Pyongyang is named only by the Kursk report: hiding it hides the
	// place and clears the choice, in one change.
	s.SetHidden("kursk-troops", true)
	expect("SetHidden", ui.ChangeFilter|ui.ChangeSelection)
	if s.Selected() != ui.NoPlace {
		t.Errorf("hidden Pyongyang is still chosen")
	}
	if s.Select(pyongyang) {
		t.Error("a hidden place could be chosen")
	}
	expect("Select hidden")
	s.SetHidden("kursk-troops", true)
	expect("SetHidden again")
	s.SetSettingsOnly(true)
	expect("SetSettingsOnly", ui.ChangeFilter)
	for _, i := range s.Rows() {
		if a.Places[i].Role != atlas.RoleSetting {
			t.Errorf("settings only keeps %s", a.Places[i].ID)
		}
	}
	// Reopening keeps a chosen place that is still there.
	s.SetSettingsOnly(false)
	s.Select(ui.PlaceIndex(a.Index("gaza")))
	got = nil
	s.SetAtlas(a)
	if p := s.SelectedPlace(); p == nil || p.ID != "gaza" {
		t.Errorf("after SetAtlas the choice is %v; want gaza kept", p)
	}
}

// A search that narrows the last one looks only among what it kept; the
// rows must be those a search from scratch gives, whatever was typed
// before, in the same order.
func TestNarrowingSearchKeepsTheRows(t *testing.T) {
	var buf bytes.Buffer
	if err := atlastest.Generate(&buf, 60_000, 3); err != nil { // over 50,000: searched in parts
		t.Fatal(err)
	}
	gen, err := atlas.Load("gen.geojson", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	seeds, err := atlas.LoadFile("../places.geojson")
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range []*atlas.Atlas{seeds, gen} {
		s := ui.NewState()
		s.SetAtlas(a)
		steps := []func(){
			func() { s.SetQuery("p") }, func() { s.SetQuery("pl") }, func() { s.SetQuery("place 1") },
			func() { s.SetQuery("place 12") }, func() { s.SetHidden(a.Reports[0].ID, true) }, func() { s.SetQuery("place 123") },
			func() { s.SetHidden(a.Reports[0].ID, false) }, func() { s.SetQuery("place 1234") }, func() { s.SetQuery("place 12") },
			func() { s.SetSettingsOnly(true) }, func() { s.SetQuery("place 123") }, func() { s.SetSettingsOnly(false) },
			func() { s.SetQuery("ace 1") }, func() { s.SetQuery("a") }, func() { s.SetQuery("ka") }, func() { s.SetQuery("kur") },
			func() { s.SetQuery("kursk") }, func() { s.SetQuery("") }, func() { s.SetQuery("gaza") },
		}
		for k, step := range steps {
			step()
			fresh := ui.NewState()
			fresh.SetAtlas(a)
			for _, r := range a.Reports {
				fresh.SetHidden(r.ID, s.Hidden(r.ID))
			}
			fresh.SetSettingsOnly(s.SettingsOnly())
			fresh.SetQuery(s.Query())
			if !slices.Equal(s.Rows(), fresh.Rows()) || s.NameRows() != fresh.NameRows() {
				t.Fatalf("%s, step %d (%q): %d rows (%d by name), a fresh search %d (%d)", a.File, k, s.Query(), len(s.Rows()), s.NameRows(), len(fresh.Rows()), fresh.NameRows())
			}
		}
	}
}
