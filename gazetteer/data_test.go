package gazetteer

import (
	"runtime"
	"testing"

	"github.com/paulmach/orb"
)

func defaultT(t testing.TB) *Gazetteer {
	t.Helper()
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// first returns the first entry of Lookup(name) of kind k, and its rank.
func first(g *Gazetteer, name string, k Kind) (*Entry, int) {
	for i, e := range g.Lookup(name) {
		if e.Kind == k {
			return e, i
		}
	}
	return nil, -1
}

func TestNewsLookups(t *testing.T) {
	g := defaultT(t)
	if got := g.Lookup("Kursk region"); len(got) == 0 || got[0].ID != (ID{SourceNaturalEarth, "RU-KRS"}) {
		t.Errorf("Kursk region: %v", names(got))
	}
	for _, n := range []string{"Kursk Oblast", "Kurskaya Oblast"} {
		if got := g.Lookup(n); len(got) == 0 || got[0].ID.Key != "RU-KRS" {
			t.Errorf("%s: %v", n, names(got))
		}
	}
	if e, _ := first(g, "Kursk", KindAdmin1); e == nil || e.ID.Key != "RU-KRS" {
		t.Errorf("Kursk: no oblast: %v", names(g.Lookup("Kursk")))
	}
	if e, _ := first(g, "Kursk", KindCity); e == nil || e.Country != "RU" || e.Population < 400000 || e.Admin1 != "RU-KRS" {
		t.Errorf("Kursk: city %+v", e)
	}
	if e, _ := first(g, "Gaza", KindAdmin1); e == nil || e.Name != "Gaza Strip" {
		t.Errorf("Gaza: strip %+v", e)
	}
	if e, _ := first(g, "Gaza", KindCity); e == nil || e.Country != "PS" {
		t.Errorf("Gaza: city %+v", e)
	}
	if got := g.Lookup("Gaza Strip"); len(got) == 0 || got[0].Name != "Gaza Strip" {
		t.Errorf("Gaza Strip: %v", names(got))
	}
	got := g.Lookup("Georgia")
	if len(got) < 2 || got[0].ID != (ID{SourceCountry, "GE"}) {
		t.Errorf("Georgia: %v", names(got))
	}
	if e, _ := first(g, "Georgia", KindAdmin1); e == nil || e.ID.Key != "US-GA" {
		t.Errorf("Georgia: state %+v", e)
	}
	if e, _ := first(g, "Washington", KindCity); e == nil || e.Country != "US" || e.Feature != "PPLC" {
		t.Errorf("Washington: city %+v", e)
	}
	if e, _ := first(g, "Paris", KindCity); e == nil || e.Country != "FR" || e.Feature != "PPLC" {
		t.Errorf("Paris: %+v", e)
	}
	for _, n := range []string{"Dunkirk", "Dunkerque"} {
		if e, _ := first(g, n, KindCity); e == nil || e.Country != "FR" {
			t.Errorf("%s: %+v", n, e)
		}
	}
	for _, n := range []string{"Kyiv", "Kiev"} {
		if e, _ := first(g, n, KindCity); e == nil || e.Country != "UA" || e.Feature != "PPLC" {
			t.Errorf("%s: %+v", n, e)
		}
	}
	if e, _ := first(g, "Mykolaiv", KindCity); e == nil || e.Population < 400000 {
		t.Errorf("Mykolaiv: %+v", e)
	}
	if e, _ := first(g, "Pokrovsk", KindCity); e == nil || e.Country != "UA" {
		t.Errorf("Pokrovsk: %+v (an old name of Engels must not win)", e)
	}
	for _, n := range []string{"the Channel", "English Channel", "La Manche"} {
		got := g.Lookup(n)
		if len(got) == 0 || got[0].ID != (ID{SourceCurated, "english-channel"}) {
			t.Errorf("%s: %v", n, names(got))
		}
		for _, e := range got {
			if e.Name == "England" {
				t.Errorf("%s found England", n)
			}
		}
	}
	for _, n := range []string{"Britain", "UK", "U.K.", "United Kingdom", "Great Britain"} {
		if got := g.Lookup(n); len(got) == 0 || got[0].ID != (ID{SourceCountry, "GB"}) {
			t.Errorf("%s: %v", n, names(got))
		}
	}
	for _, n := range []string{"US", "United States", "America", "Russia", "the Netherlands"} {
		if got := g.Lookup(n); len(got) == 0 || got[0].Kind != KindCountry {
			t.Errorf("%s: %v", n, names(got))
		}
	}
	for w, want := range map[string]string{"French": "FR", "Israeli": "IL", "Israelis": "IL", "Ukrainians": "UA", "Ukrainian": "UA", "British": "GB", "Russians": "RU"} {
		if cc, ok := g.Demonym(w); !ok || cc != want {
			t.Errorf("Demonym(%s) = %q", w, cc)
		}
	}
	if got := g.Lookup("England"); len(got) == 0 || got[0].ID != (ID{SourceCurated, "england"}) {
		t.Errorf("England: %v", names(got))
	}
	for _, n := range []string{"Middle East", "Europe", "Africa", "the Balkans", "Strait of Dover", "Black Sea", "West Bank"} {
		if g.Lookup(n) == nil {
			t.Errorf("%s: not found", n)
		}
	}
}

func names(es []*Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.ID.String()+" "+e.Name)
	}
	return out
}

func TestAdmin1(t *testing.T) {
	g := defaultT(t)
	kursk, _ := first(g, "Kursk", KindCity)
	if a := g.Admin1Of(kursk); a == nil || a.ID.Key != "RU-KRS" {
		t.Errorf("Admin1Of(Kursk) = %+v", a)
	}
	a, err := g.Admin1Containing(orb.Point{36.19, 51.73})
	if err != nil || a == nil || a.ID.Key != "RU-KRS" {
		t.Errorf("Admin1Containing(Kursk) = %+v, %v", a, err)
	}
	if a, err := g.Admin1Containing(orb.Point{-30, 40}); a != nil || err != nil {
		t.Errorf("Admin1Containing(Atlantic) = %+v, %v", a, err)
	}
	mp, err := g.Polygon(ID{SourceNaturalEarth, "US-GA"})
	if err != nil || len(mp) == 0 || !mp.Bound().Contains(orb.Point{-84.39, 33.75}) {
		t.Errorf("Polygon(US-GA): %d polygons, %v", len(mp), err)
	}
}

func TestCounts(t *testing.T) {
	g := defaultT(t)
	kinds := map[Kind]int{}
	for e := range g.Entries {
		kinds[e.Kind]++
	}
	t.Logf("%d entries, %d names: %v", g.Len(), g.names.len(), kinds)
	if kinds[KindCountry] < 240 || kinds[KindAdmin1] < 4000 || kinds[KindCity] < 50000 || kinds[KindSea]+kinds[KindRegion] < 40 {
		t.Errorf("counts: %v", kinds)
	}
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	var g *Gazetteer
	for b.Loop() {
		var err error
		if g, err = Load(); err != nil {
			b.Fatal(err)
		}
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapAlloc)/1e6, "MB-live")
	runtime.KeepAlive(g)
}

func BenchmarkLookup(b *testing.B) {
	g := defaultT(b)
	qs := []string{"Kursk region", "Paris", "Washington", "the Channel", "Khan Younis", "Nowhere Special", "London"}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		g.Lookup(qs[i%len(qs)])
		i++
	}
}
