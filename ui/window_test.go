package ui_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"reportmap/atlas"
	"reportmap/internal/headless"
	_ "reportmap/internal/locale" // quiet Fyne's locale message
	"reportmap/ui"
)

func TestHighlight(t *testing.T) {
	tests := []struct {
		text  string
		names []string
		want  string // bold parts in [brackets]
	}{
		{"a ceasefire in Gaza could be close", []string{"Gaza"}, "a ceasefire in [Gaza] could be close"},
		{"the territories of the Gaza Strip, and Gaza", []string{"Gaza", "Gaza Strip"}, "the territories of the [Gaza Strip], and [Gaza]"},
		{"A man from Eritreatells us", []string{"Eritrea"}, "A man from [Eritrea]tells us"},
		{"no place here", []string{"Gaza", ""}, "no place here"},
		{"Gaza", []string{"Gaza"}, "[Gaza]"},
		// White space in a name matches the raw text's own: two spaces, a
		// no-break space, a line break; the bold covers them whole and
		// never splits the multi-byte characters before.
		{"Ça été, the Gaza  Strip", []string{"Gaza Strip"}, "Ça été, the [Gaza  Strip]"},
		{"près de la Gaza\u00a0Strip", []string{"Gaza Strip"}, "près de la [Gaza\u00a0Strip]"},
		{"the Gaza\nStrip", []string{"Gaza Strip"}, "the [Gaza\nStrip]"},
	}
	for _, tt := range tests {
		var b strings.Builder
		for _, s := range ui.Highlight(tt.text, tt.names) {
			if s.Bold {
				b.WriteString("[" + s.Text + "]")
			} else {
				b.WriteString(s.Text)
			}
		}
		if b.String() != tt.want {
			t.Errorf("Highlight(%q, %q) = %q; want %q", tt.text, tt.names, b.String(), tt.want)
		}
	}
}

// newWindow opens the repository's places in a test window.
func newWindow(t *testing.T) (*ui.Window, *[]string) {
	t.Helper()
	ap := headless.Wrap(test.NewTempApp(t)) // loads end through fyne.Do
	a, err := atlas.LoadFile("../places.geojson")
	if err != nil {
		t.Fatal(err)
	}
	win := ui.NewWindow(ap, a, os.DirFS(".."), ui.Options{Version: "test", File: ""})
	var events []string
	win.View.Trace = func(e string) { events = append(events, e) }
	win.W.Resize(fyne.NewSize(1280, 800))
	t.Cleanup(win.Close)
	return win, &events
}

// writeText gathers the text of labels and rich text in o.
func writeText(b *strings.Builder, o fyne.CanvasObject) {
	switch c := o.(type) {
	case *widget.Label:
		b.WriteString(c.Text + "|")
	case *widget.RichText:
		b.WriteString(c.String() + "|")
	case *ui.InlineText:
		b.WriteString(c.String() + "|")
	case *widget.Card:
		writeText(b, c.Content)
	case *fyne.Container:
		for _, o := range c.Objects {
			writeText(b, o)
		}
	}
}

// panelText gathers the text shown in the panel.
func panelText(v *ui.View) string {
	var b strings.Builder
	writeText(&b, v.Panel)
	return b.String()
}

// row returns the list's row i as the list would show it.
func row(v *ui.View, i int) *ui.PlaceRow {
	o := v.List.CreateItem()
	v.List.UpdateItem(i, o)
	return o.(*ui.PlaceRow)
}

// listed returns the ids in the list, in order.
func listed(v *ui.View) []string {
	var ids []string
	for i := 0; i < v.List.Length(); i++ {
		ids = append(ids, strings.TrimSuffix(row(v, i).Name.String(), " — setting"))
	}
	return ids
}

func TestOverviewAndSelectionInStep(t *testing.T) {
	win, events := newWindow(t)
	v := win.View
	if got := panelText(v); !strings.Contains(got, "North Korean troops in Russia's Kursk region") || !strings.Contains(got, "settings: Kursk, northeastern Ukraine") {
		t.Errorf("overview panel: %q", got)
	}
	// Settings come first in the list.
	if got := listed(v); len(got) != 30 || got[0] != "Kursk" || got[6] == "Washington" {
		t.Errorf("list %v", got)
	}
	// The list chooses on the map and the panel.
	v.List.Select(4) // Gaza
	if p := v.Map.Selected(); p == nil || p.ID != "gaza" || !strings.Contains(panelText(v), "ceasefire in Gaza") {
		t.Errorf("map %v, panel %q", p, panelText(v))
	}
	if qs := v.Quotes(); len(qs) == 0 || !slices.Contains(qs[0].Text.Bold(), "Gaza") {
		t.Errorf("Gaza is not bold in its first quote: %+v", qs)
	}
	// The map chooses in the list and the panel.
	pos, on := v.Map.PixelOf("washington")
	if !on {
		t.Fatal("Washington off the map")
	}
	test.TapAt(v.Map, pos)
	if p := v.SelectedPlace(); p == nil || p.ID != "washington" || !strings.Contains(panelText(v), "Netanyahu in Washington DC") {
		t.Errorf("after tapping Washington: %v, %q", p, panelText(v))
	}
	if !slices.Contains(*events, "select gaza") || !slices.Contains(*events, "select washington") {
		t.Errorf("trace %v", *events)
	}
	// Escape clears.
	v.Escape()
	if v.SelectedPlace() != nil || v.Map.Selected() != nil {
		t.Error("Escape did not clear the selection")
	}
}

func TestSearchAsYouType(t *testing.T) {
	win, _ := newWindow(t)
	v := win.View
	test.Type(v.Search, "ga")
	got := listed(v)
	if !slices.Contains(got, "Gaza") || slices.Contains(got, "Kursk") {
		t.Errorf("after typing 'ga' the list is %v", got)
	}
	test.Type(v.Search, "za")
	if got := listed(v); !slices.Contains(got, "Gaza") || v.Count.Text != fmt.Sprintf("%d of 30 places", len(got)) {
		t.Errorf("after 'gaza': %v, count %q", got, v.Count.Text)
	}
	// Quotes are searched too: Britain's excerpts mention Gaza.
	if got := listed(v); !slices.Contains(got, "Britain") {
		t.Errorf("excerpt text not searched: %v", got)
	}
	for _, mk := range v.Map.Markers() {
		if mk.Count == 1 && !slices.Contains(listed(v), mk.Place.Name) {
			t.Errorf("map shows %s, which the search hides", mk.Place.Name)
		}
	}
	// Enter chooses the first match; Down moves on.
	v.Search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if p := v.SelectedPlace(); p == nil || p.ID != "gaza" {
		t.Errorf("Enter chose %v; want gaza (a setting, listed first)", p)
	}
	v.Search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if p := v.SelectedPlace(); p == nil || p.ID == "gaza" {
		t.Errorf("Down stayed on %v", p)
	}
	v.Search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if v.Search.Text != "" || len(listed(v)) != 30 {
		t.Errorf("Escape left %q and %d places", v.Search.Text, len(listed(v)))
	}
}

func TestFiltersHideOnMapAndList(t *testing.T) {
	win, _ := newWindow(t)
	v := win.View
	v.SettingsOnly.SetChecked(true)
	if got := listed(v); len(got) != 6 || v.Count.Text != "6 of 30 places" {
		t.Errorf("settings only: %v, %q", got, v.Count.Text)
	}
	v.SettingsOnly.SetChecked(false)
	// Hide the Kursk report: its places go from the list and the map.
	kursk := v.ReportCheck("kursk-troops")
	if kursk == nil || !kursk.Checked {
		t.Fatal("no checked box for the Kursk report")
	}
	test.Tap(kursk)
	if !v.State.Hidden("kursk-troops") {
		t.Error("unchecking the Kursk report did not hide it")
	}
	got := listed(v)
	for _, gone := range []string{"Kursk", "northeastern Ukraine", "Pyongyang", "Russia"} {
		if slices.Contains(got, gone) {
			t.Errorf("with the Kursk report hidden the list has %s", gone)
		}
	}
	if !slices.Contains(got, "Gaza") {
		t.Error("Gaza hidden with the Kursk report")
	}
	v.Map.FitAll()
	for _, mk := range v.Map.Markers() {
		if mk.Count == 1 && (mk.Place.ID == "kursk" || mk.Place.ID == "pyongyang") {
			t.Errorf("the map still shows %s", mk.Place.ID)
		}
	}
	if v.Map.Select("kursk") {
		t.Error("a hidden place can be selected on the map")
	}
}

func TestStepThroughFollowsTheText(t *testing.T) {
	win, _ := newWindow(t)
	v := win.View
	// The Kursk report names Russia (its first line), northeastern
	// Ukraine, then Kursk, then Pyongyang's troops for North Korea.
	want := []string{"russia", "northeastern-ukraine", "ukraine", "kursk", "north-korea", "pyongyang"}
	if got := v.WalkOrder("kursk-troops"); !slices.Equal(got, want) {
		t.Errorf("walk order %v; want %v", got, want)
	}
	v.WalkReport.SetSelectedIndex(0)
	var seen []string
	for range want {
		v.Step(1)
		seen = append(seen, v.SelectedPlace().ID)
	}
	if !slices.Equal(seen, want) {
		t.Errorf("stepping chose %v", seen)
	}
	v.Step(1) // wraps around
	if v.SelectedPlace().ID != "russia" {
		t.Errorf("after the last, Step chose %s", v.SelectedPlace().ID)
	}
	v.Step(-1)
	if v.SelectedPlace().ID != "pyongyang" {
		t.Errorf("Step(-1) chose %s", v.SelectedPlace().ID)
	}
	if p, _ := v.Map.PixelOf("pyongyang"); v.Map.Selected() == nil || v.Map.Selected().ID != "pyongyang" {
		t.Errorf("the map did not follow the step (at %v)", p)
	}
}

func TestOpenBadFileKeepsPlaces(t *testing.T) {
	win, _ := newWindow(t)
	bad := filepath.Join(t.TempDir(), "broken.geojson")
	if err := os.WriteFile(bad, []byte(`{"type":"FeatureCollection","features":[`), 0o644); err != nil {
		t.Fatal(err)
	}
	win.Open(bad)
	waitLoad(t, win)
	if n := len(win.View.Atlas().Places); n != 30 {
		t.Errorf("after a bad file, %d places; want the 30 kept", n)
	}
	if win.W.Title() != "reportmap — places.geojson" {
		t.Errorf("title %q", win.W.Title())
	}
	top := win.W.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no error dialog")
	}
	if msg := dialogText(top); !strings.Contains(msg, "broken.geojson") || !strings.Contains(msg, "truncated") {
		t.Errorf("dialog says %q", msg)
	}
	// A good file with a bad feature opens, with a notice.
	mixed := filepath.Join(t.TempDir(), "mixed.geojson")
	os.WriteFile(mixed, []byte(`{"type":"FeatureCollection","features":[
	 {"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"name":"Ok"}},
	 {"type":"Feature","geometry":{"type":"Point","coordinates":[1,200]},"properties":{"name":"Bad"}}]}`), 0o644)
	win.Open(mixed)
	waitLoad(t, win)
	if n := len(win.View.Atlas().Places); n != 1 || win.W.Title() != "reportmap — mixed.geojson" {
		t.Errorf("mixed: %d places, title %q", n, win.W.Title())
	}
}

// dialogText gathers the text in an overlay.
func dialogText(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch c := o.(type) {
		case *widget.Label:
			b.WriteString(c.Text + "\n")
		case *fyne.Container:
			for _, o := range c.Objects {
				walk(o)
			}
		case fyne.Widget:
			for _, o := range test.WidgetRenderer(c).Objects() {
				walk(o)
			}
		}
	}
	walk(o)
	return b.String()
}

func TestReportTextHighlightsTheExcerpt(t *testing.T) {
	paras := atlas.ParseText("First line.\nThe boat sets off from a beach near Dunkirk.\nImage: a caption\n")
	box, hit := ui.ReportText(paras, "a beach near Dunkirk.")
	if hit == nil || len(box.(*fyne.Container).Objects) != 3 || hit != box.(*fyne.Container).Objects[1] {
		t.Fatalf("hit %v", hit)
	}
	if bold := hit.(*ui.InlineText).Bold(); len(bold) != 1 || bold[0] != "a beach near Dunkirk." {
		t.Errorf("bold runs %q; want the excerpt", bold)
	}
	if caption := box.(*fyne.Container).Objects[2].(*ui.InlineText); !caption.Italic {
		t.Error("the caption is not in italics")
	}
}
