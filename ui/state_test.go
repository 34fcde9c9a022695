package ui_test

import (
	"testing"

	"reportmap/atlas"
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
