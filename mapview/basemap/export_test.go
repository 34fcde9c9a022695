package basemap

// Decode decodes, projects and simplifies the embedded data afresh, without
// Load's once-per-process cache, for BenchmarkLoad.
func Decode() error {
	_, err := decode()
	return err
}

// Vertices returns the land and border vertex counts of each zoom band,
// coarsest first.
func Vertices(b *Basemap) (land, borders []int) {
	for _, bd := range b.data.bands {
		land = append(land, bd.land.vertices())
		borders = append(borders, bd.borders.vertices())
	}
	return land, borders
}
