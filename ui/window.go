// Package ui assembles the reportmap window: the map of the places, their
// list and, for the one selected, what the reports say about it.
package ui

import (
	"cmp"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"reportmap/atlas"
	"reportmap/mapview"
)

// AppID is the app's Fyne application id, under which preferences live.
const AppID = "io.github.reportmap"

// Run opens the window for a and blocks until it is closed. texts is the
// folder the reports' files are read from.
func Run(a *atlas.Atlas, texts fs.FS, version string) {
	ap := app.NewWithID(AppID)
	w := ap.NewWindow("reportmap — " + a.File)
	w.SetContent(NewView(a).Content)
	w.Resize(fyne.NewSize(1280, 800))
	w.ShowAndRun()
}

// View is the window's content: the map, the place list and the excerpt
// panel, kept in step: choosing a place in one chooses it in the others.
type View struct {
	Content fyne.CanvasObject
	Map     *mapview.Map
	List    *widget.List
	Panel   *fyne.Container

	atlas  *atlas.Atlas
	order  []int // indexes into atlas.Places, settings first
	chosen int   // index into order, or -1
}

// NewView builds the view for a.
func NewView(a *atlas.Atlas) *View {
	v := &View{atlas: a, chosen: -1}
	v.order = make([]int, len(a.Places))
	for i := range v.order {
		v.order[i] = i
	}
	slices.SortStableFunc(v.order, func(x, y int) int {
		return cmp.Compare(roleRank(a.Places[x].Role), roleRank(a.Places[y].Role))
	})
	v.List = widget.NewList(
		func() int { return len(v.order) },
		func() fyne.CanvasObject { return widget.NewLabel("place name (setting)") },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			p := &a.Places[v.order[id]]
			o.(*widget.Label).SetText(fmt.Sprintf("%s (%s)", p.Name, p.Role))
		})
	v.Panel = container.NewVBox()
	v.Map = mapview.NewMap()
	v.Map.SetPlaces(a.Places, a.Reports)
	v.List.OnSelected = func(id widget.ListItemID) {
		v.show(id)
		v.Map.Select(a.Places[v.order[id]].ID)
	}
	v.List.OnUnselected = func(widget.ListItemID) {
		v.show(-1)
		v.Map.Select("")
	}
	v.Map.OnSelected = func(p *atlas.Place) {
		if p == nil {
			v.List.UnselectAll()
			return
		}
		for i, j := range v.order {
			if a.Places[j].ID == p.ID {
				v.List.Select(i)
				v.List.ScrollTo(i)
				return
			}
		}
	}
	v.show(-1)
	side := container.NewVSplit(v.List, container.NewVScroll(container.NewPadded(v.Panel)))
	side.Offset = 0.35
	split := container.NewHSplit(v.Map, side)
	split.Offset = 0.68
	v.Content = split
	return v
}

func roleRank(r atlas.Role) int {
	if r == atlas.RoleSetting {
		return 0
	}
	return 1
}

// show fills the panel for the place at order[i], or the reports overview
// when i is -1.
func (v *View) show(i int) {
	v.chosen = i
	v.Panel.RemoveAll()
	a := v.atlas
	if i < 0 {
		v.Panel.Add(widget.NewLabelWithStyle("Reports", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, r := range a.Reports {
			var names []string
			for _, id := range r.Settings {
				if p := a.Place(id); p != nil {
					names = append(names, p.Name)
				}
			}
			// Wrapping labels rather than a card's title, whose one long
			// line would make the panel too wide for the map.
			title := widget.NewLabelWithStyle(r.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			title.Wrapping = fyne.TextWrapWord
			body := widget.NewLabel(r.Source + " · settings: " + strings.Join(names, ", "))
			body.Wrapping = fyne.TextWrapWord
			v.Panel.Add(widget.NewCard("", "", container.NewVBox(title, body)))
		}
		hint := widget.NewLabel("Choose a place on the map or in the list to read what the reports say about it.")
		hint.Wrapping = fyne.TextWrapWord
		v.Panel.Add(hint)
		return
	}
	p := &a.Places[v.order[i]]
	v.Panel.Add(widget.NewLabelWithStyle(p.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	v.Panel.Add(widget.NewLabel(fmt.Sprintf("%s · %s · named in %d of %d reports", kindName(p.Kind), p.Role, len(p.Reports()), len(a.Reports))))
	for _, e := range p.Excerpts {
		title, source := e.Report, ""
		if r := a.Report(e.Report); r != nil {
			title, source = r.Title, r.Source
		}
		quote := widget.NewRichText(Highlight(e.Text, p.Names())...)
		quote.Wrapping = fyne.TextWrapWord
		from := widget.NewLabelWithStyle(title+" — "+source, fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
		from.Wrapping = fyne.TextWrapWord
		v.Panel.Add(widget.NewCard("", "", container.NewVBox(from, quote)))
	}
}

func kindName(k atlas.Kind) string {
	if k == atlas.KindUnknown {
		return "place"
	}
	return string(k)
}
