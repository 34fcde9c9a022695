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
	"io"
	"os"
	"path/filepath"

	"reportmap/atlas"
	"reportmap/gazetteer"
	"reportmap/geoparse"
	"reportmap/geoparse/geoparsetest"
)

func main() {
	small := flag.Bool("test-gazetteer", false, "resolve with the small test gazetteer instead of the embedded one")
	verbose := flag.String("v", "", "also list every place found in the report with this id: entry, kind, confidence, role and reasons")
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
		if *verbose != "" {
			err = list(os.Stdout, p, file, *verbose)
		}
		if err != nil {
		} else if scores, err = geoparse.EvaluateFile(p, file); err == nil {
			geoparse.Report(os.Stdout, scores)
			return
		}
	}
	fmt.Fprintln(os.Stderr, "geoeval:", err)
	os.Exit(1)
}

// list writes every place the parser finds in report id of the places
// file, one a line.
func list(w io.Writer, p *geoparse.Parser, file, id string) error {
	a, err := atlas.LoadFile(file)
	if err != nil {
		return err
	}
	r := a.Report(id)
	if r == nil {
		return fmt.Errorf("no report %q in %s", id, file)
	}
	text, err := os.ReadFile(filepath.Join(filepath.Dir(file), filepath.FromSlash(r.File)))
	if err != nil {
		return err
	}
	for _, pl := range p.Parse(string(text)).Places {
		fmt.Fprintf(w, "%-28s %-22s %-8s %.2f %-9s %q %v\n", pl.Name, pl.Gazetteer, pl.Kind, pl.Confidence, pl.Role, pl.Aliases, pl.Reasons)
	}
	return nil
}
