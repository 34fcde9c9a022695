package atlas

import (
	"fmt"
	"strings"
)

// FileLevel is the Feature of a Problem that concerns the whole file rather
// than one feature.
const FileLevel = -1

// ProblemKind says what sort of problem a Problem is, so that problems can
// be grouped (see Summarize) without reading their text.
type ProblemKind string

// The kinds of problem. Those marked "skipped" leave a feature out.
const (
	ProblemFile             ProblemKind = "file"                 // the file cannot be used at all
	ProblemNotFeature       ProblemKind = "not-a-feature"        // skipped: not a Feature object
	ProblemNoGeometry       ProblemKind = "no-geometry"          // skipped: geometry missing or null
	ProblemBadGeometry      ProblemKind = "bad-geometry"         // skipped: geometry or coordinates unusable
	ProblemBadProperties    ProblemKind = "bad-properties"       // skipped: properties not an object
	ProblemBadExcerpts      ProblemKind = "bad-excerpts"         // skipped: excerpts of the wrong shape
	ProblemIgnoredProperty  ProblemKind = "ignored-property"     // a property of the wrong type or value, ignored
	ProblemNoName           ProblemKind = "no-name"              // a place with no name, given one
	ProblemDuplicateID      ProblemKind = "duplicate-id"         // a place's id already used, renamed
	ProblemInvalidUTF8      ProblemKind = "invalid-utf8"         // text with invalid UTF-8, replaced by U+FFFD
	ProblemUnattributed     ProblemKind = "unattributed-excerpt" // an excerpt naming no report, kept unattributed
	ProblemUnknownReport    ProblemKind = "unknown-report"       // an excerpt quoting a report "reports" does not list
	ProblemBadReport        ProblemKind = "bad-report"           // an entry of "reports" ignored
	ProblemBadSetting       ProblemKind = "bad-setting"          // a report's setting that is not a place, or not a setting
	ProblemReportUnreadable ProblemKind = "report-unreadable"    // Verify: a report's text cannot be read
	ProblemNotVerbatim      ProblemKind = "not-verbatim"         // Verify: an excerpt not found in its report
)

// Problem is one thing wrong in a places file.
type Problem struct {
	File    string // the file's name as given to Load
	Feature int    // index of the feature, or FileLevel
	Skipped bool   // the feature was left out because of it
	Kind    ProblemKind
	Msg     string
}

// String formats the problem as "FILE: feature N: MSG".
func (p Problem) String() string {
	if p.Feature == FileLevel {
		return fmt.Sprintf("%s: %s", p.File, p.Msg)
	}
	return fmt.Sprintf("%s: feature %d: %s", p.File, p.Feature, p.Msg)
}

// Error is returned by Load when a file cannot be used at all. Problems
// holds every problem found, the first being the main one. It is
// immutable once returned and safe to read from any goroutine.
type Error struct {
	File     string
	Problems []Problem
	// Err is why the file could not be read (LoadFile), or nil: a
	// *userfile.Error, to be tested with errors.Is against
	// userfile.ErrNotRegular, ErrTooLarge or fs.ErrNotExist.
	Err error
}

// maxListed is how many problems Error's message spells out.
const maxListed = 5

// Error returns Message with the package prefix "atlas: ".
func (e *Error) Error() string { return "atlas: " + e.Message() }

// Message is the error's text without the package prefix: the file and
// its main problem, and the next few problems, one a line.
func (e *Error) Message() string {
	if len(e.Problems) == 0 {
		return e.File + ": unusable file"
	}
	var b strings.Builder
	b.WriteString(e.Problems[0].String())
	for i, p := range e.Problems[1:] {
		if i+1 == maxListed {
			fmt.Fprintf(&b, "\n  … and %d more problems", len(e.Problems)-maxListed)
			break
		}
		b.WriteString("\n  " + p.String())
	}
	return b.String()
}

// Unwrap returns Err.
func (e *Error) Unwrap() error { return e.Err }

func fileError(file, format string, args ...any) *Error {
	return &Error{File: file, Problems: []Problem{{File: file, Feature: FileLevel, Kind: ProblemFile, Msg: fmt.Sprintf(format, args...)}}}
}

// ShownPerKind is how many problems of each kind a list for people shows
// (see Summarize): enough to see the pattern, few enough to read.
const ShownPerKind = 20

// SummaryLine is one line of a list of problems shortened by Summarize:
// a problem, or a note standing for the problems of one kind left out.
type SummaryLine struct {
	// Problem is the problem shown. On a note only its File, Kind and
	// Feature (FileLevel) are set.
	Problem Problem
	// More is, on a note, how many problems of Problem.Kind it stands
	// for; 0 on a problem.
	More int
}

// String is the problem's String, or for a note "… and N more like this".
func (l SummaryLine) String() string {
	if l.More > 0 {
		return fmt.Sprintf("… and %d more like this", l.More)
	}
	return l.Problem.String()
}

// Summarize shortens problems for display, keeping their order: of each
// Kind only the first perKind are kept, and a note saying how many more
// there are follows the last one kept. With perKind < 1 every problem is
// kept. The problems themselves (Atlas.Warnings, Error.Problems) stay
// whole; this is for showing them. It is safe for concurrent use.
func Summarize(problems []Problem, perKind int) []SummaryLine {
	total := map[ProblemKind]int{}
	for _, p := range problems {
		total[p.Kind]++
	}
	shown := map[ProblemKind]int{}
	size := len(problems)
	if perKind > 0 {
		size = min(size, len(total)*(perKind+1))
	}
	lines := make([]SummaryLine, 0, size)
	for _, p := range problems {
		n := shown[p.Kind]
		if perKind > 0 && n >= perKind {
			continue
		}
		shown[p.Kind] = n + 1
		lines = append(lines, SummaryLine{Problem: p})
		if n+1 == perKind && total[p.Kind] > perKind {
			lines = append(lines, SummaryLine{Problem: Problem{File: p.File, Feature: FileLevel, Kind: p.Kind}, More: total[p.Kind] - perKind})
		}
	}
	return lines
}
