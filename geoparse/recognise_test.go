package geoparse_test

import (
	"slices"
	"testing"
)

// TestRecognition checks what is taken for a place and what is not, one
// rule at a time.
func TestRecognition(t *testing.T) {
	p := newParser(t)
	tests := []struct {
		name string
		text string
		want []string // place names with aliases in brackets
	}{
		{"possessive", "It is Russia's war.", []string{"Russia"}},
		{"region designator", "Fighting in the Kursk region went on.", []string{"Kursk Oblast [Kursk region]"}},
		{"region of", "They arrived in the Russian region of Kursk.", []string{"Kursk Oblast [Kursk]"}},
		{"bare oblast name", "They were killed inside Kursk.", []string{"Kursk Oblast [Kursk]"}},
		{"strip", "Aid reached the Gaza Strip.", []string{"Gaza Strip"}},
		{"bare gaza", "A ceasefire in Gaza is near.", []string{"Gaza Strip [Gaza]"}},
		{"modifier", "A base in northeastern Ukraine was hit.", []string{"northeastern Ukraine"}},
		{"dateline", "KYIV, Ukraine (AP) — Sirens sounded.", []string{"Kyiv [KYIV]", "Ukraine"}},
		{"alternate name", "Talks in Kiev ended.", []string{"Kiev"}},
		{"demonym only", "French and Israeli officials met Ukrainians.", nil},
		{"english is no place", "He speaks perfect English.", nil},
		{"sentence-initial common word", "Normal practice is to wait. Most of them stayed.", nil},
		{"common-word city inside", "He moved to Nice last year.", []string{"Nice"}},
		{"lower-case word", "It was a nice day, most of it.", nil},
		{"title", "President Georgia Smith spoke.", nil},
		{"person with a place's name", "Vladimir Putin spoke to Adam Parsons.", nil},
		{"x said", "“Go,” Trainer said. Puls said nothing.", nil},
		{"said x", "“Go,” said Trainer.", nil},
		{"codename", "He goes by the codename “Trainer”.", nil},
		{"capital as government is where it sits", "Moscow said the talks failed.", []string{"Moscow"}},
		{"a person's name met before", "Governor Rubén Rocha Moya sent troops. Rocha said the state was calm.", nil},
		{"an organisation for something", "The Centre for Volcanology raised the alert.", nil},
		{"a feature the gazetteer lacks", "Ships crossed the Gulf of Finland and the Benue River rose.", nil},
		{"country as speaker is still named", "Russia said the talks failed.", []string{"Russia"}},
		{"organisation", "George Washington University and the Tour de France.", nil},
		{"state body names its country", "The Armed Forces of Ukraine said so.", []string{"Ukraine"}},
		{"metonym", "The White House and the Kremlin disagreed.", nil},
		{"contraction", "I'll stay.", nil},
		{"abbreviation needs its dot", "Ill health, he said. He lives in Atlanta, Ga. now.", []string{"Atlanta", "Georgia [Ga]"}},
		{"acronym", "The IDF and the US army.", []string{"United States [US]"}},
		{"multi-word name in a run", "Envoy to the Middle East Steve Witkoff spoke.", []string{"Middle East"}},
		{"english channel", "Boats crossed the English Channel.", []string{"English Channel"}},
		{"the channel", "Boats crossed the Channel.", []string{"English Channel [Channel]"}},
		{"obscure village alone", "They met Trainer at noon.", nil},
		{"obscure village in a named country", "American officials visited Trainer.", []string{"Trainer"}},
		{"city designator", "Strikes hit Gaza City overnight.", []string{"Gaza City"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, pl := range p.Parse(tc.text).Places {
				s := pl.Name
				if len(pl.Aliases) > 0 {
					s += " " + bracket(pl.Aliases)
				}
				got = append(got, s)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func bracket(ss []string) string {
	s := "["
	for i, a := range ss {
		if i > 0 {
			s += ", "
		}
		s += a
	}
	return s + "]"
}

// TestRulesWithTheEmbeddedGazetteer checks rules that need places the
// small test gazetteer lacks.
func TestRulesWithTheEmbeddedGazetteer(t *testing.T) {
	p := realParser(t)
	tests := []struct {
		name string
		text string
		want []string // "name=gazetteer id"
	}{
		{"rivers after two names", "The Niger and Benue rivers rose.", []string{"Niger River=curated:niger-river", "Benue River=curated:benue-river"}},
		{"a region listed with its country's regions", "Rain fell on Alabama, Georgia and Florida.", []string{"Alabama=ne:US-AL", "Georgia=ne:US-GA", "Florida=ne:US-FL"}},
		{"a lower-case connector inside a name", "Police in Dar es Salaam made arrests.", []string{"Dar es Salaam=geonames:160263"}},
		{"a region called by its city's name is the city", "Ships docked at Port Said.", []string{"Port Said=geonames:358619"}},
		{"a region the bare name abbreviates stays the region", "Troops pushed into Kursk.", []string{"Kursk Oblast=ne:RU-KRS"}},
		{"the Arabic article left out", "Gunmen attacked in Anbar province.", []string{"Al Anbar=ne:IQ-AN"}},
		{"a dateline is a city", "KHARKIV, Ukraine (AP) — Drones struck Kharkiv and villages near Vovchansk overnight.", []string{"Kharkiv=geonames:706483", "Ukraine=country:UA", "Vovchansk=geonames:689304"}},
		{"a capital standing for its government", "Prosecutors in Stockholm said the cable broke by accident, and Tallinn would ask for patrols.", []string{"Stockholm=geonames:2673730", "Tallinn=geonames:588409"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, pl := range p.Parse(tc.text).Places {
				got = append(got, pl.Name+"="+pl.Gazetteer.String())
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
