// Package ui assembles the reportmap window: the places and, for the one
// selected, what the reports say about it.
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
)

// AppID is the app's Fyne application id, under which preferences live.
const AppID = "io.github.reportmap"

// Run opens the window for a and blocks until it is closed. texts is the
// folder the reports' files are read from.
func Run(a *atlas.Atlas, texts fs.FS, version string) {
	ap := app.NewWithID(AppID)
	w := ap.NewWindow("reportmap — " + a.File)
	w.SetContent(NewView(a).Content)
	w.Resize(fyne.NewSize(1100, 720))
	w.ShowAndRun()
}

// View is the window's content: the place list and the excerpt panel.
type View struct {
	Content fyne.CanvasObject
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
	v.List.OnSelected = func(id widget.ListItemID) { v.show(id) }
	v.List.OnUnselected = func(widget.ListItemID) { v.show(-1) }
	v.show(-1)
	split := container.NewHSplit(v.List, container.NewVScroll(container.NewPadded(v.Panel)))
	split.Offset = 0.3
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
			body := widget.NewLabel("Settings: " + strings.Join(names, ", "))
			body.Wrapping = fyne.TextWrapWord
			v.Panel.Add(widget.NewCard(r.Title, r.Source, body))
		}
		v.Panel.Add(widget.NewLabel("Choose a place on the left to read what the reports say about it."))
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
		v.Panel.Add(widget.NewCard("", title+" — "+source, quote))
	}
}

func kindName(k atlas.Kind) string {
	if k == atlas.KindUnknown {
		return "place"
	}
	return string(k)
}
