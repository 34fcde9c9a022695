package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"reportmap/areas"
	"reportmap/atlas"
	"reportmap/mapview"
)

// PanelQuote is one quote as the panel shows it, for tests and callers
// that need to find it without knowing the panel's layout.
type PanelQuote struct {
	Group string         // the heading it is under: a report's title, or "Unattributed quotes"
	Text  *InlineText    // the quote, the place's names in bold
	Show  *widget.Button // "Show in report", or nil when the report's text cannot be shown
}

// Quotes returns the quotes the panel shows, in order.
func (v *View) Quotes() []PanelQuote { return v.quotes }

// approximateArea ends the details of a qualified region ("northeastern
// Ukraine"), whose area is drawn as the part of the region its words
// name: approximate, as they are.
const approximateArea = "area approximate"

// unattributed is the heading of quotes whose file names no report.
const unattributed = "Unattributed quotes"

// showPanel fills the excerpt panel for the selection, or with the
// reports and their settings when nothing is chosen.
func (v *View) showPanel() {
	v.Panel.RemoveAll()
	v.quotes = nil
	a := v.State.Atlas()
	p := v.State.SelectedPlace()
	v.review = ReviewControls{}
	if p == nil {
		v.addCheckThese()
		v.Panel.Add(heading("Reports"))
		for i, r := range a.Reports {
			var names []string
			for _, id := range r.Settings {
				if sp := a.Place(id); sp != nil {
					names = append(names, shortName(sp.Name))
				}
			}
			v.Panel.Add(reportHeading(i, r.Title))
			v.Panel.Add(secondary(shortName(r.Source) + " · settings: " + strings.Join(names, ", ")))
		}
		v.Panel.Add(secondary("Choose a place on the map or in the list to read what the reports say about it. Ctrl+F searches names and quotes."))
		return
	}
	v.Panel.Add(heading(shortName(p.Name)))
	meta := placeMeta(p, len(a.Reports))
	if _, ok := areas.Qualified(p); ok && v.Map.HasArea(a.Index(p.ID)) {
		meta += " · " + approximateArea
	}
	v.Panel.Add(secondary(meta))
	v.addReview(p)
	// Quotes grouped by report, in the order the place's excerpts first
	// name each; unattributed ones last.
	var order []string
	byReport := map[string][]atlas.Excerpt{}
	for _, e := range p.Excerpts {
		if _, seen := byReport[e.Report]; !seen && e.Report != "" {
			order = append(order, e.Report)
		}
		byReport[e.Report] = append(byReport[e.Report], e)
	}
	if len(byReport[""]) > 0 {
		order = append(order, "")
	}
	for _, id := range order {
		group, ri := unattributed, -1
		if id != "" {
			group = "Report " + shortName(id) + " (not listed in the file)"
			if r := a.Report(id); r != nil {
				group, ri = shortText(r.Title), reportIndex(a, id) // the whole title, wrapped: the legend cuts it
			}
		}
		v.Panel.Add(reportHeading(ri, group))
		for _, e := range byReport[id] {
			v.addQuote(p, group, a.Report(id), e)
		}
	}
	if p.Description != "" {
		v.Panel.Add(secondary(shortText(p.Description)))
	}
	v.addCorrectionsAfter(p)
}

// addQuote adds one quote under its report's heading.
func (v *View) addQuote(p *atlas.Place, group string, r *atlas.Report, e atlas.Excerpt) {
	q := PanelQuote{Group: group, Text: NewInlineText(Highlight(shortText(e.Text), p.Names())...)}
	body := container.NewVBox(q.Text)
	if r != nil && r.File != "" && v.ShowReport != nil {
		text := e.Text
		q.Show = widget.NewButtonWithIcon("Show in report", theme.DocumentIcon(), func() {
			v.trace("show-report %s", r.ID)
			v.PanelScroll.ScrollToTop() // where the panel is when the dialog closes
			v.ShowReport(r, text)
		})
		q.Show.Importance = widget.LowImportance
		body.Add(container.NewHBox(q.Show))
	}
	v.quotes = append(v.quotes, q)
	bar := canvas.NewRectangle(mapview.ReportColor(-1))
	if r != nil {
		bar.FillColor = mapview.ReportColor(reportIndex(v.State.Atlas(), r.ID))
	}
	bar.SetMinSize(fyne.NewSize(3, 0))
	v.Panel.Add(container.NewBorder(nil, nil, bar, nil, body))
}

// placeMeta is the line under a place's name: its role, kind and how
// many of the reports name it.
func placeMeta(p *atlas.Place, reports int) string {
	n := len(p.Reports())
	named := fmt.Sprintf("named in %d of %d reports", n, reports)
	switch {
	case reports == 1 && n == 1:
		named = "named in the one report"
	case n == reports && n > 1:
		named = fmt.Sprintf("named in all %d reports", n)
	case n == 0:
		named = "named in no listed report"
	}
	return kindName(p.Kind) + " · " + p.Role.String() + " · " + named
}

// heading is a bold title.
func heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}

// reportHeading is a report's title beside its colour (i < 0: none).
func reportHeading(i int, title string) fyne.CanvasObject {
	if i < 0 {
		return heading(title)
	}
	return container.NewBorder(nil, nil, swatch(mapview.ReportColor(i)), nil, heading(shortText(title)))
}

// secondary is wrapped plain text in the theme's secondary colour.
func secondary(text string) *InlineText {
	t := NewInlineText(Span{Text: text})
	t.Color = theme.ColorNamePlaceHolder
	return t
}

// wrapped is a word-wrapping label.
func wrapped(text string, style fyne.TextStyle) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, style)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func kindName(k atlas.Kind) string {
	if k == atlas.KindUnknown {
		return "place"
	}
	return k.String()
}

// ReportText builds a report's full text with the paragraph holding
// excerpt highlighted, and returns it with that paragraph (nil when the
// excerpt is not found), so the caller can scroll it into view. The
// excerpt is found as atlas.Normalize compares, white space aside, and
// the bold covers the paragraph's own characters.
func ReportText(paras []atlas.Paragraph, excerpt string) (fyne.CanvasObject, fyne.CanvasObject) {
	box := container.NewVBox()
	var hit fyne.CanvasObject
	for _, para := range paras {
		// InlineText, not RichText: a bold excerpt starting near a line's
		// end must not be laid out one letter per line.
		text := para.Text
		var p *InlineText
		if i, j, ok := atlas.FindSpaced(text, excerpt, false); ok && hit == nil {
			p = NewInlineText(Span{Text: text[:i]}, Span{Text: text[i:j], Bold: true}, Span{Text: text[j:]})
			hit = p
		} else {
			p = NewInlineText(Span{Text: text})
		}
		p.Italic = para.Caption
		box.Add(p)
	}
	return box, hit
}

// reportIndex is the index of a's report id (its colour), or -1.
func reportIndex(a *atlas.Atlas, id string) int {
	for i := range a.Reports {
		if a.Reports[i].ID == id {
			return i
		}
	}
	return -1
}
