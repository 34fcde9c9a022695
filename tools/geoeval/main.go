// Command geoeval geoparses the reports of a hand-made places file and
// prints precision and recall per report and overall, and how many
// settings were guessed right (see geoparse.Evaluate and
// geoparse.Tolerance for the rules).
//
//	go run ./tools/geoeval [places.geojson]
//
// It resolves names with the small test gazetteer of
// geoparse/geoparsetest until the embedded gazetteer is built; then it
// should use gazetteer.Default.
package main

import (
	"fmt"
	"os"

	"reportmap/geoparse"
	"reportmap/geoparse/geoparsetest"
)

func main() {
	file := "places.geojson"
	if len(os.Args) > 1 {
		file = os.Args[1]
	}
	p, err := geoparse.New(geoparsetest.Gazetteer())
	if err == nil {
		var scores []geoparse.Score
		if scores, err = geoparse.EvaluateFile(p, file); err == nil {
			geoparse.Report(os.Stdout, scores)
			return
		}
	}
	fmt.Fprintln(os.Stderr, "geoeval:", err)
	os.Exit(1)
}
