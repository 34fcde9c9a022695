package ui_test

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"reportmap/atlas"
	"reportmap/ui"
)

// A hostile name is cut for the list and the panel, with an ellipsis; the
// data keeps it whole. A quote with no report is shown as unattributed.
func TestLongNamesCutAndUnattributedQuotes(t *testing.T) {
	ap := test.NewTempApp(t)
	name := strings.Repeat("Dunkirk ", 12_500) // 100 KB
	doc := fmt.Sprintf(`{"type":"FeatureCollection","features":[
	 {"type":"Feature","geometry":{"type":"Point","coordinates":[2.37,51.03]},
	  "properties":{"id":"a","name":%q,"excerpts":[{"text":"Nobody says who wrote this."}]}}]}`, name)
	a, err := atlas.Load("hostile.geojson", []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if a.Places[0].Name != strings.TrimSpace(name) {
		t.Fatal("the loader did not keep the whole name")
	}
	win := ui.NewWindow(ap, a, nil, ui.Options{})
	t.Cleanup(win.Close)
	win.W.Resize(fyne.NewSize(1280, 800))
	v := win.View
	row := listed(v)[0]
	if n := utf8.RuneCountInString(row); n > 80 || !strings.HasSuffix(row, "…") || !strings.HasPrefix(row, "Dunkirk Dunkirk") {
		t.Errorf("list row is %d runes: %.100q…", n, row)
	}
	if !v.Select("a") {
		t.Fatal("could not select the place")
	}
	panel := panelText(v)
	title := panel[:strings.IndexByte(panel, '|')]
	if n := utf8.RuneCountInString(title); n > 80 || !strings.HasSuffix(title, "…") {
		t.Errorf("panel title is %d runes: %.100q", n, title)
	}
	if !strings.Contains(panel, "Unattributed quote") || !strings.Contains(panel, "Nobody says who wrote this.") {
		t.Errorf("the unattributed quote is not shown as such: %.300q", panel)
	}
}
