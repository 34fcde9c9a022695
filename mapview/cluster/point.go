package cluster

import "math"

// Point is an input point.
type Point struct {
	// X, Y are world coordinates. New wraps X into [0,1), clamps Y to
	// [0,1] and puts non-finite coordinates at 0.
	X, Y float64

	// Priority marks a point that must stay apart from ordinary points,
	// such as the setting of a report: it is never merged into a cluster
	// with non-priority points, though priority points may cluster among
	// themselves.
	Priority bool
}

// normalize returns p's coordinates as New stores them: x in [0,1),
// y in [0,1], non-finite values replaced by 0.
func normalize(x, y float64) (float64, float64) {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		x = 0
	}
	if math.IsNaN(y) || math.IsInf(y, 0) {
		y = 0
	}
	if x < 0 || x >= 1 {
		x -= math.Floor(x)
		if x >= 1 { // x was a tiny negative number
			x = 0
		}
	}
	return x, math.Max(0, math.Min(1, y))
}
