package ui_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"reportmap/atlas"
	"reportmap/internal/headless"
	"reportmap/ui"
)

// settle lays the window out again, as a real window does each frame,
// so wrapped text has its height for its width.
func settle(win *ui.Window) {
	for range 3 {
		win.W.Content().Refresh()
		c := win.W.Canvas()
		c.Content().Resize(c.Size())
	}
}

// firstQuoteVisible reports whether the panel's first quote is wholly
// inside the panel's scroll, unscrolled.
func firstQuoteVisible(t *testing.T, win *ui.Window) {
	t.Helper()
	v := win.View
	qs := v.Quotes()
	if len(qs) == 0 {
		t.Fatal("no quote in the panel")
	}
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(qs[0].Text).Y + qs[0].Text.Size().Height
	bottom := d.AbsolutePositionForObject(v.PanelScroll).Y + v.PanelScroll.Size().Height
	if v.PanelScroll.Offset.Y != 0 || top > bottom {
		t.Errorf("at %v the first quote ends at y=%v, below the panel's bottom %v (offset %v)", win.W.Canvas().Size(), top, bottom, v.PanelScroll.Offset.Y)
	}
}

// Defect 3: after a click the first quote can be read without scrolling,
// at 1280×800 and at 1024×700.
func TestFirstQuoteReadableAtOnce(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1280, Height: 800}, {Width: 1024, Height: 700}} {
		for _, id := range []string{"kursk", "gaza", "dunkirk-camp", "ethiopia"} {
			t.Run(fmt.Sprintf("%s@%vx%v", id, size.Width, size.Height), func(t *testing.T) {
				win, _ := newWindow(t)
				win.W.Resize(size)
				if !win.View.Select(id) {
					t.Fatalf("cannot choose %s", id)
				}
				settle(win)
				firstQuoteVisible(t, win)
			})
		}
	}
}

// Defect 2: the bold name flows with its sentence; no line of a quote is
// a single letter.
func TestNoOneLetterLines(t *testing.T) {
	win, _ := newWindow(t)
	win.View.Select("kursk")
	settle(win)
	qs := win.View.Quotes()
	for _, q := range qs {
		lines := q.Text.Lines()
		if len(lines) == 0 {
			t.Errorf("quote %.40q laid out no lines", q.Text.String())
		}
		for _, l := range lines {
			if utf8.RuneCountInString(strings.TrimSpace(l)) == 1 {
				t.Errorf("a one-letter line %q in %q", l, lines)
			}
		}
	}
	if !slices.ContainsFunc(qs, func(q ui.PanelQuote) bool { return slices.Contains(q.Text.Bold(), "Kursk") }) {
		t.Error("Kursk is bold in none of its quotes")
	}
}

// The panel groups quotes by report, the report's title once, and puts
// unattributed quotes under their own heading.
func TestQuotesGroupedByReport(t *testing.T) {
	ap := test.NewTempApp(t)
	a, err := atlas.Load("g.geojson", []byte(`{"type":"FeatureCollection",
	 "reports":[{"id":"r1","title":"First report","source":"S","file":"r1.txt"},{"id":"r2","title":"Second report","source":"S"}],
	 "features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[2,51]},
	  "properties":{"id":"a","name":"Alpha","role":"setting","excerpts":[
	   {"report":"r1","text":"Alpha one."},{"report":"r2","text":"Alpha two."},{"text":"Alpha three."},{"report":"r1","text":"Alpha four."}]}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	win := ui.NewWindow(ap, a, nil, ui.Options{})
	t.Cleanup(win.Close)
	v := win.View
	v.ShowReport = func(*atlas.Report, string) {}
	v.Select("a")
	var got []string
	for _, q := range v.Quotes() {
		got = append(got, q.Group+": "+q.Text.String())
	}
	want := []string{"First report: Alpha one.", "First report: Alpha four.", "Second report: Alpha two.", "Unattributed quotes: Alpha three."}
	if !slices.Equal(got, want) {
		t.Errorf("quotes %q; want %q", got, want)
	}
	if text := panelText(v); strings.Count(text, "First report") != 1 || !strings.Contains(text, "named in all 2 reports") {
		t.Errorf("panel %q", text)
	}
	if q := v.Quotes()[0]; q.Show == nil {
		t.Error("no Show in report for a report with a file")
	}
	if q := v.Quotes()[2]; q.Show != nil {
		t.Error("Show in report for a report with no file")
	}
}

// The description comes after the quotes, plain, not italic.
func TestDescriptionAfterQuotes(t *testing.T) {
	win, _ := newWindow(t)
	v := win.View
	v.Select("kursk")
	p := v.SelectedPlace()
	if p.Description == "" {
		t.Skip("Kursk has no description")
	}
	text := panelText(v)
	last := v.Quotes()[len(v.Quotes())-1].Text.String()
	if d := strings.Index(text, atlas.Clip(p.Description, 40)[:20]); d < strings.Index(text, last) {
		t.Errorf("the description comes before the last quote: %q", text)
	}
}

// Defect 4: each newly chosen place starts at the top of its panel, and
// so does the panel after "Show in report".
func TestPanelStartsAtTop(t *testing.T) {
	win, _ := newWindow(t)
	v := win.View
	shown := 0
	v.ShowReport = func(*atlas.Report, string) { shown++ }
	v.Select("kursk")
	settle(win)
	v.PanelScroll.ScrollToBottom()
	if v.PanelScroll.Offset.Y == 0 {
		t.Fatal("Kursk's panel does not scroll")
	}
	v.Select("ethiopia")
	if y := v.PanelScroll.Offset.Y; y != 0 {
		t.Errorf("Ethiopia's panel starts scrolled by %v", y)
	}
	v.Select("kursk")
	settle(win)
	v.PanelScroll.ScrollToBottom()
	q := v.Quotes()[len(v.Quotes())-1]
	test.Tap(q.Show)
	if shown != 1 || v.PanelScroll.Offset.Y != 0 {
		t.Errorf("after Show in report (%d shown) the panel is scrolled by %v", shown, v.PanelScroll.Offset.Y)
	}
}

// A wheel notch (25 units from Fyne's driver) moves the panel about
// three lines.
func TestPanelScrollsAtReadingSpeed(t *testing.T) {
	win, _ := newWindow(t)
	v := win.View
	v.Select("kursk")
	settle(win)
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(v.PanelScroll).AddXY(20, 20)
	test.Scroll(win.W.Canvas(), at, 0, -25)
	if y := v.PanelScroll.Offset.Y; y < 60 {
		t.Errorf("a wheel notch scrolled %v", y)
	}
}

// Defect 11: no match says so, and the map shows no place.
func TestSearchWithoutMatch(t *testing.T) {
	win, _ := newWindow(t)
	v := win.View
	test.Type(v.Search, "xyzzy")
	if v.List.Length() != 0 || !v.NoMatch.Visible() || v.NoMatch.Text != "No place or quote matches “xyzzy”" {
		t.Errorf("list %d rows, message %v %q", v.List.Length(), v.NoMatch.Visible(), v.NoMatch.Text)
	}
	if n := len(v.Map.Markers()); n != 0 {
		t.Errorf("the map shows %d markers for no match", n)
	}
	v.Escape()
	if v.NoMatch.Visible() || v.List.Length() != 30 {
		t.Errorf("after Escape: message %v, %d rows", v.NoMatch.Visible(), v.List.Length())
	}
}

// Defect 11: matched words are bold in the list; a place found by a quote
// shows a snippet of it with the match bold.
func TestSearchHighlightsAndSnippets(t *testing.T) {
	win, _ := newWindow(t)
	v := win.View
	test.Type(v.Search, "gaza")
	rows := v.State.Rows()
	var sawName, sawSnippet bool
	for k, i := range rows {
		r := row(v, k)
		p := &v.Atlas().Places[i]
		if strings.Contains(strings.ToLower(p.Name), "gaza") {
			sawName = true
			if b := r.Name.Bold(); len(b) != 1 || !strings.EqualFold(b[0], "gaza") || r.Snippet.Visible() {
				t.Errorf("%s: bold %q, snippet %v", p.ID, b, r.Snippet.Visible())
			}
			continue
		}
		sawSnippet = true
		if b := r.Snippet.Bold(); !r.Snippet.Visible() || len(b) != 1 || !strings.EqualFold(b[0], "gaza") {
			t.Errorf("%s: snippet %q (visible %v), bold %q", p.ID, r.Snippet.String(), r.Snippet.Visible(), b)
		}
	}
	if !sawName || !sawSnippet {
		t.Errorf("no name match (%v) or no quote match (%v)", sawName, sawSnippet)
	}
}

// Defect 11: with a place chosen, a search shows the list's top match,
// not the chosen place.
func TestSearchScrollsToTopMatch(t *testing.T) {
	win, _ := newWindow(t)
	v := win.View
	v.Select("africa") // far down the list
	settle(win)
	if v.List.GetScrollOffset() == 0 {
		t.Fatal("choosing Africa did not scroll the list to it")
	}
	test.Type(v.Search, "a")
	if p := v.SelectedPlace(); p == nil || p.ID != "africa" {
		t.Fatalf("the search lost the selection: %v", p)
	}
	if y := v.List.GetScrollOffset(); y != 0 {
		t.Errorf("the list is scrolled by %v, not to the top match", y)
	}
}

// Defect 11: the map fits a search's results.
func TestSearchFitsTheMap(t *testing.T) {
	win, _ := newWindow(t)
	v := win.View
	settle(win)
	before := v.Map.Zoom()
	test.Type(v.Search, "dunkirk")
	deadline := time.Now().Add(3 * time.Second)
	for v.Map.Zoom() <= before && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if v.Map.Zoom() <= before {
		t.Errorf("zoom %.1f after searching dunkirk; was %.1f", v.Map.Zoom(), before)
	}
	for _, i := range v.State.Rows() {
		id := v.Atlas().Places[i].ID
		if _, on := v.Map.PixelOf(id); !on {
			t.Errorf("%s is off the map", id)
		}
	}
}

// Item 4: stepping through a report says where in it the place is.
func TestStepShowsPosition(t *testing.T) {
	win, _ := newWindow(t)
	v := win.View
	v.WalkReport.SetSelectedIndex(0)
	v.Step(1)
	v.Step(1)
	v.Step(1)
	if v.StepCount.Text != "3 of 6" {
		t.Errorf("after three steps the count is %q", v.StepCount.Text)
	}
	v.Select("gaza") // not in the Kursk report
	if v.StepCount.Text != "" {
		t.Errorf("with Gaza chosen the count is %q", v.StepCount.Text)
	}
}

// Item 14: one report is "the one report", one place "1 place".
func TestSingularTexts(t *testing.T) {
	ap := test.NewTempApp(t)
	a, err := atlas.Load("one.geojson", []byte(`{"type":"FeatureCollection",
	 "reports":[{"id":"r","title":"The report","source":"S"}],
	 "features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[2,51]},
	  "properties":{"id":"a","name":"Alpha","role":"setting","excerpts":[{"report":"r","text":"Alpha."}]}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	win := ui.NewWindow(ap, a, nil, ui.Options{})
	t.Cleanup(win.Close)
	v := win.View
	if v.Count.Text != "1 of 1 place" {
		t.Errorf("count %q", v.Count.Text)
	}
	v.Select("a")
	if text := panelText(v); !strings.Contains(text, "named in the one report") || strings.Contains(text, "1 reports") {
		t.Errorf("panel %q", text)
	}
}

// Golden images of the window at 1280×800 with a place chosen, light and
// dark. On a mismatch the actual image is written to testdata/failed/;
// copy it over the golden one to accept it.
func TestGoldenPanel(t *testing.T) {
	for _, id := range []string{"kursk", "gaza", "dunkirk-camp"} {
		for _, dark := range []bool{false, true} {
			name := fmt.Sprintf("panel-%s-light.png", id)
			variant := theme.VariantLight
			if dark {
				name, variant = fmt.Sprintf("panel-%s-dark.png", id), theme.VariantDark
			}
			t.Run(name, func(t *testing.T) {
				win, _ := newWindow(t)
				fyne.CurrentApp().Settings().SetTheme(headless.Theme(variant))
				win.View.ShowReport = func(*atlas.Report, string) {}
				win.View.Select(id)
				settle(win)
				firstQuoteVisible(t, win)
				test.AssertImageMatches(t, name, win.W.Canvas().Capture())
			})
		}
	}
}
