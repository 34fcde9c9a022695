package ui

import (
	"cmp"
	"fmt"
	"image/color"
	"io/fs"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/paulmach/orb"

	"reportmap/atlas"
	"reportmap/mapview"
)

// View is the window's content: the map, and beside it the search box,
// the report filters (the legend), the place list and the excerpt panel.
// They stay in step: choosing a place anywhere chooses it everywhere, and
// the filters apply to the map and the list together.
//
// Like all Fyne content it is used from the main goroutine.
type View struct {
	Content      fyne.CanvasObject
	Map          *mapview.Map
	Search       *SearchEntry
	List         *widget.List
	Panel        *fyne.Container
	Count        *widget.Label
	SettingsOnly *widget.Check
	Legend       *fyne.Container
	WalkReport   *widget.Select
	Split        *container.Split // map | side
	SideSplit    *container.Split // list / panel

	// Trace, when set, is told of each user-visible event, as
	// "select kursk", "search gaza" or "zoom 5.2".
	Trace func(event string)
	// ShowReport, when set, opens a report's full text with an excerpt
	// highlighted; the window sets it.
	ShowReport func(r *atlas.Report, excerpt string)

	atlas    *atlas.Atlas
	texts    fs.FS
	index    *atlas.SearchIndex
	filter   atlas.Filter
	rows     []int // places in the list (indexes into atlas.Places), settings first
	selected int   // index into atlas.Places, or -1
	walks    map[string][]int
	walk     string // the report being stepped through
	syncing  bool   // a selection is being passed on
	checks   map[string]*widget.Check
	basemap  BasemapChoice
}

// NewView builds the view of a; texts is the folder the reports' files are
// read from (for stepping through reports and showing them).
func NewView(a *atlas.Atlas, texts fs.FS) *View {
	v := &View{selected: -1, filter: atlas.Filter{Hidden: map[string]bool{}}}
	v.Map = mapview.NewMap()
	v.Search = NewSearchEntry()
	v.Search.SetPlaceHolder("Search places and quotes (Ctrl+F)")
	v.Count = widget.NewLabel("")
	v.SettingsOnly = widget.NewCheck("Settings only", func(on bool) {
		v.filter.SettingsOnly = on
		v.trace("filter settings-only %v", on)
		v.applyFilter()
	})
	v.Legend = container.NewVBox()
	v.WalkReport = widget.NewSelect(nil, func(string) { v.walk = v.walkID() })
	v.WalkReport.PlaceHolder = "Step through a report…"
	prev := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { v.Step(-1) })
	next := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { v.Step(1) })
	v.List = widget.NewList(
		func() int { return len(v.rows) },
		func() fyne.CanvasObject {
			dot := canvas.NewCircle(color.Black)
			dot.Resize(fyne.NewSize(12, 12))
			return container.NewBorder(nil, nil, container.NewCenter(container.NewGridWrap(fyne.NewSize(12, 12), dot)), nil, widget.NewLabel("place name (setting)"))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= len(v.rows) {
				return
			}
			p := &v.atlas.Places[v.rows[id]]
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Label).SetText(placeLine(p))
			dot := row.Objects[1].(*fyne.Container).Objects[0].(*fyne.Container).Objects[0].(*canvas.Circle)
			dot.FillColor = v.Map.PlaceColor(v.rows[id])
			dot.Refresh()
		})
	v.Panel = container.NewVBox()

	v.Search.OnChanged = func(q string) {
		v.filter.Query = q
		v.trace("search %s", q)
		v.applyFilter()
	}
	v.Search.OnSubmitted = func(string) { v.submitSearch() }
	v.Search.OnUpDown = func(d int) { v.moveInList(d) }
	v.Search.OnEscape = func() { v.Escape() }
	v.List.OnSelected = func(id widget.ListItemID) {
		if id < len(v.rows) {
			v.choose(v.rows[id], "list")
		}
	}
	v.Map.OnSelected = func(p *atlas.Place) {
		if p == nil {
			v.choose(-1, "map")
			return
		}
		v.choose(v.placeIndex(p.ID), "map")
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

	walkBar := container.NewBorder(nil, nil, nil, container.NewHBox(prev, next), v.WalkReport)
	filters := container.NewVBox(v.Search, v.Legend, container.NewBorder(nil, nil, v.SettingsOnly, v.Count), walkBar)
	v.SideSplit = container.NewVSplit(v.List, container.NewVScroll(container.NewPadded(v.Panel)))
	v.SideSplit.Offset = 0.4
	side := container.NewBorder(filters, nil, nil, nil, v.SideSplit)
	v.Split = container.NewHSplit(v.Map, side)
	v.Split.Offset = 0.66
	v.Content = v.Split
	v.SetAtlas(a, texts)
	return v
}

// placeLine is a place's line in the list.
func placeLine(p *atlas.Place) string {
	if p.Role == atlas.RoleSetting {
		return shortName(p.Name) + " — setting"
	}
	return shortName(p.Name)
}

func (v *View) trace(format string, args ...any) {
	if v.Trace != nil {
		v.Trace(fmt.Sprintf(format, args...))
	}
}

// SetAtlas shows another file's places (Open, Reload), keeping the search,
// the settings-only filter and, if the place is still there, the
// selection.
func (v *View) SetAtlas(a *atlas.Atlas, texts fs.FS) {
	keep := ""
	if p := v.SelectedPlace(); p != nil {
		keep = p.ID
	}
	v.atlas, v.texts = a, texts
	v.index = atlas.NewSearchIndex(a.Places)
	v.selected = -1
	v.Map.SetPlaces(a.Places, a.Reports)
	v.walks = walkOrders(a, texts)
	v.buildLegend()
	v.applyFilter()
	if keep != "" {
		if i := v.placeIndex(keep); i >= 0 {
			v.choose(i, "reload")
		}
	}
	v.showPanel()
}

// Atlas returns the places shown.
func (v *View) Atlas() *atlas.Atlas { return v.atlas }

// buildLegend makes one checkbox per report in its colour.
func (v *View) buildLegend() {
	v.Legend.RemoveAll()
	v.checks = map[string]*widget.Check{}
	var titles []string
	for i := range v.atlas.Reports {
		r := &v.atlas.Reports[i]
		id := r.ID
		check := widget.NewCheck("", func(on bool) {
			if on {
				delete(v.filter.Hidden, id)
			} else {
				v.filter.Hidden[id] = true
			}
			v.trace("filter report %s %v", id, on)
			v.applyFilter()
		})
		check.Checked = !v.filter.Hidden[id] // no OnChanged while building
		v.checks[id] = check
		swatch := canvas.NewRectangle(mapview.ReportColor(i))
		swatch.CornerRadius = 3
		// The title wraps, so long titles do not widen the side panel.
		title := wrapped(shortName(r.Title), fyne.TextStyle{})
		left := container.NewHBox(check, container.NewCenter(container.NewGridWrap(fyne.NewSize(14, 14), swatch)))
		v.Legend.Add(container.NewBorder(nil, nil, left, nil, title))
		titles = append(titles, shortName(r.Title))
	}
	v.WalkReport.Options = titles
	v.WalkReport.ClearSelected()
	v.walk = ""
}

// applyFilter recomputes which places show, on the map and in the list.
func (v *View) applyFilter() {
	if v.atlas == nil {
		return
	}
	shown := v.filter.Apply(v.atlas.Places, v.index, nil)
	v.Map.SetShown(shown)
	v.rows = slices.Clone(shown)
	places := v.atlas.Places
	// Places whose name matches the search come before those matched only
	// in a quote, then settings before the rest: typing "Gaza" and Enter
	// chooses Gaza, not a camp whose quotes mention it.
	q := strings.ToLower(strings.TrimSpace(v.filter.Query))
	rank := func(i int) int {
		r := roleRank(places[i].Role)
		if q != "" && !nameMatches(&places[i], q) {
			r += 2
		}
		return r
	}
	slices.SortStableFunc(v.rows, func(x, y int) int { return cmp.Compare(rank(x), rank(y)) })
	v.Count.SetText(fmt.Sprintf("%d of %d places", len(shown), len(places)))
	v.List.UnselectAll()
	v.List.Refresh()
	if v.selected >= 0 {
		if row := slices.Index(v.rows, v.selected); row >= 0 {
			v.syncing = true
			v.List.Select(row)
			v.syncing = false
		} else {
			v.choose(-1, "filter")
		}
	}
}

// showGroup lists places that share one spot (tapped together on the
// map) in the panel, each a button that chooses it.
func (v *View) showGroup(ps []*atlas.Place) {
	v.choose(-1, "group")
	v.Panel.RemoveAll()
	v.Panel.Add(widget.NewLabelWithStyle(fmt.Sprintf("%d places at this spot", len(ps)), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, p := range ps {
		id := p.ID
		v.Panel.Add(widget.NewButton(placeLine(p), func() { v.Select(id) }))
	}
}

// nameMatches reports whether q (lower case) is in p's name or aliases.
func nameMatches(p *atlas.Place, q string) bool {
	for _, n := range p.Names() {
		if strings.Contains(strings.ToLower(n), q) {
			return true
		}
	}
	return false
}

func roleRank(r atlas.Role) int {
	if r == atlas.RoleSetting {
		return 0
	}
	return 1
}

// placeIndex finds a place's index by id, or -1.
func (v *View) placeIndex(id string) int {
	return v.atlas.Index(id)
}

// SelectedPlace returns the chosen place, or nil.
func (v *View) SelectedPlace() *atlas.Place {
	if v.atlas == nil || v.selected < 0 {
		return nil
	}
	return &v.atlas.Places[v.selected]
}

// Select chooses the place with the given id everywhere, as a click in
// the list would; "" clears. It reports whether the place is shown.
func (v *View) Select(id string) bool {
	if id == "" {
		v.choose(-1, "api")
		return true
	}
	i := v.placeIndex(id)
	if i < 0 || !slices.Contains(v.rows, i) {
		return false
	}
	v.choose(i, "api")
	return true
}

// choose makes place i the selection in the map, the list and the panel.
func (v *View) choose(i int, from string) {
	if v.syncing || (i == v.selected && from != "reload") {
		return
	}
	v.syncing = true
	defer func() { v.syncing = false }()
	v.selected = i
	if i < 0 {
		v.Map.Select("")
		v.List.UnselectAll()
		v.trace("select none")
	} else {
		p := &v.atlas.Places[i]
		if from != "map" {
			v.Map.Select(p.ID)
		}
		if row := slices.Index(v.rows, i); row >= 0 && from != "list" {
			v.List.Select(row)
			v.List.ScrollTo(row)
		}
		v.trace("select %s", p.ID)
	}
	v.showPanel()
}

// Escape clears the search, then the selection.
func (v *View) Escape() {
	if v.Search.Text != "" {
		v.Search.SetText("")
		return
	}
	v.choose(-1, "escape")
}

// submitSearch chooses the highlighted or first place in the list.
func (v *View) submitSearch() {
	if len(v.rows) == 0 {
		return
	}
	if v.selected >= 0 && slices.Contains(v.rows, v.selected) {
		v.choose(v.selected, "reload") // re-centre on it
		return
	}
	v.choose(v.rows[0], "search")
}

// moveInList moves the selection up or down the list.
func (v *View) moveInList(d int) {
	if len(v.rows) == 0 {
		return
	}
	row := slices.Index(v.rows, v.selected)
	switch {
	case row < 0 && d > 0:
		row = 0
	case row < 0:
		row = len(v.rows) - 1
	default:
		row = max(0, min(len(v.rows)-1, row+d))
	}
	v.choose(v.rows[row], "keys")
}
