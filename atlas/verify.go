package atlas

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"strings"

	"reportmap/internal/userfile"
)

// MaxReportFileSize is the largest report text ReadText reads: 16 MiB,
// hundreds of times a long news report. A larger file is refused before
// it is read.
const MaxReportFileSize int64 = 16 << 20

// ReportsDir returns the folder of the places file at placesFile, which
// its reports' "file" paths are relative to, as an fs.FS to give ReadText,
// SearchableText and Verify. Through it a report file must be a regular
// file inside that folder: a symbolic link that leads out of it is refused
// (*userfile.Error of Kind Outside) even where the file it leads to
// exists, and a named pipe never blocks. It holds nothing open, so there
// is nothing to close; the folder is looked up at each read. It is safe
// for concurrent use.
func ReportsDir(placesFile string) fs.FS {
	return userfile.Dir(filepath.Dir(placesFile))
}

// ReportError is why a report's text could not be read. It is immutable
// and safe to read from any goroutine.
type ReportError struct {
	Report string // the report's id
	File   string // the report's "file", as the places file gives it
	// Err is the cause: a *userfile.Error (test it with errors.Is against
	// userfile.ErrNotRegular, ErrTooLarge, ErrOutside or fs.ErrNotExist),
	// or nil when the report names no file or an unusable path.
	Err error
	msg string // set when Err is nil
}

// Error returns Message with the package prefix "atlas: ".
func (e *ReportError) Error() string { return "atlas: " + e.Message() }

// Message is the error's text without the package prefix, e.g. `report
// "r1": reports/r1.txt is a named pipe (FIFO), not a regular file`.
func (e *ReportError) Message() string {
	if e.Err == nil {
		return fmt.Sprintf("report %q: %s", clipName(e.Report), e.msg)
	}
	return fmt.Sprintf("report %q: %s", clipName(e.Report), describeReadError(e.Err, clipName(e.File)))
}

// Unwrap returns Err.
func (e *ReportError) Unwrap() error { return e.Err }

// ReadText reads the report's text from fsys, in which r.File is a
// slash-separated path (relative to the places file's folder; give
// ReportsDir's FS). Paths that climb out of fsys ("../x") or are absolute
// are refused, and so is anything that is not a regular file of at most
// MaxReportFileSize bytes: fsys is asked for the file's Stat before it is
// opened and the opened file is checked again. The error is a
// *ReportError.
func (r *Report) ReadText(fsys fs.FS) ([]Paragraph, error) {
	if r.File == "" {
		return nil, &ReportError{Report: r.ID, msg: "names no file"}
	}
	name := path.Clean(r.File)
	if !fs.ValidPath(name) {
		return nil, &ReportError{Report: r.ID, File: r.File, msg: fmt.Sprintf("file %q is not a path inside the places file's folder", clipName(r.File))}
	}
	b, err := userfile.ReadFS(fsys, name, MaxReportFileSize)
	if err != nil {
		return nil, &ReportError{Report: r.ID, File: r.File, Err: err}
	}
	return ParseText(string(b)), nil
}

// SearchableText reads the report's text and returns it normalised (see
// Normalize), paragraphs joined by spaces: the form excerpts are looked up
// in, whatever their line breaks. The error is ReadText's.
func (r *Report) SearchableText(fsys fs.FS) (string, error) {
	ps, err := r.ReadText(fsys)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.Text)
		b.WriteByte('\n')
	}
	return Normalize(b.String()), nil
}

// Verify checks the atlas against its reports' texts in fsys (give
// ReportsDir's FS): each report file can be read, and each excerpt is
// found verbatim, white space aside, in the report it names. A report
// whose file is refused is one problem, and its excerpts are not looked
// for, so nothing is told of a file it should not have read. Unattributed
// excerpts are not checked. It returns one problem per failure.
func Verify(a *Atlas, fsys fs.FS) []Problem {
	var probs []Problem
	texts := map[string]string{}
	for i := range a.Reports {
		r := &a.Reports[i]
		if r.File == "" {
			continue
		}
		text, err := r.SearchableText(fsys)
		if err != nil {
			msg := err.Error()
			var re *ReportError
			if errors.As(err, &re) {
				msg = re.Message()
			}
			probs = append(probs, Problem{File: a.File, Feature: FileLevel, Kind: ProblemReportUnreadable, Msg: msg})
			continue
		}
		texts[r.ID] = text
	}
	for i := range a.Places {
		p := &a.Places[i]
		for j, e := range p.Excerpts {
			text, ok := texts[e.Report]
			if !ok || e.Report == "" {
				continue // no text to check against; Load warned if unknown
			}
			if !strings.Contains(text, Normalize(e.Text)) {
				probs = append(probs, Problem{File: a.File, Feature: p.Feature, Kind: ProblemNotVerbatim,
					Msg: fmt.Sprintf("excerpts[%d] is not found verbatim in report %q (%s): %q", j, clipName(e.Report), clipName(a.Report(e.Report).File), clip(e.Text))})
			}
		}
	}
	return probs
}
