package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"reportmap/atlas"
)

// showPanel fills the excerpt panel for the selection, or with the
// reports and their settings when nothing is chosen.
func (v *View) showPanel() {
	v.Panel.RemoveAll()
	a := v.atlas
	p := v.SelectedPlace()
	if p == nil {
		v.Panel.Add(widget.NewLabelWithStyle("Reports", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, r := range a.Reports {
			var names []string
			for _, id := range r.Settings {
				if sp := a.Place(id); sp != nil {
					names = append(names, shortName(sp.Name))
				}
			}
			// Wrapping labels rather than a card's title, whose one long
			// line would make the panel too wide for the map.
			title := wrapped(shortName(r.Title), fyne.TextStyle{Bold: true})
			body := wrapped(shortName(r.Source)+" · settings: "+strings.Join(names, ", "), fyne.TextStyle{})
			v.Panel.Add(widget.NewCard("", "", container.NewVBox(title, body)))
		}
		v.Panel.Add(wrapped("Choose a place on the map or in the list to read what the reports say about it. Ctrl+F searches names and quotes.", fyne.TextStyle{Italic: true}))
		return
	}
	v.Panel.Add(widget.NewLabelWithStyle(shortName(p.Name), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	v.Panel.Add(widget.NewLabel(fmt.Sprintf("%s · %s · named in %d of %d reports", kindName(p.Kind), p.Role, len(p.Reports()), len(a.Reports))))
	if p.Description != "" {
		v.Panel.Add(wrapped(shortText(p.Description), fyne.TextStyle{Italic: true}))
	}
	for _, e := range p.Excerpts {
		source := "Unattributed quote (the file names no report for it)"
		r := a.Report(e.Report)
		switch {
		case r != nil:
			source = shortName(r.Title) + " — " + shortName(r.Source)
		case e.Report != "":
			source = "Report " + shortName(e.Report) + " (not listed in the file)"
		}
		quote := widget.NewRichText(Highlight(shortText(e.Text), p.Names())...)
		quote.Wrapping = fyne.TextWrapWord
		from := wrapped(source, fyne.TextStyle{Italic: true})
		body := container.NewVBox(from, quote)
		if r != nil && r.File != "" && v.ShowReport != nil {
			text := e.Text
			body.Add(container.NewHBox(widget.NewButtonWithIcon("Show in report", theme.DocumentIcon(), func() {
				v.trace("show-report %s", r.ID)
				v.ShowReport(r, text)
			})))
		}
		v.Panel.Add(widget.NewCard("", "", body))
	}
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
	return string(k)
}

// ReportText builds a report's full text with the paragraph holding
// excerpt highlighted, and returns it with that paragraph (nil when the
// excerpt is not found), so the caller can scroll it into view.
func ReportText(paras []atlas.Paragraph, excerpt string) (fyne.CanvasObject, fyne.CanvasObject) {
	box := container.NewVBox()
	var hit fyne.CanvasObject
	want := atlas.Normalize(excerpt)
	for _, para := range paras {
		var segs []widget.RichTextSegment
		text := para.Text
		style := widget.RichTextStyleInline
		if para.Caption {
			style = widget.RichTextStyleEmphasis
		}
		if i := strings.Index(atlas.Normalize(text), want); want != "" && i >= 0 && hit == nil {
			// Paragraphs are single-spaced lines, so Normalize kept the
			// offsets: bold the excerpt itself.
			segs = append(segs,
				&widget.TextSegment{Text: text[:i], Style: style},
				&widget.TextSegment{Text: text[i : i+len(want)], Style: widget.RichTextStyleStrong},
				&widget.TextSegment{Text: text[i+len(want):], Style: style})
		} else {
			segs = append(segs, &widget.TextSegment{Text: text, Style: style})
		}
		rt := widget.NewRichText(segs...)
		rt.Wrapping = fyne.TextWrapWord
		if hit == nil && len(segs) == 3 {
			hit = rt
		}
		box.Add(rt)
	}
	return box, hit
}
