package atlas

import (
	"bytes"
	"fmt"
	"image/color"
	"strconv"
	"strings"

	"github.com/valyala/fastjson"
)

// readProperties fills p from a feature's properties. It returns an issue
// when the feature cannot be used (excerpts of the wrong shape) and adds to
// warnings what it ignored.
func (fd *featureDecoder) readProperties(p *Place, props *fastjson.Value, warnings *[]issue) issue {
	if isNull(props) {
		return issue{}
	}
	o, err := props.Object()
	if err != nil {
		return issue{ProblemBadProperties, fmt.Sprintf("properties is %s; want an object or null", describe(props))}
	}
	warn := func(format string, args ...any) {
		*warnings = append(*warnings, issue{ProblemIgnoredProperty, fmt.Sprintf(format, args...)})
	}
	// Get scans the few members linearly; unlike Visit it needs no closure
	// per feature. m counts the members it finds, so that the provenance
	// members are only looked for when there are others.
	m := members{o: o}
	if v := m.get("id"); v != nil {
		switch v.Type() {
		case fastjson.TypeString:
			p.ID = fd.str(v, "id")
		case fastjson.TypeNumber:
			p.ID = v.String()
		default:
			warn("id is %s; want a string (ignored)", describe(v))
		}
	}
	if v := m.get("name"); isString(v) {
		p.Name = strings.TrimSpace(fd.str(v, "name"))
	} else if !isNull(v) {
		warn("name is %s; want a string (ignored)", describe(v))
	}
	if v := m.get("aliases"); v != nil {
		var ok bool
		if p.Aliases, ok = stringList(v, func(s *fastjson.Value) string { return fd.str(s, "aliases") }); !ok {
			warn("aliases is %s; want a list of strings (ignored)", describe(v))
		}
	}
	if v := m.get("role"); v != nil {
		if r, ok := parseEnum[Role](roleNames[:], v.GetStringBytes()); ok {
			p.Role = r
		} else {
			warn(`role is %s; want "setting" or "mentioned" (treated as "mentioned")`, describe(v))
		}
	}
	if v := m.get("kind"); v != nil {
		if k, ok := parseEnum[Kind](kindNames[:], v.GetStringBytes()); ok {
			p.Kind = k
		} else {
			warn("kind is %s; want city, region, country, sea or area (ignored)", describe(v))
		}
	}
	if p.Geometry != nil { // a Point feature's point is its geometry
		if v := m.get("point"); !isNull(v) {
			if pt, msg := fd.position(v, "point"); msg == "" {
				p.Point = pt
			} else {
				warn("%s (point ignored: the marker goes inside the area)", msg)
			}
		}
	}
	if v := m.get("marker-color"); v != nil {
		if c, ok := parseHexColor(string(v.GetStringBytes())); ok {
			p.MarkerColor, p.HasMarkerColor = c, true
		} else {
			warn(`marker-color is %s; want a colour like "#e63" or "#ee6633" (ignored)`, describe(v))
		}
	}
	if v := m.get("marker-size"); v != nil {
		if s, ok := parseEnum[MarkerSize](markerSizeNames[:], v.GetStringBytes()); ok {
			p.MarkerSize = s
		} else {
			warn("marker-size is %s; want small, medium or large (ignored)", describe(v))
		}
	}
	for _, f := range [...]struct {
		name string
		dst  *string
	}{{"title", &p.Title}, {"description", &p.Description}} {
		if v := m.get(f.name); isString(v) {
			*f.dst = fd.str(v, f.name)
		} else if v != nil {
			warn("%s is %s; want a string (ignored)", f.name, describe(v))
		}
	}
	excerpts := m.get("excerpts")
	if m.found < o.Len() {
		fd.readProvenance(p, o, warn)
	}
	return fd.readExcerpts(p, excerpts, warnings)
}

// members looks up an object's members, counting those it finds.
type members struct {
	o     *fastjson.Object
	found int
}

func (m *members) get(key string) *fastjson.Value {
	v := m.o.Get(key)
	if v != nil {
		m.found++
	}
	return v
}

// readExcerpts decodes the "excerpts" list. An excerpt of the wrong shape
// or with no text makes the whole feature unusable: the quotes are what a
// place is for. One that names no report is kept, unattributed (Report
// ""), with one warning for the feature.
func (fd *featureDecoder) readExcerpts(p *Place, v *fastjson.Value, warnings *[]issue) issue {
	fd.excerptsAt = len(*warnings)
	if isNull(v) {
		return issue{}
	}
	bad := func(format string, args ...any) issue {
		return issue{ProblemBadExcerpts, fmt.Sprintf(format, args...)}
	}
	if v.Type() != fastjson.TypeArray {
		return bad(`excerpts is %s; want a list of {"report": …, "text": …} objects`, describe(v))
	}
	a := v.GetArray()
	p.Excerpts = fd.newExcerpts(len(a))
	unattributed, first := 0, -1
	var firstReport string
	for j, e := range a {
		o, err := e.Object()
		if err != nil {
			return bad(`excerpts[%d] is %s; want {"report": …, "text": …}`, j, describe(e))
		}
		report, text := o.Get("report"), o.Get("text")
		if !isString(text) || len(bytes.TrimSpace(text.GetStringBytes())) == 0 {
			return bad(`excerpts[%d] "text" is %s; want the quoted text`, j, describe(text))
		}
		ex := Excerpt{Text: fd.str(text, "excerpts")}
		switch {
		case !isString(report) || len(bytes.TrimSpace(report.GetStringBytes())) == 0:
			if unattributed == 0 {
				first, firstReport = j, describe(report)
			}
			unattributed++
		default:
			ex.Report = fd.reportID(report)
			if fd.checkReports {
				if _, ok := fd.knownReports[ex.Report]; !ok {
					*warnings = append(*warnings, unknownReport(j, ex.Report))
				}
			}
		}
		p.Excerpts = append(p.Excerpts, ex)
	}
	switch {
	case unattributed == 1:
		*warnings = append(*warnings, issue{ProblemUnattributed, fmt.Sprintf(`excerpts[%d] "report" is %s; kept as an unattributed quote`, first, firstReport)})
	case unattributed > 1:
		*warnings = append(*warnings, issue{ProblemUnattributed, fmt.Sprintf(`%d excerpts name no report (the first, excerpts[%d], "report" is %s); kept as unattributed quotes`, unattributed, first, firstReport)})
	}
	return issue{}
}

// unknownReport is the warning for excerpts[j] quoting the report id,
// which the file's reports do not list.
func unknownReport(j int, id string) issue {
	return issue{ProblemUnknownReport, fmt.Sprintf(`excerpts[%d] quotes report %q, which the file's "reports" does not list`, j, clipName(id))}
}

// excerptBlock is how many excerpts newExcerpts allocates at a time.
const excerptBlock = 1024

// newExcerpts returns an empty slice with room for n excerpts, from a block
// of them, so that a million places cost a thousand allocations for their
// excerpts rather than a million. Its capacity is n, so that appending more
// reallocates rather than writing over the next place's; a block lives as
// long as any place in it, as the string arena's do.
func (fd *featureDecoder) newExcerpts(n int) []Excerpt {
	if n > excerptBlock/8 {
		return make([]Excerpt, 0, n)
	}
	if len(fd.excerpts)+n > cap(fd.excerpts) {
		fd.excerpts = make([]Excerpt, 0, excerptBlock)
	}
	start := len(fd.excerpts)
	fd.excerpts = fd.excerpts[:start+n]
	return fd.excerpts[start : start : start+n]
}

// reportID returns a report id, sharing one string per report rather than
// allocating one per excerpt.
func (fd *featureDecoder) reportID(v *fastjson.Value) string {
	b := v.GetStringBytes()
	if id, ok := fd.interned[string(b)]; ok {
		return id
	}
	id := fd.str(v, "excerpts")
	if fd.interned == nil {
		fd.interned = map[string]string{}
	}
	if len(fd.interned) < 1000 {
		fd.interned[id] = id
	}
	return id
}

// stringList returns v as a list of strings, each made by str. ok is false
// when v is present but not a list of strings.
func stringList(v *fastjson.Value, str func(*fastjson.Value) string) (list []string, ok bool) {
	if isNull(v) {
		return nil, true
	}
	if v.Type() != fastjson.TypeArray {
		return nil, false
	}
	a := v.GetArray()
	for _, s := range a {
		if !isString(s) {
			return nil, false
		}
	}
	if len(a) == 0 {
		return nil, true
	}
	list = make([]string, len(a))
	for i, s := range a {
		list[i] = str(s)
	}
	return list, true
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
