package atlas

import (
	"image/color"

	"github.com/paulmach/orb"
)

// Role says whether the reported events happen at a place or whether the
// place is only mentioned.
type Role string

// The roles a place can have.
const (
	RoleSetting   Role = "setting"   // the reported events happen here
	RoleMentioned Role = "mentioned" // named in a report, but nothing happens here
)

// Kind is what sort of place a place is.
type Kind string

// The kinds of place. A place whose file gives no kind has KindUnknown.
const (
	KindUnknown Kind = ""
	KindCity    Kind = "city"
	KindRegion  Kind = "region"
	KindCountry Kind = "country"
	KindSea     Kind = "sea"
	KindArea    Kind = "area"
)

// MarkerSize is a simplestyle-spec marker size.
type MarkerSize string

// The marker sizes of the simplestyle spec. MarkerDefault means the file
// did not say and the map chooses.
const (
	MarkerDefault MarkerSize = ""
	MarkerSmall   MarkerSize = "small"
	MarkerMedium  MarkerSize = "medium"
	MarkerLarge   MarkerSize = "large"
)

// Excerpt is a verbatim quote from one report about a place.
type Excerpt struct {
	// Report is the id of the report quoted, or "" for an unattributed
	// quote: one whose file names no report (Load warns of it). No
	// report ever has the id "".
	Report string
	Text   string // the quote, verbatim
}

// Place is one place named in the reports.
type Place struct {
	ID      string   // stable, unique within the file
	Name    string   // display name; never empty (a fallback is made)
	Aliases []string // other names for the place, as they appear in the text
	Role    Role
	Kind    Kind

	// Point is where the place's marker goes: longitude and latitude in
	// degrees (orb's X, Y order). For a Point feature it is the point;
	// for other geometries a representative point (the centroid).
	Point orb.Point

	// Geometry is the feature's geometry when it is not a Point, kept for
	// drawing; nil for Point features.
	Geometry orb.Geometry

	Excerpts []Excerpt

	// Optional simplestyle-spec styling.
	MarkerColor    color.NRGBA // valid only when HasMarkerColor
	HasMarkerColor bool
	MarkerSize     MarkerSize
	Title          string
	Description    string

	// Provenance says how the geoparser found the place, for a place
	// that reportmap -import or the app's import found; nil for a place
	// made by hand.
	Provenance *Provenance

	// Feature is the index of the feature in its file (0 for a file that is
	// a single Feature).
	Feature int
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
