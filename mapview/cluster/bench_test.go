package cluster_test

import (
	"math/rand/v2"
	"sync"
	"testing"

	"reportmap/mapview/cluster"
)

const million = 1_000_000

// uniform returns n points spread uniformly over the world, fixed seed.
func uniform(n int) []cluster.Point {
	r := rand.New(rand.NewPCG(42, 42))
	pts := make([]cluster.Point, n)
	for i := range pts {
		pts[i] = cluster.Point{X: r.Float64(), Y: r.Float64(), Priority: i%20 == 0}
	}
	return pts
}

var (
	bigOnce  sync.Once
	bigIndex *cluster.Index
)

// big returns an index of a million uniform points, built once.
func big(b *testing.B) *cluster.Index {
	b.Helper()
	bigOnce.Do(func() { bigIndex = cluster.New(uniform(million), cluster.Options{}) })
	return bigIndex
}

func BenchmarkIndex1M(b *testing.B) {
	pts := uniform(million)
	b.ReportAllocs()
	for b.Loop() {
		cluster.New(pts, cluster.Options{})
	}
}

// hitZoom is where the level holds nearly every point as itself.
const hitZoom = 12

// taps returns random points, fixed seed.
func taps(n int) [][2]float64 {
	r := rand.New(rand.NewPCG(7, 7))
	t := make([][2]float64, n)
	for i := range t {
		t[i] = [2]float64{r.Float64(), r.Float64()}
	}
	return t
}

// tapsNear returns n taps, each within about 10 px at zoom of a random
// item of ix, fixed seed: the taps a user makes, most of which hit.
func tapsNear(ix *cluster.Index, zoom, n int) [][2]float64 {
	all := cluster.All(ix, float64(zoom))
	r := rand.New(rand.NewPCG(9, 9))
	t := make([][2]float64, n)
	for i := range t {
		it := all[r.IntN(len(all))]
		t[i] = [2]float64{it.X + r.NormFloat64()*px(7, zoom), it.Y + r.NormFloat64()*px(7, zoom)}
	}
	return t
}

func BenchmarkHitTest1M(b *testing.B) {
	ix := big(b)
	tp := tapsNear(ix, hitZoom, 4096)
	radius := px(20, hitZoom)
	b.ReportAllocs()
	i, hits := 0, 0
	for b.Loop() {
		t := tp[i%len(tp)]
		if _, ok := ix.Hit(hitZoom, t[0], t[1], radius); ok {
			hits++
		}
		i++
	}
	b.ReportMetric(float64(hits)/float64(i), "hits/op")
}

func BenchmarkHitTestBruteForce1M(b *testing.B) {
	ix := big(b)
	all := cluster.All(ix, hitZoom)
	tp := tapsNear(ix, hitZoom, 4096)
	radius := px(20, hitZoom)
	b.ReportAllocs()
	i, hits := 0, 0
	for b.Loop() {
		t := tp[i%len(tp)]
		if _, _, ok := bruteHit(all, t[0], t[1], radius); ok {
			hits++
		}
		i++
	}
	b.ReportMetric(float64(hits)/float64(i), "hits/op")
}

func BenchmarkItems1M(b *testing.B) {
	ix := big(b)
	for _, bc := range []struct {
		name string
		zoom int
	}{{"zoom4", 4}, {"zoom10", 10}} {
		b.Run(bc.name, func(b *testing.B) {
			w, h := px(1280, bc.zoom), px(800, bc.zoom)
			tp := taps(4096)
			dst := make([]cluster.Item, 0, 4096)
			b.ReportAllocs()
			i, items := 0, 0
			for b.Loop() {
				t := tp[i%len(tp)]
				dst = ix.Items(dst[:0], float64(bc.zoom), t[0]-w/2, t[1]-h/2, t[0]+w/2, t[1]+h/2)
				items += len(dst)
				i++
			}
			b.ReportMetric(float64(items)/float64(i), "items/op")
		})
	}
}
