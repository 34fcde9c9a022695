package atlas

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// Encode writes a as a places file in the app's own format (README.md,
// "Making your own places file"): a FeatureCollection whose "reports"
// member lists a.Reports and whose features are a.Places, in order. The
// members come in a fixed order and are indented by two spaces, with a
// newline at the end, so that the same atlas always gives the same bytes.
// a.File and a.Warnings are not written.
//
// Load gives back what Encode was given: the same Reports and, field by
// field, the same Places, Feature aside (it becomes the place's index).
// To keep that promise Encode refuses, with an error naming the place or
// report, an atlas that Load would read back otherwise: one with no
// places; a place or report with no id, or with the id of an earlier one;
// a report with no title; a place whose name Load would change (it trims
// spaces, and gives a place with no name its title or id); a role, kind
// or marker size Load does not know, or a marker colour that is not
// opaque; a Point with a coordinate out of range (or not a number); a
// Geometry that is an orb.Point, a Ring or a Bound, that has no
// positions, a position out of range or a nil part; a Point out of range
// that is not its Geometry's RepresentativePoint (Encode writes such a
// Point as the "point" property); an excerpt with no text, or whose report id is only spaces;
// a confidence outside 0–1; or text that is not valid UTF-8. Every atlas
// that Load returns is accepted.
func Encode(a *Atlas) ([]byte, error) {
	if len(a.Places) == 0 {
		return nil, fmt.Errorf("atlas: cannot encode an atlas with no places: a places file needs at least one")
	}
	doc := fileJSON{Reports: make([]reportJSON, len(a.Reports)), Features: make([]featureJSON, len(a.Places))}
	reports := make(map[string]int, len(a.Reports))
	for i := range a.Reports {
		r := &a.Reports[i]
		if msg := checkReport(r, reports); msg != "" {
			return nil, fmt.Errorf("atlas: cannot encode report %d (%q): %s", i, clipName(r.ID), msg)
		}
		reports[r.ID] = i
		doc.Reports[i] = reportJSON{ID: r.ID, Title: r.Title, Source: r.Source, File: r.File, Settings: r.Settings}
		if r.Settings == nil {
			doc.Reports[i].Settings = []string{}
		}
	}
	places := make(map[string]int, len(a.Places))
	for i := range a.Places {
		p := &a.Places[i]
		if j, dup := places[p.ID]; dup {
			return nil, fmt.Errorf("atlas: cannot encode place %d (%q): its id is place %d's too", i, clipName(p.ID), j)
		}
		places[p.ID] = i
		f, msg := encodePlace(p)
		if msg != "" {
			return nil, fmt.Errorf("atlas: cannot encode place %d (%q): %s", i, clipName(p.ID), msg)
		}
		doc.Features[i] = f
	}
	data, err := doc.encode()
	if err != nil {
		return nil, fmt.Errorf("atlas: cannot encode: %w", err)
	}
	return data, nil
}

// fileJSON is the file as Encode writes it. The order of the fields of
// these types is the order of the members in the file.
type fileJSON struct {
	Reports  []reportJSON
	Features []featureJSON
}

// encode writes the file as encoding/json would with an indent of two
// spaces, but one feature at a time: that allocates about twice the
// file's size rather than eight times.
func (doc *fileJSON) encode() ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(1024 + 700*len(doc.Features)) // a little more than a feature takes
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // "<" and "&" as they are, not \u003c
	enc.SetIndent("  ", "  ")
	buf.WriteString("{\n  \"type\": \"FeatureCollection\",\n  \"reports\": ")
	if err := enc.Encode(doc.Reports); err != nil {
		return nil, err
	}
	buf.Truncate(buf.Len() - 1) // Encode's newline
	buf.WriteString(",\n  \"features\": [")
	enc.SetIndent("    ", "  ")
	for i := range doc.Features {
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteString("\n    ")
		if err := enc.Encode(&doc.Features[i]); err != nil {
			return nil, err
		}
		buf.Truncate(buf.Len() - 1)
	}
	buf.WriteString("\n  ]\n}\n")
	return buf.Bytes(), nil
}

type reportJSON struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Source   string   `json:"source"`
	File     string   `json:"file"`
	Settings []string `json:"settings"`
}

type featureJSON struct {
	Type       string         `json:"type"`
	Geometry   any            `json:"geometry"` // pointJSON or geometryJSON
	Properties propertiesJSON `json:"properties"`
}

type pointJSON struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"`
}

type propertiesJSON struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"` // omitted when Load makes the same name without it
	// Aliases is omitted when empty; Load makes nil of an empty list.
	Aliases         []string      `json:"aliases,omitempty"`
	Role            string        `json:"role"`
	Kind            string        `json:"kind,omitempty"`
	Point           *[2]float64   `json:"point,omitempty"` // the marker's point, when a geometry's is not RepresentativePoint
	Title           string        `json:"title,omitempty"`
	Description     string        `json:"description,omitempty"`
	MarkerColor     string        `json:"marker-color,omitempty"`
	MarkerSize      string        `json:"marker-size,omitempty"`
	Excerpts        []excerptJSON `json:"excerpts"`
	*provenanceJSON               // nil for a place made by hand: no members
}

type excerptJSON struct {
	Report string `json:"report,omitempty"` // none for an unattributed quote
	Text   string `json:"text"`
}

// provenanceJSON always has "gazetteer" (and "confidence" unless 0), so that a
// Provenance of zero values still loads as one.
type provenanceJSON struct {
	Confidence   float64           `json:"confidence,omitempty"` // 0 loads back as 0; a hand-made place with only a gazetteer id has none
	Gazetteer    string            `json:"gazetteer"`
	Alternatives []alternativeJSON `json:"alternatives,omitempty"`
	Reasons      []string          `json:"reasons,omitempty"`
	Corrected    bool              `json:"corrected,omitempty"`
}

type alternativeJSON struct {
	Gazetteer string `json:"gazetteer"`
	Name      string `json:"name"`
	Country   string `json:"country,omitempty"`
}

// checkReport says why r cannot be encoded, or "". seen holds the ids of
// the reports before it.
func checkReport(r *Report, seen map[string]int) string {
	switch j, dup := seen[r.ID]; {
	case r.ID == "":
		return "it has no id"
	case dup:
		return fmt.Sprintf("its id is report %d's too", j)
	case r.Title == "":
		return "it has no title; Load would title it by its id"
	}
	if f := badUTF8("id", r.ID, "title", r.Title, "source", r.Source, "file", r.File); f != "" {
		return f
	}
	for _, s := range r.Settings {
		if !utf8.ValidString(s) {
			return "settings are not valid UTF-8"
		}
	}
	return ""
}

// encodePlace returns p as a feature, or says why Load would read it back
// otherwise.
func encodePlace(p *Place) (featureJSON, string) {
	f := featureJSON{Type: "Feature"}
	if p.ID == "" {
		return f, "it has no id"
	}
	// Load trims the name and, when that leaves nothing, names the place
	// by its title or else its id.
	name := p.Name
	if loaded := cmp.Or(strings.TrimSpace(name), p.Title, p.ID); loaded != p.Name {
		name = "" // the title or id it is, as Load makes it
		switch {
		case cmp.Or(p.Title, p.ID) == p.Name:
		case p.Name == "":
			return f, fmt.Sprintf("it has no name; Load would name it %q", clipName(loaded))
		default:
			return f, fmt.Sprintf("Load would read its name %q as %q: it trims spaces from the ends", clipName(p.Name), clipName(loaded))
		}
	}
	switch p.Role {
	case RoleSetting, RoleMentioned:
	default:
		return f, fmt.Sprintf("its role is %q; want %q or %q", clipName(p.Role.String()), RoleSetting, RoleMentioned)
	}
	switch p.Kind {
	case KindUnknown, KindCity, KindRegion, KindCountry, KindSea, KindArea:
	default:
		return f, fmt.Sprintf("its kind is %q; want city, region, country, sea, area or none", clipName(p.Kind.String()))
	}
	switch p.MarkerSize {
	case MarkerDefault, MarkerSmall, MarkerMedium, MarkerLarge:
	default:
		return f, fmt.Sprintf("its marker size is %q; want small, medium, large or none", clipName(p.MarkerSize.String()))
	}
	props := propertiesJSON{ID: p.ID, Name: name, Aliases: p.Aliases, Role: p.Role.String(), Kind: p.Kind.String(), Title: p.Title, Description: p.Description,
		MarkerSize: p.MarkerSize.String(), Excerpts: make([]excerptJSON, len(p.Excerpts))}
	if p.HasMarkerColor {
		c := p.MarkerColor
		if c.A != 0xff {
			return f, fmt.Sprintf("its marker colour has alpha %d; a simplestyle colour is opaque (255)", c.A)
		}
		props.MarkerColor = fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)
	}
	for j, e := range p.Excerpts {
		switch {
		case strings.TrimSpace(e.Text) == "":
			return f, fmt.Sprintf("excerpts[%d] has no text", j)
		case e.Report != "" && strings.TrimSpace(e.Report) == "":
			return f, fmt.Sprintf("excerpts[%d] quotes report %q, which Load would read as no report", j, e.Report)
		case !utf8.ValidString(e.Report) || !utf8.ValidString(e.Text):
			return f, fmt.Sprintf("excerpts[%d] is not valid UTF-8", j)
		}
		props.Excerpts[j] = excerptJSON(e)
	}
	if msg := badUTF8("id", p.ID, "name", p.Name, "title", p.Title, "description", p.Description); msg != "" {
		return f, msg
	}
	for _, s := range p.Aliases {
		if !utf8.ValidString(s) {
			return f, "aliases are not valid UTF-8"
		}
	}
	if pv := p.Provenance; pv != nil {
		if !(pv.Confidence >= 0 && pv.Confidence <= 1) {
			return f, fmt.Sprintf("its confidence is %v; want 0 to 1", pv.Confidence)
		}
		if msg := badUTF8("gazetteer", pv.Gazetteer); msg != "" {
			return f, msg
		}
		props.provenanceJSON = &provenanceJSON{Confidence: pv.Confidence, Gazetteer: pv.Gazetteer, Reasons: pv.Reasons, Corrected: pv.Corrected}
		for _, s := range pv.Reasons {
			if !utf8.ValidString(s) {
				return f, "reasons are not valid UTF-8"
			}
		}
		for j, alt := range pv.Alternatives {
			if msg := badUTF8("gazetteer", alt.Gazetteer, "name", alt.Name, "country", alt.Country); msg != "" {
				return f, fmt.Sprintf("alternatives[%d] %s", j, msg)
			}
			props.Alternatives = append(props.Alternatives, alternativeJSON(alt))
		}
	}
	f.Properties = props
	if p.Geometry == nil {
		if msg := checkPosition(p.Point); msg != "" {
			return f, "its Point " + msg
		}
		f.Geometry = pointJSON{Type: "Point", Coordinates: p.Point}
		return f, ""
	}
	if _, ok := p.Geometry.(orb.Point); ok {
		return f, "its Geometry is an orb.Point, which Load reads as a Point with no Geometry; set Point and leave Geometry nil"
	}
	n, msg := checkGeometry(p.Geometry, 0)
	switch {
	case msg != "":
		return f, "its Geometry " + msg
	case n == 0:
		return f, "its Geometry has no positions"
	}
	if c := RepresentativePoint(p.Geometry); !samePoint(c, p.Point) {
		if msg := checkPosition(p.Point); msg != "" {
			return f, "its Point " + msg
		}
		pt := [2]float64(p.Point)
		f.Properties.Point = &pt
	}
	f.Geometry = geometryJSON{p.Geometry}
	return f, ""
}

// badUTF8 takes pairs of a field's name and its text and says which
// first is not valid UTF-8 (which encoding/json would change), or "".
func badUTF8(pairs ...string) string {
	for i := 0; i+1 < len(pairs); i += 2 {
		if !utf8.ValidString(pairs[i+1]) {
			return pairs[i] + " is not valid UTF-8"
		}
	}
	return ""
}

// checkPosition says what is wrong with a position Load would refuse, or "".
func checkPosition(pt orb.Point) string {
	lon, lat := pt[0], pt[1]
	switch {
	case !(lat >= -90 && lat <= 90):
		return fmt.Sprintf("has latitude %v; want -90…90", lat)
	case !(lon >= -180 && lon <= 180):
		return fmt.Sprintf("has longitude %v; want -180…180", lon)
	}
	return ""
}

// checkGeometry counts g's positions and says why Load would not read it
// back the same, or "". depth is how many GeometryCollections hold g.
func checkGeometry(g orb.Geometry, depth int) (int, string) {
	points := func(ps []orb.Point) (int, string) {
		if ps == nil {
			return 0, "has a nil part, which JSON writes as null"
		}
		for _, pt := range ps {
			if msg := checkPosition(pt); msg != "" {
				return 0, "has a position that " + msg
			}
		}
		return len(ps), ""
	}
	switch g := g.(type) {
	case orb.Point:
		return points([]orb.Point{g})
	case orb.MultiPoint:
		return points(g)
	case orb.LineString:
		return points(g)
	case orb.MultiLineString:
		return parts(g, func(ls orb.LineString) (int, string) { return points(ls) })
	case orb.Polygon:
		return parts(g, func(r orb.Ring) (int, string) { return points(r) })
	case orb.MultiPolygon:
		return parts(g, func(p orb.Polygon) (int, string) {
			return parts(p, func(r orb.Ring) (int, string) { return points(r) })
		})
	case orb.Collection:
		if depth > 8 { // as deep as Load reads
			return 0, "nests GeometryCollections more than 9 deep"
		}
		return parts(g, func(c orb.Geometry) (int, string) { return checkGeometry(c, depth+1) })
	case nil:
		return 0, "has a nil member"
	}
	return 0, fmt.Sprintf("is an %T, which GeoJSON has no type for (Load would read it back as a Polygon)", g)
}

// parts sums check over the parts of a geometry, stopping at the first
// message.
func parts[T any](ps []T, check func(T) (int, string)) (int, string) {
	if ps == nil {
		return 0, "has a nil part, which JSON writes as null"
	}
	total := 0
	for _, p := range ps {
		n, msg := check(p)
		if msg != "" {
			return 0, msg
		}
		total += n
	}
	return total, ""
}

// samePoint reports whether a and b are the same, NaN being itself.
func samePoint(a, b orb.Point) bool {
	same := func(x, y float64) bool { return x == y || math.IsNaN(x) && math.IsNaN(y) }
	return same(a[0], b[0]) && same(a[1], b[1])
}

// geometryJSON writes a geometry with orb's geojson package, except that
// a GeometryCollection is written here: orb writes an empty one as null,
// which Load refuses, while Load reads an empty one nested in another.
type geometryJSON struct{ g orb.Geometry }

func (g geometryJSON) MarshalJSON() ([]byte, error) {
	c, ok := g.g.(orb.Collection)
	if !ok {
		return geojson.NewGeometry(g.g).MarshalJSON()
	}
	members := make([]geometryJSON, len(c))
	for i, m := range c {
		members[i] = geometryJSON{m}
	}
	return json.Marshal(struct {
		Type       string         `json:"type"`
		Geometries []geometryJSON `json:"geometries"`
	}{"GeometryCollection", members})
}
