package atlas

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// FindSpaced finds want in raw as Normalize sees them both: each run of
// white space in want (spaces, tabs, line breaks, no-break spaces) matches
// any run of white space in raw, and want's leading and trailing white
// space is ignored. With fold, letters match whatever their case. It
// returns the byte offsets of the first match in raw itself, on rune
// boundaries, so raw[start:end] is the matched text verbatim; ok is false
// when there is none or want is blank.
func FindSpaced(raw, want string, fold bool) (start, end int, ok bool) {
	words := strings.Fields(want)
	if len(words) == 0 {
		return 0, 0, false
	}
	for i, r := range raw {
		if unicode.IsSpace(r) || !sameRune(r, firstRune(words[0]), fold) {
			continue
		}
		if n, ok := matchWords(raw[i:], words, fold); ok {
			return i, i + n, true
		}
	}
	return 0, 0, false
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// matchWords reports whether s begins with words separated by white
// space, and the length of that match in bytes.
func matchWords(s string, words []string, fold bool) (int, bool) {
	n := 0
	for k, w := range words {
		if k > 0 {
			sp := n
			for sp < len(s) {
				r, size := utf8.DecodeRuneInString(s[sp:])
				if !unicode.IsSpace(r) {
					break
				}
				sp += size
			}
			if sp == n {
				return 0, false
			}
			n = sp
		}
		for _, wr := range w {
			if n >= len(s) {
				return 0, false
			}
			r, size := utf8.DecodeRuneInString(s[n:])
			if !sameRune(r, wr, fold) {
				return 0, false
			}
			n += size
		}
	}
	return n, true
}

func sameRune(a, b rune, fold bool) bool {
	return a == b || fold && unicode.ToLower(a) == unicode.ToLower(b)
}

// Snippet cuts from text the part around the first match of query (found
// as FindSpaced finds it, ignoring case), about context runes either side,
// starting and ending at white space, with "…" where text was cut. It
// returns the snippet and the byte offsets of the match in it; ok is false
// when query is not in text.
func Snippet(text, query string, context int) (snippet string, start, end int, ok bool) {
	at, to, ok := FindSpaced(text, query, true)
	if !ok {
		return "", 0, 0, false
	}
	from := at
	for n := 0; from > 0 && n < context; n++ {
		_, size := utf8.DecodeLastRuneInString(text[:from])
		from -= size
	}
	if from > 0 {
		// Start after a space, so no word is cut.
		if sp := strings.IndexFunc(text[from:at], unicode.IsSpace); sp >= 0 {
			from += sp
		}
	}
	until := to
	for n := 0; until < len(text) && n < context; n++ {
		_, size := utf8.DecodeRuneInString(text[until:])
		until += size
	}
	if until < len(text) {
		if sp := strings.LastIndexFunc(text[to:until], unicode.IsSpace); sp >= 0 {
			until = to + sp
		}
	}
	prefix, suffix := "", ""
	if from > 0 {
		prefix = "…"
	}
	if until < len(text) {
		suffix = "…"
	}
	lead := strings.TrimLeftFunc(text[from:at], unicode.IsSpace)
	snippet = prefix + lead + text[at:to] + strings.TrimRightFunc(text[to:until], unicode.IsSpace) + suffix
	start = len(prefix) + len(lead)
	return snippet, start, start + to - at, true
}
