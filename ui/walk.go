package ui

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"reportmap/atlas"
)

// walkOrder lists the places report quotes in the order its text first
// names them: where each place's first excerpt from it appears. Without
// the text, the order of the places file is kept.
func walkOrder(a *atlas.Atlas, texts fs.FS, report string) []int {
	i := reportIndex(a, report)
	if i < 0 {
		return nil
	}
	r := &a.Reports[i]
	text := "" // unreadable: every excerpt sorts after the rest, in file order
	if texts != nil {
		text, _ = r.SearchableText(texts)
	}
	type at struct{ place, pos int }
	var order []at
	for i := range a.Places {
		pos := -1
		for _, e := range a.Places[i].Excerpts {
			if e.Report != r.ID {
				continue
			}
			p := strings.Index(text, atlas.Normalize(e.Text))
			if p < 0 {
				p = len(text) // unknown: after the rest
			}
			if pos < 0 || p < pos {
				pos = p
			}
		}
		if pos >= 0 {
			order = append(order, at{i, pos})
		}
	}
	slices.SortStableFunc(order, func(x, y at) int { return x.pos - y.pos })
	out := make([]int, len(order))
	for k, o := range order {
		out[k] = o.place
	}
	return out
}

// order returns a report's walk order (walkOrder), worked out when the
// report is first stepped through and kept until other places are shown.
func (v *View) order(report string) []int {
	if report == "" {
		return nil
	}
	o, ok := v.walks[report]
	if !ok {
		o = walkOrder(v.State.Atlas(), v.texts, report)
		v.walks[report] = o
	}
	return o
}

// walkID is the id of the report chosen for stepping, or "".
func (v *View) walkID() string {
	a := v.State.Atlas()
	i := v.WalkReport.SelectedIndex()
	if i < 0 || i >= len(a.Reports) {
		return ""
	}
	return a.Reports[i].ID
}

// WalkOrder returns the ids of a report's places in the order its text
// names them.
func (v *View) WalkOrder(report string) []string {
	var ids []string
	for _, i := range v.order(report) {
		ids = append(ids, v.State.Atlas().Places[i].ID)
	}
	return ids
}

// Step selects the next (d = 1) or previous (d = -1) place of the report
// chosen for stepping, or of the selected place's first report.
func (v *View) Step(d int) {
	a := v.State.Atlas()
	report := v.walk
	if report == "" {
		if p := v.SelectedPlace(); p != nil && len(p.Reports()) > 0 {
			report = p.Reports()[0] // unattributed quotes name none
		} else if len(a.Reports) > 0 {
			report = a.Reports[0].ID
		}
		if i := reportIndex(a, report); i >= 0 {
			v.WalkReport.SetSelectedIndex(i)
		}
	}
	order := v.order(report)
	if len(order) == 0 {
		return
	}
	at := slices.Index(order, int(v.State.Selected()))
	switch {
	case at < 0 && d > 0:
		at = 0
	case at < 0:
		at = len(order) - 1
	default:
		at = (at + d + len(order)) % len(order)
	}
	v.trace("step %s %d/%d", report, at+1, len(order))
	if !v.State.Select(PlaceIndex(order[at])) {
		return // hidden by the filters
	}
	v.showStepCount()
}

// showStepCount shows where the selection is in the report stepped
// through, as "3 of 6", or nothing when it is not one of its places.
func (v *View) showStepCount() {
	order := v.order(v.walk)
	text := ""
	if at := slices.Index(order, int(v.State.Selected())); at >= 0 {
		text = fmt.Sprintf("%d of %d", at+1, len(order))
	}
	if v.StepCount.Text != text {
		v.StepCount.SetText(text)
	}
}
