package ui

import (
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Span is a run of text in an InlineText.
type Span struct {
	Text string
	Bold bool
}

// InlineText is one word-wrapped paragraph whose bold runs flow inline
// with the rest: words are laid out one after another and a line breaks
// only between words. (Fyne's RichText lays a segment that starts near a
// line's end out one letter per line.)
type InlineText struct {
	widget.BaseWidget
	Spans []Span
	// Color is the text's theme colour; "" is the foreground.
	Color fyne.ThemeColorName
	// Italic sets the whole paragraph in italics (a picture caption).
	Italic bool

	lines []string // as last laid out, for tests and accessibility
}

// NewInlineText returns a paragraph of spans.
func NewInlineText(spans ...Span) *InlineText {
	t := &InlineText{Spans: spans}
	t.ExtendBaseWidget(t)
	return t
}

// String returns the text, without styles.
func (t *InlineText) String() string {
	var b strings.Builder
	for _, s := range t.Spans {
		b.WriteString(s.Text)
	}
	return b.String()
}

// Bold returns the bold runs' texts, in order.
func (t *InlineText) Bold() []string {
	var out []string
	for _, s := range t.Spans {
		if s.Bold {
			out = append(out, s.Text)
		}
	}
	return out
}

// Lines returns the text of each line as last laid out.
func (t *InlineText) Lines() []string { return t.lines }

// Resize lays the words out again for the new width.
func (t *InlineText) Resize(s fyne.Size) {
	if s == t.Size() {
		return
	}
	t.BaseWidget.Resize(s)
	t.Refresh()
}

// CreateRenderer is a private method to Fyne which links this widget to
// its renderer.
func (t *InlineText) CreateRenderer() fyne.WidgetRenderer {
	return &inlineRenderer{t: t}
}

// piece is a run of one style inside a word.
type piece struct {
	text string
	bold bool
}

// words splits spans at white space; a word may hold pieces of both
// styles ("Kursk's" with "Kursk" bold).
func words(spans []Span) [][]piece {
	var out [][]piece
	var cur []piece
	flush := func() {
		if len(cur) > 0 {
			out = append(out, cur)
			cur = nil
		}
	}
	for _, s := range spans {
		text := s.Text
		for text != "" {
			if i := strings.IndexFunc(text, unicode.IsSpace); i == 0 {
				flush()
				text = strings.TrimLeftFunc(text, unicode.IsSpace)
				continue
			} else if i > 0 {
				cur = append(cur, piece{text[:i], s.Bold})
				text = text[i:]
				continue
			}
			cur = append(cur, piece{text, s.Bold})
			text = ""
		}
	}
	flush()
	return out
}

type inlineRenderer struct {
	t     *InlineText
	texts []*canvas.Text
}

// layout places the words within width, reusing canvas texts, and returns
// the height used.
func (r *inlineRenderer) layout(width float32) float32 {
	th := r.t.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	size := th.Size(theme.SizeNameText)
	pad := th.Size(theme.SizeNameInnerPadding)
	lineH := fyne.MeasureText("M", size, fyne.TextStyle{}).Height
	space := fyne.MeasureText(" ", size, fyne.TextStyle{}).Width
	colorName := r.t.Color
	if colorName == "" {
		colorName = theme.ColorNameForeground
	}
	col := th.Color(colorName, v)
	avail := max(width-2*pad, 1)
	x, y := float32(0), pad
	n := 0
	var lines []string
	var line strings.Builder
	for _, w := range words(r.t.Spans) {
		ww := float32(0)
		for _, p := range w {
			ww += fyne.MeasureText(p.text, size, fyne.TextStyle{Bold: p.bold, Italic: r.t.Italic}).Width
		}
		if x > 0 && x+space+ww > avail {
			lines = append(lines, line.String())
			line.Reset()
			x, y = 0, y+lineH
		} else if x > 0 {
			x += space
			line.WriteByte(' ')
		}
		for _, p := range w {
			if n == len(r.texts) {
				r.texts = append(r.texts, canvas.NewText("", col))
			}
			c := r.texts[n]
			n++
			c.Text, c.TextSize, c.TextStyle, c.Color = p.text, size, fyne.TextStyle{Bold: p.bold, Italic: r.t.Italic}, col
			c.Move(fyne.NewPos(pad+x, y))
			c.Resize(c.MinSize())
			c.Show()
			x += c.MinSize().Width
			line.WriteString(p.text)
		}
	}
	if line.Len() > 0 {
		lines = append(lines, line.String())
	}
	for _, c := range r.texts[n:] {
		c.Hide()
	}
	r.t.lines = lines
	if len(lines) == 0 {
		return 2 * pad
	}
	return y + lineH + pad
}

func (r *inlineRenderer) Layout(s fyne.Size) {
	r.layout(s.Width)
	for _, c := range r.texts {
		c.Refresh()
	}
}

func (r *inlineRenderer) MinSize() fyne.Size {
	w := r.t.Size().Width
	if w <= 0 {
		w = 300 // not laid out yet: a side panel's width
	}
	return fyne.NewSize(4*theme.Size(theme.SizeNameInnerPadding), r.layout(w))
}

func (r *inlineRenderer) Refresh() {
	r.Layout(r.t.Size())
	canvas.Refresh(r.t)
}

func (r *inlineRenderer) Objects() []fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, len(r.texts))
	for i, c := range r.texts {
		objs[i] = c
	}
	return objs
}

func (r *inlineRenderer) Destroy() {}
