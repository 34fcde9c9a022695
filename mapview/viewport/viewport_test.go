package viewport_test

import (
	"math"
	"testing"

	"github.com/paulmach/orb"

	"reportmap/mapview/viewport"
)

var cities = []struct {
	name string
	ll   orb.Point
}{
	{"Kursk", orb.Point{36.19, 51.73}},
	{"Dunkirk", orb.Point{2.37, 51.03}},
	{"Gaza", orb.Point{34.45, 31.5}},
	{"Washington", orb.Point{-77.0365, 38.8977}},
	{"Wellington", orb.Point{174.78, -41.29}},
	{"Suva", orb.Point{178.44, -18.14}},
	{"Apia", orb.Point{-171.76, -13.83}},
	{"Longyearbyen", orb.Point{15.63, 78.22}},
	{"Null Island", orb.Point{0, 0}},
}

func near(a, b, eps float64) bool { return math.Abs(a-b) <= eps }

func TestToWorldKnownValues(t *testing.T) {
	tests := []struct {
		ll   orb.Point
		want orb.Point
	}{
		{orb.Point{-180, viewport.MaxLatitude}, orb.Point{0, 0}},
		{orb.Point{0, 0}, orb.Point{0.5, 0.5}},
		{orb.Point{180, -viewport.MaxLatitude}, orb.Point{1, 1}},
		{orb.Point{90, 0}, orb.Point{0.75, 0.5}},
		{orb.Point{0, 89.9}, orb.Point{0.5, 0}}, // clamped
	}
	for _, tt := range tests {
		got := viewport.ToWorld(tt.ll)
		if !near(got[0], tt.want[0], 1e-9) || !near(got[1], tt.want[1], 1e-9) {
			t.Errorf("ToWorld(%v) = %v; want %v", tt.ll, got, tt.want)
		}
	}
	// Against the textbook formula.
	for _, c := range cities {
		phi := c.ll[1] * math.Pi / 180
		y := (1 - math.Log(math.Tan(phi)+1/math.Cos(phi))/math.Pi) / 2
		if got := viewport.ToWorld(c.ll); !near(got[1], y, 1e-9) {
			t.Errorf("%s: y = %v; want %v", c.name, got[1], y)
		}
	}
}

func TestRoundTrip(t *testing.T) {
	for _, z := range []float64{0, 2.5, 7, 12.25, 19} {
		v := viewport.New(orb.Point{10, 45}, z, 1280, 800)
		for _, c := range cities {
			x, y := v.ToPixel(c.ll)
			back := v.FromPixel(x, y)
			if !near(back[0], c.ll[0], 1e-7) || !near(back[1], c.ll[1], 1e-7) {
				t.Errorf("zoom %v %s: %v → (%v, %v) → %v", z, c.name, c.ll, x, y, back)
			}
		}
	}
}

func TestCentreIsMiddlePixel(t *testing.T) {
	for _, c := range cities {
		v := viewport.New(c.ll, 6.3, 1280, 800)
		if x, y := v.ToPixel(c.ll); !near(x, 640, 1e-6) || !near(y, 400, 1e-6) {
			t.Errorf("%s: centre at (%v, %v); want (640, 400)", c.name, x, y)
		}
	}
}

func TestZoomAboutKeepsPixel(t *testing.T) {
	v := viewport.New(orb.Point{20, 40}, 3, 1280, 800)
	for _, px := range [][2]float64{{0, 0}, {100, 700}, {640, 400}, {1279, 1}} {
		for _, z := range []float64{1.7, 3.7, 8, 15.5} { // from 1.7 the world is taller than the view
			before := v.FromPixel(px[0], px[1])
			w := v.ZoomAbout(px[0], px[1], z)
			after := w.FromPixel(px[0], px[1])
			if w.Zoom != z {
				t.Errorf("zoom %v; want %v", w.Zoom, z)
			}
			if !near(before[0], after[0], 1e-7) || !near(before[1], after[1], 1e-7) {
				t.Errorf("pixel %v zoom %v→%v: %v became %v", px, v.Zoom, z, before, after)
			}
		}
	}
	if w := v.ZoomAbout(10, 10, 40); w.Zoom != viewport.MaxZoom {
		t.Errorf("zoom not clamped: %v", w.Zoom)
	}
}

func TestPanMovesContent(t *testing.T) {
	v := viewport.New(orb.Point{2.37, 51.03}, 8, 1280, 800)
	x0, y0 := v.ToPixel(orb.Point{2.37, 51.03})
	w := v.Pan(35, -20)
	x1, y1 := w.ToPixel(orb.Point{2.37, 51.03})
	if !near(x1-x0, 35, 1e-6) || !near(y1-y0, -20, 1e-6) {
		t.Errorf("content moved by (%v, %v); want (35, -20)", x1-x0, y1-y0)
	}
}

func TestWrap(t *testing.T) {
	// Panning east past the antimeridian wraps the centre.
	v := viewport.New(orb.Point{179, 0}, 4, 1280, 800)
	w := v.Pan(-viewport.Scale(4)*(4.0/360), 0) // 4 degrees east
	if !near(w.Center[0], -177, 1e-6) {
		t.Errorf("centre lon %v; want -177", w.Center[0])
	}
	// Apia (-171.76) is to the east of a view centred at 179, not a world away.
	x, _ := v.ToPixel(orb.Point{-171.76, -13.83})
	if x < 640 || x > 1280 {
		t.Errorf("Apia at x %v; want just east of the centre", x)
	}
	b := v.Bounds()
	if !(b.Min[0] > 0 && b.Max[0] < 0) {
		t.Errorf("bounds across the antimeridian: %v", b)
	}
	// A view wider than the world covers all longitudes.
	if b := viewport.New(orb.Point{0, 0}, 0, 1280, 800).Bounds(); b.Min[0] != -180 || b.Max[0] != 180 {
		t.Errorf("whole-world bounds %v", b)
	}
	if got := viewport.New(orb.Point{0, 89}, 2, 100, 100).Center[1]; got != viewport.MaxLatitude {
		t.Errorf("latitude not clamped: %v", got)
	}
}

func TestFitContainsEveryPoint(t *testing.T) {
	sets := map[string][]orb.Point{
		"settings": {{35.27, 51.19}, {34.8, 50.91}, {2.42, 51.06}, {2.22, 51.0}, {34.4, 31.45}, {-77.04, 38.9}},
		"europe":   {{2.35, 48.86}, {-0.13, 51.51}, {23.73, 37.98}, {37.62, 55.76}},
		"pacific":  {{174.78, -41.29}, {-171.76, -13.83}},
		"one":      {{2.37, 51.03}},
	}
	sizes := [][2]float64{{1280, 800}, {400, 900}, {2560, 1440}, {300, 200}}
	for name, pts := range sets {
		for _, sz := range sizes {
			b := orb.MultiPoint(pts).Bound()
			if name == "pacific" { // across the antimeridian
				b = orb.Bound{Min: orb.Point{174.78, -41.29}, Max: orb.Point{-171.76, -13.83}}
			}
			const pad = 40
			v := viewport.Fit(b, sz[0], sz[1], pad, 12)
			for _, p := range pts {
				x, y := v.ToPixel(p)
				if x < pad-1e-6 || x > sz[0]-pad+1e-6 || y < pad-1e-6 || y > sz[1]-pad+1e-6 {
					t.Errorf("%s in %v: %v at (%.1f, %.1f), outside the padded view (zoom %.2f)", name, sz, p, x, y, v.Zoom)
				}
			}
			if name == "one" && v.Zoom != 12 {
				t.Errorf("a single point fits at zoom %v; want the maximum, 12", v.Zoom)
			}
			if name != "one" && v.Zoom >= 12 {
				t.Errorf("%s: zoom %v; want below the maximum", name, v.Zoom)
			}
		}
	}
}

func TestWorldToPixelMatchesToPixel(t *testing.T) {
	v := viewport.New(orb.Point{30, 45}, 5.5, 1280, 800)
	for _, c := range cities {
		x1, y1 := v.ToPixel(c.ll)
		x2, y2 := v.WorldToPixel(viewport.ToWorld(c.ll))
		if math.Abs(c.ll[0]-30) < 170 && (!near(x1, x2, 1e-6) || !near(y1, y2, 1e-6)) {
			t.Errorf("%s: ToPixel (%v, %v), WorldToPixel (%v, %v)", c.name, x1, y1, x2, y2)
		}
	}
}

func BenchmarkToPixel(b *testing.B) {
	v := viewport.New(orb.Point{30, 45}, 5.5, 1280, 800)
	for b.Loop() {
		v.ToPixel(orb.Point{36.19, 51.73})
	}
}

func BenchmarkWorldToPixel(b *testing.B) {
	v := viewport.New(orb.Point{30, 45}, 5.5, 1280, 800)
	w := viewport.ToWorld(orb.Point{36.19, 51.73})
	for b.Loop() {
		v.WorldToPixel(w)
	}
}

func TestFitInsetsKeepsEachMargin(t *testing.T) {
	b := orb.Bound{Min: orb.Point{-77, 9}, Max: orb.Point{36.2, 51.7}}
	in := viewport.Insets{Left: 10, Top: 20, Right: 90, Bottom: 40}
	v := viewport.FitInsets(b, 1000, 700, in, 18)
	for _, p := range []orb.Point{b.Min, b.Max, {b.Min[0], b.Max[1]}, {b.Max[0], b.Min[1]}} {
		x, y := v.ToPixel(p)
		if x < in.Left-1e-6 || y < in.Top-1e-6 || x > v.W-in.Right+1e-6 || y > v.H-in.Bottom+1e-6 {
			t.Errorf("%v at (%.2f, %.2f), inside the insets %+v of %vx%v", p, x, y, in, v.W, v.H)
		}
	}
	// The binding direction touches both its insets.
	x0, _ := v.ToPixel(orb.Point{b.Min[0], 0})
	x1, _ := v.ToPixel(orb.Point{b.Max[0], 0})
	if math.Abs(x0-in.Left) > 1e-6 || math.Abs(x1-(v.W-in.Right)) > 1e-6 {
		t.Errorf("the bound spans x %.2f to %.2f; want %v to %v", x0, x1, in.Left, v.W-in.Right)
	}
}
