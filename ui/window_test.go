package ui_test

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"reportmap/atlas"
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
	}
	for _, tt := range tests {
		var b strings.Builder
		for _, s := range ui.Highlight(tt.text, tt.names) {
			ts := s.(*widget.TextSegment)
			if ts.Style.TextStyle.Bold {
				b.WriteString("[" + ts.Text + "]")
			} else {
				b.WriteString(ts.Text)
			}
		}
		if b.String() != tt.want {
			t.Errorf("Highlight(%q, %q) = %q; want %q", tt.text, tt.names, b.String(), tt.want)
		}
	}
}

func TestViewSelect(t *testing.T) {
	test.NewTempApp(t)
	a, err := atlas.Load("t.geojson", []byte(`{"type":"FeatureCollection",
	  "reports":[{"id":"r","title":"The report","source":"Sky News","settings":["here"]}],
	  "features":[
	   {"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"id":"there","name":"There","excerpts":[{"report":"r","text":"Also There."}]}},
	   {"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"id":"here","name":"Here","role":"setting","kind":"city","excerpts":[{"report":"r","text":"It happened Here."}]}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	v := ui.NewView(a)
	w := test.NewTempWindow(t, v.Content)
	w.Resize(w.Canvas().Size().Max(v.Content.MinSize()))
	// With nothing chosen, the panel shows the reports and their settings.
	if got := panelText(v); !strings.Contains(got, "The report") || !strings.Contains(got, "settings: Here") {
		t.Errorf("overview panel: %q", got)
	}
	// Settings come first: item 0 is Here.
	v.List.Select(0)
	got := panelText(v)
	for _, want := range []string{"Here", "city · setting · named in 1 of 1 reports", "It happened Here."} {
		if !strings.Contains(got, want) {
			t.Errorf("panel lacks %q: %q", want, got)
		}
	}
	v.List.UnselectAll()
	if got := panelText(v); !strings.Contains(got, "settings: Here") {
		t.Errorf("after unselect: %q", got)
	}
}

// writeText gathers the text of labels and rich text in o.
func writeText(b *strings.Builder, o fyne.CanvasObject) {
	switch c := o.(type) {
	case *widget.Label:
		b.WriteString(c.Text + "|")
	case *widget.RichText:
		b.WriteString(c.String() + "|")
	case *fyne.Container:
		for _, o := range c.Objects {
			writeText(b, o)
		}
	}
}

// panelText gathers the text shown in the panel.
func panelText(v *ui.View) string {
	var b strings.Builder
	for _, o := range v.Panel.Objects {
		switch o := o.(type) {
		case *widget.Label:
			b.WriteString(o.Text + "\n")
		case *widget.Card:
			b.WriteString(o.Title + "|" + o.Subtitle + "|")
			writeText(&b, o.Content)
			b.WriteString("\n")
		}
	}
	return b.String()
}

func TestMapAndListInStep(t *testing.T) {
	test.NewTempApp(t)
	a, err := atlas.LoadFile("../places.geojson")
	if err != nil {
		t.Fatal(err)
	}
	v := ui.NewView(a)
	w := test.NewTempWindow(t, v.Content)
	w.Resize(fyne.NewSize(1280, 800))
	// Choosing in the list selects on the map.
	v.List.Select(3)
	if p := v.Map.Selected(); p == nil || !strings.Contains(panelText(v), p.Name) {
		t.Fatalf("map selection %v, panel %q", p, panelText(v))
	}
	// Tapping a place on the map selects it in the list and the panel.
	pos, on := v.Map.PixelOf("washington")
	if !on {
		t.Fatal("Washington off the map")
	}
	test.TapAt(v.Map, pos)
	if got := panelText(v); !strings.Contains(got, "Washington") || !strings.Contains(got, "Netanyahu in Washington DC") {
		t.Errorf("after tapping Washington the panel shows %q", got)
	}
	if p := v.Map.Selected(); p == nil || p.ID != "washington" {
		t.Errorf("map selection %v", p)
	}
}
