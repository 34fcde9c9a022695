package atlas

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// foldQuery is a search query ready to be matched against text that is
// not lower-cased: the folded query and, for its first rune, every
// written form that lower-cases to it ("p" and "P"; "k", "K" and the
// Kelvin sign), to find where a match can start.
type foldQuery struct {
	q      string   // folded: trimmed, lower case
	rest   string   // q after its first rune
	starts []string // the UTF-8 forms whose lower case is q's first rune
	bytes  [2]byte  // starts that are single bytes, when all of them are
	nbytes int      // how many of bytes are set; 0 when some start is longer

	// anchor, when ≥ 0, is the offset in q of a digit or a punctuation
	// mark to look for instead of q's first rune: rarer in
	// text than a letter, and one byte in either case. Set only when a
	// match must be len(q) bytes of ASCII: q is ASCII without 'i' or 'k',
	// the only ASCII letters that a longer rune lower-cases to (İ, the
	// Kelvin sign).
	anchor int
}

// newFoldQuery prepares the folded query q (see FoldQuery).
func newFoldQuery(q string) foldQuery {
	fq := foldQuery{q: q, anchor: anchorOf(q)}
	if q == "" {
		return fq
	}
	r, n := utf8.DecodeRuneInString(q)
	fq.rest = q[n:]
	fq.starts = append([]string{q[:n]}, lowersTo()[r]...)
	if len(fq.starts) <= 2 {
		fq.nbytes = len(fq.starts)
		for i, s := range fq.starts {
			if len(s) != 1 {
				fq.nbytes = 0
				break
			}
			fq.bytes[i] = s[0]
		}
	}
	return fq
}

// in reports whether the query is in s ignoring case, exactly as
// strings.Contains(fold(s), q) would, without folding s: it allocates
// nothing and reads s as far as the first match.
func (fq *foldQuery) in(s string) bool {
	if fq.q == "" {
		return true
	}
	if fq.anchor >= 0 {
		c, at := fq.q[fq.anchor], fq.anchor
		for i := at; i < len(s); {
			k := strings.IndexByte(s[i:], c)
			if k < 0 {
				return false
			}
			if lo := i + k - at; lo+len(fq.q) <= len(s) && hasFoldPrefix(s[lo:lo+len(fq.q)], fq.q) {
				return true
			}
			i += k + 1
		}
		return false
	}
	if fq.nbytes == 2 { // the usual case: a letter, lower or upper
		a, b := fq.bytes[0], fq.bytes[1]
		na, nb := -2, -2 // the next a and b at or after i; -2: not looked for, -1: none
		for i := 0; i < len(s); {
			if na < i && na != -1 {
				if k := strings.IndexByte(s[i:], a); k >= 0 {
					na = i + k
				} else {
					na = -1
				}
			}
			if nb < i && nb != -1 {
				if k := strings.IndexByte(s[i:], b); k >= 0 {
					nb = i + k
				} else {
					nb = -1
				}
			}
			at := na
			if at == -1 || nb != -1 && nb < at {
				at = nb
			}
			if at == -1 {
				return false
			}
			if hasFoldPrefix(s[at+1:], fq.rest) {
				return true
			}
			i = at + 1
		}
		return false
	}
	if fq.nbytes == 1 { // a digit, a space, punctuation
		c := fq.bytes[0]
		for i := 0; i < len(s); {
			k := strings.IndexByte(s[i:], c)
			if k < 0 {
				return false
			}
			if hasFoldPrefix(s[i+k+1:], fq.rest) {
				return true
			}
			i += k + 1
		}
		return false
	}
	for i := 0; i < len(s); { // a first rune with a multi-byte form
		at, n := -1, 0
		for _, st := range fq.starts {
			if k := strings.Index(s[i:], st); k >= 0 && (at < 0 || i+k < at) {
				at, n = i+k, len(st)
			}
		}
		if at < 0 {
			return false
		}
		if hasFoldPrefix(s[at+n:], fq.rest) {
			return true
		}
		i = at + n
	}
	return false
}

// anchorOf is foldQuery.anchor for the folded q: the offset of its last
// byte that is ASCII but neither a letter nor a space, or -1 (see
// foldQuery).
func anchorOf(q string) int {
	at := -1
	for i := 0; i < len(q); i++ {
		switch c := q[i]; {
		case c >= utf8.RuneSelf || c == 'i' || c == 'k':
			return -1
		case (c < 'a' || c > 'z') && c != ' ':
			at = i
		}
	}
	return at
}

// hasFoldPrefix reports whether s starts with runes whose lower case is
// the folded q.
func hasFoldPrefix(s, q string) bool {
	for len(q) > 0 {
		if len(s) == 0 {
			return false
		}
		if c, d := s[0], q[0]; c < utf8.RuneSelf && d < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != d {
				return false
			}
			s, q = s[1:], q[1:]
			continue
		}
		r, n := utf8.DecodeRuneInString(s)
		qr, m := utf8.DecodeRuneInString(q)
		if unicode.ToLower(r) != qr {
			return false
		}
		s, q = s[n:], q[m:]
	}
	return true
}

// lowersTo maps a rune to the other runes whose lower case it is, as
// UTF-8: 'a' to "A", 'i' to "I" and "İ", 'k' to "K" and "K" (the Kelvin
// sign). It is built once, from unicode.CaseRanges, on first use.
var lowersTo = sync.OnceValue(func() map[rune][]string {
	m := map[rune][]string{}
	for _, cr := range unicode.CaseRanges {
		for r := rune(cr.Lo); r <= rune(cr.Hi); r++ {
			if l := unicode.ToLower(r); l != r {
				m[l] = append(m[l], string(r))
			}
		}
	}
	return m
})
