package cluster_test

import (
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"testing"

	"reportmap/mapview/cluster"
)

// px returns the world length of d pixels at zoom z.
func px(d float64, z int) float64 { return d / (256 * math.Exp2(float64(z))) }

// randomPoints returns n points with a fixed seed; every tenth one is a
// priority point. A third of them are bunched around a few towns so that
// clusters of all sizes appear.
func randomPoints(n int, seed uint64) []cluster.Point {
	r := rand.New(rand.NewPCG(seed, 1))
	towns := make([][2]float64, 8)
	for i := range towns {
		towns[i] = [2]float64{r.Float64(), r.Float64()}
	}
	pts := make([]cluster.Point, n)
	for i := range pts {
		p := cluster.Point{X: r.Float64(), Y: r.Float64(), Priority: i%10 == 0}
		if i%3 == 0 {
			t := towns[r.IntN(len(towns))]
			p.X = math.Mod(t[0]+r.NormFloat64()*1e-3+1, 1)
			p.Y = math.Min(1, math.Max(0, t[1]+r.NormFloat64()*1e-3))
		}
		pts[i] = p
	}
	return pts
}

// sameSpot is a few points at one place among others.
func sameSpot() []cluster.Point {
	pts := randomPoints(200, 7)
	for _, i := range []int{3, 50, 51, 120, 199} {
		pts[i] = cluster.Point{X: 0.25, Y: 0.75}
	}
	return pts
}

func TestPairMergesAndSplits(t *testing.T) {
	for _, z := range []int{0, 2, 5, 9, 13} {
		// Two points 10 px apart at zoom z: 20 px at z+1, 40 px (the
		// radius, still merged) at z+2, 80 px at z+3.
		pts := []cluster.Point{{X: 0.3, Y: 0.4}, {X: 0.3 + px(10, z), Y: 0.4}}
		ix := cluster.New(pts, cluster.Options{})
		for zoom := 0; zoom <= ix.MaxZoom(); zoom++ {
			items := ix.Items(nil, float64(zoom)+0.5, 0, 0, 1, 1)
			want := 1
			if zoom >= z+3 {
				want = 2
			}
			if len(items) != want {
				t.Errorf("10 px apart at zoom %d: %d items at zoom %d, want %d", z, len(items), zoom, want)
			}
			if want == 1 && len(items) == 1 && (items[0].Count != 2 || items[0].Point != -1) {
				t.Errorf("zoom %d: item %+v, want a cluster of 2", zoom, items[0])
			}
		}
	}
}

func TestPriorityNeverMixed(t *testing.T) {
	tests := []struct {
		name string
		pts  []cluster.Point
	}{
		{"neighbours", []cluster.Point{
			{X: 0.5, Y: 0.5, Priority: true},
			{X: 0.5 + 1e-9, Y: 0.5},
			{X: 0.5, Y: 0.5 + 1e-9},
		}},
		{"same spot", []cluster.Point{
			{X: 0.5, Y: 0.5}, {X: 0.5, Y: 0.5, Priority: true}, {X: 0.5, Y: 0.5, Priority: true},
		}},
		{"random", randomPoints(5000, 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix := cluster.New(tt.pts, cluster.Options{})
			var mem []int
			for z := 0; z <= ix.MaxZoom(); z++ {
				prio := 0
				for _, it := range cluster.All(ix, float64(z)) {
					mem = ix.Members(mem[:0], it.ID)
					for _, i := range mem {
						if tt.pts[i].Priority != it.Priority {
							t.Fatalf("zoom %d: item %+v holds point %d with priority %v", z, it, i, tt.pts[i].Priority)
						}
					}
					if it.Priority {
						prio++
					}
				}
				if prio == 0 {
					t.Fatalf("zoom %d: no priority item", z)
				}
			}
		})
	}
}

func TestEveryLevelPartitionsThePoints(t *testing.T) {
	for _, tt := range []struct {
		name string
		pts  []cluster.Point
		opt  cluster.Options
	}{
		{"random", randomPoints(20000, 2), cluster.Options{}},
		{"large enough to split work", randomPoints(100000, 9), cluster.Options{}},
		{"same spot", sameSpot(), cluster.Options{}},
		{"radius 80, max zoom 12", randomPoints(5000, 3), cluster.Options{Radius: 80, MaxZoom: 12}},
		{"one point", []cluster.Point{{X: 0.1, Y: 0.2}}, cluster.Options{}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ix := cluster.New(tt.pts, tt.opt)
			n := len(tt.pts)
			seen := make([]int, n)
			var mem []int
			for z := 0; z <= ix.MaxZoom(); z++ {
				items := cluster.All(ix, float64(z))
				if got := len(ix.Items(nil, float64(z), 0, 0, math.Nextafter(1, 0), 1)); got != len(items) {
					t.Errorf("zoom %d: Items over the world gives %d items, the level has %d", z, got, len(items))
				}
				sum := 0
				for _, it := range items {
					sum += it.Count
					mem = ix.Members(mem[:0], it.ID)
					if len(mem) != it.Count {
						t.Fatalf("zoom %d: item %+v has %d members", z, it, len(mem))
					}
					if it.Count == 1 && (it.Point != mem[0] || it.ID >= n) || it.Count > 1 && (it.Point != -1 || it.ID < n) {
						t.Fatalf("zoom %d: single item %+v, members %v", z, it, mem)
					}
					var sx, sy float64
					minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
					for _, i := range mem {
						if seen[i] != z {
							t.Fatalf("zoom %d: point %d seen twice or missed before", z, i)
						}
						seen[i]++
						p := tt.pts[i]
						sx, sy = sx+p.X, sy+p.Y
						minX, minY = min(minX, p.X), min(minY, p.Y)
						maxX, maxY = max(maxX, p.X), max(maxY, p.Y)
					}
					if ex, ey := sx/float64(len(mem)), sy/float64(len(mem)); math.Abs(ex-it.X) > 1e-12 || math.Abs(ey-it.Y) > 1e-12 {
						t.Fatalf("zoom %d: item %+v, mean of members %v, %v", z, it, ex, ey)
					}
					bx0, by0, bx1, by1, ok := ix.Bounds(it.ID)
					if !ok || bx0 != minX || by0 != minY || bx1 != maxX || by1 != maxY {
						t.Fatalf("zoom %d: Bounds(%d) = %v %v %v %v %v, members span %v %v %v %v", z, it.ID, bx0, by0, bx1, by1, ok, minX, minY, maxX, maxY)
					}
				}
				if sum != n {
					t.Errorf("zoom %d: counts sum to %d, want %d", z, sum, n)
				}
				for i, s := range seen {
					if s != z+1 {
						t.Fatalf("zoom %d: point %d in %d items", z, i, s-z)
					}
				}
			}
			if top := len(cluster.All(ix, 0)); n > 1000 && top > n/10 {
				t.Errorf("zoom 0 has %d items for %d points: not clustered", top, n)
			}
		})
	}
}

func TestIdenticalPointsStayTogether(t *testing.T) {
	pts := sameSpot()
	ix := cluster.New(pts, cluster.Options{})
	for _, zoom := range []float64{float64(ix.MaxZoom()), 19.7, 30} {
		items := ix.Items(nil, zoom, 0.25, 0.75, 0.25, 0.75)
		if len(items) != 1 || items[0].Count != 5 {
			t.Fatalf("zoom %v: items at the spot %+v, want one cluster of 5", zoom, items)
		}
		mem := ix.Members(nil, items[0].ID)
		slices.Sort(mem)
		if want := []int{3, 50, 51, 120, 199}; !slices.Equal(mem, want) {
			t.Errorf("zoom %v: members %v, want %v", zoom, mem, want)
		}
	}
}

func TestItemsMatchBruteForce(t *testing.T) {
	pts := randomPoints(30000, 4)
	ix := cluster.New(pts, cluster.Options{})
	r := rand.New(rand.NewPCG(4, 4))
	var got []cluster.Item
	for z := 0; z <= ix.MaxZoom()+2; z++ {
		all := cluster.All(ix, float64(z))
		for range 40 {
			// Views of 1280×800 px and random smaller boxes.
			w, h := px(1280, z), px(800, z)
			if r.IntN(2) == 0 {
				w, h = r.Float64()*w, r.Float64()*h
			}
			minX, minY := r.Float64()*1.2-0.1, r.Float64()*1.2-0.1
			maxX, maxY := minX+w, minY+h
			got = ix.Items(got[:0], float64(z)+r.Float64(), minX, minY, maxX, maxY)
			var want []cluster.Item
			for k := math.Floor(minX); k <= maxX; k++ {
				for _, it := range all {
					it.X += k
					if it.X >= minX && it.X <= maxX && it.Y >= minY && it.Y <= maxY {
						want = append(want, it)
					}
				}
			}
			sortItems(got)
			sortItems(want)
			if !slices.Equal(got, want) {
				t.Fatalf("zoom %d box %v %v %v %v: got %d items, want %d", z, minX, minY, maxX, maxY, len(got), len(want))
			}
		}
	}
}

func sortItems(s []cluster.Item) {
	slices.SortFunc(s, func(a, b cluster.Item) int {
		if a.ID != b.ID {
			return a.ID - b.ID
		}
		switch {
		case a.X < b.X:
			return -1
		case a.X > b.X:
			return 1
		}
		return 0
	})
}

func TestItemsWrap(t *testing.T) {
	ix := cluster.New([]cluster.Point{{X: 0.999, Y: 0.5}, {X: 0.5, Y: 0.5}}, cluster.Options{})
	tests := []struct {
		minX, maxX float64
		want       []float64 // X of the copies of the point at 0.999
	}{
		{-0.1, 0.1, []float64{-0.001}},
		{0.9, 1.1, []float64{0.999}},
		{0.99, 2.2, []float64{0.999, 1.999}},
		{-1.5, 1.5, []float64{-1.001, -0.001, 0.999}},
		{-3, -2.5, nil},
		{1e300, math.Inf(1), nil},
	}
	for _, tt := range tests {
		var got []float64
		for _, it := range ix.Items(nil, 5, tt.minX, 0, tt.maxX, 1) {
			if it.Point == 0 {
				got = append(got, it.X)
			}
		}
		if len(got) != len(tt.want) {
			t.Errorf("[%v, %v]: copies at %v, want %v", tt.minX, tt.maxX, got, tt.want)
			continue
		}
		slices.Sort(got)
		for i := range got {
			if math.Abs(got[i]-tt.want[i]) > 1e-12 {
				t.Errorf("[%v, %v]: copies at %v, want %v", tt.minX, tt.maxX, got, tt.want)
			}
		}
	}
}

func TestEmptyAndOddInput(t *testing.T) {
	ix := cluster.New(nil, cluster.Options{})
	if got := ix.Items(nil, 3, 0, 0, 1, 1); len(got) != 0 {
		t.Errorf("empty index: Items %v", got)
	}
	if _, ok := ix.Hit(3, 0.5, 0.5, 1); ok {
		t.Error("empty index: Hit found an item")
	}
	if got := ix.Members(nil, 0); len(got) != 0 {
		t.Errorf("empty index: Members(0) = %v", got)
	}
	if _, _, _, _, ok := ix.Bounds(0); ok {
		t.Error("empty index: Bounds(0) ok")
	}

	pts := []cluster.Point{{X: math.NaN(), Y: 0.5}, {X: -0.25, Y: 2}, {X: 3.5, Y: math.Inf(-1)}}
	ix = cluster.New(pts, cluster.Options{})
	want := [][2]float64{{0, 0.5}, {0.75, 1}, {0.5, 0}}
	for _, it := range cluster.All(ix, 30) {
		w := want[it.Point]
		x0, y0, _, _, ok := ix.Bounds(it.ID)
		if it.X != w[0] || it.Y != w[1] || !ok || x0 != w[0] || y0 != w[1] {
			t.Errorf("point %d %v stored at %v, %v, bounds at %v, %v; want %v", it.Point, pts[it.Point], it.X, it.Y, x0, y0, w)
		}
	}
	for _, id := range []int{-1, 1 << 40} {
		if got := ix.Members(nil, id); len(got) != 0 {
			t.Errorf("Members(%d) = %v", id, got)
		}
	}
	if got := ix.Items(nil, math.NaN(), math.NaN(), 0, 1, 1); len(got) != 0 {
		t.Errorf("NaN box: %v", got)
	}
}

func TestItemsDoesNotAllocate(t *testing.T) {
	ix := cluster.New(randomPoints(20000, 5), cluster.Options{})
	dst := make([]cluster.Item, 0, 20000)
	allocs := testing.AllocsPerRun(100, func() {
		dst = ix.Items(dst[:0], 3.5, -0.2, 0.1, 0.6, 0.9)
		_, _ = ix.Hit(7, 0.3, 0.3, px(20, 7))
	})
	if allocs != 0 {
		t.Errorf("Items and Hit: %v allocations, want 0", allocs)
	}
}

func TestConcurrentQueries(t *testing.T) {
	ix := cluster.New(randomPoints(20000, 6), cluster.Options{})
	want := ix.Items(nil, 6, 0, 0, 1, 1)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			var dst []cluster.Item
			var mem []int
			for range 20 {
				dst = ix.Items(dst[:0], 6, 0, 0, 1, 1)
				if len(dst) != len(want) {
					t.Errorf("concurrent Items: %d items, want %d", len(dst), len(want))
				}
				if it, ok := ix.Hit(6, 0.5, 0.5, 1); ok {
					mem = ix.Members(mem[:0], it.ID)
				}
			}
		})
	}
	wg.Wait()
}

func TestSameResultOnAnyNumberOfCores(t *testing.T) {
	pts := randomPoints(150000, 10)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	one := cluster.New(pts, cluster.Options{})
	runtime.GOMAXPROCS(4)
	four := cluster.New(pts, cluster.Options{})
	for z := 0; z <= one.MaxZoom(); z++ {
		if a, b := cluster.All(one, float64(z)), cluster.All(four, float64(z)); !slices.Equal(a, b) {
			t.Fatalf("zoom %d: %d items on one core, %d on four, or different", z, len(a), len(b))
		}
	}
}

func TestMinPriorityPoints(t *testing.T) {
	// Two settings 5 px apart at zoom 3 stay apart with MinPriorityPoints
	// 3; a third one near them makes a cluster of three.
	s := 256 * math.Exp2(3) // pixels per world unit at zoom 3
	two := []cluster.Point{{X: 0.5, Y: 0.5, Priority: true}, {X: 0.5 + 5/s, Y: 0.5, Priority: true}}
	ix := cluster.New(two, cluster.Options{Radius: 40, MinPriorityPoints: 3})
	if items := ix.Items(nil, 3, 0, 0, 1, 1); len(items) != 2 {
		t.Errorf("two settings: %d items at zoom 3; want 2 apart", len(items))
	}
	if items := ix.Items(nil, 0, 0, 0, 1, 1); len(items) != 2 {
		t.Errorf("two settings: %d items at zoom 0; want 2 apart", len(items))
	}
	three := append(two, cluster.Point{X: 0.5, Y: 0.5 + 5/s, Priority: true})
	ix = cluster.New(three, cluster.Options{Radius: 40, MinPriorityPoints: 3})
	items := ix.Items(nil, 3, 0, 0, 1, 1)
	if len(items) != 1 || items[0].Count != 3 {
		t.Errorf("three settings: %+v; want one cluster of 3", items)
	}
	// Ordinary points are not affected.
	plain := []cluster.Point{{X: 0.5, Y: 0.5}, {X: 0.5 + 5/s, Y: 0.5}}
	ix = cluster.New(plain, cluster.Options{Radius: 40, MinPriorityPoints: 3})
	if items := ix.Items(nil, 3, 0, 0, 1, 1); len(items) != 1 {
		t.Errorf("two ordinary points: %d items; want 1 cluster", len(items))
	}
}
