package basemap_test

import (
	"image"
	"image/color"
	"runtime"
	"testing"

	"reportmap/mapview/basemap"
)

func towns(t testing.TB, v view, zoom float64) []basemap.Town {
	t.Helper()
	ts, err := basemap.Towns(nil, v.x0, v.y0, v.scale, v.w, v.h, zoom)
	if err != nil {
		t.Fatal(err)
	}
	return ts
}

func TestTownsDunkirk(t *testing.T) {
	v := viewAt(2.37, 51.03, 9, 1280, 800)
	ts := towns(t, v, 9)
	byName := map[string]basemap.Town{}
	for i, tw := range ts {
		if tw.X < 0 || tw.Y < 0 || tw.X >= 1280 || tw.Y >= 800 {
			t.Errorf("%s at (%g, %g), outside the view", tw.Name, tw.X, tw.Y)
		}
		if i > 0 && tw.Level < ts[i-1].Level {
			t.Errorf("%s (level %d) after %s (level %d)", tw.Name, tw.Level, ts[i-1].Name, ts[i-1].Level)
		}
		byName[tw.Name] = tw
	}
	t.Logf("%d towns at zoom 9 over Dunkirk", len(ts))
	for _, n := range []string{"Dunkerque", "Calais", "Gravelines", "Bergues", "Saint-Omer"} {
		if _, ok := byName[n]; !ok {
			t.Errorf("no %s at zoom 9 over Dunkirk", n)
		}
	}
	// Calais is where it is: west of Dunkirk.
	if c, d := byName["Calais"], byName["Dunkerque"]; c.X >= d.X || c.Population < 50000 {
		t.Errorf("Calais %+v, Dunkerque %+v", c, d)
	}
	// Fewer at zoom 6 over the same view's centre, and the small ones gone.
	for _, tw := range towns(t, viewAt(2.37, 51.03, 6, 1280, 800), 6) {
		if tw.Level > 6 {
			t.Errorf("%s of level %d at zoom 6", tw.Name, tw.Level)
		}
		if tw.Name == "Bergues" {
			t.Error("Bergues at zoom 6")
		}
	}
}

func TestTownsZoom(t *testing.T) {
	europe := viewAt(10, 50, 5, 1280, 800)
	if ts := towns(t, europe, 3.9); len(ts) != 0 {
		t.Errorf("%d towns below zoom 4, want none", len(ts))
	}
	z4 := towns(t, viewAt(10, 50, 4, 1280, 800), 4)
	names := map[string]bool{}
	for _, tw := range z4 {
		names[tw.Name] = true
	}
	for _, n := range []string{"Paris", "London", "Berlin", "Rome", "Madrid"} {
		if !names[n] {
			t.Errorf("no %s at zoom 4 over Europe (%d towns)", n, len(z4))
		}
	}
	// More as one zooms in: count the towns in the zoom-4 view's middle.
	n4 := len(z4)
	n5 := len(towns(t, europe, 5))
	t.Logf("Europe: %d towns at zoom 4 (whole view), %d at zoom 5 (middle quarter)", n4, n5)
	if n5 < n4/4 {
		t.Errorf("zoom 5 gives %d towns in a quarter of zoom 4's view, which has %d", n5, n4)
	}
}

func TestTownsWrap(t *testing.T) {
	// Across the antimeridian: Fiji's Suva (178.4°E) east of the middle
	// when centred on 180°, and once only.
	v := viewAt(180, -18, 8, 2560, 800)
	n := 0
	for _, tw := range towns(t, v, 8) {
		if tw.Name == "Suva" {
			n++
			if tw.X >= 1280 {
				t.Errorf("Suva at x %g, want west of the middle", tw.X)
			}
		}
	}
	if n != 1 {
		t.Errorf("Suva %d times", n)
	}
	// Nonsense views give nothing and no error.
	for _, v := range []view{{0, 0, 0, 10, 10}, {0, -2, 256, 64, 64}, {0, 0, 1 << 20, 0, 0}} {
		if ts := towns(t, v, 8); len(ts) != 0 {
			t.Errorf("%+v: %d towns", v, len(ts))
		}
	}
}

func TestTownsAllocs(t *testing.T) {
	v := viewAt(2.37, 51.03, 9, 1280, 800)
	ts := towns(t, v, 9)
	if n := testing.AllocsPerRun(10, func() { ts, _ = basemap.Towns(ts, v.x0, v.y0, v.scale, v.w, v.h, 9) }); n != 0 {
		t.Errorf("Towns allocates %g times with a big enough dst", n)
	}
}

func TestAdmin1(t *testing.T) {
	b := load(t)
	if err := basemap.LoadAdmin1(); err != nil {
		t.Fatal(err)
	}
	verts := basemap.Admin1Vertices()
	t.Logf("admin-1 vertices per band, coarsest first: %v", verts)
	for i := 1; i < len(verts); i++ {
		if verts[i-1] >= verts[i] {
			t.Errorf("band %d is not coarser than band %d: %v", i-1, i, verts)
		}
	}
	st := style
	st.Border = nil
	admin := color.RGBA{0xff, 0, 0, 0xff}
	// Bavaria and Baden-Württemberg meet near Ulm (10.0°E, 48.4°N).
	v := viewAt(10.0, 48.4, 7, 256, 256)
	img := image.NewRGBA(image.Rect(0, 0, v.w, v.h))
	b.Draw(img, v.x0, v.y0, v.scale, st)
	if n := count(img, admin); n != 0 {
		t.Fatalf("%d admin-1 pixels without Style.Admin1", n)
	}
	st.Admin1 = admin
	b.Draw(img, v.x0, v.y0, v.scale, st)
	if n := count(img, admin); n < 100 {
		t.Errorf("%d admin-1 pixels around Ulm at zoom 7, want a line across", n)
	}
	// Not along a coast: the Côtes-d'Armor's, around Saint-Brieuc, is
	// coast and no border between departments.
	v = viewAt(-2.76, 48.62, 9, 256, 256)
	b.Draw(img, v.x0, v.y0, v.scale, st)
	if n := count(img, admin); n > 0 {
		t.Errorf("%d admin-1 pixels on the coast at Saint-Brieuc", n)
	}
	// Nor along a country border: the Rhine at Strasbourg (7.80°E,
	// 48.58°N), with only Bas-Rhin on one side and Baden-Württemberg on
	// the other.
	v = viewAt(7.80, 48.58, 10, 128, 128)
	b.Draw(img, v.x0, v.y0, v.scale, st)
	if n := count(img, admin); n > 0 {
		t.Errorf("%d admin-1 pixels on the French–German border", n)
	}
}

// count is how many pixels of img are tinted red: the admin-1 colour of
// the tests is pure red, which neither land nor water is.
func count(img *image.RGBA, _ color.RGBA) int {
	n := 0
	for i := 0; i+3 < len(img.Pix); i += 4 {
		if int(img.Pix[i]) > int(img.Pix[i+1])+20 {
			n++
		}
	}
	return n
}

func BenchmarkLoadTowns(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if err := basemap.DecodeTowns(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadAdmin1(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if err := basemap.DecodeAdmin1(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkTowns(b *testing.B) {
	for _, c := range []struct {
		name string
		v    view
		zoom float64
	}{{"Europe5", viewAt(10, 50, 5, 1280, 800), 5}, {"Dunkirk9", viewAt(2.37, 51.03, 9, 1280, 800), 9}} {
		b.Run(c.name, func(b *testing.B) {
			ts := towns(b, c.v, c.zoom)
			b.ReportAllocs()
			for b.Loop() {
				ts, _ = basemap.Towns(ts, c.v.x0, c.v.y0, c.v.scale, c.v.w, c.v.h, c.zoom)
			}
			b.ReportMetric(float64(len(ts)), "towns")
		})
	}
}

func BenchmarkDrawEuropeAdmin1(b *testing.B) {
	m := load(b)
	v := viewAt(10, 50, 5, 1280, 800)
	st := style
	st.Admin1 = color.RGBA{0xc0, 0xb0, 0xc0, 0xff}
	img := image.NewRGBA(image.Rect(0, 0, v.w, v.h))
	m.Draw(img, v.x0, v.y0, v.scale, st)
	b.ReportAllocs()
	for b.Loop() {
		m.Draw(img, v.x0, v.y0, v.scale, st)
	}
}

// TestDecodedHeap weighs the decoded towns and admin-1 borders (the live
// heap they keep) and bounds it.
func TestDecodedHeap(t *testing.T) {
	for _, c := range []struct {
		name   string
		decode func() (any, error)
		max    uint64
	}{{"towns", basemap.DecodedTowns, 12 << 20}, {"admin-1 borders", basemap.DecodedAdmin1, 12 << 20}} {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		v, err := c.decode()
		if err != nil {
			t.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		live := after.HeapAlloc - min(before.HeapAlloc, after.HeapAlloc)
		runtime.KeepAlive(v)
		t.Logf("%s: %.1f MB live", c.name, float64(live)/1e6)
		if live > c.max {
			t.Errorf("%s keep %d bytes, want at most %d", c.name, live, c.max)
		}
	}
}
