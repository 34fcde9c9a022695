package cluster_test

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"reportmap/mapview/cluster"
)

func Example() {
	// Three reports in one town, a fourth nearby and the setting of the
	// story (a priority point) between them.
	pts := []cluster.Point{
		{X: 0.5100, Y: 0.3300},
		{X: 0.5101, Y: 0.3300},
		{X: 0.5100, Y: 0.3301},
		{X: 0.5140, Y: 0.3320},
		{X: 0.5120, Y: 0.3310, Priority: true},
	}
	ix := cluster.New(pts, cluster.Options{}) // 40 px radius, zooms 0 to 16

	var items []cluster.Item
	for _, zoom := range []float64{4, 9.5, 14} {
		// The whole world; a widget asks for its view.
		items = ix.Items(items[:0], zoom, 0, 0, 1, 1)
		slices.SortFunc(items, func(a, b cluster.Item) int { return cmp.Compare(a.X, b.X) })
		fmt.Printf("zoom %v:", zoom)
		for _, it := range items {
			fmt.Printf(" %d", it.Count)
			if it.Priority {
				fmt.Print("*")
			}
		}
		fmt.Println()
	}

	// A tap 5 px east of the town at zoom 9.5, with a 20 px finger: what
	// is under it, which reports does it hold and where are they?
	zoom := 9.5
	scale := 256 * math.Exp2(zoom) // pixels per world unit
	if it, ok := ix.Hit(zoom, 0.51003+5/scale, 0.33003, 20/scale); ok {
		members := ix.Members(nil, it.ID)
		slices.Sort(members)
		minX, minY, maxX, maxY, _ := ix.Bounds(it.ID)
		fmt.Printf("tapped %d points %v in [%.4f, %.4f]×[%.4f, %.4f]\n", it.Count, members, minX, maxX, minY, maxY)
	}
	// Output:
	// zoom 4: 4 1*
	// zoom 9.5: 3 1* 1
	// zoom 14: 1 1 1 1* 1
	// tapped 3 points [0 1 2] in [0.5100, 0.5101]×[0.3300, 0.3301]
}
