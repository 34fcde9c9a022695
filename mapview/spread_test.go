package mapview

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestSpreadPartsOverlappingDiscs(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	s := []spot{{x: 50, y: 50, r: 7}, {x: 50, y: 50, r: 7}, {x: 50, y: 50, r: 5}, {x: 52, y: 49, r: 12}}
	for range 200 { // a crowd, and more at one spot
		x, y := rng.Float64()*400, rng.Float64()*300
		s = append(s, spot{x: x, y: y, r: 5 + rng.Float64()*6})
	}
	for i := range s {
		s[i].ax, s[i].ay = s[i].x, s[i].y
	}
	var g discGrid
	g.setArea(0, 0, 400, 300)
	again := append([]spot(nil), s...)
	spread(s, &g)
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if d := math.Hypot(s[i].x-s[j].x, s[i].y-s[j].y); d < s[i].r+s[j].r {
				t.Errorf("discs %d and %d overlap: %.1f apart, radii %.1f and %.1f", i, j, d, s[i].r, s[j].r)
			}
		}
	}
	spread(again, &g)
	for i := range s {
		if s[i] != again[i] {
			t.Fatalf("spread is not deterministic: disc %d at %v, then %v", i, s[i], again[i])
		}
	}
	// The grid finds the nearest disc under a point as a scan does.
	for range 1000 {
		x, y := rng.Float64()*440-20, rng.Float64()*340-20
		want, wantD := -1, math.Inf(1)
		for i := range s {
			d := math.Hypot(s[i].x-x, s[i].y-y)
			if d <= s[i].r+hitSlop && d < wantD {
				want, wantD = i, d
			}
		}
		if got := g.nearest(s, x, y, hitSlop); got != want {
			t.Fatalf("nearest(%.1f, %.1f) = %d; a scan finds %d", x, y, got, want)
		}
	}
}

func TestSpreadLeavesApartDiscsAlone(t *testing.T) {
	s := []spot{{x: 10, y: 10, ax: 10, ay: 10, r: 7}, {x: 40, y: 10, ax: 40, ay: 10, r: 7}}
	var g discGrid
	g.setArea(0, 0, 100, 100)
	spread(s, &g)
	if s[0].x != 10 || s[0].y != 10 || s[1].x != 40 || s[1].y != 10 {
		t.Errorf("discs clear of each other moved: %v", s)
	}
}
