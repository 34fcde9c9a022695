// Command genplaces writes a synthetic places file of N random Point
// features, for benchmarks and for trying the app with many places.
//
//	go run ./tools/genplaces -n 1000000 -o /tmp/1m.geojson
package main

import (
	"flag"
	"fmt"
	"os"

	"reportmap/atlas/atlastest"
)

func main() {
	n := flag.Int("n", 100000, "number of features")
	out := flag.String("o", "", "output file (default standard output)")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	w := os.Stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			fmt.Fprintln(os.Stderr, "genplaces:", err)
			os.Exit(1)
		}
		defer f.Close()
		w = f
	}
	if err := atlastest.Generate(w, *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "genplaces:", err)
		os.Exit(1)
	}
}
