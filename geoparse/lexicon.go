package geoparse

import (
	"strings"

	"reportmap/compass"
)

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// commonWords are lower-case English words that begin sentences and are
// also the names of places somewhere ("Of" in Turkey, "Most" in Czechia,
// "Normal" in Illinois). Sentence-initially they are never taken as
// places; elsewhere only when capitalised.
var commonWords = set(`a about above across after again against all almost also although always among an and another any are around as asked at
back be because been before being below between both but by can could day days despite did do does down during each either even ever every
few first for from further had has have having he her here hers him his how however i if in inside instead into is it its just last later
let like many may me meanwhile more most much must my near neither never new next no nor normal not now of off often on once one only or other
our out outside over own per perhaps please rather same several she should since so some soon still such than that the their them then there
these they this those though through thus to today together too two three four five under until up upon us very was we were what when where
whether which while who whom whose why will with within without would yes yet you your image pic photo video watch read more latest update
body military forensic edited interviews normal nice reading mobile man van sale split bath deal hope liberty independence union victory
faith grace mercy unity friendship paradise eden hell joy truth peace darwin`)

// lowerCaseCities are city names that are also common English words: they
// count only when capitalised and not at the start of a sentence.
var lowerCaseCities = set(`nice reading mobile man van perm sale split most of normal bath deal hope liberty independence union victory
faith grace mercy unity friendship paradise eden joy truth peace trainer many opportunity say said`)

// titles precede a person's name: "President Biden", "Mr Trump".
var titles = set(`mr mrs ms miss dr prof sir dame lord lady president vice premier chancellor minister secretary senator sen gov governor
mayor general gen colonel col lieutenant lt captain capt sergeant sgt admiral adm commander king queen prince princess pope
ambassador envoy judge justice rep representative congressman congresswoman councillor rabbi imam bishop archbishop father sheikh
emir sultan chairman chief spokesman spokeswoman officer coach prime sens reps speaker leader attorney commissioner
director superintendent sheriff`)

// speechVerbs follow a name used for a person or a government ("X said").
var speechVerbs = set(`said says told tells added asked urged warned announced insisted denied accused claimed stated argued wrote
noted explained replied responded believes thinks wants confirmed condemned criticised criticized threatened vowed`)

// orgWords make a capitalised run an organisation, an event or a
// building rather than a place: "Armed Forces of Ukraine", "George
// Washington University", "Tour de France".
var orgWords = set(`forces force army navy air ministry department government parliament council committee commission agency
university college school institute academy hospital clinic church cathedral mosque temple party union league federation
association society foundation fund bank corporation company group inc ltd plc airlines airways railways news times post
herald tribune journal press radio television tv broadcasting club fc tour cup championship championships games
olympics open grand prix festival summit conference court police guard guards brigade battalion regiment division corps
command service services office embassy consulate authority board bureau centre center museum stadium airport station
street avenue road square palace house hall senate congress assembly defence defense intelligence security front movement
brotherhood organisation organization initiative project team network trust times' review magazine daily weekly
watch rights crescent`)

// govOrgWords are the organisation words of state bodies: the country
// such an organisation names is counted as mentioned ("Israel Defence
// Forces" → Israel).
var govOrgWords = set(`forces force army navy ministry government parliament defence defense embassy police guard intelligence
security`)

// metonyms are buildings or streets that stand for a government: never
// places here.
var metonyms = set(`white_house kremlin pentagon downing_street elysee élysée quai_d'orsay whitehall capitol_hill foggy_bottom
blue_house zhongnanhai`)

// connectors may join capitalised words into one name: "Gulf of Mexico",
// "Bosnia and Herzegovina", "Tour de France".
var connectors = set(`of de du des la le al el es and upon on-the da do dos das di del von van der den`)

// designators follow a name and say what it is: "Kursk region", "Gaza
// Strip", "Orange County". The value is the kind of entry it favours.
var designators = map[string]designator{
	"region": desAdmin1, "province": desAdmin1, "oblast": desAdmin1, "state": desAdmin1, "county": desAdmin1,
	"governorate": desAdmin1, "prefecture": desAdmin1, "district": desAdmin1, "territory": desAdmin1,
	"strip": desAdmin1, "krai": desAdmin1, "republic": desAdmin1, "department": desAdmin1, "canton": desAdmin1,
	"city": desCity, "town": desCity, "village": desCity,
}

// featureNouns continue a name into a feature's: "Benue River", "Niger
// Delta", "Gulf of Finland". A place matched inside such a run names
// another feature, one the gazetteer does not know.
var featureNouns = set(`river rivers lake lakes sea gulf bay strait straits channel delta valley desert mountains mountain mount
hills island islands peninsula canal reservoir dam falls park forest basin plateau glacier volcano reef coast gorge pass
valle monte lago rio río isla sierra cerro lac mont`)

// pointFeatures, written after a name in lower case, make it another
// feature than the place of the name: "the Taal volcano" is not Taal
// town. The name is looked up with the word ("Taal Volcano"); when the
// gazetteer lacks that, the name is dropped.
var pointFeatures = set(`river lake volcano dam reservoir mount mountain glacier falls canal gorge pass`)

// notPlaces are names of things that the gazetteer has as places.
var notPlaces = set(`el_niño el_nino la_niña la_nina`)

// pluralDesignators follow two names: "the Kharkiv and Zaporizhzhia
// regions".
var pluralDesignators = map[string]designator{
	"regions": desAdmin1, "provinces": desAdmin1, "oblasts": desAdmin1, "states": desAdmin1, "counties": desAdmin1,
	"governorates": desAdmin1, "prefectures": desAdmin1, "districts": desAdmin1, "territories": desAdmin1,
}

type designator uint8

const (
	desNone designator = iota
	desAdmin1
	desCity
)

// directions are the modifiers kept for display: "northeastern Ukraine".
var directions = set(strings.Join(compass.Words(), " "))

// placePrepositions before a name make it a place, not a speaker: "in
// Dubai said".
var placePrepositions = set(`in at near from to into across inside outside around`)

// eventPrepositions before a name suggest the events happen there.
var eventPrepositions = set(`in at near inside outside around into across`)

// capitalWords that begin a capitalised run but are not part of a name.
var notNameStart = set(`image pic photo video watch read`)

// locationNouns before "in/at/near X" make X where things happen: "a camp
// in Dunkirk", "a secret base in northeastern Ukraine".
var locationNouns = set(`camp base beach beaches battlefield frontline front village town city port harbour harbor hospital school
street square border crossing checkpoint airport station market prison court compound site scene building home house farm field
coast shore island bridge road highway river church mosque mall hotel embassy office factory plant mine`)

// eventWords before "in/at/near X" make X where things happen: "a
// ceasefire in Gaza", "hosts … in Washington DC".
var eventWords = set(`hosts hosted host visit visits visited visiting met meet meets meeting talks summit attack attacks attacked
strike strikes struck killed killing fighting fought battle clashes clashed ceasefire arrived landed held rally protest protests
war explosion blast shelling drone drones raid raids offensive invasion flood floods fire fires earthquake storm speaking spoke
situation crash shooting arrested rallied rallies evacuations evacuated wildfire wildfires tornado`)

// personCues before a capitalised word make it a person's name.
var personCues = set(`called named codename nicknamed dubbed alias`)

// saidVerbs before a capitalised word make it the speaker: "said Puls".
var saidVerbs = set(`said says added wrote`)

// neverAlone are words that are never a place on their own, whatever the
// gazetteer says: months and weekdays ("last August"), directions ("its
// Western allies"), and organisations that share a name with a place
// ("Hamas" is an alternate name of Hamm), and words that stand for other
// things in news ("Brent" crude; "the Pacific", an ocean, not a town).
var neverAlone = set(`january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
north northern south southern east eastern west western central northeast northeastern northwest northwestern
southeast southeastern southwest southwestern
hamas hezbollah hizbollah taliban nato isis isil houthis houthi fatah idf wagner kremlin
brent pacific atlantic`)
