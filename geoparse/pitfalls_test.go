package geoparse_test

import (
	"slices"
	"strings"
	"testing"

	"reportmap/atlas"
)

// pitfalls are short wire-style texts, written for these tests, each
// with every place it names: "name=gazetteer id", in order of first
// mention, and the settings.
var pitfalls = []struct {
	name     string
	text     string
	want     []string
	settings []string
}{
	{
		name: "georgia both senses",
		text: "TBILISI, Georgia (AP) — Thousands rallied in Tbilisi on Sunday against a law that critics say copies Russia's.\n" +
			"Georgia's prime minister said the protests were paid for from abroad.\n" +
			"Half a world away in Atlanta, Georgia, state officials said an election would go ahead.\n" +
			"Voters in Savannah and Atlanta waited for hours, and Georgia's governor urged calm.",
		want:     []string{"Tbilisi=geonames:611717", "Georgia=country:GE", "Russia=country:RU", "Atlanta=geonames:4180439", "Georgia=ne:US-GA", "Savannah=geonames:4221552"},
		settings: []string{"Tbilisi"},
	},
	{
		name: "washington city state government",
		text: "WASHINGTON (Reuters) — Washington urged Moscow on Tuesday to return to talks, and the White House said sanctions would follow.\n" +
			"Officials at the Pentagon declined to comment.\n" +
			"Wildfires in Washington State forced evacuations near Spokane, while students at George Washington University held a vigil.",
		want:     []string{"Washington=geonames:4140963", "Moscow=geonames:524901", "Washington=ne:US-WA", "Spokane=geonames:5811696"},
		settings: []string{"Washington", "Washington", "Spokane"},
	},
	{
		name: "gaza city and strip",
		text: "GAZA CITY, Gaza Strip (AP) — Israeli strikes hit Gaza City overnight, killing at least 12 people, health officials said.\n" +
			"Thousands fled south to Rafah and Khan Younis in southern Gaza.\n" +
			"Mediators met in Cairo to push for a ceasefire in Gaza, Egyptian officials said.",
		want:     []string{"Gaza City=geonames:281133", "Gaza Strip=ne:PS-GZA", "Rafah=geonames:281129", "Khan Younis=geonames:281102", "southern Gaza Strip=ne:PS-GZA", "Cairo=geonames:360630"},
		settings: []string{"Gaza City", "Gaza Strip", "Cairo"},
	},
	{
		name: "paris texas",
		text: "PARIS, Texas (AP) — A tornado tore through Paris late on Monday, flattening homes on the north side of the town.\n" +
			"The governor said in Austin that the state would help.\n" +
			"Residents joked that the town's namesake, Paris, France, had never seen weather like it.",
		want:     []string{"Paris=geonames:4717560", "Texas=ne:US-TX", "Austin=geonames:4671654", "Paris=geonames:2988507", "France=country:FR"},
		settings: []string{"Paris"},
	},
	{
		name: "places inside organisations",
		text: "KYIV, Ukraine (AP) — The Armed Forces of Ukraine said on Friday that drones struck an oil depot in the Kharkiv region overnight.\n" +
			"Ukraine's Ministry of Defence said the attack was the largest this month.\n" +
			"Normal service resumed on the trains to Kyiv by noon.\n" +
			"Most riders from the Astana team said the Tour de France was safe.",
		want:     []string{"Kyiv=geonames:703448", "Ukraine=country:UA", "Kharkiv Oblast=ne:UA-63"},
		settings: []string{"Kyiv", "Kharkiv Oblast"},
	},
	{
		name: "the channel and england",
		text: "CALAIS, France (Reuters) — Five migrants died trying to cross the English Channel from northern France early on Tuesday, French officials said.\n" +
			"The British and French interior ministers spoke by phone.\n" +
			"Survivors were taken to Dover in England, Britain's Home Office said.",
		want:     []string{"Calais=geonames:3029276", "France=country:FR", "English Channel=curated:english-channel", "northern France=country:FR", "Dover=geonames:2651048", "England=curated:england", "United Kingdom=country:GB"},
		settings: []string{"Calais"},
	},
}

func TestPitfalls(t *testing.T) {
	p := newParser(t)
	for _, tc := range pitfalls {
		t.Run(tc.name, func(t *testing.T) {
			r := p.Parse(tc.text)
			var got, settings []string
			for _, pl := range r.Places {
				got = append(got, pl.Name+"="+pl.Gazetteer.String())
				if pl.Role == atlas.RoleSetting {
					settings = append(settings, pl.Name)
				}
				for _, e := range pl.Excerpts {
					if tc.text[e.Start:e.End] != e.Text || !strings.Contains(tc.text, e.Text) {
						t.Errorf("%s: excerpt %q is not the text at %d–%d", pl.Name, e.Text, e.Start, e.End)
					}
				}
				for _, a := range pl.Aliases {
					if !strings.Contains(tc.text, a) {
						t.Errorf("%s: alias %q is not written in the text", pl.Name, a)
					}
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("places\n got %q\nwant %q", got, tc.want)
			}
			if !slices.Equal(settings, tc.settings) {
				t.Errorf("settings: got %q, want %q", settings, tc.settings)
			}
		})
	}
}
