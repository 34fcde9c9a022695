package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"reportmap/atlas"
	"reportmap/document"
	"reportmap/gazetteer"
	"reportmap/geoparse"
	"reportmap/internal/userfile"
	"reportmap/ui"
)

// importGazetteer returns the gazetteer -import resolves names with: the
// embedded one. It is a variable so that tests can give a small one.
var importGazetteer = gazetteer.Default

// importParser is the geoparser over importGazetteer, for -import and
// for -png and -locate of a report file.
func importParser() (*geoparse.Parser, error) {
	g, err := importGazetteer()
	if err != nil {
		return nil, err
	}
	return geoparse.New(g)
}

// runImport geoparses each file as one report and writes out, a places
// file, with each report's text under reports/ beside it. It prints one
// line per file and returns the exit status: 0 done, 1 when a file could
// not be read or out not written, 2 on bad usage.
func runImport(out string, files []string, stdout, stderr io.Writer) int {
	if out == "" || len(files) == 0 {
		fmt.Fprintln(stderr, "reportmap: -import needs -o OUT.geojson and at least one FILE (.txt, .md, .html)")
		return 2
	}
	absOut, err := filepath.Abs(out)
	if err != nil {
		fmt.Fprintln(stderr, "reportmap:", err)
		return 2
	}
	inputs := map[string]bool{}
	for _, f := range files {
		if a, err := filepath.Abs(f); err == nil {
			inputs[a] = true
		}
	}
	if inputs[absOut] {
		fmt.Fprintf(stderr, "reportmap: -o %s is one of the input files; it is never overwritten\n", out)
		return 2
	}
	p, err := importParser()
	if err != nil {
		fmt.Fprintln(stderr, "reportmap:", err)
		return 1
	}
	status, readable := 0, 0
	doc := document.New(nil, nil, "", false)
	for _, f := range files {
		// Like every file the user names: a regular file within the
		// report-size limit, read without blocking on a pipe.
		data, err := userfile.Read(f, atlas.MaxReportFileSize)
		if err != nil {
			var ue *userfile.Error
			if errors.As(err, &ue) && ue.Kind != userfile.Unreadable {
				fmt.Fprintf(stderr, "reportmap: %s: cannot be read: %s\n", f, ue.Describe("it"))
			} else if errors.As(err, &ue) {
				fmt.Fprintf(stderr, "reportmap: %s: cannot be read: %v\n", f, ue.Err)
			} else {
				fmt.Fprintf(stderr, "reportmap: %s: cannot be read: %v\n", f, err)
			}
			status = 1
			continue
		}
		readable++
		im, err := document.Parse(p, f, data, "")
		if errors.Is(err, document.ErrNoPlaces) {
			fmt.Fprintf(stdout, "%s: no place found; not added\n", f)
			continue
		}
		if err != nil {
			fmt.Fprintf(stderr, "reportmap: %s\n", ui.ErrorMessage(err))
			status = 1
			continue
		}
		added := doc.Add(im)
		a := doc.Atlas()
		var settingNames []string
		for _, id := range a.Report(added.Report).Settings {
			settingNames = append(settingNames, a.Place(id).Name)
		}
		fmt.Fprintf(stdout, "%s: report %q, %s, settings: %s\n", f, added.Report, plural(len(im.Places), "place"), orNone(settingNames))
	}
	a := doc.Atlas()
	if len(a.Places) == 0 {
		// A places file needs a place: the app could not open one without.
		fmt.Fprintf(stderr, "reportmap: no places found in %s; %s not written\n", plural(readable, "readable file"), out)
		return 1
	}
	if err := doc.SaveAs(absOut); err != nil {
		fmt.Fprintf(stderr, "reportmap: %s\n", ui.ErrorMessage(err))
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s: %s, %s\n", out, plural(len(a.Reports), "report"), plural(len(a.Places), "place"))
	return status
}

func orNone(ss []string) string {
	if len(ss) == 0 {
		return "none"
	}
	return strings.Join(ss, ", ")
}
