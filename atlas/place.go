package atlas

import (
	"image/color"
	"strconv"

	"github.com/paulmach/orb"
)

// Role says whether the reported events happen at a place or whether the
// place is only mentioned. The zero Role is no role: Load gives every
// place one, and Encode refuses a place without one.
type Role uint8

// The roles a place can have.
const (
	RoleSetting   Role = iota + 1 // the reported events happen here
	RoleMentioned                 // named in a report, but nothing happens here
)

var roleNames = [...]string{RoleSetting: "setting", RoleMentioned: "mentioned"}

// String returns the role as a file spells it: "setting" or "mentioned";
// "" for the zero Role.
func (r Role) String() string { return enumString(roleNames[:], r, "Role") }

// Kind is what sort of place a place is.
type Kind uint8

// The kinds of place. A place whose file gives no kind has KindUnknown.
const (
	KindUnknown Kind = iota
	KindCity
	KindRegion
	KindCountry
	KindSea
	KindArea
)

var kindNames = [...]string{KindCity: "city", KindRegion: "region", KindCountry: "country", KindSea: "sea", KindArea: "area"}

// String returns the kind as a file spells it, such as "city"; "" for
// KindUnknown.
func (k Kind) String() string { return enumString(kindNames[:], k, "Kind") }

// MarkerSize is a simplestyle-spec marker size.
type MarkerSize uint8

// The marker sizes of the simplestyle spec. MarkerDefault means the file
// did not say and the map chooses.
const (
	MarkerDefault MarkerSize = iota
	MarkerSmall
	MarkerMedium
	MarkerLarge
)

var markerSizeNames = [...]string{MarkerSmall: "small", MarkerMedium: "medium", MarkerLarge: "large"}

// String returns the size as a file spells it, such as "small"; "" for
// MarkerDefault.
func (s MarkerSize) String() string { return enumString(markerSizeNames[:], s, "MarkerSize") }

// enumString returns names[v], or, for a v with no name, the type's name
// and v's number, as in "Role(7)".
func enumString[T ~uint8](names []string, v T, typ string) string {
	if int(v) < len(names) {
		return names[v]
	}
	return typ + "(" + strconv.Itoa(int(v)) + ")"
}

// parseEnum returns the value whose name in names is b, or false for
// none; the empty name (the zero value's) is never one.
func parseEnum[T ~uint8](names []string, b []byte) (T, bool) {
	for i, n := range names {
		if n != "" && n == string(b) {
			return T(i), true
		}
	}
	return 0, false
}

// Excerpt is a verbatim quote from one report about a place.
type Excerpt struct {
	// Report is the id of the report quoted, or "" for an unattributed
	// quote: one whose file names no report (Load warns of it). No
	// report ever has the id "".
	Report string
	Text   string // the quote, verbatim
}

// Place is one place named in the reports.
//
// The small fields come last, packed together: a file may hold a million
// places.
type Place struct {
	ID      string   // stable, unique within the file
	Name    string   // display name; never empty (a fallback is made)
	Aliases []string // other names for the place, as they appear in the text

	// Point is where the place's marker goes: longitude and latitude in
	// degrees (orb's X, Y order). For a Point feature it is the point;
	// for other geometries a representative point (the centroid).
	Point orb.Point

	// Geometry is the feature's geometry when it is not a Point, kept for
	// drawing; nil for Point features.
	Geometry orb.Geometry

	Excerpts []Excerpt

	// Optional simplestyle-spec styling; MarkerSize and MarkerColor are
	// below, among the small fields.
	Title       string
	Description string

	// Provenance says how the geoparser found the place, for a place
	// that reportmap -import or the app's import found; nil for a place
	// made by hand.
	Provenance *Provenance

	// Feature is the index of the feature in its file (0 for a file that is
	// a single Feature).
	Feature int

	Role Role
	Kind Kind

	// Optional simplestyle-spec styling, with Title and Description.
	MarkerSize     MarkerSize
	MarkerColor    color.NRGBA // valid only when HasMarkerColor
	HasMarkerColor bool
}

// Names returns the place's name followed by its aliases.
func (p *Place) Names() []string {
	names := make([]string, 0, 1+len(p.Aliases))
	names = append(names, p.Name)
	return append(names, p.Aliases...)
}

// Reports returns the ids of the reports that quote the place, each once,
// in the order of its excerpts. Unattributed excerpts add none.
func (p *Place) Reports() []string {
	var ids []string
	for _, e := range p.Excerpts {
		seen := e.Report == ""
		for _, id := range ids {
			if id == e.Report {
				seen = true
				break
			}
		}
		if !seen {
			ids = append(ids, e.Report)
		}
	}
	return ids
}
