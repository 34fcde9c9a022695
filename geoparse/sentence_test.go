package geoparse_test

import (
	"slices"
	"testing"

	"reportmap/geoparse"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"plain", "One. Two! Three? Four", []string{"One.", "Two!", "Three?", "Four"}},
		{"titles", "Mr. Smith went to St. Louis. Dr. Jones did not.", []string{"Mr. Smith went to St. Louis.", "Dr. Jones did not."}},
		{"acronym", "The U.S. military said so. It left.", []string{"The U.S. military said so.", "It left."}},
		{"acronym before a name", "The U.S. President spoke.", []string{"The U.S. President spoke."}},
		{"initials", "J. K. Rowling lives in Edinburgh. She writes.", []string{"J. K. Rowling lives in Edinburgh.", "She writes."}},
		{"quotes", "He said: “We will win.” Then he left.", []string{"He said: “We will win.”", "Then he left."}},
		{"quote opens next", "It ended. “No,” she said.", []string{"It ended.", "“No,” she said."}},
		{"lines", "Headline without stop\nBody text. More.\n\nLast", []string{"Headline without stop", "Body text.", "More.", "Last"}},
		{"lower case after dot", "It cost 3.5 million. e.g. this one.", []string{"It cost 3.5 million. e.g. this one."}},
		{"abbreviated state", "He lives in Lansing, Mich. and works there.", []string{"He lives in Lansing, Mich. and works there."}},
		{"ellipsis", "Wait… Then go.", []string{"Wait…", "Then go."}},
		{"empty", "  \n ", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, s := range geoparse.Sentences(tc.text) {
				got = append(got, tc.text[s.Start:s.End])
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q\nwant %q", got, tc.want)
			}
		})
	}
}
