package geoparse

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations end with a dot that does not end a sentence (folded to
// lower case, without the dot).
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "mt": true,
	"gen": true, "lt": true, "col": true, "sgt": true, "capt": true, "cpl": true, "adm": true,
	"gov": true, "sen": true, "rep": true, "rev": true, "hon": true, "pres": true, "jr": true, "sr": true,
	"no": true, "vs": true, "etc": true, "inc": true, "ltd": true, "co": true, "corp": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "approx": true, "ft": true,
	"ala": true, "ariz": true, "ark": true, "calif": true, "colo": true, "conn": true, "del": true,
	"fla": true, "ga": true, "ill": true, "ind": true, "kan": true, "ky": true, "la": true, "md": true,
	"mass": true, "mich": true, "minn": true, "miss": true, "mo": true, "mont": true, "neb": true,
	"nev": true, "okla": true, "ore": true, "pa": true, "tenn": true, "tex": true, "va": true,
	"vt": true, "wash": true, "wis": true, "wyo": true, "e.g": true, "i.e": true, "u.s": false,
}

// Sentences splits text into sentences, returning their spans with
// leading and trailing space trimmed. A line break always ends a
// sentence; ".", "!" and "?" end one when followed by space (after any
// closing quotes or brackets) and then an upper-case letter, a digit or
// an opening quote — except after a known abbreviation ("Mr.", "St.",
// "Gen."), an initial ("J. K."), or inside a dotted acronym such as
// "U.S." when a lower-case word follows. It is safe for concurrent use.
func Sentences(text string) []Span {
	var out []Span
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e && isSpaceByte(text[s]) {
			s++
		}
		for e > s && isSpaceByte(text[e-1]) {
			e--
		}
		if e > s {
			out = append(out, Span{s, e})
		}
		start = end
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n' || r == '\r':
			emit(i)
			i += size
			start = i
			continue
		case r == '.' || r == '!' || r == '?' || r == '…':
			j := i + size
			for j < len(text) {
				q, qs := utf8.DecodeRuneInString(text[j:])
				if q == '.' || q == '!' || q == '?' || isCloser(q) {
					j += qs
					continue
				}
				break
			}
			if j >= len(text) {
				i = j
				continue
			}
			k := j
			for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
				k++
			}
			if k == j || k >= len(text) {
				i = j
				continue
			}
			next, _ := utf8.DecodeRuneInString(text[k:])
			if next == '\n' || next == '\r' {
				i = j
				continue
			}
			if !(unicode.IsUpper(next) || unicode.IsDigit(next) || isOpener(next)) {
				i = j
				continue
			}
			if r == '.' && j == i+size && !endsSentence(text[start:i]) {
				i = j
				continue
			}
			emit(j)
			i = k
			continue
		}
		i += size
	}
	emit(len(text))
	return out
}

// endsSentence reports whether a dot after before ends a sentence.
func endsSentence(before string) bool {
	w := before
	if k := strings.LastIndexAny(w, " \t“\"(‘'"); k >= 0 {
		w = w[k+1:]
	}
	if w == "" {
		return true
	}
	lw := strings.ToLower(w)
	if abbreviations[lw] {
		return false
	}
	// An initial: one upper-case letter ("J.", "K.").
	if r, n := utf8.DecodeRuneInString(w); n == len(w) && unicode.IsUpper(r) {
		return false
	}
	// A dotted acronym ("U.S", "U.N"): a sentence may end with it, but
	// the usual case in news is that it is followed by a noun ("U.S.
	// President"), so it does not end one.
	if strings.Contains(w, ".") {
		return false
	}
	return true
}

func isCloser(r rune) bool {
	return r == '"' || r == '”' || r == '’' || r == '\'' || r == ')' || r == ']' || r == '»'
}

func isOpener(r rune) bool {
	return r == '"' || r == '“' || r == '‘' || r == '\'' || r == '(' || r == '[' || r == '«'
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }
