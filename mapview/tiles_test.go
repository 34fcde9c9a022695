package mapview

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/paulmach/orb"

	"reportmap/atlas"
	"reportmap/internal/headless"
	"reportmap/mapview/tiles"
)

// memSource serves solid-colour 256×256 PNG tiles from memory.
type memSource struct{ png []byte }

func newMemSource() *memSource {
	img := image.NewRGBA(image.Rect(0, 0, 256, 256))
	for i := 0; i < len(img.Pix); i += 4 {
		img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3] = 0xc0, 0x40, 0xc0, 0xff // magenta
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return &memSource{png: b.Bytes()}
}

func (s *memSource) ID() string                                         { return "mem" }
func (s *memSource) Attribution() string                                { return "© Test tiles" }
func (s *memSource) ZoomRange() (int, int)                              { return 0, 19 }
func (s *memSource) Covers(z, x, y int) bool                            { return true }
func (s *memSource) Get(context.Context, int, int, int) ([]byte, error) { return s.png, nil }

// tiledMap is a 1280×800 map over memSource's tiles, all loaded.
func tiledMap(t testing.TB) (*Map, *mapRenderer) {
	ap := headless.Wrap(test.NewTempApp(t)) // tiles' fyne.Do runs on this goroutine
	a, err := atlas.LoadFile("../places.geojson")
	if err != nil {
		t.Fatal(err)
	}
	m := NewMap()
	m.SetPlaces(a.Places, a.Reports)
	m.Resize(fyne.NewSize(1280, 800))
	m.SetView(orb.Point{10, 45}, 5.3)
	l := tiles.NewLayer(newMemSource(), tiles.LayerOptions{})
	t.Cleanup(l.Close)
	m.SetTiles(l)
	r := newRenderer(m)
	deadline := time.Now().Add(10 * time.Second)
	for {
		ap.Drain()
		r.draw(1280, 800)
		if m.TilesPending() == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d tiles still pending", m.TilesPending())
		}
		ap.RunUntil(func() bool { return false }, 20*time.Millisecond)
	}
	ap.RunUntil(func() bool { return false }, fadeIn+20*time.Millisecond) // past the fade
	return m, r
}

func TestTilesUnderThePlaces(t *testing.T) {
	m, r := tiledMap(t)
	img := r.draw(1280, 800).(*image.RGBA)
	// Open map is the tiles' magenta; the places are drawn on top.
	if c := img.RGBAAt(300, 700); c != (color.RGBA{0xc0, 0x40, 0xc0, 0xff}) {
		t.Errorf("open map pixel %v; want the tile's magenta", c)
	}
	pos, _ := m.PixelOf("paris")
	if c := img.RGBAAt(int(pos.X), int(pos.Y)); c == (color.RGBA{0xc0, 0x40, 0xc0, 0xff}) {
		t.Errorf("Paris's marker is hidden under the tiles")
	}
}

// BenchmarkFrameTiles is a pan frame at 1280×800 with every visible tile in
// the memory cache.
func BenchmarkFrameTiles(b *testing.B) {
	m, r := tiledMap(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		m.view = m.view.Pan(float64(i%7)-3, 0) // a pan between frames
		r.draw(1280, 800)
	}
}
