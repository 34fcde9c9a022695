package atlas

import (
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

// loader holds the state of one Load call.
type loader struct {
	file  string
	atlas *Atlas

	reportsGiven bool // the file has a "reports" member
}

func newLoader(file string) *loader {
	return &loader{
		file: file,
		atlas: &Atlas{
			File:        file,
			placeIndex:  map[string]int{},
			reportIndex: map[string]int{},
		},
	}
}

func (l *loader) warn(feature int, format string, args ...any) {
	l.atlas.Warnings = append(l.atlas.Warnings, Problem{File: l.file, Feature: feature, Msg: fmt.Sprintf(format, args...)})
}

// parallelMin is the number of features below which one goroutine decodes
// them all; above it each core takes a contiguous share.
const parallelMin = 4096

// features decodes the raw features and adds the usable ones. The decoding
// runs on every core, straight into the final slice; ids, which must be
// unique across the file, are then checked in file order.
func (l *loader) features(raws []string) {
	a := l.atlas
	places := make([]Place, len(raws))
	workers := min(runtime.GOMAXPROCS(0), 8)
	if len(raws) < parallelMin {
		workers = 1
	}
	issues := make([][]featureIssue, workers)
	var wg sync.WaitGroup
	per := (len(raws) + workers - 1) / workers
	for w := range workers {
		lo, hi := w*per, min((w+1)*per, len(raws))
		wg.Go(func() {
			fd := featureDecoder{checkReports: l.reportsGiven, knownReports: a.reportIndex}
			var warnings []string
			for i := lo; i < hi; i++ {
				warnings = warnings[:0]
				skip := fd.decode(i, raws[i], &places[i], &warnings)
				if skip != "" || len(warnings) > 0 {
					issues[w] = append(issues[w], featureIssue{i, skip, slices.Clone(warnings)})
				}
			}
		})
	}
	wg.Wait()

	// Compact in place, in file order, skipping the unusable features.
	all := slices.Concat(issues...)
	a.placeIndex = make(map[string]int, len(raws)-len(all))
	n := 0
	for i := range places {
		if len(all) > 0 && all[0].feature == i {
			is := all[0]
			all = all[1:]
			if is.skip != "" {
				a.Warnings = append(a.Warnings, Problem{File: l.file, Feature: i, Skipped: true, Msg: is.skip + "; feature skipped"})
				continue
			}
			for _, w := range is.warnings {
				l.warn(i, "%s", w)
			}
		}
		if n != i {
			places[n] = places[i]
		}
		l.add(places, n)
		n++
	}
	clear(places[n:])
	a.Places = places[:n]
}

// add gives places[n] an id and name, unique among places[:n], and
// indexes it.
func (l *loader) add(places []Place, n int) {
	p := &places[n]
	i := p.Feature
	if p.ID == "" {
		p.ID = Slug(p.Name)
	}
	if p.ID == "" {
		p.ID = Slug(p.Title)
	}
	if p.ID == "" {
		p.ID = "feature-" + strconv.Itoa(i)
	}
	if p.Name == "" {
		p.Name = p.Title
		if p.Name == "" {
			p.Name = p.ID
		}
		l.warn(i, "has no name; shown as %q", p.Name)
	}
	if j, dup := l.atlas.placeIndex[p.ID]; dup {
		id := p.ID
		for n := 2; ; n++ {
			p.ID = fmt.Sprintf("%s-%d", id, n)
			if _, taken := l.atlas.placeIndex[p.ID]; !taken {
				break
			}
		}
		l.warn(i, "id %q is already used by feature %d; renamed %q", id, places[j].Feature, p.ID)
	}
	l.atlas.placeIndex[p.ID] = n
}

// finish checks what spans features and returns the result.
func (l *loader) finish(total int) (*Atlas, error) {
	a := l.atlas
	if len(a.Places) == 0 {
		msg := "the FeatureCollection has no features"
		if total > 0 {
			msg = fmt.Sprintf("none of its %d features can be used", total)
		}
		probs := append([]Problem{{File: l.file, Feature: FileLevel, Msg: msg}}, a.Warnings...)
		return nil, &Error{File: l.file, Problems: probs}
	}
	if !l.reportsGiven {
		// No "reports" member: one report per id the excerpts quote.
		for i := range a.Places {
			for _, e := range a.Places[i].Excerpts {
				if _, ok := a.reportIndex[e.Report]; !ok {
					a.reportIndex[e.Report] = len(a.Reports)
					a.Reports = append(a.Reports, Report{ID: e.Report, Title: e.Report})
				}
			}
		}
	}
	for ri, r := range a.Reports {
		for _, id := range r.Settings {
			p := a.Place(id)
			switch {
			case p == nil:
				l.warn(FileLevel, "reports[%d] (%s) names setting %q, which is not a place in the file", ri, r.ID, id)
			case p.Role != RoleSetting:
				l.warn(p.Feature, "%q is a setting of report %q but its role is %q", id, r.ID, p.Role)
			}
		}
	}
	// File-level problems first, then by feature, each in the order found.
	slices.SortStableFunc(a.Warnings, func(x, y Problem) int { return x.Feature - y.Feature })
	return a, nil
}

// Slug makes an id from a name: lower case letters and digits joined by
// single hyphens, e.g. "Washington, DC" → "washington-dc".
func Slug(name string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range name {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(unicode.ToLower(r))
		} else {
			hyphen = true
		}
	}
	return b.String()
}
