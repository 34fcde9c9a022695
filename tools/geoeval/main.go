// Command geoeval geoparses the reports of a hand-made places file and
// prints precision and recall per report and overall, and how many
// settings were guessed right (see geoparse.Evaluate and
// geoparse.Tolerance for the rules).
//
//	go run ./tools/geoeval [-test-gazetteer] [places.geojson]
//
// It resolves names with the embedded gazetteer (gazetteer.Default), or
// with -test-gazetteer the small one of geoparse/geoparsetest.
package main

import (
	"flag"
	"fmt"
	"os"

	"reportmap/gazetteer"
	"reportmap/geoparse"
	"reportmap/geoparse/geoparsetest"
)

func main() {
	small := flag.Bool("test-gazetteer", false, "resolve with the small test gazetteer instead of the embedded one")
	flag.Parse()
	file := "places.geojson"
	if flag.NArg() > 0 {
		file = flag.Arg(0)
	}
	g := geoparsetest.Gazetteer()
	var err error
	if !*small {
		g, err = gazetteer.Default()
	}
	var p *geoparse.Parser
	if err == nil {
		p, err = geoparse.New(g)
	}
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
