package main

import (
	"testing"

	"github.com/paulmach/orb"
)

func TestPlural(t *testing.T) {
	for in, want := range map[string]string{"Ukrainian": "Ukrainians", "Israeli": "Israelis", "French": "", "Chinese": "", "Swiss": "", "British": ""} {
		if got := plural(in); got != want {
			t.Errorf("plural(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestGoodAlt(t *testing.T) {
	for in, want := range map[string]bool{"Kiev": true, "Dunkirk": true, "reading": false, "LHR": false, "Ga": false, "Киев": false, "sheng hu li ya": false} {
		if got := goodAlt(in); got != want {
			t.Errorf("goodAlt(%q) = %v", in, got)
		}
	}
}

func TestSimplifyShapeKeepsSmallRings(t *testing.T) {
	// a 3 km square: collapses at 1 km tolerance? no, but its quantised
	// outline must stay a closed ring
	sq := orb.Polygon{{{0, 0}, {0.03, 0}, {0.03, 0.03}, {0, 0.03}, {0, 0}}}
	mp := simplifyShape(sq)
	if len(mp) != 1 || len(mp[0][0]) < 4 {
		t.Fatalf("simplifyShape: %v", mp)
	}
	tiny := orb.Polygon{{{0, 0}, {0.0001, 0}, {0.0001, 0.0001}, {0, 0}}}
	if mp := simplifyShape(tiny); len(mp) != 0 {
		t.Errorf("a 10 m triangle kept: %v", mp)
	}
}

func TestCuratedUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range curated {
		if seen[c.key] || len(c.names) == 0 || c.src == "" {
			t.Errorf("curated %q: duplicate key, no name or no source", c.key)
		}
		seen[c.key] = true
		if c.lon < -180 || c.lon > 180 || c.lat < -90 || c.lat > 90 {
			t.Errorf("curated %q: bad point", c.key)
		}
	}
}
