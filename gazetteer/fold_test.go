package gazetteer

import "testing"

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"St. Petersburg":   "saint petersburg",
		"Saint-Petersburg": "saint petersburg",
		"Kramators'k":      "kramatorsk",
		"Khān Yūnis":       "khan yunis",
		"The Hague":        "hague",
		"  Gaza   Strip ":  "gaza strip",
		"Côte d’Ivoire":    "cote divoire",
		"Washington, D.C.": "washington dc",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestLookupOrdersByProminence(t *testing.T) {
	g := New([]Entry{
		{ID: ID{SourceGeoNames, "1"}, Name: "Georgia", Kind: KindCity, Population: 100},
		{ID: ID{SourceNaturalEarth, "US-GA"}, Name: "Georgia", Kind: KindAdmin1, Country: "US"},
		{ID: ID{SourceCountry, "GE"}, Name: "Georgia", Kind: KindCountry, Country: "GE"},
	}, map[string]string{"Georgian": "GE"})
	got := g.Lookup("GEORGIA")
	if len(got) != 3 || got[0].Kind != KindCountry || got[1].Kind != KindAdmin1 {
		t.Fatalf("Lookup: %+v", got)
	}
	if e := g.ByID(ID{SourceNaturalEarth, "US-GA"}); e == nil || e.Country != "US" {
		t.Errorf("ByID: %+v", e)
	}
	if cc, ok := g.Demonym("georgians"); ok || cc != "" {
		t.Errorf("an unknown plural demonym matched: %q", cc)
	}
	if cc, ok := g.Demonym("Georgian"); !ok || cc != "GE" {
		t.Errorf("Demonym: %q %v", cc, ok)
	}
	id, err := ParseID("ne:US-GA")
	if err != nil || id != (ID{SourceNaturalEarth, "US-GA"}) || id.String() != "ne:US-GA" {
		t.Errorf("ParseID: %v %v", id, err)
	}
	if _, err := ParseID("xyz:1"); err == nil {
		t.Error("ParseID accepted a bad id")
	}
}
