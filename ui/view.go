package ui

import (
	"fmt"
	"image/color"
	"io/fs"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"reportmap/atlas"
	"reportmap/gazetteer"
	"reportmap/mapview"
)

// View is the window's content: the map, and beside it the search box,
// the report filters (the legend), the place list and the excerpt panel.
// State owns the selection, the search and the filters; the map, the list
// and the panel observe it, so choosing a place anywhere chooses it
// everywhere, and the filters apply to the map and the list together.
//
// Like all Fyne content it is used from the main goroutine.
type View struct {
	Content      fyne.CanvasObject
	State        *State
	Map          *mapview.Map
	Search       *SearchEntry
	List         *widget.List
	NoMatch      *widget.Label // over the list when it is empty
	Panel        *fyne.Container
	PanelScroll  *PanelScroll // scrolls Panel
	Count        *widget.Label
	SettingsOnly *widget.Check
	Legend       *fyne.Container
	WalkReport   *widget.Select
	StepCount    *widget.Label    // "3 of 6" while stepping through a report
	Progress     *fyne.Container  // imports under way, above the search (the map keeps its size)
	Split        *container.Split // map | side
	SideSplit    *container.Split // list / panel

	// Trace, when set, is told of each user-visible event, as
	// "select kursk", "search gaza" or "zoom 5.2".
	Trace func(event string)
	// ShowReport, when set, opens a report's full text with an excerpt
	// highlighted; the window sets it.
	ShowReport func(r *atlas.Report, excerpt string)
	// OnCorrect, when set, applies a reader's correction of a found place
	// (the panel's alternatives, Not a place, the role; a marker moved on
	// the map); the window sets it. Without it the panel offers none.
	OnCorrect func(Correction)
	// OnSearchGazetteer, when set, lets the reader find another entry for
	// the place with the given id.
	OnSearchGazetteer func(id string)
	// Gazetteer, when set, names the entries of found places in the
	// panel ("Kursk Oblast, Russia — region").
	Gazetteer *gazetteer.Gazetteer

	texts    fs.FS
	walks    map[string][]int
	sized    []int  // the list rows given a height of their own
	shownBuf []int  // the rows as the map takes them, reused
	walk     string // the report being stepped through
	checks   map[string]*widget.Check
	quotes   []PanelQuote
	review   ReviewControls
	basemap  BasemapChoice
	// The search typed and not yet applied (see typed).
	typedQuery  string
	typedQueued bool                        // a search waits for the next frame
	typedNew    bool                        // typedQuery is newer than the search applied
	searchCost  time.Duration               // how long the last search took
	searchedAt  time.Time                   // when it ended, by now
	now         func() time.Time            // the clock typing is timed by: time.Now but in tests
	slowSearch  time.Duration               // a search this slow makes typing coalesce
	coalesceAt  int                         // with this many places or more
	after       func(time.Duration, func()) // runs f on Fyne's goroutine after d
	// picked: since the query last changed, the user moved through the
	// results with ↓/↑, so Enter takes that place rather than the top one.
	picked bool
}

// NewView builds the view of a; texts is the folder the reports' files are
// read from (for stepping through reports and showing them).
func NewView(a *atlas.Atlas, texts fs.FS) *View {
	v := &View{State: NewState()}
	v.Map = mapview.NewMap()
	v.Search = NewSearchEntry()
	v.Search.SetPlaceHolder("Search places and quotes (Ctrl+F)")
	v.Count = widget.NewLabel("")
	v.SettingsOnly = widget.NewCheck("Settings only", func(on bool) {
		v.trace("filter settings-only %v", on)
		v.State.SetSettingsOnly(on)
	})
	v.Legend = container.NewGridWithColumns(2)
	v.WalkReport = widget.NewSelect(nil, func(string) {
		v.walk = v.walkID()
		v.showStepCount()
	})
	v.WalkReport.PlaceHolder = "Step through a report…"
	v.StepCount = widget.NewLabel("")
	prev := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { v.Step(-1) })
	next := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { v.Step(1) })
	v.List = widget.NewList(
		func() int { return len(v.State.Rows()) },
		func() fyne.CanvasObject { return NewPlaceRow() },
		func(id widget.ListItemID, o fyne.CanvasObject) { v.updateRow(id, o.(*PlaceRow)) })
	v.NoMatch = widget.NewLabel("")
	v.NoMatch.Wrapping = fyne.TextWrapWord
	v.NoMatch.Alignment = fyne.TextAlignCenter
	v.NoMatch.Hide()
	v.Panel = container.NewVBox()
	v.PanelScroll = NewPanelScroll(container.NewPadded(v.Panel))

	v.slowSearch, v.coalesceAt = slowSearch, coalesceAt
	v.after = func(d time.Duration, f func()) { time.AfterFunc(d, func() { fyne.Do(f) }) }
	v.now = time.Now
	v.Search.OnChanged = v.typed
	v.Search.OnSubmitted = func(string) {
		v.applySearch()
		v.submitSearch()
	}
	v.Search.OnUpDown = func(d int) {
		v.applySearch()
		v.moveInList(d)
	}
	v.Search.OnEscape = func() { v.Escape() }
	v.List.OnSelected = func(id widget.ListItemID) {
		if rows := v.State.Rows(); id < len(rows) {
			v.State.Select(rows[id])
		}
	}
	v.Map.OnSelected = func(p *atlas.Place) {
		if p == nil {
			v.State.Select(NoPlace)
			return
		}
		v.State.Select(PlaceIndex(v.State.Atlas().Index(p.ID)))
	}
	v.Map.OnGroup = func(ps []*atlas.Place) {
		names := make([]string, len(ps))
		for i, p := range ps {
			names[i] = shortName(p.Name)
		}
		v.showGroup(ps)
		v.trace("group %s", strings.Join(names, ", "))
	}
	v.Map.OnViewChanged = func(_ orb.Point, zoom float64) { v.trace("zoom %.1f", zoom) }
	v.Map.OnMoved = func(p *atlas.Place, to orb.Point) {
		if v.OnCorrect == nil {
			return
		}
		v.trace("move %s %.5f %.5f", p.ID, to[0], to[1])
		v.OnCorrect(Correction{Kind: CorrectMove, Place: PlaceIndex(v.State.Atlas().Index(p.ID)), Point: to})
	}
	v.State.AddListener(v.changed)

	walkBar := container.NewBorder(nil, nil, nil, container.NewHBox(v.StepCount, prev, next), v.WalkReport)
	v.Progress = container.NewVBox()
	v.Progress.Hide() // shown while imports run; hidden it takes no room
	filters := container.NewVBox(v.Progress, v.Search, v.Legend, container.NewBorder(nil, nil, v.SettingsOnly, v.Count), walkBar)
	v.SideSplit = container.NewVSplit(container.NewStack(v.List, container.NewPadded(v.NoMatch)), v.PanelScroll)
	v.SideSplit.Offset = 0.3
	side := container.NewBorder(filters, nil, nil, nil, v.SideSplit)
	v.Split = container.NewHSplit(v.Map, side)
	v.Split.Offset = 0.66
	v.Content = v.Split
	v.SetAtlas(a, texts)
	return v
}

// placeLine is a place's line in the list.
func placeLine(p *atlas.Place) string {
	s := shortName(p.Name)
	if p.Role == atlas.RoleSetting {
		s += " — setting"
	}
	if p.NeedsCheck() {
		s += " · check"
	}
	return s
}

func (v *View) trace(format string, args ...any) {
	if v.Trace != nil {
		v.Trace(fmt.Sprintf(format, args...))
	}
}

// SetAtlas shows another file's places (Open, Reload), keeping the search,
// the filters and, if the place is still there, the selection.
// It indexes a on the calling goroutine (see IndexAtlas): a file of
// many places is better indexed on a worker and shown with SetIndexed.
func (v *View) SetAtlas(a *atlas.Atlas, texts fs.FS) {
	v.SetIndexed(IndexAtlas(a), texts)
}

// SetIndexed is SetAtlas for an atlas already indexed.
func (v *View) SetIndexed(ix *Indexed, texts fs.FS) { v.show(ix, texts, false) }

// Update shows the places after an edit: like SetAtlas, but the map's
// view stays where the reader has it.
func (v *View) Update(a *atlas.Atlas, texts fs.FS) { v.show(IndexAtlas(a), texts, true) }

// show shows ix, keeping the map's view or not.
func (v *View) show(ix *Indexed, texts fs.FS, keepView bool) {
	center, zoom := v.Map.Center(), v.Map.Zoom()
	v.texts = texts
	v.Map.SetPrepared(ix.mapped)
	if keepView {
		v.Map.SetView(center, zoom)
	}
	v.walks = map[string][]int{} // worked out as reports are stepped through
	v.State.setIndexed(ix)
}

// Atlas returns the places shown.
func (v *View) Atlas() *atlas.Atlas { return v.State.Atlas() }

// changed renders a change of the state in the map, the list and the
// panel.
func (v *View) changed(c Change) {
	if c&ChangeAtlas != 0 {
		v.buildLegend()
	}
	if c&ChangeFilter != 0 {
		v.showRows(c&ChangeAtlas == 0)
	}
	if c&ChangeSelection != 0 {
		v.showSelection(c&ChangeFilter == 0)
	}
	if c&(ChangeSelection|ChangeAtlas) != 0 {
		v.showPanel()
		v.PanelScroll.ScrollToTop()
		v.showStepCount()
	}
}

// showRows shows the places the filter keeps on the map and in the list;
// fit, for a search, fits the map to them.
func (v *View) showRows(fit bool) {
	rows := v.State.Rows()
	places := v.State.Atlas().Places
	v.shownBuf = slices.Grow(v.shownBuf[:0], len(rows))[:len(rows)] // never nil: nil would show them all
	for k, i := range rows {
		v.shownBuf[k] = int(i)
	}
	v.Map.SetShown(v.shownBuf)
	q := strings.TrimSpace(v.State.Query())
	if fit && q != "" && len(rows) > 0 {
		v.Map.FitIndexes(v.shownBuf)
	}
	v.Count.SetText(thousands(int64(len(rows))) + " of " + plural(len(places), "place"))
	switch {
	case len(rows) > 0:
		v.NoMatch.Hide()
	case q != "":
		v.NoMatch.SetText("No place or quote matches “" + shortName(q) + "”")
		v.NoMatch.Show()
	default:
		v.NoMatch.SetText("No place is shown: every report is hidden, or none has a setting")
		v.NoMatch.Show()
	}
	v.sizeRows()
	v.List.UnselectAll()
	v.List.Refresh()
	if row := slices.Index(rows, v.State.Selected()); row >= 0 {
		v.List.Select(row) // the state already has it: no change
	}
	if q != "" {
		v.List.ScrollToTop() // the best match, not the selection
	}
}

// showSelection shows the chosen place on the map and in the list; scroll
// brings its row into view.
func (v *View) showSelection(scroll bool) {
	p := v.State.SelectedPlace()
	if p == nil {
		v.Map.Select("")
		v.List.UnselectAll()
		v.trace("select none")
		return
	}
	v.Map.Select(p.ID)
	if row := slices.Index(v.State.Rows(), v.State.Selected()); row >= 0 {
		v.List.Select(row)
		if scroll {
			v.List.ScrollTo(row)
		}
	}
	v.trace("select %s", p.ID)
}

// plural is "1 place" or "2 places".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return thousands(int64(n)) + " " + noun + "s"
}

// buildLegend makes one checkbox per report in its colour, two a row,
// each title on one line (the panel shows it whole).
func (v *View) buildLegend() {
	a := v.State.Atlas()
	v.Legend.RemoveAll()
	v.checks = map[string]*widget.Check{}
	var titles []string
	for i := range a.Reports {
		r := &a.Reports[i]
		id := r.ID
		check := widget.NewCheck("", func(on bool) {
			v.trace("filter report %s %v", id, on)
			v.State.SetHidden(id, !on)
		})
		check.Checked = !v.State.Hidden(id) // no OnChanged while building
		v.checks[id] = check
		title := widget.NewLabel(shortName(r.Title))
		title.Truncation = fyne.TextTruncateEllipsis
		left := container.NewHBox(check, swatch(mapview.ReportColor(i)))
		v.Legend.Add(container.NewBorder(nil, nil, left, nil, title))
		titles = append(titles, shortName(r.Title))
	}
	v.WalkReport.Options = titles
	v.WalkReport.ClearSelected()
	v.walk = ""
}

// ReportCheck returns the legend's checkbox for a report, or nil.
func (v *View) ReportCheck(report string) *widget.Check { return v.checks[report] }

// swatch is a small square of a report's colour.
func swatch(c color.Color) fyne.CanvasObject {
	r := canvas.NewRectangle(c)
	r.CornerRadius = 3
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(14, 14), r))
}

// showGroup lists places that share one spot (tapped together on the
// map) in the panel, each a button that chooses it.
func (v *View) showGroup(ps []*atlas.Place) {
	v.State.Select(NoPlace)
	v.Panel.RemoveAll()
	v.quotes = nil
	v.Panel.Add(widget.NewLabelWithStyle(fmt.Sprintf("%d places at this spot", len(ps)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, p := range ps {
		id := p.ID
		v.Panel.Add(widget.NewButton(placeLine(p), func() { v.Select(id) }))
	}
	v.PanelScroll.ScrollToTop()
}

// SelectedPlace returns the chosen place, or nil.
func (v *View) SelectedPlace() *atlas.Place { return v.State.SelectedPlace() }

// Select chooses the place with the given id everywhere, as a click in
// the list would; "" clears. It reports whether the place is shown.
func (v *View) Select(id string) bool {
	if id == "" {
		return v.State.Select(NoPlace)
	}
	i := v.State.Atlas().Index(id)
	return i >= 0 && v.State.Select(PlaceIndex(i))
}

// Escape clears the search, then the selection.
func (v *View) Escape() {
	if v.Search.Text != "" {
		v.Search.SetText("")
		v.applySearch()
		return
	}
	v.State.Select(NoPlace)
}

// submitSearch chooses the highlighted or first place in the list.
func (v *View) submitSearch() {
	rows := v.State.Rows()
	if len(rows) == 0 {
		return
	}
	if row := slices.Index(rows, v.State.Selected()); v.picked && row >= 0 {
		v.Map.Select(v.State.SelectedPlace().ID) // re-centre on the place picked with ↓/↑
		v.List.ScrollTo(row)
		return
	}
	v.State.Select(rows[0])
}

// moveInList moves the selection up or down the list.
func (v *View) moveInList(d int) {
	rows := v.State.Rows()
	if len(rows) == 0 {
		return
	}
	row := slices.Index(rows, v.State.Selected())
	switch {
	case row < 0 && d > 0:
		row = 0
	case row < 0:
		row = len(rows) - 1
	default:
		row = max(0, min(len(rows)-1, row+d))
	}
	v.picked = true
	v.State.Select(rows[row])
	v.List.ScrollTo(row)
}
