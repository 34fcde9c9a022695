package atlas

import (
	"fmt"
	"io/fs"
	"path"
	"strings"
)

// ReadText reads the report's text from fsys, in which r.File is a
// slash-separated path (relative to the places file's folder). Paths that
// climb out of fsys ("../x") or are absolute are refused.
func (r *Report) ReadText(fsys fs.FS) ([]Paragraph, error) {
	if r.File == "" {
		return nil, fmt.Errorf("atlas: report %q names no file", r.ID)
	}
	name := path.Clean(r.File)
	if !fs.ValidPath(name) {
		return nil, fmt.Errorf("atlas: report %q: file %q is not a path inside the places file's folder", r.ID, r.File)
	}
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("atlas: report %q: %w", r.ID, err)
	}
	return ParseText(string(b)), nil
}

// SearchableText reads the report's text and returns it normalised (see
// Normalize), paragraphs joined by spaces: the form excerpts are looked up
// in, whatever their line breaks.
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

// Verify checks the atlas against its reports' texts in fsys: each report
// file can be read, and each excerpt is found verbatim, white space aside,
// in the report it names. It returns one problem per failure.
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
			probs = append(probs, Problem{File: a.File, Feature: FileLevel, Msg: strings.TrimPrefix(err.Error(), "atlas: ")})
			continue
		}
		texts[r.ID] = text
	}
	for i := range a.Places {
		p := &a.Places[i]
		for j, e := range p.Excerpts {
			text, ok := texts[e.Report]
			if !ok {
				continue // no text to check against; Load warned if unknown
			}
			if !strings.Contains(text, Normalize(e.Text)) {
				probs = append(probs, Problem{File: a.File, Feature: p.Feature,
					Msg: fmt.Sprintf("excerpts[%d] is not found verbatim in report %q (%s): %q", j, e.Report, a.Report(e.Report).File, clip(e.Text))})
			}
		}
	}
	return probs
}
