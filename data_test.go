package main

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"reportmap/atlas"
)

// loadEmbedded loads the embedded places file, failing on any warning.
func loadEmbedded(t *testing.T) *atlas.Atlas {
	t.Helper()
	data, err := embedded.ReadFile(embeddedName)
	if err != nil {
		t.Fatal(err)
	}
	a, err := atlas.Load(embeddedName, data)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range a.Warnings {
		t.Errorf("warning: %s", w)
	}
	return a
}

func TestEmbeddedExcerptsAreVerbatim(t *testing.T) {
	a := loadEmbedded(t)
	for _, p := range atlas.Verify(a, embedded) {
		t.Errorf("%s", p)
	}
}

func TestEmbeddedPlaces(t *testing.T) {
	a := loadEmbedded(t)
	if len(a.Reports) != 4 {
		t.Fatalf("%d reports; want 4", len(a.Reports))
	}
	ids := map[string]bool{}
	for _, p := range a.Places {
		if ids[p.ID] {
			t.Errorf("id %q is used twice", p.ID)
		}
		ids[p.ID] = true
		if len(p.Excerpts) == 0 {
			t.Errorf("%s has no excerpt", p.ID)
		}
		if p.Kind == atlas.KindUnknown {
			t.Errorf("%s has no kind", p.ID)
		}
	}
	// The settings the reports are about, where their events happen.
	for _, id := range []string{"kursk", "northeastern-ukraine", "dunkirk-beaches", "dunkirk-camp", "gaza", "washington"} {
		if p := a.Place(id); p == nil || p.Role != atlas.RoleSetting {
			t.Errorf("setting %s missing or not a setting: %+v", id, p)
		}
	}
	for _, r := range a.Reports {
		if r.Source != "Sky News" || r.Title == "" || r.Title == r.ID {
			t.Errorf("report %s: title %q source %q", r.ID, r.Title, r.Source)
		}
		if len(r.Settings) == 0 {
			t.Errorf("report %s has no setting", r.ID)
		}
		for _, id := range r.Settings {
			p := a.Place(id)
			if p == nil {
				t.Errorf("report %s: setting %s is not a place", r.ID, id)
				continue
			}
			quoted := slices.ContainsFunc(p.Excerpts, func(e atlas.Excerpt) bool { return e.Report == r.ID })
			if !quoted {
				t.Errorf("report %s: its setting %s has no excerpt from it", r.ID, id)
			}
		}
	}
	// Places where the reports locate them, not at a country centroid:
	// lon/lat within a small box.
	near := map[string][4]float64{ // lon min, lon max, lat min, lat max
		"kursk":                {34.5, 36.5, 50.8, 52.2},
		"northeastern-ukraine": {33.5, 38.5, 49.5, 52.2},
		"dunkirk-beaches":      {2.0, 2.7, 50.9, 51.2},
		"dunkirk-camp":         {2.0, 2.6, 50.9, 51.1},
		"gaza":                 {34.2, 34.6, 31.2, 31.6},
		"washington":           {-77.2, -76.9, 38.8, 39.0},
		"london":               {-0.3, 0.1, 51.4, 51.6},
		"paris":                {2.2, 2.5, 48.8, 48.95},
	}
	for id, box := range near {
		p := a.Place(id)
		if p == nil {
			t.Errorf("no place %s", id)
			continue
		}
		if lon, lat := p.Point[0], p.Point[1]; lon < box[0] || lon > box[1] || lat < box[2] || lat > box[3] {
			t.Errorf("%s at lon %g lat %g; want inside %v", id, lon, lat, box)
		}
	}
}

// TestEmbeddedExcerptOrder checks each place's excerpts follow the reports'
// order, and the text's order within a report.
func TestEmbeddedExcerptOrder(t *testing.T) {
	a := loadEmbedded(t)
	texts := map[string]string{}
	rank := map[string]int{}
	for i, r := range a.Reports {
		text, err := r.SearchableText(embedded)
		if err != nil {
			t.Fatal(err)
		}
		texts[r.ID] = text
		rank[r.ID] = i
	}
	for _, p := range a.Places {
		lastReport, lastAt := -1, -1
		for j, e := range p.Excerpts {
			at := strings.Index(texts[e.Report], atlas.Normalize(e.Text))
			r := rank[e.Report]
			if r < lastReport || (r == lastReport && at < lastAt) {
				t.Errorf("%s: excerpts[%d] is out of report order", p.ID, j)
			}
			lastReport, lastAt = r, at
		}
	}
}

// furniture is page furniture, not report text.
var furniture = regexp.MustCompile(`^(Follow [Tt]he World|Listen to The World with .*|More on .*|Related Topics:|Please use Chrome browser.*|\d+:\d\d|Migrant Channel crossings hit new record|Image: \.)$`)

// TestReportsAreTheSeed checks the reports against the seed file when it is
// beside the repository (as ../shared/seeds): every paragraph is a line of
// the seed, and every seed line left out is page furniture.
func TestReportsAreTheSeed(t *testing.T) {
	seeds, _ := filepath.Glob("../shared/seeds/*.txt")
	if len(seeds) == 0 {
		t.Skip("no ../shared/seeds beside the repository")
	}
	seedLines := map[string]bool{}
	for _, s := range seeds {
		f, err := os.Open(s)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if l := strings.TrimSpace(sc.Text()); l != "" {
				seedLines[l] = true
			}
		}
		f.Close()
	}
	a := loadEmbedded(t)
	kept := map[string]bool{}
	for _, r := range a.Reports {
		ps, err := r.ReadText(embedded)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range ps {
			if !seedLines[p.Text] {
				t.Errorf("%s: paragraph not in the seed: %q", r.ID, p.Text)
			}
			if furniture.MatchString(p.Text) {
				t.Errorf("%s: page furniture kept: %q", r.ID, p.Text)
			}
			kept[p.Text] = true
		}
	}
	for l := range seedLines {
		if !kept[l] && !furniture.MatchString(l) {
			t.Errorf("seed line dropped but not furniture: %q", l)
		}
	}
}

func TestReportCaptions(t *testing.T) {
	a := loadEmbedded(t)
	captions := 0
	for _, r := range a.Reports {
		ps, _ := r.ReadText(embedded)
		for _, p := range ps {
			if p.Caption {
				captions++
				if !strings.HasPrefix(p.Text, "Image: ") && !strings.HasPrefix(p.Text, "Pic: ") {
					t.Errorf("caption %q", p.Text)
				}
			}
		}
	}
	if captions < 10 {
		t.Errorf("%d captions; the reports have at least 10", captions)
	}
}
