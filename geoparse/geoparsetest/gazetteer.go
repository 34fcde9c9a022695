// Package geoparsetest holds a small in-memory gazetteer for testing and
// evaluating the geoparser until the embedded one is built: about a
// hundred real places (coordinates and populations from GeoNames,
// Natural Earth and world-countries, rounded) — those of the seed reports
// and the pitfall texts, and the namesakes that trip a geoparser up
// (Paris, Texas; Georgia the US state; Washington the state and the
// town in England; Vladimir; Normal, Illinois; Of, Turkey; Most,
// Czechia). GeoNames ids are real where known; they serve as keys only.
package geoparsetest

import (
	"sync"

	"github.com/paulmach/orb"

	"reportmap/gazetteer"
)

func city(id, name, cc, a1 string, lon, lat float64, pop int, feat string, names ...string) gazetteer.Entry {
	return gazetteer.Entry{ID: gazetteer.ID{Source: gazetteer.SourceGeoNames, Key: id}, Name: name, Kind: gazetteer.KindCity,
		Country: cc, Admin1: a1, Point: orb.Point{lon, lat}, Population: pop, Feature: feat, Names: append([]string{name}, names...)}
}

func admin1(code, name, cc string, lon, lat float64, pop int, names ...string) gazetteer.Entry {
	return gazetteer.Entry{ID: gazetteer.ID{Source: gazetteer.SourceNaturalEarth, Key: code}, Name: name, Kind: gazetteer.KindAdmin1,
		Country: cc, Admin1: code, Point: orb.Point{lon, lat}, Population: pop, Names: append([]string{name}, names...)}
}

func country(cc, name string, lon, lat float64, pop int, names ...string) gazetteer.Entry {
	return gazetteer.Entry{ID: gazetteer.ID{Source: gazetteer.SourceCountry, Key: cc}, Name: name, Kind: gazetteer.KindCountry,
		Country: cc, Point: orb.Point{lon, lat}, Population: pop, Names: append([]string{name}, names...)}
}

func curated(slug, name string, k gazetteer.Kind, cc string, lon, lat float64, names ...string) gazetteer.Entry {
	return gazetteer.Entry{ID: gazetteer.ID{Source: gazetteer.SourceCurated, Key: slug}, Name: name, Kind: k,
		Country: cc, Point: orb.Point{lon, lat}, Names: append([]string{name}, names...)}
}

// Entries returns the test gazetteer's entries, freshly made.
func Entries() []gazetteer.Entry {
	return []gazetteer.Entry{
		// Countries: world-countries latlng.
		country("RU", "Russia", 100, 60, 144_000_000, "Russian Federation"),
		country("UA", "Ukraine", 32, 49, 41_000_000),
		country("KP", "North Korea", 127, 40, 25_000_000, "Democratic People's Republic of Korea", "DPRK"),
		country("KR", "South Korea", 127.5, 37, 51_000_000, "Republic of Korea"),
		country("GB", "United Kingdom", -2, 54, 67_000_000, "Britain", "Great Britain", "UK", "U.K."),
		country("FR", "France", 2, 46, 67_000_000),
		country("GR", "Greece", 22, 39, 10_700_000),
		country("BE", "Belgium", 4, 50.83, 11_500_000),
		country("IQ", "Iraq", 44, 33, 40_000_000),
		country("ER", "Eritrea", 39, 15, 3_500_000),
		country("SS", "South Sudan", 30, 7, 11_000_000),
		country("LK", "Sri Lanka", 81, 7, 21_900_000),
		country("ET", "Ethiopia", 38, 8, 115_000_000),
		country("IL", "Israel", 34.75, 31.5, 9_200_000),
		country("PS", "Palestine", 35.25, 31.9, 5_000_000, "State of Palestine", "Palestinian Territories"),
		country("US", "United States", -97, 38, 331_000_000, "United States of America", "US", "U.S.", "USA", "America"),
		country("GE", "Georgia", 43.5, 42, 3_700_000),
		country("EG", "Egypt", 30, 27, 102_000_000),
		country("JO", "Jordan", 36, 31, 10_200_000),
		// Admin-1: Natural Earth label points.
		admin1("RU-KRS", "Kursk Oblast", "RU", 36.0, 51.6, 1_100_000, "Kursk", "Kurskaya Oblast", "Kursk region"),
		admin1("RU-BEL", "Belgorod Oblast", "RU", 37.1, 50.7, 1_500_000, "Belgorod", "Belgorodskaya Oblast"),
		admin1("UA-59", "Sumy Oblast", "UA", 34.0, 51.0, 1_000_000, "Sumy", "Sums'ka Oblast"),
		admin1("UA-63", "Kharkiv Oblast", "UA", 36.4, 49.6, 2_600_000, "Kharkiv", "Kharkivs'ka Oblast"),
		admin1("PS-GZA", "Gaza Strip", "PS", 34.39, 31.42, 2_100_000, "Gaza"),
		admin1("US-GA", "Georgia", "US", -83.4, 32.7, 10_700_000, "Ga."),
		admin1("US-WA", "Washington", "US", -120.5, 47.4, 7_700_000, "Washington State", "Wash."),
		admin1("US-DC", "District of Columbia", "US", -77.02, 38.9, 690_000, "D.C."),
		admin1("US-TX", "Texas", "US", -99.3, 31.4, 29_000_000, "Tex."),
		admin1("US-IL", "Illinois", "US", -89.2, 40.0, 12_800_000, "Ill."),
		admin1("US-NY", "New York", "US", -75.5, 42.9, 20_000_000, "N.Y."),
		admin1("FR-HDF", "Hauts-de-France", "FR", 2.8, 50.0, 6_000_000, "Nord-Pas-de-Calais-Picardie"),
		admin1("FR-IDF", "Île-de-France", "FR", 2.5, 48.7, 12_200_000, "Ile-de-France"),
		// Seas and large regions: curated.
		curated("english-channel", "English Channel", gazetteer.KindSea, "", -1.0, 50.3, "the Channel", "Channel", "La Manche"),
		curated("strait-of-dover", "Strait of Dover", gazetteer.KindSea, "", 1.45, 51.0, "Dover Strait", "Pas de Calais"),
		curated("middle-east", "Middle East", gazetteer.KindRegion, "", 44, 29, "the Middle East", "Mideast"),
		curated("europe", "Europe", gazetteer.KindRegion, "", 15, 54),
		curated("africa", "Africa", gazetteer.KindRegion, "", 20, 5),
		curated("england", "England", gazetteer.KindRegion, "GB", -1.5, 52.8),
		curated("black-sea", "Black Sea", gazetteer.KindSea, "", 34, 43.4),
		// Cities: GeoNames.
		city("524901", "Moscow", "RU", "RU-MOW", 37.62, 55.76, 10_381_222, "PPLC", "Moskva"),
		city("538560", "Kursk", "RU", "RU-KRS", 36.19, 51.73, 440_000, "PPLA"),
		city("485698", "Sudzha", "RU", "RU-KRS", 35.27, 51.19, 5_700, "PPL"),
		city("473247", "Vladimir", "RU", "RU-VLA", 40.40, 56.13, 356_000, "PPLA"),
		city("703448", "Kyiv", "UA", "UA-30", 30.52, 50.45, 2_900_000, "PPLC", "Kiev"),
		city("706483", "Kharkiv", "UA", "UA-63", 36.23, 49.99, 1_430_000, "PPLA", "Kharkov"),
		city("692194", "Sumy", "UA", "UA-59", 34.80, 50.91, 268_000, "PPLA"),
		city("1871859", "Pyongyang", "KP", "KP-01", 125.75, 39.03, 3_222_000, "PPLC"),
		city("3020686", "Dunkirk", "FR", "FR-HDF", 2.38, 51.03, 87_000, "PPL", "Dunkerque"),
		city("3029276", "Calais", "FR", "FR-HDF", 1.86, 50.95, 75_000, "PPL"),
		city("2988507", "Paris", "FR", "FR-IDF", 2.35, 48.85, 2_138_000, "PPLC"),
		city("2990440", "Nice", "FR", "FR-PAC", 7.27, 43.70, 340_000, "PPLA2"),
		city("2643743", "London", "GB", "GB-ENG", -0.13, 51.51, 8_961_989, "PPLC"),
		city("2643123", "Manchester", "GB", "GB-ENG", -2.24, 53.48, 395_000, "PPLA2"),
		city("2651048", "Dover", "GB", "GB-ENG", 1.31, 51.13, 31_000, "PPL"),
		city("2639577", "Reading", "GB", "GB-ENG", -0.97, 51.46, 232_000, "PPLA2"),
		city("2634308", "Washington", "GB", "GB-ENG", -1.52, 54.90, 53_000, "PPL"),
		city("264371", "Athens", "GR", "GR-I", 23.72, 37.98, 664_000, "PPLC"),
		city("2800866", "Brussels", "BE", "BE-BRU", 4.35, 50.85, 1_019_000, "PPLC"),
		city("98182", "Baghdad", "IQ", "IQ-BG", 44.40, 33.34, 7_216_000, "PPLC"),
		city("281133", "Gaza", "PS", "PS-GZA", 34.47, 31.50, 410_000, "PPLA", "Gaza City"),
		city("281129", "Rafah", "PS", "PS-GZA", 34.25, 31.30, 126_000, "PPL"),
		city("281102", "Khan Yunis", "PS", "PS-GZA", 34.30, 31.34, 205_000, "PPL", "Khan Younis", "Khān Yūnis"),
		city("281184", "Jerusalem", "IL", "IL-JM", 35.22, 31.77, 801_000, "PPLC"),
		city("293397", "Tel Aviv", "IL", "IL-TA", 34.78, 32.08, 432_000, "PPLA"),
		city("611717", "Tbilisi", "GE", "GE-TB", 44.79, 41.69, 1_049_000, "PPLC", "Tiflis"),
		city("613607", "Kutaisi", "GE", "GE-IM", 42.70, 42.27, 147_000, "PPLA"),
		city("4140963", "Washington", "US", "US-DC", -77.04, 38.90, 689_545, "PPLC", "Washington DC", "Washington D.C.", "Washington, D.C."),
		city("5809844", "Seattle", "US", "US-WA", -122.33, 47.61, 737_000, "PPLA2"),
		city("5811696", "Spokane", "US", "US-WA", -117.43, 47.66, 228_000, "PPLA2"),
		city("4180439", "Atlanta", "US", "US-GA", -84.39, 33.75, 498_000, "PPLA"),
		city("4221552", "Savannah", "US", "US-GA", -81.10, 32.08, 147_000, "PPLA2"),
		city("4717560", "Paris", "US", "US-TX", -95.56, 33.66, 25_000, "PPLA2"),
		city("4671654", "Austin", "US", "US-TX", -97.74, 30.27, 961_000, "PPLA"),
		city("4903780", "Normal", "US", "US-IL", -88.99, 40.51, 54_000, "PPL"),
		city("4276614", "Parsons", "US", "US-KS", -95.26, 37.34, 9_600, "PPL"),
		city("4920315", "English", "US", "US-IN", -86.46, 38.33, 645, "PPLA2"),
		city("5206379", "Trainer", "US", "US-PA", -75.41, 39.83, 1_800, "PPL"),
		city("4076598", "Mobile", "US", "US-AL", -88.04, 30.69, 190_000, "PPLA2"),
		city("5128581", "New York City", "US", "US-NY", -74.01, 40.71, 8_804_000, "PPL", "New York", "NYC"),
		city("4142290", "Dover", "US", "US-DE", -75.52, 39.16, 38_000, "PPLA"),
		city("5115985", "Dunkirk", "US", "US-NY", -79.33, 42.48, 12_000, "PPL"),
		city("4191124", "Dublin", "US", "US-GA", -82.90, 32.54, 16_000, "PPL"),
		city("741100", "Of", "TR", "TR-61", 40.27, 40.95, 20_000, "PPLA2"),
		city("3069011", "Most", "CZ", "CZ-42", 13.64, 50.50, 66_000, "PPLA2"),
		city("2287298", "Man", "CI", "CI-18", -7.55, 7.41, 150_000, "PPLA"),
		city("360630", "Cairo", "EG", "EG-C", 31.25, 30.06, 9_600_000, "PPLC"),
		city("250441", "Amman", "JO", "JO-AM", 35.93, 31.96, 1_275_000, "PPLC"),
	}
}

// Demonyms returns the test gazetteer's demonyms.
func Demonyms() map[string]string {
	m := map[string]string{}
	add := func(cc string, ds ...string) {
		for _, d := range ds {
			m[d] = cc
		}
	}
	add("RU", "Russian", "Russians")
	add("UA", "Ukrainian", "Ukrainians")
	add("KP", "North Korean", "North Koreans")
	add("KR", "South Korean", "South Koreans")
	add("GB", "British", "Briton", "Britons", "English")
	add("FR", "French", "Frenchman", "Frenchmen")
	add("GR", "Greek", "Greeks")
	add("BE", "Belgian", "Belgians")
	add("IQ", "Iraqi", "Iraqis")
	add("ER", "Eritrean", "Eritreans")
	add("SS", "South Sudanese")
	add("LK", "Sri Lankan", "Sri Lankans")
	add("ET", "Ethiopian", "Ethiopians")
	add("IL", "Israeli", "Israelis")
	add("PS", "Palestinian", "Palestinians")
	add("US", "American", "Americans")
	add("GE", "Georgian", "Georgians")
	add("EG", "Egyptian", "Egyptians")
	add("JO", "Jordanian", "Jordanians")
	return m
}

var (
	once sync.Once
	g    *gazetteer.Gazetteer
)

// Gazetteer returns the shared test gazetteer, built once. It is safe for
// concurrent use.
func Gazetteer() *gazetteer.Gazetteer {
	once.Do(func() { g = gazetteer.New(Entries(), Demonyms()) })
	return g
}
