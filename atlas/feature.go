package atlas

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/valyala/fastjson"
)

// issue is one problem with a feature, before it becomes a Problem.
type issue struct {
	kind ProblemKind
	msg  string // "" for no problem
}

// featureIssue is what was wrong with one feature.
type featureIssue struct {
	feature    int
	skip       issue   // why the feature was left out; no msg when it is usable
	warnings   []issue // what was ignored in a usable feature
	excerptsAt int     // how many of warnings came before the excerpts'
}

// featureDecoder decodes features one at a time. It is not safe for
// concurrent use; each worker has its own.
type featureDecoder struct {
	parser       fastjson.Parser
	checkReports bool           // warn on excerpts quoting unknown reports
	knownReports map[string]int // read only
	interned     map[string]string
	arena        stringArena
	badUTF8      []string     // the fields of this feature with invalid UTF-8
	num          []byte       // scratch for a number's text (see number)
	provenances  []Provenance // the block newProvenance takes from
	excerpts     []Excerpt    // the block newExcerpts takes from
	excerptsAt   int          // how many warnings the feature had when its excerpts were read
}

// str returns a JSON string's value as a string of its own (fastjson's
// alias its input, which Load must not keep). Invalid UTF-8 becomes U+FFFD
// and field, the member it came from, is noted for a warning.
func (fd *featureDecoder) str(v *fastjson.Value, field string) string {
	b := v.GetStringBytes()
	if !utf8.Valid(b) {
		if !slices.Contains(fd.badUTF8, field) {
			fd.badUTF8 = append(fd.badUTF8, field)
		}
		return string(toValidUTF8(b))
	}
	return fd.arena.copy(b)
}

// decode decodes the feature whose JSON is raw into p. It returns why the
// feature cannot be used (an issue with no msg when it can) and appends to
// warnings what it ignored.
func (fd *featureDecoder) decode(i int, raw string, p *Place, warnings *[]issue) issue {
	*p = Place{Feature: i, Role: RoleMentioned}
	fd.badUTF8 = fd.badUTF8[:0]
	fd.excerptsAt = 0
	v, err := fd.parser.Parse(raw)
	if err != nil { // cannot happen after validation, but never trust it
		return issue{ProblemNotFeature, fmt.Sprintf("is not valid JSON: %v", err)}
	}
	o, err := v.Object()
	if err != nil {
		return issue{ProblemNotFeature, fmt.Sprintf("is %s; want a Feature object", describe(v))}
	}
	if typ := o.Get("type"); !isString(typ) || string(typ.GetStringBytes()) != "Feature" {
		return issue{ProblemNotFeature, fmt.Sprintf(`"type" is %s; want "Feature"`, describe(typ))}
	}
	geom := o.Get("geometry")
	switch {
	case geom == nil:
		return issue{ProblemNoGeometry, `has no "geometry" member, so the place has no location`}
	case geom.Type() == fastjson.TypeNull:
		return issue{ProblemNoGeometry, "geometry is null, so the place has no location"}
	}
	if msg := fd.readGeometry(p, geom); msg != "" {
		return issue{ProblemBadGeometry, msg}
	}
	if is := fd.readProperties(p, o.Get("properties"), warnings); is.msg != "" {
		return is
	}
	if p.ID == "" { // the properties' id wins over the feature's own
		switch id := o.Get("id"); {
		case isString(id):
			p.ID = fd.str(id, "id")
		case id != nil && id.Type() == fastjson.TypeNumber:
			p.ID = id.String()
		}
	}
	if len(fd.badUTF8) > 0 {
		*warnings = append(*warnings, issue{ProblemInvalidUTF8, utf8Message(fd.badUTF8)})
	}
	return issue{}
}

// utf8Message says that the named fields had invalid UTF-8.
func utf8Message(fields []string) string {
	verb := "is"
	list := fields[0]
	if n := len(fields); n > 1 {
		verb = "are"
		list = strings.Join(fields[:n-1], ", ") + " and " + fields[n-1]
	}
	return fmt.Sprintf("%s %s not valid UTF-8; shown with U+FFFD replacement characters", list, verb)
}
