package atlas_test

import (
	"reflect"
	"strings"
	"testing"

	"reportmap/atlas"
)

func TestLoadProvenance(t *testing.T) {
	full := &atlas.Provenance{
		Gazetteer:  "geonames:2988507",
		Confidence: 0.75,
		Reasons:    []string{"a capital", "the text names France"},
		Alternatives: []atlas.Alternative{
			{Gazetteer: "geonames:4717560", Name: "Paris", Country: "US"},
			{Gazetteer: "curated:paris-basin", Name: "Paris Basin"},
		},
		Corrected: true,
	}
	tests := []struct {
		name     string
		props    string
		want     *atlas.Provenance
		warnings []string // each a warning of feature 0, in order
	}{
		{"none", `{"name":"P","title":"T"}`, nil, nil},
		{"all", `{"name":"P","confidence":0.75,"gazetteer":"geonames:2988507",
			"alternatives":[{"gazetteer":"geonames:4717560","name":"Paris","country":"US"},{"gazetteer":"curated:paris-basin","name":"Paris Basin","extra":1}],
			"reasons":["a capital","the text names France"],"corrected":true}`, full, nil},
		{"only gazetteer", `{"name":"P","gazetteer":"country:FR"}`, &atlas.Provenance{Gazetteer: "country:FR"}, nil},
		{"only confidence", `{"name":"P","confidence":1}`, &atlas.Provenance{Confidence: 1}, nil},
		{"only corrected", `{"name":"P","corrected":false}`, &atlas.Provenance{}, nil},
		{"only reasons", `{"name":"P","reasons":[]}`, &atlas.Provenance{}, nil},
		{"only alternatives", `{"name":"P","alternatives":[{"name":"Q","country":null}]}`, &atlas.Provenance{Alternatives: []atlas.Alternative{{Name: "Q"}}}, nil},
		{"nulls are absent", `{"name":"P","confidence":null,"gazetteer":null,"alternatives":null,"reasons":null,"corrected":null}`, nil, nil},
		{"confidence a string", `{"name":"P","confidence":"high","gazetteer":"ne:RU-KRS"}`, &atlas.Provenance{Gazetteer: "ne:RU-KRS"},
			[]string{`confidence is a string ("high"); want a number from 0 to 1 (ignored)`}},
		{"confidence above 1", `{"name":"P","confidence":1.5}`, &atlas.Provenance{},
			[]string{`confidence is a number (1.5); want a number from 0 to 1 (ignored)`}},
		{"confidence below 0", `{"name":"P","confidence":-0.1}`, &atlas.Provenance{},
			[]string{`confidence is a number (-0.1); want a number from 0 to 1 (ignored)`}},
		{"confidence overflows", `{"name":"P","confidence":1e999}`, &atlas.Provenance{},
			[]string{`confidence is a number (1e999); want a number from 0 to 1 (ignored)`}},
		{"gazetteer a number", `{"name":"P","gazetteer":2988507,"confidence":0.5}`, &atlas.Provenance{Confidence: 0.5},
			[]string{`gazetteer is a number (2988507); want a string such as "geonames:2988507" (ignored)`}},
		{"alternatives an object", `{"name":"P","alternatives":{"name":"Q"}}`, &atlas.Provenance{},
			[]string{`alternatives is an object; want a list of {"gazetteer": …, "name": …, "country": …} objects (alternatives ignored)`}},
		{"alternative a string", `{"name":"P","alternatives":[{"name":"Q"},"R"]}`, &atlas.Provenance{},
			[]string{`alternatives[1] is a string ("R"); want {"gazetteer": …, "name": …, "country": …} (alternatives ignored)`}},
		{"alternative member a number", `{"name":"P","alternatives":[{"name":"Q","country":33}]}`, &atlas.Provenance{},
			[]string{`alternatives[0] "country" is a number (33); want a string (alternatives ignored)`}},
		{"reasons a string", `{"name":"P","reasons":"a capital","corrected":true}`, &atlas.Provenance{Corrected: true},
			[]string{`reasons is a string ("a capital"); want a list of strings (ignored)`}},
		{"corrected a string", `{"name":"P","corrected":"yes","confidence":0.2}`, &atlas.Provenance{Confidence: 0.2},
			[]string{`corrected is a string ("yes"); want true or false (ignored)`}},
		{"every one bad", `{"name":"P","confidence":true,"gazetteer":[],"alternatives":1,"reasons":[1],"corrected":0}`, &atlas.Provenance{},
			[]string{
				`gazetteer is an array; want a string such as "geonames:2988507" (ignored)`,
				`confidence is a boolean (true); want a number from 0 to 1 (ignored)`,
				`alternatives is a number (1); want a list of {"gazetteer": …, "name": …, "country": …} objects (alternatives ignored)`,
				`reasons is an array; want a list of strings (ignored)`,
				`corrected is a number (0); want true or false (ignored)`,
			}},
		{"invalid UTF-8", "{\"name\":\"P\",\"gazetteer\":\"geonames:\xff\",\"reasons\":[\"r\xfe\"],\"alternatives\":[{\"name\":\"Q\xff\"}]}",
			&atlas.Provenance{Gazetteer: "geonames:\ufffd", Reasons: []string{"r\ufffd"}, Alternatives: []atlas.Alternative{{Name: "Q\ufffd"}}},
			[]string{"gazetteer, alternatives and reasons are not valid UTF-8; shown with U+FFFD replacement characters"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := atlas.Load("prov.geojson", []byte(fc(pt(`[1,2]`, tt.props), good)))
			if err != nil {
				t.Fatal(err)
			}
			if got := a.Places[0].Provenance; !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Provenance = %+v; want %+v", got, tt.want)
			}
			if a.Places[1].Provenance != nil {
				t.Errorf("a place with no provenance properties has %+v", a.Places[1].Provenance)
			}
			var got []string
			for _, w := range a.Warnings {
				got = append(got, w.String())
				if want := atlas.ProblemIgnoredProperty; w.Kind != want && w.Kind != atlas.ProblemInvalidUTF8 {
					t.Errorf("warning %q has kind %q", w, w.Kind)
				}
			}
			var want []string
			for _, w := range tt.warnings {
				want = append(want, "prov.geojson: feature 0: "+w)
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("warnings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}
