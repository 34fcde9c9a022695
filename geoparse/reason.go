package geoparse

// Reason is a rule that fired for a place: in recognising it, resolving
// it or guessing its role. Its String is for display.
type Reason uint8

// The reasons.
const (
	ReasonOnlyCandidate      Reason = iota + 1 // the gazetteer knows one place by the name
	ReasonCountry                              // a country outranks other places of the name
	ReasonAdmin1                               // an admin-1 region outranks cities of the name
	ReasonCapital                              // a national capital
	ReasonPopulation                           // the most populous place of the name
	ReasonAlternateName                        // matched an alternate, not the primary, name
	ReasonDemonym                              // demonyms in the text name its country
	ReasonCountryNamed                         // its country is named in the text
	ReasonContainment                          // it contains, or lies in, another place named
	ReasonNearby                               // it lies near other places named
	ReasonPair                                 // "City, State": the name beside it says which
	ReasonDesignator                           // "Kursk region", "Gaza Strip", "region of Kursk"
	ReasonModifier                             // "northeastern Ukraine": a part of the place
	ReasonDateline                             // named in the dateline
	ReasonOneSense                             // one sense per text: resolved with its other mentions
	ReasonOrganisation                         // named only inside a state body's name ("Israel Defence Forces")
	ReasonAmbiguous                            // other places of the name score close
	ReasonSettingCue                           // role: "a camp in X", "a ceasefire in X"
	ReasonSettingPreposition                   // role: "in/at/near X"
	ReasonFrequent                             // role: named often
	ReasonEarly                                // role: named in the first sentences
	ReasonSameCountry                          // most other places named are in its country
	ReasonListed                               // listed with regions of its country ("Alabama, Georgia and Florida")
)

var reasonText = [...]string{
	ReasonOnlyCandidate:      "the only place of the name",
	ReasonCountry:            "a country outranks other places of the name",
	ReasonAdmin1:             "a region outranks cities of the name",
	ReasonCapital:            "a national capital",
	ReasonPopulation:         "the most populous place of the name",
	ReasonAlternateName:      "matched an alternate name",
	ReasonDemonym:            "demonyms in the text name its country",
	ReasonCountryNamed:       "its country is named in the text",
	ReasonContainment:        "contains or lies in another place named",
	ReasonNearby:             "near other places named",
	ReasonPair:               "the name beside it (\"City, State\") says which",
	ReasonDesignator:         "written as a region (\"region\", \"Strip\", \"region of\")",
	ReasonModifier:           "a part of the place (\"northern\", \"eastern\"…)",
	ReasonDateline:           "named in the dateline",
	ReasonOneSense:           "one sense per text",
	ReasonOrganisation:       "named only inside an organisation's name",
	ReasonAmbiguous:          "other places of the name score close",
	ReasonSettingCue:         "events happen there (\"a camp in\", \"a ceasefire in\")",
	ReasonSettingPreposition: "\"in/at/near\" before it",
	ReasonFrequent:           "named often",
	ReasonEarly:              "named early",
	ReasonSameCountry:        "most other places named are in its country",
	ReasonListed:             "listed with regions of its country",
}

// String returns the reason in words.
func (r Reason) String() string {
	if int(r) < len(reasonText) && reasonText[r] != "" {
		return reasonText[r]
	}
	return "unknown reason"
}
