package main

import (
	"testing"

	"github.com/paulmach/orb"

	"reportmap/mapview/viewport"
)

func TestDisplay(t *testing.T) {
	for _, c := range []struct{ name, cc, want string }{
		{"Khān Yūnis", "PS", "Khan Yunis"},
		{"Rafaḩ", "PS", "Rafah"},
		{"Qiryat Mal’akhi", "IL", "Qiryat Malakhi"},
		{"Yeroẖam", "IL", "Yeroham"},
		{"Łódź", "PL", "Łódź"},
		{"Kraków", "PL", "Kraków"},
		{"İzmir", "TR", "İzmir"},
		{"Hà Nội", "VN", "Hà Nội"},
		{"Ţāleqān", "IR", "Taleqan"},
		{"Calais", "FR", "Calais"},
	} {
		if got := display(c.name, c.cc); got != c.want {
			t.Errorf("display(%q, %s) = %q, want %q", c.name, c.cc, got, c.want)
		}
	}
}

func TestThin(t *testing.T) {
	// Two big towns 0.1° apart (about 18 px at zoom 8, 36 at zoom 9) and a
	// capital of a small country: the larger town from level 4, the other
	// once they are 32 px apart, the capital from level 6.
	ts := []town{
		{name: "Big", lon: 2, lat: 50, pop: 1_000_000},
		{name: "Near", lon: 2.1, lat: 50, pop: 900_000},
		{name: "Small capital", lon: 20, lat: 10, pop: 5_000, feature: "PPLC"},
		{name: "Village", lon: 30, lat: 10, pop: 2_100},
	}
	for i := range ts {
		ts[i].wx, ts[i].wy = project(ts[i].lon, ts[i].lat)
	}
	levels := map[string]int{}
	for _, k := range thin(ts) {
		levels[k.name] = k.level
	}
	want := map[string]int{"Big": 4, "Near": 9, "Small capital": 6, "Village": 10}
	for n, l := range want {
		if levels[n] != l {
			t.Errorf("%s at level %d, want %d (all: %v)", n, levels[n], l, levels)
		}
	}
}

func project(lon, lat float64) (x, y float64) {
	w := viewport.ToWorld(orb.Point{lon, lat})
	return w[0], w[1]
}
