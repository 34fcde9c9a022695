package ui

import (
	"strings"

	"fyne.io/fyne/v2/widget"
)

// Highlight splits text into rich-text segments with every occurrence of
// any of names in bold, longest names first so "Gaza Strip" wins over
// "Gaza". Matching is case-sensitive: place names are proper nouns.
func Highlight(text string, names []string) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	plain := func(s string) {
		if s != "" {
			segs = append(segs, &widget.TextSegment{Text: s, Style: widget.RichTextStyleInline})
		}
	}
	for text != "" {
		at, n := -1, 0
		for _, name := range names {
			if name == "" {
				continue
			}
			if i := strings.Index(text, name); i >= 0 && (at < 0 || i < at || (i == at && len(name) > n)) {
				at, n = i, len(name)
			}
		}
		if at < 0 {
			plain(text)
			break
		}
		plain(text[:at])
		segs = append(segs, &widget.TextSegment{Text: text[at : at+n], Style: widget.RichTextStyleStrong})
		text = text[at+n:]
	}
	return segs
}
