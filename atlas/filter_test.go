package atlas_test

import (
	"slices"
	"testing"

	"reportmap/atlas"
)

func TestFilter(t *testing.T) {
	a, err := atlas.LoadFile("../places.geojson")
	if err != nil {
		t.Fatal(err)
	}
	ix := atlas.NewSearchIndex(a.Places)
	ids := func(f atlas.Filter) []string {
		var out []string
		for _, i := range f.Apply(a.Places, ix, nil) {
			out = append(out, a.Places[i].ID)
		}
		return out
	}
	tests := []struct {
		name   string
		f      atlas.Filter
		has    []string
		hasNot []string
		count  int // -1: don't check
	}{
		{"all", atlas.Filter{}, []string{"kursk", "middle-east"}, nil, 30},
		{"name, any case", atlas.Filter{Query: "gAZa"}, []string{"gaza"}, []string{"kursk"}, -1},
		{"alias", atlas.Filter{Query: "Washington DC"}, []string{"washington"}, nil, -1},
		{"excerpt text", atlas.Filter{Query: "bicycle courier"}, []string{"london", "manchester", "eritrea", "britain"}, []string{"paris"}, 4},
		{"curly quotes and dashes", atlas.Filter{Query: "destroyed – we need"}, []string{"gaza"}, nil, -1},
		{"no match", atlas.Filter{Query: "atlantis"}, nil, []string{"gaza"}, 0},
		{"settings only", atlas.Filter{SettingsOnly: true}, []string{"kursk", "dunkirk-camp"}, []string{"russia"}, 6},
		{"hide a report", atlas.Filter{Hidden: map[string]bool{"kursk-troops": true}}, []string{"gaza", "washington"}, []string{"kursk", "pyongyang", "northeastern-ukraine"}, -1},
		{"a place in two reports stays while one shows", atlas.Filter{Hidden: map[string]bool{"gaza-ceasefire": true}}, []string{"gaza"}, []string{"washington", "israel"}, -1},
		{"all three", atlas.Filter{Query: "dunkirk", SettingsOnly: true, Hidden: map[string]bool{"dunkirk-boat": true}}, []string{"dunkirk-camp"}, []string{"dunkirk-beaches"}, -1},
	}
	for _, tt := range tests {
		got := ids(tt.f)
		for _, id := range tt.has {
			if !slices.Contains(got, id) {
				t.Errorf("%s: %v lacks %s", tt.name, got, id)
			}
		}
		for _, id := range tt.hasNot {
			if slices.Contains(got, id) {
				t.Errorf("%s: %v has %s", tt.name, got, id)
			}
		}
		if tt.count >= 0 && len(got) != tt.count {
			t.Errorf("%s: %d places %v; want %d", tt.name, len(got), got, tt.count)
		}
	}
	if !(atlas.Filter{Query: "Kursk"}).Matches(a.Place("kursk")) {
		t.Error("Matches(kursk)")
	}
}

// BenchmarkSearch1M is one keystroke's search over a million places, with
// the index built.
func BenchmarkSearch1M(b *testing.B) {
	a, err := atlas.Load("gen.geojson", generated(b, 1_000_000))
	if err != nil {
		b.Fatal(err)
	}
	ix := atlas.NewSearchIndex(a.Places)
	dst := make([]int, 0, len(a.Places))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		dst = atlas.Filter{Query: "place 12345"}.Apply(a.Places, ix, dst[:0])
	}
	if len(dst) == 0 {
		b.Fatal("no match")
	}
}

// BenchmarkSearchIndex1M builds the search index of a million places.
func BenchmarkSearchIndex1M(b *testing.B) {
	a, err := atlas.Load("gen.geojson", generated(b, 1_000_000))
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		atlas.NewSearchIndex(a.Places)
	}
}
