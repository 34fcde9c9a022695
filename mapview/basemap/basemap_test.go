package basemap_test

import (
	"bytes"
	"flag"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/paulmach/orb"

	"reportmap/mapview/basemap"
	"reportmap/mapview/viewport"
)

var update = flag.Bool("update", false, "write testdata/*.png anew")

// style has colours far enough apart to tell the layers apart in tests.
var style = basemap.Style{
	Water:       color.RGBA{0xaa, 0xd3, 0xdf, 0xff},
	Land:        color.RGBA{0xf2, 0xef, 0xe9, 0xff},
	Border:      color.RGBA{0x80, 0x60, 0x80, 0xff},
	BorderWidth: 1,
}

func load(t testing.TB) *basemap.Basemap {
	t.Helper()
	b, err := basemap.Load()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// view is a w×h view centred on lon/lat at zoom.
type view struct {
	x0, y0, scale float64
	w, h          int
}

func viewAt(lon, lat, zoom float64, w, h int) view {
	s := viewport.Scale(zoom)
	cx, cy := project(lon, lat)
	return view{cx - float64(w)/2/s, cy - float64(h)/2/s, s, w, h}
}

// pixel returns the pixel of lon/lat in v.
func (v view) pixel(lon, lat float64) (x, y int) {
	wx, wy := project(lon, lat)
	return int(math.Floor((wx - v.x0) * v.scale)), int(math.Floor((wy - v.y0) * v.scale))
}

func (v view) draw(b *basemap.Basemap) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, v.w, v.h))
	b.Draw(img, v.x0, v.y0, v.scale, style)
	return img
}

// drawLand draws v without borders, for tests of land and water at zooms
// where a border pixel is most of a degree wide.
func (v view) drawLand(b *basemap.Basemap) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, v.w, v.h))
	st := style
	st.Border = nil
	b.Draw(img, v.x0, v.y0, v.scale, st)
	return img
}

func same(a color.Color, b color.Color) bool {
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	return r1>>8 == r2>>8 && g1>>8 == g2>>8 && b1>>8 == b2>>8 && a1>>8 == a2>>8
}

// expect checks that lon/lat is drawn exactly in colour want.
func expect(t *testing.T, img *image.RGBA, v view, what string, lon, lat float64, want color.Color) {
	t.Helper()
	x, y := v.pixel(lon, lat)
	if !image.Pt(x, y).In(img.Rect) {
		t.Fatalf("%s (%g, %g) is pixel (%d, %d), outside the image", what, lon, lat, x, y)
	}
	if got := img.At(x, y); !same(got, want) {
		t.Errorf("%s (%g, %g) at pixel (%d, %d) is %v, want %v", what, lon, lat, x, y, got, want)
	}
}

func TestLoad(t *testing.T) {
	a, b := load(t), load(t)
	if a == b {
		t.Error("Load returned the same Basemap twice; each caller needs its own buffers")
	}
	land, borders := basemap.Vertices(a)
	t.Logf("vertices per band, coarsest first: land %v, borders %v", land, borders)
	for i := 1; i < len(land); i++ {
		if land[i-1] >= land[i] || borders[i-1] >= borders[i] {
			t.Errorf("band %d is not coarser than band %d: land %v, borders %v", i-1, i, land, borders)
		}
	}
	if n := land[len(land)-1]; n < 50000 {
		t.Errorf("full-resolution land has %d vertices, want the 1:50m data's ~60k", n)
	}
	if n := land[0]; n > 15000 {
		t.Errorf("coarsest land band has %d vertices, want far fewer than the full data", n)
	}
}

func TestDrawWorld(t *testing.T) {
	b := load(t)
	v := view{0, 0, viewport.Scale(1), 512, 512} // the whole world, exactly
	// Land and water without borders first: at zoom 1 a border pixel is
	// 0.7° wide and some run close to the test points.
	img := v.drawLand(b)
	for _, p := range []struct {
		what     string
		lon, lat float64
	}{
		{"central Africa", 20, 5},
		{"Sahara", 10, 25},
		{"Siberia", 100, 60},
		{"Iran", 55, 32},
		{"United States", -100, 40},
		{"Brazil", -55, -10},
		{"Australia", 135, -25},
		{"Antarctica", 0, -83},
	} {
		expect(t, img, v, p.what, p.lon, p.lat, style.Land)
	}
	for _, p := range []struct {
		what     string
		lon, lat float64
	}{
		{"mid Pacific", -150, 0},
		{"mid Atlantic", -30, 30},
		{"South Atlantic", -15, -30},
		{"Indian Ocean", 80, -30},
		{"Caspian Sea", 50.5, 42}, // land-50m's one hole
	} {
		expect(t, img, v, p.what, p.lon, p.lat, style.Water)
	}
	golden(t, "world.png", v.draw(b))
}

func TestDrawDunkirk(t *testing.T) {
	b := load(t)
	v := viewAt(2.37, 51.03, 8, 512, 512)
	img := v.draw(b)
	expect(t, img, v, "south of the coast", 2.37, 50.95, style.Land)
	expect(t, img, v, "inland", 2.5, 50.75, style.Land)
	expect(t, img, v, "the Channel", 2.0, 51.3, style.Water)
	expect(t, img, v, "North Sea", 2.37, 51.2, style.Water)
	golden(t, "dunkirk.png", img)
}

func TestDrawBorder(t *testing.T) {
	b := load(t)
	v := viewAt(2.6, 50.9, 7, 256, 256)
	img := v.draw(b)
	x0, y0 := v.pixel(2.6, 50.9)
	for y := y0 - 2; y <= y0+2; y++ {
		for x := x0 - 2; x <= x0+2; x++ {
			if c := img.At(x, y); !same(c, style.Land) && !same(c, style.Water) {
				return
			}
		}
	}
	t.Errorf("no border pixel within 2 px of the France–Belgium border at (2.6, 50.9), pixel (%d, %d)", x0, y0)
}

// TestDrawWrap checks that a view across the antimeridian, and one wider
// than the world, draw the world's copies.
func TestDrawWrap(t *testing.T) {
	b := load(t)
	// Centred on the antimeridian: Russia's east to the west, Alaska east.
	v := viewAt(180, 60, 3, 512, 256)
	img := v.draw(b)
	expect(t, img, v, "Chukotka", 170, 66, style.Land)
	expect(t, img, v, "Alaska", -155+360, 65, style.Land) // east of 180°
	expect(t, img, v, "Bering Sea", -178+360, 58, style.Water)
	// Three worlds wide at zoom 0: Africa three times.
	v = view{-1, 0, viewport.Scale(0), 768, 256}
	img = v.drawLand(b)
	for k := -1; k <= 1; k++ {
		x, y := v.pixel(20+360*float64(k), 5)
		if c := img.At(x, y); !same(c, style.Land) {
			t.Errorf("copy %d: Africa at pixel (%d, %d) is %v, want land", k, x, y, c)
		}
	}
}

// TestDrawEdges checks views that show nothing of the world or are odd.
func TestDrawEdges(t *testing.T) {
	b := load(t)
	img := image.NewRGBA(image.Rect(0, 0, 64, 64))
	for _, v := range []view{
		{0, -2, 256, 64, 64},            // above the world
		{0.5, 0.5, 0, 64, 64},           // zero scale
		{math.NaN(), 0, 256, 64, 64},    // nonsense
		{0.3, 0.3, 1 << 28, 64, 64},     // zoom 20 over Quebec
		{0.3, 0.6, 1 << 28, 64, 64},     // zoom 20 off Chile
		{0.785, 0.275, 1 << 28, 64, 64}, // zoom 20 in Siberia: land
	} {
		b.Draw(img, v.x0, v.y0, v.scale, style)
	}
	// The last draw is inside a continent: all land.
	if c := img.At(0, 0); !same(c, style.Land) {
		t.Errorf("zoom 20 inside Siberia: %v, want land", c)
	}
	// A sub-image draws at its own origin: its top-left pixel is (x0, y0).
	big := image.NewRGBA(image.Rect(0, 0, 512, 512))
	sub := big.SubImage(image.Rect(256, 256, 512, 512)).(*image.RGBA)
	v := view{0, 0, viewport.Scale(1), 256, 256} // the north-west quarter
	b.Draw(sub, v.x0, v.y0, v.scale, style)
	if c := big.At(255, 255); !same(c, color.RGBA{}) {
		t.Errorf("drawing into a sub-image touched pixels outside it: %v", c)
	}
	x, y := v.pixel(-100, 40)
	if c := sub.At(256+x, 256+y); !same(c, style.Land) {
		t.Errorf("sub-image: the United States are %v, want land", c)
	}
	x, y = v.pixel(-40, 40)
	if c := sub.At(256+x, 256+y); !same(c, style.Water) {
		t.Errorf("sub-image: the Atlantic is %v, want water", c)
	}
}

func TestLabels(t *testing.T) {
	b := load(t)
	v := viewAt(10, 50, 5, 1280, 800) // Europe
	ls := b.Labels(nil, v.x0, v.y0, v.scale, v.w, v.h)
	if len(ls) == 0 {
		t.Fatal("no labels over Europe")
	}
	names := map[string]basemap.Label{}
	for i, l := range ls {
		if l.X < 0 || l.Y < 0 || l.X >= 1280 || l.Y >= 800 {
			t.Errorf("%s at (%g, %g), outside the view", l.Name, l.X, l.Y)
		}
		if i > 0 && l.Area > ls[i-1].Area {
			t.Errorf("%s (%g) after %s (%g): not by area, descending", l.Name, l.Area, ls[i-1].Name, ls[i-1].Area)
		}
		names[l.Name] = l
	}
	for _, n := range []string{"Germany", "France", "Belgium", "Poland", "Czechia", "Luxembourg"} {
		if _, ok := names[n]; !ok {
			t.Errorf("no label for %s over Europe", n)
		}
	}
	if _, ok := names["Brazil"]; ok {
		t.Error("Brazil labelled over Europe")
	}
	// France's anchor is in France, not in French Guiana or the sea.
	if f, ok := names["France"]; ok {
		img := v.draw(b)
		if c := img.At(int(f.X), int(f.Y)); !same(c, style.Land) {
			t.Errorf("France's label point (%g, %g) is %v, not land", f.X, f.Y, c)
		}
		ll := viewport.FromWorld(orb.Point{v.x0 + f.X/v.scale, v.y0 + f.Y/v.scale})
		lon, lat := ll[0], ll[1]
		if lon < -5 || lon > 8 || lat < 42 || lat > 51 {
			t.Errorf("France's label at %.2f, %.2f", lon, lat)
		}
	}
	// Every label anchor is on land in a world view (at zoom 3, so that
	// small islands are at least a pixel).
	world := view{0, 0, viewport.Scale(3), 2048, 2048}
	img := world.draw(b)
	ls = b.Labels(ls, world.x0, world.y0, world.scale, world.w, world.h)
	water := 0
	for _, l := range ls {
		if same(img.At(int(l.X), int(l.Y)), style.Water) {
			water++
			t.Logf("label %s (area %g) at (%g, %g) is on water", l.Name, l.Area, l.X, l.Y)
		}
	}
	if len(ls) < 200 || water > len(ls)/20 {
		t.Errorf("%d labels in the world view, %d of them on water", len(ls), water)
	}
	// Reuse: no allocation when dst is big enough.
	if n := testing.AllocsPerRun(10, func() { ls = b.Labels(ls, world.x0, world.y0, world.scale, world.w, world.h) }); n != 0 {
		t.Errorf("Labels allocates %g times per call with a big enough dst", n)
	}
}

func TestDrawAllocs(t *testing.T) {
	b := load(t)
	v := viewAt(10, 50, 5, 640, 400)
	img := v.draw(b)
	if n := testing.AllocsPerRun(5, func() { b.Draw(img, v.x0, v.y0, v.scale, style) }); n != 0 {
		t.Errorf("Draw allocates %g times per frame after the first", n)
	}
}

// golden compares img with testdata/name, or writes it with -update. The
// files are there for people to look at; the comparison allows a few
// pixels' difference so that a rasterizer update does not fail the test.
func golden(t *testing.T, name string, img *image.RGBA) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		var buf bytes.Buffer
		if err := png.Encode(&buf, img); err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("no golden image (run with -update to write it): %v", err)
	}
	defer f.Close()
	want, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if want.Bounds() != img.Bounds() {
		t.Fatalf("%s is %v, drawing is %v", path, want.Bounds(), img.Bounds())
	}
	diff := 0
	for y := img.Rect.Min.Y; y < img.Rect.Max.Y; y++ {
		for x := img.Rect.Min.X; x < img.Rect.Max.X; x++ {
			r1, g1, b1, _ := img.At(x, y).RGBA()
			r2, g2, b2, _ := want.At(x, y).RGBA()
			if absDiff(r1, r2) > 0x1000 || absDiff(g1, g2) > 0x1000 || absDiff(b1, b2) > 0x1000 {
				diff++
			}
		}
	}
	if n := img.Rect.Dx() * img.Rect.Dy(); diff > n/1000 {
		t.Errorf("%d of %d pixels differ from %s; look at the drawing and run with -update if it is right", diff, n, path)
	}
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if err := basemap.Decode(); err != nil {
			b.Fatal(err)
		}
	}
}

func benchmarkDraw(b *testing.B, v view) {
	m := load(b)
	img := image.NewRGBA(image.Rect(0, 0, v.w, v.h))
	m.Draw(img, v.x0, v.y0, v.scale, style) // size the buffers
	b.ReportAllocs()
	for b.Loop() {
		m.Draw(img, v.x0, v.y0, v.scale, style)
	}
}

func BenchmarkDrawWorld(b *testing.B) {
	benchmarkDraw(b, viewAt(0, 20, 2, 1280, 800))
}

func BenchmarkDrawEurope(b *testing.B) {
	benchmarkDraw(b, viewAt(10, 50, 5, 1280, 800))
}

func BenchmarkLabels(b *testing.B) {
	m := load(b)
	v := viewAt(10, 50, 5, 1280, 800)
	var ls []basemap.Label
	b.ReportAllocs()
	for b.Loop() {
		ls = m.Labels(ls, v.x0, v.y0, v.scale, v.w, v.h)
	}
}

// project converts lon/lat to world coordinates.
func project(lon, lat float64) (x, y float64) {
	w := viewport.ToWorld(orb.Point{lon, lat})
	return w[0], w[1]
}
