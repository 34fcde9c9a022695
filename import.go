package main

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/paulmach/orb"

	"reportmap/atlas"
	"reportmap/gazetteer"
	"reportmap/geoparse"
	"reportmap/internal/userfile"
)

// importGazetteer returns the gazetteer -import resolves names with: the
// embedded one. It is a variable so that tests can give a small one.
var importGazetteer = gazetteer.Default

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
	g, err := importGazetteer()
	if err != nil {
		fmt.Fprintln(stderr, "reportmap:", err)
		return 1
	}
	p, err := geoparse.New(g)
	if err != nil {
		fmt.Fprintln(stderr, "reportmap:", err)
		return 1
	}
	dir := filepath.Dir(absOut)
	status := 0
	doc := &atlas.Atlas{}
	byKey := map[string]int{} // the index in doc.Places of each place found
	usedIDs := map[string]bool{}
	usedReports := map[string]bool{}
	type text struct{ path, body string }
	var texts []text
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
		d, err := geoparse.Read(bytes.NewReader(data), geoparse.FormatOf(f))
		if err != nil {
			fmt.Fprintf(stderr, "reportmap: %s: %v\n", f, err)
			status = 1
			continue
		}
		body := tidyText(d.Text)
		rid := uniqueID(atlas.Slug(strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))), usedReports, "report")
		rel := "reports/" + rid + ".txt"
		for inputs[filepath.Join(dir, filepath.FromSlash(rel))] {
			rid = uniqueID(rid, usedReports, "report")
			rel = "reports/" + rid + ".txt"
		}
		title := d.Title
		if title == "" {
			title = firstLine(body, filepath.Base(f))
		}
		rep := atlas.Report{ID: rid, Title: title, Source: filepath.Base(f), File: rel}
		res := p.Parse(body)
		var settingNames []string
		for _, pl := range res.Places {
			key := pl.Gazetteer.String() + "|" + pl.Name
			k, ok := byKey[key]
			if !ok {
				id := pl.ID
				if e := g.ByID(pl.Gazetteer); usedIDs[id] && e != nil {
					// A namesake of a place already in the file: "paris-us-tx".
					id = atlas.Slug(id + " " + cmp.Or(e.Admin1, e.Country))
				}
				prov := &atlas.Provenance{Confidence: pl.Confidence, Gazetteer: pl.Gazetteer.String()}
				for _, a := range pl.Alternatives {
					prov.Alternatives = append(prov.Alternatives, atlas.Alternative{Gazetteer: a.ID.String(), Name: a.Name, Country: a.Country})
				}
				for _, r := range pl.Reasons {
					prov.Reasons = append(prov.Reasons, r.String())
				}
				k = len(doc.Places)
				byKey[key] = k
				doc.Places = append(doc.Places, atlas.Place{ID: uniqueID(id, usedIDs, "place"), Name: pl.Name, Role: atlas.RoleMentioned, Kind: pl.Kind,
					Point: orb.Point{round5(pl.Point[0]), round5(pl.Point[1])}, Provenance: prov, Feature: k})
			}
			fp := &doc.Places[k]
			for _, a := range pl.Aliases {
				if a != fp.Name && !slices.Contains(fp.Aliases, a) {
					fp.Aliases = append(fp.Aliases, a)
				}
			}
			for _, e := range pl.Excerpts {
				fp.Excerpts = append(fp.Excerpts, atlas.Excerpt{Report: rid, Text: atlas.Normalize(e.Text)})
			}
			if pl.Confidence < fp.Provenance.Confidence {
				fp.Provenance.Confidence = pl.Confidence
			}
			if pl.Role == atlas.RoleSetting {
				fp.Role = atlas.RoleSetting
				rep.Settings = append(rep.Settings, fp.ID)
				settingNames = append(settingNames, fp.Name)
			}
		}
		doc.Reports = append(doc.Reports, rep)
		texts = append(texts, text{filepath.Join(dir, filepath.FromSlash(rel)), body})
		fmt.Fprintf(stdout, "%s: report %q, %s, settings: %s\n", f, rid, plural(len(res.Places), "place"), orNone(settingNames))
	}
	if len(doc.Places) == 0 {
		// A places file needs a place: the app could not open one without.
		fmt.Fprintf(stderr, "reportmap: no places found in %s; %s not written\n", plural(len(doc.Reports), "readable file"), out)
		return 1
	}
	data, err := atlas.Encode(doc)
	if err != nil {
		fmt.Fprintln(stderr, "reportmap:", err)
		return 1
	}
	if err := os.MkdirAll(filepath.Join(dir, "reports"), 0o755); err != nil {
		fmt.Fprintln(stderr, "reportmap:", err)
		return 1
	}
	for _, t := range texts {
		if err := writeBytes(t.path, []byte(t.body)); err != nil {
			fmt.Fprintln(stderr, "reportmap:", err)
			return 1
		}
	}
	if err := writeBytes(absOut, data); err != nil {
		fmt.Fprintln(stderr, "reportmap:", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s: %s, %s\n", out, plural(len(doc.Reports), "report"), plural(len(doc.Places), "place"))
	return status
}

// tidyText folds runs of space within each line (Markdown leaves spaces
// where its markup was) and drops blank lines' spaces.
func tidyText(s string) string {
	var b strings.Builder
	for line := range strings.Lines(s) {
		b.WriteString(strings.Join(strings.Fields(line), " "))
		b.WriteByte('\n')
	}
	return b.String()
}

func firstLine(s, fallback string) string {
	for line := range strings.Lines(s) {
		if t := strings.TrimSpace(line); t != "" {
			if r := []rune(t); len(r) > 100 {
				return string(r[:99]) + "…"
			}
			return t
		}
	}
	return fallback
}

func uniqueID(id string, used map[string]bool, fallback string) string {
	if id == "" {
		id = fallback
	}
	base := id
	for n := 2; used[id]; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	used[id] = true
	return id
}

func orNone(ss []string) string {
	if len(ss) == 0 {
		return "none"
	}
	return strings.Join(ss, ", ")
}

func round5(f float64) float64 { return math.Round(f*1e5) / 1e5 }

// writeBytes writes data to path atomically.
func writeBytes(path string, data []byte) error {
	return userfile.WriteAtomic(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}
