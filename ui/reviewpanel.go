package ui

import (
	"fmt"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"reportmap/atlas"
	"reportmap/gazetteer"
)

// ReviewControls are the panel's controls for correcting the chosen
// place, for tests and scripts; nil fields are not shown.
type ReviewControls struct {
	Alternatives []*widget.Button // one per alternative, in the file's order
	Role         *widget.Button   // "Mark as a setting" or "Mark as mentioned"
	NotAPlace    *widget.Button
	Search       *widget.Button // "Search the gazetteer…"
}

// Review returns the panel's correction controls for the chosen place.
func (v *View) Review() ReviewControls { return v.review }

// shownReasons is how many of a place's reasons the panel lists.
const shownReasons = 4

// addReview adds, under a place's name, where the geoparser resolved it,
// how sure it was and why, and the corrections a reader can make.
func (v *View) addReview(p *atlas.Place) {
	v.review = ReviewControls{}
	i := PlaceIndex(v.State.Atlas().Index(p.ID))
	if pv := p.Provenance; p.Found() && pv.Gazetteer != "" {
		found := pv.Gazetteer
		if g := v.Gazetteer; g != nil {
			if id, err := gazetteer.ParseID(pv.Gazetteer); err == nil {
				if e := g.ByID(id); e != nil {
					found = describeEntry(g, e)
				}
			}
		}
		v.Panel.Add(secondary("Found as " + found))
		why := pv.Reasons
		more := ""
		if len(why) > shownReasons {
			more = fmt.Sprintf(" (and %d more)", len(why)-shownReasons)
			why = why[:shownReasons]
		}
		conf := fmt.Sprintf("Confidence %d%%", int(math.Round(100*pv.Confidence)))
		if len(why) > 0 {
			conf += ": " + strings.Join(why, "; ") + more
		}
		v.Panel.Add(secondary(shortText(conf)))
		switch {
		case pv.Corrected:
			v.Panel.Add(secondary("Corrected by you."))
		case p.NeedsCheck():
			warn := NewInlineText(Span{Text: "Check this place: the geoparser is not sure of it.", Bold: true})
			warn.Color = theme.ColorNameWarning
			v.Panel.Add(warn)
		}
		if len(pv.Alternatives) > 0 && v.OnCorrect != nil {
			v.Panel.Add(secondary("Or did the report mean:"))
			box := container.NewVBox()
			for _, alt := range pv.Alternatives {
				label := alt.Name
				if alt.Country != "" {
					label += " (" + alt.Country + ")"
				}
				if g := v.Gazetteer; g != nil {
					if id, err := gazetteer.ParseID(alt.Gazetteer); err == nil {
						if e := g.ByID(id); e != nil {
							label = describeEntry(g, e)
						}
					}
				}
				id := alt.Gazetteer
				b := widget.NewButton(shortName(label), func() {
					v.trace("choose %s %s", p.ID, id)
					v.OnCorrect(Correction{Kind: CorrectAlternative, Place: i, Gazetteer: id})
				})
				b.Alignment = widget.ButtonAlignLeading
				v.review.Alternatives = append(v.review.Alternatives, b)
				box.Add(b)
			}
			v.Panel.Add(box)
		}
	}
	if v.OnCorrect != nil && reviewed(p) {
		v.Panel.Add(v.correctionButtons(p, i))
		v.Panel.Add(secondary("Shift-drag its marker on the map to move it; Ctrl+Z undoes."))
	}
}

// reviewed reports whether the panel offers a place's corrections under
// its name: a place the geoparser found, or one the reader has
// corrected. A place made by hand, which may carry a gazetteer id for
// its area, has them after its quotes, which come first.
func reviewed(p *atlas.Place) bool {
	return p.Found() || p.Provenance != nil && p.Provenance.Corrected
}

// correctionButtons are the role, Not a place and Search the gazetteer…
// buttons for place p at index i: two a row, so that they fit the panel.
func (v *View) correctionButtons(p *atlas.Place, i PlaceIndex) fyne.CanvasObject {
	role, label := atlas.RoleSetting, "Mark as a setting"
	if p.Role == atlas.RoleSetting {
		role, label = atlas.RoleMentioned, "Mark as mentioned"
	}
	v.review.Role = widget.NewButton(label, func() {
		v.OnCorrect(Correction{Kind: CorrectRole, Place: i, Role: role})
	})
	v.review.NotAPlace = widget.NewButtonWithIcon("Not a place", theme.DeleteIcon(), func() {
		v.OnCorrect(Correction{Kind: CorrectNotPlace, Place: i})
	})
	box := container.NewVBox(container.NewGridWithColumns(2, v.review.Role, v.review.NotAPlace))
	if v.OnSearchGazetteer != nil {
		id := p.ID
		v.review.Search = widget.NewButtonWithIcon("Search the gazetteer…", theme.SearchIcon(), func() { v.OnSearchGazetteer(id) })
		box.Add(v.review.Search)
	}
	return box
}

// addCorrectionsAfter adds, below the quotes of a place made by hand,
// the corrections a reader can make to it.
func (v *View) addCorrectionsAfter(p *atlas.Place) {
	if v.OnCorrect == nil || reviewed(p) {
		return
	}
	v.Panel.Add(v.correctionButtons(p, PlaceIndex(v.State.Atlas().Index(p.ID))))
}

// addCheckThese lists, when nothing is chosen, the places the reader
// should check, each a button that chooses it.
func (v *View) addCheckThese() {
	a := v.State.Atlas()
	var need []*atlas.Place
	for k := range a.Places {
		if a.Places[k].NeedsCheck() {
			need = append(need, &a.Places[k])
		}
	}
	if len(need) == 0 {
		return
	}
	v.Panel.Add(heading(fmt.Sprintf("Check these (%d)", len(need))))
	v.Panel.Add(secondary("The geoparser is not sure of these places. Choose one to see why, and correct it if it is wrong."))
	for k, p := range need {
		if k == 30 {
			v.Panel.Add(secondary(fmt.Sprintf("… and %d more (marked “check” in the list)", len(need)-k)))
			break
		}
		id := p.ID
		b := widget.NewButton(placeLine(p), func() { v.Select(id) })
		b.Alignment = widget.ButtonAlignLeading
		v.Panel.Add(b)
	}
}
