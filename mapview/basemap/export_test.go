package basemap

// Decode decodes the embedded data afresh, without Load's once-per-process
// cache, for BenchmarkLoad.
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

// DecodeTowns decodes the embedded towns afresh, for BenchmarkLoadTowns.
func DecodeTowns() error {
	_, err := decodeTowns(townsFile)
	return err
}

// DecodeAdmin1 decodes the embedded admin-1 borders afresh, for
// BenchmarkLoadAdmin1.
func DecodeAdmin1() error {
	_, err := decodeAdmin1(admin1File)
	return err
}

// Admin1Vertices returns the admin-1 borders' vertex counts per band,
// coarsest first.
func Admin1Vertices() []int {
	a, err := sharedAdmin1()
	if err != nil {
		return nil
	}
	var n []int
	for i := range a.coarse {
		n = append(n, a.coarse[i].vertices())
	}
	return append(n, a.full.vertices())
}

// DecodedTowns and DecodedAdmin1 decode afresh and return the result, for
// the tests that weigh it.
func DecodedTowns() (any, error)  { return decodeTowns(townsFile) }
func DecodedAdmin1() (any, error) { return decodeAdmin1(admin1File) }
