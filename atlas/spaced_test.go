package atlas_test

import (
	"testing"
	"unicode/utf8"

	"reportmap/atlas"
)

func TestFindSpaced(t *testing.T) {
	tests := []struct {
		raw, want string
		fold      bool
		match     string // raw[start:end]; "" for none
	}{
		{"a beach near Dunkirk.", "beach near", false, "beach near"},
		{"a beach  near Dunkirk.", "beach near", false, "beach  near"},                           // double space
		{"a beach\u00a0near Dunkirk.", "beach near", false, "beach\u00a0near"},                   // no-break space
		{"Ça, été, the beach\nnear Dunkirk", "beach near Dunkirk", false, "beach\nnear Dunkirk"}, // multi-byte before
		{"émigrés  in  Kursk", "in Kursk", false, "in  Kursk"},
		{"the Gaza Strip", "gaza strip", false, ""},
		{"the Gaza Strip", "gaza strip", true, "Gaza Strip"},
		{"ÉTÉ à Gaza", "été", true, "ÉTÉ"},
		{"no match", "   ", false, ""},
		{"beachnear", "beach near", false, ""},
	}
	for _, tt := range tests {
		start, end, ok := atlas.FindSpaced(tt.raw, tt.want, tt.fold)
		got := ""
		if ok {
			got = tt.raw[start:end]
			if !utf8.ValidString(got) || !utf8.ValidString(tt.raw[:start]) {
				t.Errorf("FindSpaced(%q, %q) split a character: %d..%d", tt.raw, tt.want, start, end)
			}
		}
		if got != tt.match {
			t.Errorf("FindSpaced(%q, %q, %v) matched %q; want %q", tt.raw, tt.want, tt.fold, got, tt.match)
		}
	}
}

func TestSnippet(t *testing.T) {
	text := "The talks in Doha went on for weeks, and a ceasefire in Gaza could be close, officials say, though nobody is sure."
	s, start, end, ok := atlas.Snippet(text, "GAZA", 20)
	if !ok || s[start:end] != "Gaza" {
		t.Fatalf("Snippet = %q, %d..%d, %v", s, start, end, ok)
	}
	if want := "…and a ceasefire in Gaza could be close,…"; s != want {
		t.Errorf("snippet %q; want %q", s, want)
	}
	if s, _, _, _ := atlas.Snippet("in Gaza", "gaza", 20); s != "in Gaza" {
		t.Errorf("short text: %q", s)
	}
	if _, _, _, ok := atlas.Snippet(text, "xyz", 20); ok {
		t.Error("found xyz")
	}
}
