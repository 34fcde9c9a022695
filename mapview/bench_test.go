package mapview

import (
	"math/rand/v2"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"github.com/paulmach/orb"

	"reportmap/atlas"
	"reportmap/atlas/atlastest"
)

// generated returns the million generated places of atlastest.Million.
func generated(b *testing.B) *atlas.Atlas {
	a, err := atlastest.Million()
	if err != nil {
		b.Fatal(err)
	}
	return a
}

// benchMap is a 1280×800 map of n generated places at the default view.
func benchMap(b *testing.B, n int) (*Map, *mapRenderer) {
	test.NewTempApp(b)
	a := generated(b)
	m := NewMap()
	m.SetPlaces(a.Places[:n], a.Reports)
	m.Resize(fyne.NewSize(1280, 800))
	return m, newRenderer(m)
}

// BenchmarkFrame1M draws one full 1280×800 frame (basemap, clustered
// markers, labels) of a million places after indexing.
func BenchmarkFrame1M(b *testing.B) {
	m, r := benchMap(b, 1_000_000)
	m.SetView(orb.Point{10, 30}, 2)
	r.draw(1280, 800) // warm the caches a real window would have
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		r.draw(1280, 800)
	}
}

// BenchmarkFrameHollow1M is BenchmarkFrame1M with every tenth place
// drawn hollow, as if it needed a check.
func BenchmarkFrameHollow1M(b *testing.B) {
	m, r := benchMap(b, 1_000_000)
	m.hollow = make([]bool, len(m.places))
	for i := 0; i < len(m.hollow); i += 10 {
		m.hollow[i] = true
	}
	m.SetView(orb.Point{10, 30}, 2)
	r.draw(1280, 800)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		r.draw(1280, 800)
	}
}

// BenchmarkFramePan1M is a frame of a drag: the view moves between frames,
// so each frame lays the markers and labels out again (a still frame, as
// in BenchmarkFrame1M, reuses the layout).
func BenchmarkFramePan1M(b *testing.B) {
	m, r := benchMap(b, 1_000_000)
	m.SetView(orb.Point{10, 30}, 2)
	r.draw(1280, 800)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		m.view = m.view.Pan(float64(i%7)-3, 0)
		r.draw(1280, 800)
	}
}

// BenchmarkFrameZoomed1M is a frame at zoom 6 over Europe.
func BenchmarkFrameZoomed1M(b *testing.B) {
	m, r := benchMap(b, 1_000_000)
	m.SetView(orb.Point{10, 50}, 6)
	r.draw(1280, 800)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		r.draw(1280, 800)
	}
}

// BenchmarkHitTest1M is one tap's hit-test among a million places.
func BenchmarkHitTest1M(b *testing.B) {
	m, _ := benchMap(b, 1_000_000)
	m.SetView(orb.Point{10, 50}, 6)
	rng := rand.New(rand.NewPCG(1, 2))
	pos := make([]fyne.Position, 1024)
	for i := range pos {
		pos[i] = fyne.NewPos(rng.Float32()*1280, rng.Float32()*800)
	}
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		m.hit(pos[i%len(pos)])
		i++
	}
}

// BenchmarkIndex1M builds the map's index of a million places.
func BenchmarkIndex1M(b *testing.B) {
	test.NewTempApp(b)
	a := generated(b)
	m := NewMap()
	b.ResetTimer()
	for b.Loop() {
		m.SetPlaces(a.Places, a.Reports)
	}
}

// The same 10k places drawn as canvas.Circle objects by Fyne's software
// painter, against the map's one raster, through the same capture.
func BenchmarkFrameCircles10k(b *testing.B) {
	test.NewTempApp(b)
	a := generated(b)
	objs := make([]fyne.CanvasObject, 10_000)
	v := NewMap()
	v.Resize(fyne.NewSize(1280, 800))
	v.SetView(orb.Point{10, 30}, 2)
	for i := range objs {
		c := canvas.NewCircle(Palette[i%len(Palette)])
		x, y := v.view.ToPixel(a.Places[i].Point)
		c.Resize(fyne.NewSize(10, 10))
		c.Move(fyne.NewPos(float32(x)-5, float32(y)-5))
		objs[i] = c
	}
	c := test.NewCanvas()
	c.SetContent(&fyne.Container{Objects: objs})
	c.Resize(fyne.NewSize(1280, 800))
	c.Capture()
	b.ResetTimer()
	for b.Loop() {
		for _, o := range objs {
			o.Refresh()
		}
		c.Capture()
	}
}

func BenchmarkFrame10k(b *testing.B) {
	m, _ := benchMap(b, 10_000)
	m.SetView(orb.Point{10, 30}, 2)
	c := test.NewCanvas()
	c.SetContent(m)
	c.Resize(fyne.NewSize(1280, 800))
	c.Capture()
	b.ResetTimer()
	for b.Loop() {
		m.Refresh()
		c.Capture()
	}
}

// BenchmarkLayout1M spreads the markers of a frame at zoom 2 (what a frame
// adds while the view moves; a still view reuses its layout).
func BenchmarkLayout1M(b *testing.B) {
	m, _ := benchMap(b, 1_000_000)
	m.SetView(orb.Point{10, 30}, 2)
	m.layout()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		m.lay.index = nil // as if the view had moved
		m.layout()
	}
}
