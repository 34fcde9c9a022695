package ui

import "reportmap/atlas"

// Highlight splits text into spans with every occurrence of any of names
// in bold, longest names first so "Gaza Strip" wins over "Gaza". Matching
// is case-sensitive (place names are proper nouns) and white space in a
// name matches any white space in text (a line break, a no-break space,
// two spaces), so the bold covers the raw text's own characters.
func Highlight(text string, names []string) []Span {
	return highlight(text, names, false)
}

// highlightFolded is Highlight ignoring case: for search terms.
func highlightFolded(text string, terms ...string) []Span {
	return highlight(text, terms, true)
}

func highlight(text string, names []string, fold bool) []Span {
	var spans []Span
	plain := func(s string) {
		if s != "" {
			spans = append(spans, Span{Text: s})
		}
	}
	for text != "" {
		at, end := -1, 0
		for _, name := range names {
			i, j, ok := atlas.FindSpaced(text, name, fold)
			if ok && (at < 0 || i < at || (i == at && j > end)) {
				at, end = i, j
			}
		}
		if at < 0 {
			plain(text)
			break
		}
		plain(text[:at])
		spans = append(spans, Span{Text: text[at:end], Bold: true})
		text = text[end:]
	}
	return spans
}
