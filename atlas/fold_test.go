package atlas

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// foldCases are texts and queries where case folding is not ASCII's.
var foldCases = []struct{ text, query string }{
	{"Kursk region", "kursk"},
	{"KURSK REGION", "rsk re"},
	{"the \u212Aelvin sign", "kelvin"}, // K, the Kelvin sign, lower-cases to k
	{"İstanbul", "istanbul"},           // İ lower-cases to i in Go's simple mapping
	{"ISTANBUL", "istanbul"},
	{"Ölüdeniz and Öland", "öland"},
	{"ÉCOLE", "école"},
	{"Straße", "strasse"}, // no: ß is not ss by rune
	{"ΣΟΦΙΑ", "σοφια"},
	{"Gaza’s south", "gaza’s"},
	{"pppPPPq", "ppq"},
	{"aAaAb", "aab"},
	{"", "a"},
	{"a", ""},
	{"place 12345", "place 12345"},
	{"place 1234", "place 12345"},
	{"Ab", "b"},
	{"x—y", "—y"},
	{"PLACE 12345 and more", "place 12345"},
	{"place 1234 place 12345", "place 12345"},
	{"5", "a5"},
	{"a5b", "5b"},
	{"İ5", "i5"}, // no anchor: İ is two bytes
	{"K9", "k9"},
	{"St. Petersburg", "st. p"},
}

func TestFoldQueryIn(t *testing.T) {
	for _, c := range foldCases {
		q := FoldQuery(c.query)
		want := strings.Contains(fold(c.text), q)
		fq := newFoldQuery(q)
		if got := fq.in(c.text); got != want {
			t.Errorf("%q in %q: got %v, want %v (as strings.Contains of the folded text)", q, c.text, got, want)
		}
	}
}

// FuzzFoldQueryIn checks the matcher against folding the whole text.
func FuzzFoldQueryIn(f *testing.F) {
	for _, c := range foldCases {
		f.Add(c.text, c.query)
	}
	f.Fuzz(func(t *testing.T, text, query string) {
		if !utf8.ValidString(text) || !utf8.ValidString(query) {
			t.Skip("the loader makes every text valid UTF-8")
		}
		q := FoldQuery(query)
		fq := newFoldQuery(q)
		if got, want := fq.in(text), strings.Contains(fold(text), q); got != want {
			t.Fatalf("%q in %q: got %v, want %v", q, text, got, want)
		}
	})
}

func TestWriteFolded(t *testing.T) {
	for _, c := range append(foldCases, struct{ text, query string }{"bad \xff byte", ""}) {
		var b strings.Builder
		writeFolded(&b, c.text)
		if got, want := b.String(), fold(c.text); got != want {
			t.Errorf("writeFolded(%q) = %q, want %q", c.text, got, want)
		}
	}
}
