package atlas

import (
	"github.com/tidwall/gjson"
)

// reports decodes the top-level "reports" foreign member. Bad entries are
// warnings; the places still load.
func (l *loader) reports(r gjson.Result) {
	if !r.Exists() || r.Type == gjson.Null {
		return
	}
	if !r.IsArray() {
		l.warn(FileLevel, `"reports" is %s; want a list of reports (ignored)`, describe(r))
		return
	}
	l.reportsGiven = true
	a := l.atlas
	r.ForEach(func(k, v gjson.Result) bool {
		j := int(k.Num)
		if !v.IsObject() {
			l.warn(FileLevel, "reports[%d] is %s; want an object (ignored)", j, describe(v))
			return true
		}
		var rep Report
		bad := ""
		v.ForEach(func(k, v gjson.Result) bool {
			var dst *string
			switch k.Str {
			case "id":
				dst = &rep.ID
			case "title":
				dst = &rep.Title
			case "source":
				dst = &rep.Source
			case "file":
				dst = &rep.File
			case "settings":
				rep.Settings = stringList(v)
				if rep.Settings == nil && !(v.IsArray() && len(v.Raw) == 2) {
					bad = `"settings" is not a list of place ids`
				}
				return true
			default:
				return true
			}
			if v.Type != gjson.String {
				bad = `"` + k.Str + `" is ` + describe(v) + "; want a string"
				return false
			}
			*dst = str(v)
			return true
		})
		switch {
		case bad != "":
			l.warn(FileLevel, "reports[%d]: %s (report ignored)", j, bad)
		case rep.ID == "":
			l.warn(FileLevel, "reports[%d] has no id (report ignored)", j)
		default:
			if _, dup := a.reportIndex[rep.ID]; dup {
				l.warn(FileLevel, "reports[%d]: id %q is listed twice (second ignored)", j, rep.ID)
				return true
			}
			if rep.Title == "" {
				rep.Title = rep.ID
			}
			a.reportIndex[rep.ID] = len(a.Reports)
			a.Reports = append(a.Reports, rep)
		}
		return true
	})
}
