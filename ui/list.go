package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"reportmap/atlas"
)

// snippetContext is how many characters of a quote a search result shows
// either side of the match.
const snippetContext = 30

// PlaceRow is a row of the place list: a dot in the place's colour, its
// name with the search's matches in bold and, when the search matched a
// quote rather than the name, a snippet of that quote under it.
type PlaceRow struct {
	widget.BaseWidget
	Dot     *canvas.Circle
	Name    *InlineText
	Snippet *InlineText // hidden when there is none
}

// NewPlaceRow returns an empty row.
func NewPlaceRow() *PlaceRow {
	r := &PlaceRow{Dot: canvas.NewCircle(color.Black), Name: NewInlineText(Span{Text: "place name (setting)"}), Snippet: NewInlineText()}
	r.Snippet.Color = theme.ColorNamePlaceHolder
	r.Snippet.Hide()
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer is a private method to Fyne which links this widget to
// its renderer.
func (r *PlaceRow) CreateRenderer() fyne.WidgetRenderer {
	dot := container.NewCenter(container.NewGridWrap(fyne.NewSize(12, 12), r.Dot))
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, dot, nil, container.NewVBox(r.Name, r.Snippet)))
}

// set shows place p for the search q, its dot in c; snippet says whether
// to show the first quote q matches (when it matched not the name).
func (r *PlaceRow) set(p *atlas.Place, q string, snippet bool, c color.Color) {
	name := highlightFolded(shortName(p.Name), q)
	if p.Role == atlas.RoleSetting {
		name = append(name, Span{Text: " — setting"})
	}
	r.Name.Spans = name
	r.Snippet.Spans = nil
	if q != "" && snippet {
		for _, e := range p.Excerpts {
			if s, i, j, ok := atlas.Snippet(shortText(e.Text), q, snippetContext); ok {
				r.Snippet.Spans = []Span{{Text: s[:i]}, {Text: s[i:j], Bold: true}, {Text: s[j:]}}
				break
			}
		}
	}
	r.Snippet.Hidden = r.Snippet.Spans == nil
	r.Dot.FillColor = c
	r.Refresh()
}

// updateRow fills row id of the list.
func (v *View) updateRow(id widget.ListItemID, r *PlaceRow) {
	rows := v.State.Rows()
	if id >= len(rows) {
		return
	}
	r.set(&v.State.Atlas().Places[rows[id]], v.query(), v.snippetRow(id), v.Map.PlaceColor(int(rows[id])))
}

// maxSnippets is how many rows matched only in a quote show a snippet of
// it, from the first: sizing a row to its snippet costs a layout, too
// much for a million rows on every keystroke.
const maxSnippets = 1000

// snippetRow reports whether row id shows a snippet of a quote.
func (v *View) snippetRow(id int) bool {
	n := v.State.NameRows()
	return id >= n && id < n+maxSnippets
}

// query is the search as matched: trimmed, lower case.
func (v *View) query() string { return foldQuery(v.State.Query()) }

// sizeRows gives rows with a snippet the height it needs at the list's
// width.
func (v *View) sizeRows() {
	q := v.query()
	width := v.List.Size().Width - theme.Padding()*2 - 20 // the dot and the scroll bar
	if width <= 0 {
		width = 300
	}
	probe := NewPlaceRow()
	base := probe.MinSize().Height
	for _, k := range v.sized { // the last search's snippet rows
		v.List.SetItemHeight(k, base)
	}
	v.sized = v.sized[:0]
	rows := v.State.Rows()
	for k := range min(len(rows), maxSnippets) {
		v.List.SetItemHeight(k, base)
	}
	if q == "" {
		return
	}
	for k := v.State.NameRows(); k < len(rows) && v.snippetRow(k); k++ {
		probe.set(&v.State.Atlas().Places[rows[k]], q, true, color.Black)
		h := base
		if !probe.Snippet.Hidden {
			probe.Snippet.Resize(fyne.NewSize(width, 0))
			h = probe.MinSize().Height
		}
		v.List.SetItemHeight(k, h)
		v.sized = append(v.sized, k)
	}
}
