package geoparse

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is a word or a punctuation mark of a text.
type token struct {
	Span
	text  string
	word  bool // letters or digits, else punctuation
	cap   bool // starts with an upper-case letter
	upper bool // all letters upper case, at least two of them
	poss  int  // bytes of a possessive "'s"/"’s" ending (0 if none)
}

// base is the word without its possessive ending.
func (t *token) base() string { return t.text[:len(t.text)-t.poss] }

// tokenize splits text[span] into tokens. Words keep inner apostrophes,
// hyphens and dots ("Russia’s", "Jong-Un", "U.S."); spaces are dropped.
func tokenize(text string, span Span) []token {
	var out []token
	i := span.Start
	for i < span.End {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		if !isWordRune(r) {
			out = append(out, token{Span: Span{i, i + size}, text: text[i : i+size]})
			i += size
			continue
		}
		j := i + size
		for j < span.End {
			q, qs := utf8.DecodeRuneInString(text[j:])
			if isWordRune(q) {
				j += qs
				continue
			}
			if q == '\'' || q == '’' || q == '-' || q == '.' {
				if n, _ := utf8.DecodeRuneInString(text[j+qs:]); j+qs < span.End && isWordRune(n) {
					j += qs
					continue
				}
				// "U.S." keeps its final dot.
				if q == '.' && strings.Contains(text[i:j], ".") {
					j += qs
				}
			}
			break
		}
		t := token{Span: Span{i, j}, text: text[i:j], word: true}
		t.cap = unicode.IsUpper(r) || arabicArticle(t.text)
		letters, uppers := 0, 0
		for _, c := range t.text {
			if unicode.IsLetter(c) {
				letters++
				if unicode.IsUpper(c) {
					uppers++
				}
			}
		}
		t.upper = letters >= 2 && letters == uppers
		for _, p := range []string{"'s", "’s", "'S", "’S"} {
			if strings.HasSuffix(t.text, p) && len(t.text) > len(p) {
				t.poss = len(p)
			}
		}
		if t.poss == 0 && (strings.HasSuffix(t.text, "s'") || strings.HasSuffix(t.text, "s’")) && t.cap {
			// "Philippines'" — a plural possessive.
			_, n := utf8.DecodeLastRuneInString(t.text)
			t.poss = n
		}
		out = append(out, t)
		i = j
	}
	return out
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// arabicArticle reports whether word is a name behind a lower-case
// Arabic article, as news writes "el-Obeid" or "al-Hasakah".
func arabicArticle(word string) bool {
	for _, a := range [...]string{"al-", "el-", "ad-", "an-", "ar-", "as-", "ash-", "at-", "az-"} {
		if rest, ok := strings.CutPrefix(word, a); ok && rest != "" {
			r, _ := utf8.DecodeRuneInString(rest)
			return unicode.IsUpper(r)
		}
	}
	return false
}
