package atlas

import (
	"fmt"
	"image/color"
	"strconv"
	"strings"

	"github.com/tidwall/gjson"
)

// readProperties fills p from a feature's properties. It returns a message
// when the feature cannot be used (excerpts of the wrong shape) and adds
// to warnings what it ignored. knownReports is consulted only when the file
// lists its reports (checkReports).
func readProperties(p *Place, props gjson.Result, checkReports bool, knownReports map[string]int, warnings *[]string) string {
	switch {
	case !props.Exists() || props.Type == gjson.Null:
		return ""
	case !props.IsObject():
		return fmt.Sprintf("properties is %s; want an object or null", describe(props))
	}
	warn := func(format string, args ...any) {
		*warnings = append(*warnings, fmt.Sprintf(format, args...))
	}
	var fatal string
	props.ForEach(func(k, v gjson.Result) bool {
		switch k.Str {
		case "id":
			switch v.Type {
			case gjson.String:
				p.ID = str(v)
			case gjson.Number:
				p.ID = v.Raw
			default:
				warn("id is %s; want a string", describe(v))
			}
		case "name":
			if v.Type == gjson.String {
				p.Name = strings.TrimSpace(str(v))
			} else if v.Type != gjson.Null {
				warn("name is %s; want a string", describe(v))
			}
		case "aliases":
			p.Aliases = stringList(v)
			if p.Aliases == nil && v.Type != gjson.Null && !(v.IsArray() && len(v.Raw) == 2) {
				warn("aliases is not a list of strings; ignored")
			}
		case "role":
			switch Role(v.Str) {
			case RoleSetting, RoleMentioned:
				p.Role = Role(v.Str)
			default:
				warn(`role is %s; want "setting" or "mentioned" (treated as "mentioned")`, describe(v))
			}
		case "kind":
			switch Kind(v.Str) {
			case KindCity, KindRegion, KindCountry, KindSea, KindArea:
				p.Kind = Kind(v.Str)
			default:
				warn("kind is %s; want city, region, country, sea or area (ignored)", describe(v))
			}
		case "excerpts":
			fatal = readExcerpts(p, v, checkReports, knownReports, warn)
			if fatal != "" {
				return false
			}
		case "marker-color":
			c, ok := parseHexColor(v.Str)
			if v.Type != gjson.String || !ok {
				warn(`marker-color is %s; want a colour like "#e63" or "#ee6633" (ignored)`, describe(v))
				break
			}
			p.MarkerColor, p.HasMarkerColor = c, true
		case "marker-size":
			switch MarkerSize(v.Str) {
			case MarkerSmall, MarkerMedium, MarkerLarge:
				p.MarkerSize = MarkerSize(v.Str)
			default:
				warn("marker-size is %s; want small, medium or large (ignored)", describe(v))
			}
		case "title":
			if v.Type == gjson.String {
				p.Title = str(v)
			} else {
				warn("title is %s; want a string (ignored)", describe(v))
			}
		case "description":
			if v.Type == gjson.String {
				p.Description = str(v)
			} else {
				warn("description is %s; want a string (ignored)", describe(v))
			}
		}
		return true
	})
	return fatal
}

// readExcerpts decodes the "excerpts" list. Any excerpt of the wrong shape
// makes the whole feature unusable: the quotes are what a place is for.
func readExcerpts(p *Place, v gjson.Result, checkReports bool, known map[string]int, warn func(string, ...any)) string {
	if v.Type == gjson.Null {
		return ""
	}
	if !v.IsArray() {
		return fmt.Sprintf(`excerpts is %s; want a list of {"report": …, "text": …} objects`, describe(v))
	}
	var msg string
	v.ForEach(func(k, e gjson.Result) bool {
		j := int(k.Num)
		if !e.IsObject() {
			msg = fmt.Sprintf(`excerpts[%d] is %s; want {"report": …, "text": …}`, j, describe(e))
			return false
		}
		var report, text gjson.Result
		e.ForEach(func(k, v gjson.Result) bool {
			switch k.Str {
			case "report":
				report = v
			case "text":
				text = v
			}
			return true
		})
		if report.Type != gjson.String || strings.TrimSpace(report.Str) == "" {
			msg = fmt.Sprintf(`excerpts[%d] "report" is %s; want a report id`, j, describe(report))
			return false
		}
		if text.Type != gjson.String || strings.TrimSpace(text.Str) == "" {
			msg = fmt.Sprintf(`excerpts[%d] "text" is %s; want the quoted text`, j, describe(text))
			return false
		}
		ex := Excerpt{Report: str(report), Text: str(text)}
		if checkReports {
			if _, ok := known[ex.Report]; !ok {
				warn(`excerpts[%d] quotes report %q, which the file's "reports" does not list`, j, ex.Report)
			}
		}
		p.Excerpts = append(p.Excerpts, ex)
		return true
	})
	return msg
}

// stringList returns v as a list of strings, or nil when it is not one.
func stringList(v gjson.Result) []string {
	if !v.IsArray() {
		return nil
	}
	var out []string
	ok := true
	v.ForEach(func(_, s gjson.Result) bool {
		if s.Type != gjson.String {
			ok = false
			return false
		}
		out = append(out, str(s))
		return true
	})
	if !ok {
		return nil
	}
	return out
}

// parseHexColor parses a simplestyle colour: "#rgb" or "#rrggbb", the "#"
// optional.
func parseHexColor(s string) (color.NRGBA, bool) {
	s = strings.TrimPrefix(s, "#")
	if len(s) == 3 {
		s = string([]byte{s[0], s[0], s[1], s[1], s[2], s[2]})
	}
	if len(s) != 6 {
		return color.NRGBA{}, false
	}
	n, err := strconv.ParseUint(s, 16, 32)
	if err != nil {
		return color.NRGBA{}, false
	}
	return color.NRGBA{R: uint8(n >> 16), G: uint8(n >> 8), B: uint8(n), A: 0xff}, true
}
