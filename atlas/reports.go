package atlas

import (
	"unicode/utf8"

	"github.com/valyala/fastjson"
)

// reports decodes the top-level "reports" foreign member, given as raw
// JSON ("" when absent). Bad entries are warnings; the places still load.
func (l *loader) reports(raw string) {
	if raw == "" {
		return
	}
	v, err := fastjson.Parse(raw)
	if err != nil || isNull(v) {
		return
	}
	if v.Type() != fastjson.TypeArray {
		l.warn(ProblemBadReport, FileLevel, `"reports" is %s; want a list of reports (ignored)`, describe(v))
		return
	}
	l.reportsGiven = true
	a := l.atlas
	for j, e := range v.GetArray() {
		o, err := e.Object()
		if err != nil {
			l.warn(ProblemBadReport, FileLevel, "reports[%d] is %s; want an object (ignored)", j, describe(e))
			continue
		}
		var rep Report
		bad := ""
		var badUTF8 []string
		for _, f := range []struct {
			name string
			dst  *string
		}{{"id", &rep.ID}, {"title", &rep.Title}, {"source", &rep.Source}, {"file", &rep.File}} {
			switch v := o.Get(f.name); {
			case isString(v):
				*f.dst = str(v)
				if !utf8.Valid(v.GetStringBytes()) {
					badUTF8 = append(badUTF8, f.name)
				}
			case v != nil && bad == "":
				bad = `"` + f.name + `" is ` + describe(v) + "; want a string"
			}
		}
		if len(badUTF8) > 0 {
			l.warn(ProblemInvalidUTF8, FileLevel, "reports[%d] %s", j, utf8Message(badUTF8))
		}
		var ok bool
		if rep.Settings, ok = stringList(o.Get("settings"), str); !ok && bad == "" {
			bad = `"settings" is not a list of place ids`
		}
		switch {
		case bad != "":
			l.warn(ProblemBadReport, FileLevel, "reports[%d]: %s (report ignored)", j, bad)
		case rep.ID == "":
			l.warn(ProblemBadReport, FileLevel, "reports[%d] has no id (report ignored)", j)
		default:
			if _, dup := a.reportIndex[rep.ID]; dup {
				l.warn(ProblemBadReport, FileLevel, "reports[%d]: id %q is listed twice (second ignored)", j, clipName(rep.ID))
				continue
			}
			if rep.Title == "" {
				rep.Title = rep.ID
			}
			a.reportIndex[rep.ID] = len(a.Reports)
			a.Reports = append(a.Reports, rep)
		}
	}
}
