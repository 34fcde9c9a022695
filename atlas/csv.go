package atlas

import (
	"cmp"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// WriteCSV writes the places of a whose indexes in a.Places are given, in
// that order, to w as CSV with the header
//
//	name,kind,role,lon,lat,reports,first_excerpt
//
// and one row a place: lon and lat with five decimals (about a metre; the
// marker's point for a place that is not a Point), reports the titles of
// the reports that quote the place joined by "; " (the id of one that has
// no title or is not in a.Reports), and the text of its first excerpt, ""
// when it has none. Fields are quoted as RFC 4180 says, by encoding/csv;
// lines end in "\n". An index out of range is an error, and then nothing
// is written.
func WriteCSV(w io.Writer, a *Atlas, places []int) error {
	if err := checkIndexes(a, places, true); err != nil {
		return err
	}
	titles := make(map[string]string, len(a.Reports))
	for _, r := range a.Reports {
		titles[r.ID] = r.Title
	}
	cw := csv.NewWriter(w)
	cw.Write([]string{"name", "kind", "role", "lon", "lat", "reports", "first_excerpt"})
	var names []string
	for _, i := range places {
		p := &a.Places[i]
		names = names[:0]
		for _, id := range p.Reports() {
			names = append(names, cmp.Or(titles[id], id))
		}
		first := ""
		if len(p.Excerpts) > 0 {
			first = p.Excerpts[0].Text
		}
		cw.Write([]string{p.Name, p.Kind.String(), p.Role.String(),
			degrees(p.Point[0]), degrees(p.Point[1]),
			strings.Join(names, "; "), first})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("atlas: cannot write CSV: %w", err)
	}
	return nil
}

// degrees formats a longitude or latitude with five decimals, never as
// "-0.00000".
func degrees(f float64) string {
	s := strconv.FormatFloat(f, 'f', 5, 64)
	if s == "-0.00000" {
		return "0.00000"
	}
	return s
}

// EncodeSubset is Encode of only the places of a whose indexes in
// a.Places are given, in that order, and of only the reports they quote,
// in a's order, each with its settings cut down to those places: the
// places shown, as a places file of their own. An index out of range or
// given twice is an error, and so is none (a places file needs a place).
func EncodeSubset(a *Atlas, places []int) ([]byte, error) {
	if err := checkIndexes(a, places, false); err != nil {
		return nil, err
	}
	sub := &Atlas{Places: make([]Place, len(places))}
	chosen := make(map[string]bool, len(places))
	quoted := map[string]bool{}
	for k, i := range places {
		p := &a.Places[i]
		sub.Places[k] = *p
		chosen[p.ID] = true
		for _, e := range p.Excerpts {
			quoted[e.Report] = true
		}
	}
	for _, r := range a.Reports {
		if !quoted[r.ID] {
			continue
		}
		r.Settings = slices.DeleteFunc(slices.Clone(r.Settings), func(id string) bool { return !chosen[id] })
		sub.Reports = append(sub.Reports, r)
	}
	return Encode(sub)
}

// checkIndexes says which of places is not an index in a.Places or,
// unless repeats may be, is given twice.
func checkIndexes(a *Atlas, places []int, repeats bool) error {
	seen := make(map[int]bool, len(places))
	for k, i := range places {
		switch {
		case i < 0 || i >= len(a.Places):
			return fmt.Errorf("atlas: places[%d] is %d, not the index of one of the %d places", k, i, len(a.Places))
		case seen[i] && !repeats:
			return fmt.Errorf("atlas: places[%d] is %d, which is given twice", k, i)
		}
		seen[i] = true
	}
	return nil
}
