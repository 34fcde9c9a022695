package atlas

import (
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
)

// loader holds the state of one Load call.
type loader struct {
	file  string
	atlas *Atlas

	reportsGiven bool        // the file has a "reports" member
	lateReports  bool        // it came after the features, so keep checks the excerpts' report ids
	opts         LoadOptions // Context is set
}

func newLoader(file string) *loader {
	return &loader{
		file: file,
		atlas: &Atlas{
			File:        file,
			reportIndex: map[string]int{},
		},
	}
}

func (l *loader) warn(kind ProblemKind, feature int, format string, args ...any) {
	l.atlas.Warnings = append(l.atlas.Warnings, Problem{File: l.file, Feature: feature, Kind: kind, Msg: fmt.Sprintf(format, args...)})
}

// parallelMin is the number of features below which one goroutine decodes
// them all; above it each core takes a contiguous share.
const parallelMin = 4096

// progressEvery is how many features a decoding goroutine decodes between
// looking at the context and telling the progress callback.
const progressEvery = 4096

// features decodes the raw features and adds the usable ones. The decoding
// runs on every core, straight into the final slice; ids, which must be
// unique across the file, are then checked in file order. It reports
// false, having added nothing, when the load's context ends first.
func (l *loader) features(raws []string) bool {
	ctx, progress := l.opts.Context, l.opts.Progress
	var decoded atomic.Int64
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
			fd := l.newDecoder()
			issues[w], _ = fd.run(lo, places[lo:hi], func(k int) (string, bool) { return raws[lo+k], true }, func(n int) bool {
				if ctx.Err() != nil {
					return false
				}
				// done == total is the last call's, below.
				if done := int(decoded.Add(int64(n))); progress != nil && done < len(raws) {
					progress(done, len(raws))
				}
				return true
			})
		})
	}
	wg.Wait()
	if ctx.Err() != nil {
		return false
	}
	if progress != nil {
		progress(len(raws), len(raws))
	}
	l.keep(places, slices.Concat(issues...))
	return true
}

// newDecoder returns a feature decoder for one goroutine, once the
// reports are known.
func (l *loader) newDecoder() *featureDecoder {
	return &featureDecoder{checkReports: l.reportsGiven, knownReports: l.atlas.reportIndex}
}

// run decodes the features raw(0), raw(1), …, numbered from first on, into
// places, one for each, and returns what was wrong with them, by feature.
// Every progressEvery features, and once at the end, it calls tick with
// how many it decoded since the last call. It stops, reporting false, when
// tick reports false or raw does (the feature is not valid JSON).
func (fd *featureDecoder) run(first int, places []Place, raw func(k int) (string, bool), tick func(n int) bool) ([]featureIssue, bool) {
	var issues []featureIssue
	var warnings []issue
	since := 0 // features decoded since the last tick
	for k := range places {
		if since == progressEvery {
			if !tick(since) {
				return issues, false
			}
			since = 0
		}
		r, ok := raw(k)
		if !ok {
			return issues, false
		}
		warnings = warnings[:0]
		skip := fd.decode(first+k, r, &places[k], &warnings)
		if skip.msg != "" || len(warnings) > 0 {
			issues = append(issues, featureIssue{first + k, skip, slices.Clone(warnings), fd.excerptsAt})
		}
		since++
	}
	return issues, since == 0 || tick(since)
}

// keep adds the usable places of places, the decoded features, given what
// was wrong with them in feature order. It compacts places in place, in
// file order, skipping the unusable features, and warns of the rest.
func (l *loader) keep(places []Place, all []featureIssue) {
	a := l.atlas
	a.placeIndex = newIDIndex(len(places) - len(all))
	n := 0
	var dups []int // places whose id an earlier place has
	for i := range places {
		var ws []issue
		at := 0 // where in ws the excerpts' warnings go
		if len(all) > 0 && all[0].feature == i {
			is := all[0]
			all = all[1:]
			if is.skip.msg != "" {
				a.Warnings = append(a.Warnings, Problem{File: l.file, Feature: i, Skipped: true, Kind: is.skip.kind, Msg: is.skip.msg + "; feature skipped"})
				continue
			}
			ws, at = is.warnings, is.excerptsAt
		}
		if l.lateReports && l.reportsGiven {
			for j, e := range places[i].Excerpts {
				if _, ok := a.reportIndex[e.Report]; !ok && e.Report != "" {
					ws = slices.Insert(ws, at, unknownReport(j, e.Report))
					at++
				}
			}
		}
		for _, w := range ws {
			a.Warnings = append(a.Warnings, Problem{File: l.file, Feature: i, Kind: w.kind, Msg: w.msg})
		}
		if n != i {
			places[n] = places[i]
		}
		if !l.add(places, n) {
			dups = append(dups, n)
		}
		n++
	}
	clear(places[n:])
	a.Places = places[:n]
	l.rename(a.Places, dups)
}

// add gives places[n] an id and name and indexes it, unless an earlier
// place has its id; it reports whether it indexed it.
func (l *loader) add(places []Place, n int) bool {
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
		l.warn(ProblemNoName, i, "has no name; shown as %q", clipName(p.Name))
	}
	return l.atlas.placeIndex.add(places, n)
}

// rename gives each place of dups, whose id an earlier place has, the
// first free id of the form "ID-2", "ID-3", …, and indexes it. Every place
// that add indexed keeps its id, so a later feature whose own id is "x-2"
// keeps it and a second "x" becomes "x-3". Each id remembers the next
// suffix to try, so that n features sharing one id cost O(n), not O(n²).
func (l *loader) rename(places []Place, dups []int) {
	index := &l.atlas.placeIndex
	next := map[string]int{}
	for _, n := range dups {
		p := &places[n]
		id := p.ID
		k := max(next[id], 2)
		for {
			p.ID = id + "-" + strconv.Itoa(k)
			k++
			if _, taken := index.get(places, p.ID); !taken {
				break
			}
		}
		next[id] = k
		index.add(places, n)
		first, _ := index.get(places, id)
		l.warn(ProblemDuplicateID, p.Feature, "id %q is already used by feature %d; renamed %q", clipName(id), places[first].Feature, clipName(id)+p.ID[len(id):])
	}
}

// finish checks what spans features and returns the result.
func (l *loader) finish(total int) (*Atlas, error) {
	a := l.atlas
	if len(a.Places) == 0 {
		msg := "the FeatureCollection has no features"
		if total > 0 {
			msg = fmt.Sprintf("none of its %d features can be used", total)
		}
		probs := append([]Problem{{File: l.file, Feature: FileLevel, Kind: ProblemFile, Msg: msg}}, a.Warnings...)
		return nil, &Error{File: l.file, Problems: probs}
	}
	if !l.reportsGiven {
		// No "reports" member: one report per id the excerpts quote.
		for i := range a.Places {
			for _, e := range a.Places[i].Excerpts {
				if e.Report == "" {
					continue // unattributed: no report to make
				}
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
				l.warn(ProblemBadSetting, FileLevel, "reports[%d] (%s) names setting %q, which is not a place in the file", ri, clipName(r.ID), clipName(id))
			case p.Role != RoleSetting:
				l.warn(ProblemBadSetting, p.Feature, "%q is a setting of report %q but its role is %q", clipName(id), clipName(r.ID), p.Role)
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
