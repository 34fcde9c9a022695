package geoparse

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geo"

	"reportmap/atlas"
	"reportmap/gazetteer"
)

// Truth is one place a text names, as a person found it.
type Truth struct {
	Name    string
	Aliases []string
	Kind    atlas.Kind
	Point   orb.Point
	Setting bool
}

// TruthFromAtlas returns the places of a hand-made places file that
// quote the report, with the report's settings marked.
func TruthFromAtlas(a *atlas.Atlas, report string) []Truth {
	r := a.Report(report)
	var out []Truth
	for i := range a.Places {
		pl := &a.Places[i]
		if !slices.Contains(pl.Reports(), report) {
			continue
		}
		t := Truth{Name: pl.Name, Aliases: pl.Aliases, Kind: pl.Kind, Point: pl.Point}
		if r != nil && slices.Contains(r.Settings, pl.ID) {
			t.Setting = true
		}
		out = append(out, t)
	}
	return out
}

// partOfCountryTolerance is how far a part of a country ("northern
// Peru", "western Zambia") may lie from the true point: such a part is a
// third or a half of the country, hundreds of km across.
const partOfCountryTolerance = 600e3

// riverTolerance is how far a river's point may lie from the true one: a
// river is hundreds or thousands of km long, and either point is
// somewhere along it (the Mississippi: 3,700 km).
const riverTolerance = 1500e3

// Tolerance returns how far, in metres, a resolved place may lie from
// the true point of a place of kind k and still count as found: 15 km
// for a town or a small area, 300 km for a region or a sea (an oblast, a
// strip, "northern France", the Channel), 2,000 km for a continent-sized
// region (kind region with a curated id: Europe, the Middle East). A
// country counts when the names agree and the place resolved to a
// country, whatever the distance: a country's point (centroid or capital)
// is a convention; so does a sea or ocean resolved to a sea (the Indian
// Ocean's point is anywhere in 70 million km²).
func Tolerance(k atlas.Kind) float64 {
	switch k {
	case atlas.KindCity, atlas.KindArea, atlas.KindUnknown:
		return 15e3
	case atlas.KindRegion, atlas.KindSea:
		return 300e3
	}
	return 0
}

// Score is the evaluation of one text, or of several summed.
type Score struct {
	Name                  string
	Found, Spurious, Lost int      // true positives, false positives, false negatives
	SettingsRight         int      // true settings guessed as settings
	SettingsTrue          int      // settings in the truth
	SettingsGuessed       int      // places guessed as settings that matched a truth place
	Missed, Extra         []string // names of lost and spurious places
}

// Precision is Found / (Found + Spurious); 1 when nothing was predicted.
func (s Score) Precision() float64 {
	if s.Found+s.Spurious == 0 {
		return 1
	}
	return float64(s.Found) / float64(s.Found+s.Spurious)
}

// Recall is Found / (Found + Lost); 1 when there was nothing to find.
func (s Score) Recall() float64 {
	if s.Found+s.Lost == 0 {
		return 1
	}
	return float64(s.Found) / float64(s.Found+s.Lost)
}

// Add sums another score into s.
func (s *Score) Add(o Score) {
	s.Found += o.Found
	s.Spurious += o.Spurious
	s.Lost += o.Lost
	s.SettingsRight += o.SettingsRight
	s.SettingsTrue += o.SettingsTrue
	s.SettingsGuessed += o.SettingsGuessed
	s.Missed = append(s.Missed, o.Missed...)
	s.Extra = append(s.Extra, o.Extra...)
}

// String formats the score on one line.
func (s Score) String() string {
	return fmt.Sprintf("%-16s P %.2f  R %.2f  (found %d, spurious %d, lost %d)  settings %d/%d right, %d guessed",
		s.Name, s.Precision(), s.Recall(), s.Found, s.Spurious, s.Lost, s.SettingsRight, s.SettingsTrue, s.SettingsGuessed)
}

// matches reports whether predicted place p is the true place t: one of
// their names agrees (folded) and p lies within t's tolerance (for a
// country: p is a country).
func matches(p *Place, t *Truth) bool {
	names := map[string]bool{gazetteer.Fold(p.Name): true}
	for _, a := range p.Aliases {
		names[gazetteer.Fold(a)] = true
	}
	agree := names[gazetteer.Fold(t.Name)]
	for _, a := range t.Aliases {
		agree = agree || names[gazetteer.Fold(a)]
	}
	if !agree {
		return false
	}
	d := geo.Distance(p.Point, t.Point)
	switch {
	case t.Kind == atlas.KindCountry:
		return p.Kind == atlas.KindCountry || p.Gazetteer.Source == gazetteer.SourceCurated
	case t.Kind == atlas.KindRegion && p.Gazetteer.Source == gazetteer.SourceCurated && p.Kind == atlas.KindRegion:
		return d <= 2000e3
	case t.Kind == atlas.KindSea && p.GazetteerKind == gazetteer.KindSea:
		return true // a sea's or ocean's point is a convention, as a country's
	case p.GazetteerKind == gazetteer.KindRiver:
		return d <= riverTolerance // a river's point is anywhere along hundreds of km
	case p.GazetteerKind == gazetteer.KindCountry && slices.Contains(p.Reasons, ReasonModifier):
		return d <= partOfCountryTolerance
	}
	return d <= Tolerance(t.Kind)
}

// Evaluate compares what the parser finds in text with the truth: each
// true place matches at most one predicted place (see Tolerance). It is
// safe for concurrent use.
func Evaluate(p *Parser, name, text string, truth []Truth) Score {
	r := p.Parse(text)
	s := Score{Name: name}
	used := make([]bool, len(r.Places))
	for ti := range truth {
		t := &truth[ti]
		if t.Setting {
			s.SettingsTrue++
		}
		hit := -1
		for pi := range r.Places {
			if !used[pi] && matches(&r.Places[pi], t) {
				hit = pi
				break
			}
		}
		if hit < 0 {
			s.Lost++
			s.Missed = append(s.Missed, name+": "+t.Name)
			continue
		}
		used[hit] = true
		s.Found++
		if r.Places[hit].Role == atlas.RoleSetting {
			s.SettingsGuessed++
			if t.Setting {
				s.SettingsRight++
			}
		}
	}
	for pi := range r.Places {
		if !used[pi] {
			s.Spurious++
			s.Extra = append(s.Extra, fmt.Sprintf("%s: %s (%s)", name, r.Places[pi].Name, r.Places[pi].Gazetteer))
		}
	}
	return s
}

// Report writes the scores and their sum, with the places lost and the
// spurious ones, to w.
func Report(w io.Writer, scores []Score) Score {
	total := Score{Name: "overall"}
	for _, s := range scores {
		fmt.Fprintln(w, s)
		total.Add(s)
	}
	fmt.Fprintln(w, total)
	for _, m := range total.Missed {
		fmt.Fprintln(w, "  lost:", m)
	}
	for _, e := range total.Extra {
		fmt.Fprintln(w, "  spurious:", e)
	}
	return total
}

// EvaluateFile evaluates the parser on every report of a hand-made
// places file, reading each report's text beside it. Errors are
// prefixed "geoparse: ". It is safe for concurrent use.
func EvaluateFile(p *Parser, placesFile string) ([]Score, error) {
	a, err := atlas.LoadFile(placesFile)
	if err != nil {
		return nil, fmt.Errorf("geoparse: evaluating: %w", err)
	}
	var scores []Score
	for _, r := range a.Reports {
		text, err := os.ReadFile(filepath.Join(filepath.Dir(placesFile), filepath.FromSlash(r.File)))
		if err != nil {
			return nil, fmt.Errorf("geoparse: evaluating report %q: %w", r.ID, err)
		}
		scores = append(scores, Evaluate(p, r.ID, string(text), TruthFromAtlas(a, r.ID)))
	}
	return scores, nil
}
