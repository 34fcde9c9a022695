package atlas

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tidwall/gjson"
)

// loader holds the state of one Load call.
type loader struct {
	file  string
	atlas *Atlas
	total int // features seen

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

func (l *loader) skip(feature int, format string, args ...any) {
	l.atlas.Warnings = append(l.atlas.Warnings, Problem{File: l.file, Feature: feature, Skipped: true, Msg: fmt.Sprintf(format, args...) + "; feature skipped"})
}

// finish checks what spans features and returns the result.
func (l *loader) finish() (*Atlas, error) {
	a := l.atlas
	if len(a.Places) == 0 {
		msg := "the FeatureCollection has no features"
		if l.total > 0 {
			msg = fmt.Sprintf("none of its %d features can be used", l.total)
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
	return a, nil
}

// describe says what kind of JSON value r is, for messages.
func describe(r gjson.Result) string {
	switch r.Type {
	case gjson.Null:
		if !r.Exists() {
			return "missing"
		}
		return "null"
	case gjson.True, gjson.False:
		return "a boolean (" + r.Raw + ")"
	case gjson.Number:
		return "a number (" + clip(r.Raw) + ")"
	case gjson.String:
		return fmt.Sprintf("a string (%q)", clip(r.Str))
	}
	if r.IsArray() {
		return "an array"
	}
	return "an object"
}

// clip shortens s for a message.
func clip(s string) string {
	const max = 24
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	return string([]rune(s)[:max]) + "…"
}

// str returns a string value as a string of its own: gjson's strings alias
// the input, which Load must not keep. Invalid UTF-8 becomes U+FFFD.
func str(r gjson.Result) string {
	s := r.Str
	if len(r.Raw) == len(s)+2 { // no escapes: s aliases the input
		s = strings.Clone(s)
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return s
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
