package atlas_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/paulmach/orb"

	"reportmap/atlas"
)

// csvAtlas has a name with a comma and quotes, an excerpt with a quote
// and a newline, a place with no excerpts and reports with no title or
// not listed.
func csvAtlas() *atlas.Atlas {
	return &atlas.Atlas{
		Reports: []atlas.Report{
			{ID: "r1", Title: "Talks, in Washington", Settings: []string{"washington", "gaza"}},
			{ID: "r2", Title: "Untitled here"},
			{ID: "r3", Settings: []string{"nowhere"}},
			{ID: "unquoted", Title: "Quotes nothing shown", Settings: []string{"washington"}},
		},
		Places: []atlas.Place{
			{ID: "washington", Name: `Washington, "DC"`, Role: atlas.RoleSetting, Kind: atlas.KindCity, Point: orb.Point{-77.036871, 38.907192},
				Excerpts: []atlas.Excerpt{{Report: "r1", Text: "He said \"yes\",\nthen left."}, {Report: "r3", Text: "again"}, {Report: "r1", Text: "and again"}, {Text: "nobody's"}}},
			{ID: "gaza", Name: "Gaza", Role: atlas.RoleSetting, Kind: atlas.KindArea, Point: orb.Point{34.45, 31.5},
				Excerpts: []atlas.Excerpt{{Report: "r9", Text: "a report not listed"}}},
			{ID: "nowhere", Name: "Nowhere", Role: atlas.RoleSetting, Point: orb.Point{-0.000001, 0}},
			{ID: "unquoted", Name: "Unquoted", Role: atlas.RoleMentioned, Point: orb.Point{1, 1}, Excerpts: []atlas.Excerpt{{Report: "unquoted", Text: "x"}}},
		},
	}
}

func TestWriteCSV(t *testing.T) {
	var buf bytes.Buffer
	if err := atlas.WriteCSV(&buf, csvAtlas(), []int{0, 2, 1}); err != nil {
		t.Fatal(err)
	}
	want := `name,kind,role,lon,lat,reports,first_excerpt
"Washington, ""DC""",city,setting,-77.03687,38.90719,"Talks, in Washington; r3","He said ""yes"",
then left."
Nowhere,,setting,0.00000,0.00000,,
Gaza,area,setting,34.45000,31.50000,r9,a report not listed
`
	if buf.String() != want {
		t.Errorf("got\n%s\nwant\n%s", &buf, want)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || rows[1][0] != `Washington, "DC"` || rows[1][6] != "He said \"yes\",\nthen left." {
		t.Errorf("read back %q", rows)
	}
}

func TestWriteCSVErrors(t *testing.T) {
	var buf bytes.Buffer
	for _, places := range [][]int{{0, 4}, {-1}} {
		if err := atlas.WriteCSV(&buf, csvAtlas(), places); err == nil || !strings.Contains(err.Error(), "not the index of one of the 4 places") {
			t.Errorf("WriteCSV(%v) = %v", places, err)
		}
	}
	if buf.Len() > 0 {
		t.Errorf("wrote %q before failing", &buf)
	}
	if err := atlas.WriteCSV(&buf, csvAtlas(), nil); err != nil || buf.String() != "name,kind,role,lon,lat,reports,first_excerpt\n" {
		t.Errorf("no places: %v, %q", err, &buf)
	}
	if err := atlas.WriteCSV(failingWriter{}, csvAtlas(), []int{0}); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("failing writer: %v", err)
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestEncodeSubset(t *testing.T) {
	a := csvAtlas()
	// r3 has no title, which Load would change: Encode refuses it.
	if _, err := atlas.EncodeSubset(a, []int{2, 0}); err == nil || !strings.Contains(err.Error(), `report 1 ("r3"): it has no title`) {
		t.Fatalf("EncodeSubset with an untitled report: %v", err)
	}
	a.Reports[2].Title = "Three"
	data, err := atlas.EncodeSubset(a, []int{2, 0})
	if err != nil {
		t.Fatal(err)
	}
	b, err := atlas.Load("subset.geojson", data)
	if err != nil {
		t.Fatal(err)
	}
	want := &atlas.Atlas{
		Reports: []atlas.Report{
			{ID: "r1", Title: "Talks, in Washington", Settings: []string{"washington"}},
			{ID: "r3", Title: "Three", Settings: []string{"nowhere"}},
		},
		Places: []atlas.Place{a.Places[2], a.Places[0]},
	}
	if diffs := sameAtlas(want, b); len(diffs) > 0 {
		t.Errorf("Load(EncodeSubset(a, [2 0])):\n%s", strings.Join(diffs, "\n"))
	}
	if len(b.Warnings) != 1 || b.Warnings[0].Kind != atlas.ProblemUnattributed {
		t.Errorf("warnings %v; want only that Washington has an unattributed quote", b.Warnings)
	}
	// a is unchanged.
	if !slices.Equal(a.Reports[0].Settings, []string{"washington", "gaza"}) || len(a.Places) != 4 {
		t.Errorf("EncodeSubset changed a: %+v", a.Reports)
	}
	if !bytes.Contains(data, []byte(`"text": "He said \"yes\",\nthen left."`)) || !bytes.Contains(data, []byte(`"name": "Washington, \"DC\""`)) {
		t.Errorf("quotes and newline not escaped:\n%s", data)
	}
	for _, tt := range []struct {
		places []int
		want   string
	}{
		{[]int{0, 0}, "places[1] is 0, which is given twice"},
		{[]int{7}, "places[0] is 7, not the index of one of the 4 places"},
		{nil, "no places"},
	} {
		if _, err := atlas.EncodeSubset(a, tt.places); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("EncodeSubset(%v) = %v; want %q", tt.places, err, tt.want)
		}
	}
}
