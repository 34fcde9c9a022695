package compass_test

import (
	"testing"

	"github.com/paulmach/orb"

	"reportmap/compass"
)

func TestSplit(t *testing.T) {
	for _, c := range []struct {
		name string
		d    compass.Direction
		rest string
		ok   bool
	}{
		{"northeastern Ukraine", compass.Direction{DX: 1, DY: 1}, "Ukraine", true},
		{"Southern Gaza", compass.Direction{DY: -1}, "Gaza", true},
		{"northern France", compass.Direction{DY: 1}, "France", true},
		{"central Asia", compass.Central, "Asia", true},
		{"Kursk", compass.Direction{}, "", false},
		{"northern", compass.Direction{}, "", false},
		{"Dunkirk beaches", compass.Direction{}, "", false},
	} {
		d, rest, ok := compass.Split(c.name)
		if d != c.d || rest != c.rest || ok != c.ok {
			t.Errorf("Split(%q) = %v, %q, %v; want %v, %q, %v", c.name, d, rest, ok, c.d, c.rest, c.ok)
		}
	}
}

func TestSector(t *testing.T) {
	b := orb.Bound{Min: orb.Point{0, 0}, Max: orb.Point{12, 6}}
	for _, c := range []struct {
		word string
		want orb.Bound
	}{
		{"northern", orb.Bound{Min: orb.Point{0, 4}, Max: orb.Point{12, 6}}},
		{"south", orb.Bound{Min: orb.Point{0, 0}, Max: orb.Point{12, 2}}},
		{"eastern", orb.Bound{Min: orb.Point{8, 0}, Max: orb.Point{12, 6}}},
		{"west", orb.Bound{Min: orb.Point{0, 0}, Max: orb.Point{4, 6}}},
		{"northeastern", orb.Bound{Min: orb.Point{6, 3}, Max: orb.Point{12, 6}}},
		{"southwestern", orb.Bound{Min: orb.Point{0, 0}, Max: orb.Point{6, 3}}},
		{"central", orb.Bound{Min: orb.Point{3, 1.5}, Max: orb.Point{9, 4.5}}},
	} {
		d, ok := compass.Parse(c.word)
		if !ok {
			t.Fatalf("Parse(%q) not ok", c.word)
		}
		if got := d.Sector(b); got != c.want {
			t.Errorf("%s: Sector = %v; want %v", c.word, got, c.want)
		}
		if !d.Sector(b).Contains(d.Point(b)) {
			t.Errorf("%s: Point %v outside Sector %v", c.word, d.Point(b), d.Sector(b))
		}
	}
}
