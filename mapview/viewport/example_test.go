package viewport_test

import (
	"fmt"

	"github.com/paulmach/orb"

	"reportmap/mapview/viewport"
)

func ExampleViewport_ToPixel() {
	v := viewport.New(orb.Point{2.37, 51.03}, 8, 1280, 800) // Dunkirk
	x, y := v.ToPixel(orb.Point{2.37, 51.03})
	fmt.Printf("%.0f %.0f\n", x, y)
	x, y = v.ToPixel(orb.Point{1.85, 50.95}) // Calais, to the west
	fmt.Printf("%.0f %.0f\n", x, y)
	// Output:
	// 640 400
	// 545 423
}

func ExampleFit() {
	settings := orb.MultiPoint{{35.27, 51.19}, {2.42, 51.06}, {34.4, 31.45}, {-77.04, 38.9}}
	v := viewport.Fit(settings.Bound(), 1280, 800, 40, 12)
	fmt.Printf("zoom %.2f, centre %.1f, %.1f\n", v.Zoom, v.Center[0], v.Center[1])
	// Output:
	// zoom 3.91, centre -20.9, 42.1
}
