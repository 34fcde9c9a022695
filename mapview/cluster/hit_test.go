package cluster_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"reportmap/mapview/cluster"
)

// bruteHit is the reference for Index.Hit: the nearest copy of every item
// at the level, ties to the smaller ID.
func bruteHit(all []cluster.Item, x, y, radius float64) (cluster.Item, float64, bool) {
	var best cluster.Item
	bestD, found := radius*radius, false
	for _, it := range all {
		for k := -1.0; k <= 1; k++ {
			dx := it.X + k - (x - math.Floor(x))
			dy := it.Y - y
			d := dx*dx + dy*dy
			if d < bestD || d == bestD && (!found || it.ID < best.ID) {
				best, bestD, found = it, d, true
				best.X += k + math.Floor(x)
			}
		}
	}
	return best, bestD, found
}

func TestHitMatchesBruteForce(t *testing.T) {
	pts := randomPoints(20000, 8)
	ix := cluster.New(pts, cluster.Options{})
	r := rand.New(rand.NewPCG(8, 8))
	hits := 0
	for z := 0; z <= ix.MaxZoom()+1; z++ {
		all := cluster.All(ix, float64(z))
		for i := range 300 {
			var x, y float64
			switch i % 3 {
			case 0: // on an item, a little off
				it := all[r.IntN(len(all))]
				x, y = it.X+r.NormFloat64()*px(15, z), it.Y+r.NormFloat64()*px(15, z)
			case 1: // near the antimeridian, in another world copy
				x, y = float64(r.IntN(5)-2)+r.Float64()*0.02-0.01, r.Float64()
			default:
				x, y = r.Float64()*3-1, r.Float64()*1.2-0.1
			}
			radius := px(r.Float64()*60, z)
			got, ok := ix.Hit(float64(z)+0.3, x, y, radius)
			want, wantD, wantOK := bruteHit(all, x, y, radius)
			if ok != wantOK || ok && (got.ID != want.ID || math.Abs(got.X-want.X) > 1e-12) {
				t.Fatalf("zoom %d Hit(%v, %v, r=%v) = %+v %v, want %+v %v (d=%v)", z, x, y, radius, got, ok, want, wantOK, math.Sqrt(wantD))
			}
			if ok {
				hits++
			}
		}
	}
	if hits < 1000 {
		t.Errorf("only %d of the taps hit: the test is weak", hits)
	}
}

func TestHitRadius(t *testing.T) {
	ix := cluster.New([]cluster.Point{{X: 0.5, Y: 0.5}, {X: 1e-6, Y: 0.2}}, cluster.Options{}) // 1e-6 is 4 px at zoom 12
	const z = 12
	tests := []struct {
		name     string
		x, y, r  float64
		wantPt   int
		wantX    float64
		wantMiss bool
	}{
		{"inside", 0.5 + px(19, z), 0.5, px(20, z), 0, 0.5, false},
		{"on the edge", 0.5, 0.5 - px(16, z), px(16, z), 0, 0.5, false},
		{"just beyond", 0.5 + px(20.01, z), 0.5, px(20, z), 0, 0, true},
		{"zero radius on it", 0.5, 0.5, 0, 0, 0.5, false},
		{"negative radius", 0.5, 0.5, -1, 0, 0, true},
		{"across the antimeridian", 1 - px(10, z), 0.2, px(20, z), 1, 1 + 1e-6, false},
		{"in the next world", 2.5, 0.5, px(1, z), 0, 2.5, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			it, ok := ix.Hit(z, tt.x, tt.y, tt.r)
			if ok == tt.wantMiss {
				t.Fatalf("Hit = %+v, %v; want a miss: %v", it, ok, tt.wantMiss)
			}
			if ok && (it.Point != tt.wantPt || math.Abs(it.X-tt.wantX) > 1e-12) {
				t.Errorf("Hit = %+v, want point %d at X %v", it, tt.wantPt, tt.wantX)
			}
		})
	}
}

func TestHitTieGoesToSmallerID(t *testing.T) {
	d := px(100, 10)
	ix := cluster.New([]cluster.Point{{X: 0.5 + d, Y: 0.5}, {X: 0.5 - d, Y: 0.5}, {X: 0.5, Y: 0.5 + d}}, cluster.Options{})
	all := cluster.All(ix, 10)
	if len(all) != 3 {
		t.Fatalf("%d items at zoom 10, want 3", len(all))
	}
	want := min(all[0].ID, all[1].ID, all[2].ID)
	if it, ok := ix.Hit(10, 0.5, 0.5, 2*d); !ok || it.ID != want {
		t.Errorf("Hit = %+v, %v; want ID %d", it, ok, want)
	}
}
