package atlas

import (
	"fmt"

	"github.com/valyala/fastjson"
)

// featureIssue is what was wrong with one feature.
type featureIssue struct {
	feature  int
	skip     string   // why the feature was left out; "" when it is usable
	warnings []string // what was ignored in a usable feature
}

// featureDecoder decodes features one at a time. It is not safe for
// concurrent use; each worker has its own.
type featureDecoder struct {
	parser       fastjson.Parser
	checkReports bool           // warn on excerpts quoting unknown reports
	knownReports map[string]int // read only
	interned     map[string]string
	arena        stringArena
}

// str returns a JSON string's value as a string of its own.
func (fd *featureDecoder) str(v *fastjson.Value) string {
	return fd.arena.text(v.GetStringBytes())
}

// decode decodes the feature whose JSON is raw into p. It returns why the
// feature cannot be used ("" when it can) and appends to warnings what it
// ignored.
func (fd *featureDecoder) decode(i int, raw string, p *Place, warnings *[]string) string {
	*p = Place{Feature: i, Role: RoleMentioned}
	v, err := fd.parser.Parse(raw)
	if err != nil { // cannot happen after validation, but never trust it
		return fmt.Sprintf("is not valid JSON: %v", err)
	}
	o, err := v.Object()
	if err != nil {
		return fmt.Sprintf("is %s; want a Feature object", describe(v))
	}
	if typ := o.Get("type"); !isString(typ) || string(typ.GetStringBytes()) != "Feature" {
		return fmt.Sprintf(`"type" is %s; want "Feature"`, describe(typ))
	}
	geom := o.Get("geometry")
	switch {
	case geom == nil:
		return `has no "geometry" member, so the place has no location`
	case geom.Type() == fastjson.TypeNull:
		return "geometry is null, so the place has no location"
	}
	if msg := readGeometry(p, geom); msg != "" {
		return msg
	}
	if msg := fd.readProperties(p, o.Get("properties"), warnings); msg != "" {
		return msg
	}
	if p.ID == "" { // the properties' id wins over the feature's own
		switch id := o.Get("id"); {
		case isString(id):
			p.ID = fd.str(id)
		case id != nil && id.Type() == fastjson.TypeNumber:
			p.ID = id.String()
		}
	}
	return ""
}
