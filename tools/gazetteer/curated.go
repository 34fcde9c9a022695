package main

import (
	"github.com/paulmach/orb"

	"reportmap/gazetteer"
)

// curatedPlace is a sea, strait, river or large region no package ships.
//
// The coordinates are hand-placed representative points (lon, lat in
// degrees): the visual centre of the feature as drawn by Natural Earth's
// 1:10m marine and physical labels and by the Wikipedia article named in
// src, rounded to 0.1°. They are good to the feature's own size (tens to
// hundreds of km), not better: use them as label points, not positions.
type curatedPlace struct {
	key     string
	kind    gazetteer.Kind
	country string // ISO 3166-1 alpha-2 for regions inside one country
	lon     float64
	lat     float64
	names   []string // the primary first
	src     string   // where the point comes from
}

var curated = []curatedPlace{
	// Seas, straits, channels, gulfs.
	{"english-channel", gazetteer.KindSea, "", -1.0, 50.2, []string{"English Channel", "the Channel", "La Manche"}, "Wikipedia: English Channel; NE marine label"},
	{"strait-of-dover", gazetteer.KindSea, "", 1.5, 51.0, []string{"Strait of Dover", "Straits of Dover", "Dover Strait", "Pas de Calais"}, "Wikipedia: Strait of Dover"},
	{"north-sea", gazetteer.KindSea, "", 3.0, 56.0, []string{"North Sea"}, "Wikipedia: North Sea; NE marine label"},
	{"irish-sea", gazetteer.KindSea, "", -4.8, 53.8, []string{"Irish Sea"}, "Wikipedia: Irish Sea"},
	{"baltic-sea", gazetteer.KindSea, "", 19.0, 57.5, []string{"Baltic Sea", "the Baltic"}, "Wikipedia: Baltic Sea; NE marine label"},
	{"mediterranean", gazetteer.KindSea, "", 17.0, 35.5, []string{"Mediterranean Sea", "the Mediterranean", "Mediterranean"}, "Wikipedia: Mediterranean Sea; NE marine label"},
	{"aegean-sea", gazetteer.KindSea, "", 25.0, 38.8, []string{"Aegean Sea", "the Aegean"}, "Wikipedia: Aegean Sea"},
	{"adriatic-sea", gazetteer.KindSea, "", 15.5, 43.0, []string{"Adriatic Sea", "the Adriatic"}, "Wikipedia: Adriatic Sea"},
	{"black-sea", gazetteer.KindSea, "", 34.0, 43.4, []string{"Black Sea"}, "Wikipedia: Black Sea; NE marine label"},
	{"sea-of-azov", gazetteer.KindSea, "", 36.6, 46.1, []string{"Sea of Azov", "Azov Sea"}, "Wikipedia: Sea of Azov"},
	{"caspian-sea", gazetteer.KindSea, "", 50.4, 41.7, []string{"Caspian Sea", "the Caspian"}, "Wikipedia: Caspian Sea"},
	{"red-sea", gazetteer.KindSea, "", 38.0, 20.3, []string{"Red Sea"}, "Wikipedia: Red Sea; NE marine label"},
	{"gulf-of-aden", gazetteer.KindSea, "", 48.0, 12.5, []string{"Gulf of Aden"}, "Wikipedia: Gulf of Aden"},
	{"bab-el-mandeb", gazetteer.KindSea, "", 43.3, 12.6, []string{"Bab el-Mandeb", "Bab al-Mandab", "Bab-el-Mandeb Strait"}, "Wikipedia: Bab-el-Mandeb"},
	{"persian-gulf", gazetteer.KindSea, "", 51.5, 27.0, []string{"Persian Gulf", "Arabian Gulf"}, "Wikipedia: Persian Gulf; NE marine label"},
	{"strait-of-hormuz", gazetteer.KindSea, "", 56.4, 26.6, []string{"Strait of Hormuz", "Hormuz Strait"}, "Wikipedia: Strait of Hormuz"},
	{"gulf-of-oman", gazetteer.KindSea, "", 58.5, 24.5, []string{"Gulf of Oman"}, "Wikipedia: Gulf of Oman"},
	{"arabian-sea", gazetteer.KindSea, "", 65.0, 15.0, []string{"Arabian Sea"}, "Wikipedia: Arabian Sea"},
	{"suez-canal", gazetteer.KindSea, "EG", 32.35, 30.6, []string{"Suez Canal"}, "Wikipedia: Suez Canal"},
	{"bosphorus", gazetteer.KindSea, "TR", 29.05, 41.1, []string{"Bosphorus", "Bosporus"}, "Wikipedia: Bosporus"},
	{"kerch-strait", gazetteer.KindSea, "", 36.5, 45.3, []string{"Kerch Strait", "Strait of Kerch"}, "Wikipedia: Kerch Strait"},
	{"strait-of-gibraltar", gazetteer.KindSea, "", -5.6, 35.95, []string{"Strait of Gibraltar"}, "Wikipedia: Strait of Gibraltar"},
	{"bay-of-biscay", gazetteer.KindSea, "", -4.0, 45.5, []string{"Bay of Biscay"}, "Wikipedia: Bay of Biscay"},
	{"atlantic", gazetteer.KindSea, "", -35.0, 30.0, []string{"Atlantic Ocean", "the Atlantic"}, "Wikipedia: Atlantic Ocean; NE marine label"},
	{"pacific", gazetteer.KindSea, "", -160.0, 5.0, []string{"Pacific Ocean", "the Pacific"}, "Wikipedia: Pacific Ocean; NE marine label"},
	{"indian-ocean", gazetteer.KindSea, "", 75.0, -15.0, []string{"Indian Ocean"}, "Wikipedia: Indian Ocean; NE marine label"},
	{"arctic-ocean", gazetteer.KindSea, "", 0.0, 85.0, []string{"Arctic Ocean"}, "Wikipedia: Arctic Ocean"},
	{"south-china-sea", gazetteer.KindSea, "", 114.0, 13.0, []string{"South China Sea"}, "Wikipedia: South China Sea; NE marine label"},
	{"east-china-sea", gazetteer.KindSea, "", 125.0, 29.0, []string{"East China Sea"}, "Wikipedia: East China Sea"},
	{"taiwan-strait", gazetteer.KindSea, "", 119.5, 24.5, []string{"Taiwan Strait", "Strait of Taiwan", "Formosa Strait"}, "Wikipedia: Taiwan Strait"},
	{"sea-of-japan", gazetteer.KindSea, "", 135.0, 40.0, []string{"Sea of Japan", "East Sea"}, "Wikipedia: Sea of Japan"},
	{"yellow-sea", gazetteer.KindSea, "", 123.0, 36.0, []string{"Yellow Sea"}, "Wikipedia: Yellow Sea"},
	{"gulf-of-mexico", gazetteer.KindSea, "", -90.0, 25.0, []string{"Gulf of Mexico", "Gulf of America"}, "Wikipedia: Gulf of Mexico"},
	{"caribbean", gazetteer.KindSea, "", -75.0, 15.0, []string{"Caribbean Sea", "the Caribbean"}, "Wikipedia: Caribbean Sea"},
	{"gulf", gazetteer.KindRegion, "", 51.5, 26.0, []string{"the Gulf", "Gulf states", "Gulf region"}, "the Persian Gulf's point (Wikipedia: Persian Gulf), as news uses it for the Gulf states"},

	// Large regions.
	{"europe", gazetteer.KindRegion, "", 15.0, 50.0, []string{"Europe"}, "Wikipedia: Europe (geographic midpoint area)"},
	{"africa", gazetteer.KindRegion, "", 20.0, 5.0, []string{"Africa"}, "Wikipedia: Africa"},
	{"asia", gazetteer.KindRegion, "", 90.0, 40.0, []string{"Asia"}, "Wikipedia: Asia"},
	{"north-america", gazetteer.KindRegion, "", -100.0, 45.0, []string{"North America"}, "Wikipedia: North America"},
	{"south-america", gazetteer.KindRegion, "", -60.0, -15.0, []string{"South America"}, "Wikipedia: South America"},
	{"latin-america", gazetteer.KindRegion, "", -70.0, -5.0, []string{"Latin America"}, "Wikipedia: Latin America"},
	{"central-america", gazetteer.KindRegion, "", -86.0, 14.0, []string{"Central America"}, "Wikipedia: Central America"},
	{"oceania", gazetteer.KindRegion, "", 140.0, -25.0, []string{"Oceania"}, "Wikipedia: Oceania"},
	{"antarctica", gazetteer.KindRegion, "", 0.0, -82.0, []string{"Antarctica"}, "Wikipedia: Antarctica"},
	{"middle-east", gazetteer.KindRegion, "", 45.0, 29.0, []string{"Middle East", "the Mideast", "Mideast"}, "Wikipedia: Middle East; places.geojson's own point"},
	{"near-east", gazetteer.KindRegion, "", 38.0, 33.0, []string{"Near East"}, "Wikipedia: Near East"},
	{"north-africa", gazetteer.KindRegion, "", 15.0, 27.0, []string{"North Africa"}, "Wikipedia: North Africa"},
	{"maghreb", gazetteer.KindRegion, "", 3.0, 32.0, []string{"Maghreb", "the Maghreb"}, "Wikipedia: Maghreb"},
	{"sahel", gazetteer.KindRegion, "", 5.0, 15.0, []string{"Sahel", "the Sahel"}, "Wikipedia: Sahel"},
	{"sahara", gazetteer.KindRegion, "", 10.0, 23.0, []string{"Sahara", "Sahara Desert"}, "Wikipedia: Sahara"},
	{"horn-of-africa", gazetteer.KindRegion, "", 45.0, 8.0, []string{"Horn of Africa"}, "Wikipedia: Horn of Africa"},
	{"west-africa", gazetteer.KindRegion, "", -3.0, 12.0, []string{"West Africa"}, "Wikipedia: West Africa"},
	{"east-africa", gazetteer.KindRegion, "", 37.0, 0.0, []string{"East Africa"}, "Wikipedia: East Africa"},
	{"sub-saharan-africa", gazetteer.KindRegion, "", 22.0, -5.0, []string{"sub-Saharan Africa", "Sub-Saharan Africa"}, "Wikipedia: Sub-Saharan Africa"},
	{"balkans", gazetteer.KindRegion, "", 21.0, 43.0, []string{"Balkans", "the Balkans", "Western Balkans"}, "Wikipedia: Balkans"},
	{"caucasus", gazetteer.KindRegion, "", 44.0, 42.5, []string{"Caucasus", "the Caucasus", "South Caucasus", "Transcaucasia"}, "Wikipedia: Caucasus"},
	{"north-caucasus", gazetteer.KindRegion, "RU", 44.5, 43.5, []string{"North Caucasus"}, "Wikipedia: North Caucasus"},
	{"scandinavia", gazetteer.KindRegion, "", 15.0, 63.0, []string{"Scandinavia"}, "Wikipedia: Scandinavia"},
	{"nordic", gazetteer.KindRegion, "", 15.0, 63.0, []string{"Nordic countries", "the Nordics"}, "Wikipedia: Nordic countries"},
	{"baltic-states", gazetteer.KindRegion, "", 24.5, 57.0, []string{"Baltic states", "the Baltics", "Baltic countries"}, "Wikipedia: Baltic states"},
	{"eastern-europe", gazetteer.KindRegion, "", 30.0, 50.0, []string{"Eastern Europe"}, "Wikipedia: Eastern Europe"},
	{"western-europe", gazetteer.KindRegion, "", 3.0, 48.0, []string{"Western Europe"}, "Wikipedia: Western Europe"},
	{"central-europe", gazetteer.KindRegion, "", 15.0, 50.0, []string{"Central Europe"}, "Wikipedia: Central Europe"},
	{"central-asia", gazetteer.KindRegion, "", 65.0, 43.0, []string{"Central Asia"}, "Wikipedia: Central Asia"},
	{"southeast-asia", gazetteer.KindRegion, "", 110.0, 5.0, []string{"Southeast Asia", "South-East Asia", "South East Asia"}, "Wikipedia: Southeast Asia"},
	{"south-asia", gazetteer.KindRegion, "", 78.0, 22.0, []string{"South Asia"}, "Wikipedia: South Asia"},
	{"east-asia", gazetteer.KindRegion, "", 118.0, 35.0, []string{"East Asia"}, "Wikipedia: East Asia"},
	{"levant", gazetteer.KindRegion, "", 36.0, 33.5, []string{"Levant", "the Levant"}, "Wikipedia: Levant"},
	{"kurdistan", gazetteer.KindRegion, "", 43.5, 37.0, []string{"Kurdistan"}, "Wikipedia: Kurdistan"},
	{"donbas", gazetteer.KindRegion, "UA", 38.5, 48.2, []string{"Donbas", "Donbass", "the Donbas"}, "Wikipedia: Donbas"},
	{"sinai", gazetteer.KindRegion, "EG", 33.8, 29.5, []string{"Sinai", "Sinai Peninsula"}, "Wikipedia: Sinai Peninsula"},
	{"golan-heights", gazetteer.KindRegion, "SY", 35.75, 33.0, []string{"Golan Heights", "the Golan"}, "Wikipedia: Golan Heights"},
	{"west-bank", gazetteer.KindRegion, "PS", 35.25, 32.0, []string{"West Bank"}, "Wikipedia: West Bank (used when Natural Earth has no West Bank admin-1)"},
	{"kashmir", gazetteer.KindRegion, "", 75.0, 34.5, []string{"Kashmir"}, "Wikipedia: Kashmir"},
	{"siberia", gazetteer.KindRegion, "RU", 100.0, 62.0, []string{"Siberia"}, "Wikipedia: Siberia"},
	{"arctic", gazetteer.KindRegion, "", 0.0, 80.0, []string{"Arctic", "the Arctic"}, "Wikipedia: Arctic"},

	// The nations of the United Kingdom: Natural Earth's admin-1 for GB
	// is counties and unitary authorities.
	{"england", gazetteer.KindRegion, "GB", -1.6, 52.5, []string{"England"}, "Wikipedia: England; places.geojson's own point"},
	{"scotland", gazetteer.KindRegion, "GB", -4.2, 56.8, []string{"Scotland"}, "Wikipedia: Scotland"},
	{"wales", gazetteer.KindRegion, "GB", -3.7, 52.3, []string{"Wales"}, "Wikipedia: Wales"},
	{"northern-ireland", gazetteer.KindRegion, "GB", -6.7, 54.6, []string{"Northern Ireland"}, "Wikipedia: Northern Ireland"},

	// Rivers: a point on the middle course, good to a few hundred km.
	// Names that are also countries, states or common words (Jordan,
	// Niger, Missouri, Don, Po) are only taken with "River".
	{"nile", gazetteer.KindRiver, "", 31.2, 24.0, []string{"Nile", "River Nile", "Nile River", "the Nile"}, "Wikipedia: Nile (river) (a point on its middle course)"},
	{"amazon-river", gazetteer.KindRiver, "", -60.0, -3.2, []string{"Amazon River", "River Amazon"}, "Wikipedia: Amazon River (a point on its middle course)"},
	{"madeira-river", gazetteer.KindRiver, "", -62.0, -6.5, []string{"Madeira River", "River Madeira"}, "Wikipedia: Madeira River (a point on its middle course)"},
	{"yangtze", gazetteer.KindRiver, "", 112.0, 30.3, []string{"Yangtze", "Yangtze River", "Chang Jiang"}, "Wikipedia: Yangtze (river) (a point on its middle course)"},
	{"yellow-river", gazetteer.KindRiver, "", 110.0, 35.5, []string{"Yellow River", "Huang He"}, "Wikipedia: Yellow River (a point on its middle course)"},
	{"pearl-river", gazetteer.KindRiver, "", 113.4, 23.1, []string{"Pearl River"}, "Wikipedia: Pearl River (a point on its middle course)"},
	{"mekong", gazetteer.KindRiver, "", 105.0, 15.5, []string{"Mekong", "Mekong River"}, "Wikipedia: Mekong (river) (a point on its middle course)"},
	{"irrawaddy", gazetteer.KindRiver, "", 95.5, 19.5, []string{"Irrawaddy", "Irrawaddy River", "Ayeyarwady River"}, "Wikipedia: Irrawaddy (river) (a point on its middle course)"},
	{"ganges", gazetteer.KindRiver, "", 83.0, 25.4, []string{"Ganges", "River Ganges", "Ganga"}, "Wikipedia: Ganges (river) (a point on its middle course)"},
	{"brahmaputra", gazetteer.KindRiver, "", 91.5, 26.2, []string{"Brahmaputra", "Brahmaputra River"}, "Wikipedia: Brahmaputra (river) (a point on its middle course)"},
	{"indus", gazetteer.KindRiver, "", 70.5, 29.0, []string{"Indus", "Indus River", "River Indus"}, "Wikipedia: Indus (river) (a point on its middle course)"},
	{"sutlej", gazetteer.KindRiver, "", 74.5, 30.8, []string{"Sutlej", "Sutlej River", "River Sutlej"}, "Wikipedia: Sutlej (river) (a point on its middle course)"},
	{"chenab", gazetteer.KindRiver, "", 73.0, 31.0, []string{"Chenab", "Chenab River", "River Chenab"}, "Wikipedia: Chenab (river) (a point on its middle course)"},
	{"ravi", gazetteer.KindRiver, "", 73.5, 31.0, []string{"Ravi River", "River Ravi"}, "Wikipedia: Ravi River (a point on its middle course)"},
	{"jhelum", gazetteer.KindRiver, "", 73.4, 33.0, []string{"Jhelum River", "River Jhelum"}, "Wikipedia: Jhelum River (a point on its middle course)"},
	{"euphrates", gazetteer.KindRiver, "", 41.5, 34.6, []string{"Euphrates", "Euphrates River", "River Euphrates"}, "Wikipedia: Euphrates (river) (a point on its middle course)"},
	{"tigris", gazetteer.KindRiver, "", 44.0, 34.0, []string{"Tigris", "Tigris River", "River Tigris"}, "Wikipedia: Tigris (river) (a point on its middle course)"},
	{"jordan-river", gazetteer.KindRiver, "", 35.55, 32.3, []string{"Jordan River", "River Jordan"}, "Wikipedia: Jordan River (a point on its middle course)"},
	{"litani", gazetteer.KindRiver, "", 35.4, 33.4, []string{"Litani", "Litani River"}, "Wikipedia: Litani (river) (a point on its middle course)"},
	{"danube", gazetteer.KindRiver, "", 20.5, 44.8, []string{"Danube", "River Danube", "Danube River"}, "Wikipedia: Danube (river) (a point on its middle course)"},
	{"rhine", gazetteer.KindRiver, "", 7.5, 50.0, []string{"Rhine", "River Rhine", "Rhine River"}, "Wikipedia: Rhine (river) (a point on its middle course)"},
	{"elbe", gazetteer.KindRiver, "", 12.0, 52.3, []string{"Elbe", "River Elbe", "Elbe River"}, "Wikipedia: Elbe (river) (a point on its middle course)"},
	{"oder", gazetteer.KindRiver, "", 15.5, 52.0, []string{"Oder", "River Oder", "Odra"}, "Wikipedia: Oder (river) (a point on its middle course)"},
	{"vistula", gazetteer.KindRiver, "", 19.5, 52.3, []string{"Vistula", "River Vistula", "Wisła"}, "Wikipedia: Vistula (river) (a point on its middle course)"},
	{"dnipro", gazetteer.KindRiver, "", 33.5, 48.5, []string{"Dnipro", "Dnipro River", "Dnieper", "Dnieper River"}, "Wikipedia: Dnipro (river) (a point on its middle course)"},
	{"dniester", gazetteer.KindRiver, "", 28.5, 47.5, []string{"Dniester", "Dniester River", "Dnister"}, "Wikipedia: Dniester (river) (a point on its middle course)"},
	{"volga", gazetteer.KindRiver, "", 46.0, 51.0, []string{"Volga", "River Volga", "Volga River"}, "Wikipedia: Volga (river) (a point on its middle course)"},
	{"don-river", gazetteer.KindRiver, "", 40.0, 48.5, []string{"Don River", "River Don"}, "Wikipedia: Don River (a point on its middle course)"},
	{"thames", gazetteer.KindRiver, "", -0.9, 51.5, []string{"Thames", "River Thames"}, "Wikipedia: Thames (river) (a point on its middle course)"},
	{"severn", gazetteer.KindRiver, "", -2.4, 52.2, []string{"River Severn", "Severn"}, "Wikipedia: River Severn (a point on its middle course)"},
	{"trent", gazetteer.KindRiver, "", -1.0, 53.0, []string{"River Trent"}, "Wikipedia: River Trent (a point on its middle course)"},
	{"taff", gazetteer.KindRiver, "", -3.3, 51.6, []string{"River Taff"}, "Wikipedia: River Taff (a point on its middle course)"},
	{"nene", gazetteer.KindRiver, "", -0.5, 52.4, []string{"River Nene"}, "Wikipedia: River Nene (a point on its middle course)"},
	{"shannon", gazetteer.KindRiver, "", -8.6, 53.0, []string{"River Shannon"}, "Wikipedia: River Shannon (a point on its middle course)"},
	{"seine", gazetteer.KindRiver, "", 2.3, 49.0, []string{"Seine", "River Seine"}, "Wikipedia: Seine (river) (a point on its middle course)"},
	{"loire", gazetteer.KindRiver, "", 0.7, 47.4, []string{"Loire", "River Loire"}, "Wikipedia: Loire (river) (a point on its middle course)"},
	{"rhone", gazetteer.KindRiver, "", 4.8, 44.9, []string{"Rhône", "Rhone", "River Rhône"}, "Wikipedia: Rhône (river) (a point on its middle course)"},
	{"po", gazetteer.KindRiver, "", 11.0, 45.0, []string{"Po River", "River Po"}, "Wikipedia: Po River (a point on its middle course)"},
	{"tiber", gazetteer.KindRiver, "", 12.3, 42.4, []string{"Tiber", "River Tiber"}, "Wikipedia: Tiber (river) (a point on its middle course)"},
	{"ebro", gazetteer.KindRiver, "", -0.9, 41.6, []string{"Ebro", "River Ebro"}, "Wikipedia: Ebro (river) (a point on its middle course)"},
	{"tagus", gazetteer.KindRiver, "", -6.0, 39.7, []string{"Tagus", "River Tagus", "Tejo"}, "Wikipedia: Tagus (river) (a point on its middle course)"},
	{"tisza", gazetteer.KindRiver, "", 20.2, 46.9, []string{"Tisza", "Tisza River"}, "Wikipedia: Tisza (river) (a point on its middle course)"},
	{"sava", gazetteer.KindRiver, "", 17.5, 45.1, []string{"Sava River", "River Sava"}, "Wikipedia: Sava River (a point on its middle course)"},
	{"niger-river", gazetteer.KindRiver, "", -1.0, 15.5, []string{"Niger River", "River Niger"}, "Wikipedia: Niger River (a point on its middle course)"},
	{"congo-river", gazetteer.KindRiver, "", 19.0, -1.5, []string{"Congo River", "River Congo"}, "Wikipedia: Congo River (a point on its middle course)"},
	{"zambezi", gazetteer.KindRiver, "", 28.5, -16.5, []string{"Zambezi", "Zambezi River"}, "Wikipedia: Zambezi (river) (a point on its middle course)"},
	{"limpopo", gazetteer.KindRiver, "", 31.0, -22.4, []string{"Limpopo River"}, "Wikipedia: Limpopo River (a point on its middle course)"},
	{"orinoco", gazetteer.KindRiver, "", -64.0, 8.0, []string{"Orinoco", "Orinoco River"}, "Wikipedia: Orinoco (river) (a point on its middle course)"},
	{"parana", gazetteer.KindRiver, "", -59.0, -30.0, []string{"Paraná River", "Parana River"}, "Wikipedia: Paraná River (a point on its middle course)"},
	{"rio-grande", gazetteer.KindRiver, "", -103.0, 29.5, []string{"Rio Grande"}, "Wikipedia: Rio Grande (a point on its middle course)"},
	{"mississippi-river", gazetteer.KindRiver, "", -90.5, 35.0, []string{"Mississippi River"}, "Wikipedia: Mississippi River (a point on its middle course)"},
	{"missouri-river", gazetteer.KindRiver, "", -98.0, 43.0, []string{"Missouri River"}, "Wikipedia: Missouri River (a point on its middle course)"},
	{"ohio-river", gazetteer.KindRiver, "", -85.5, 38.5, []string{"Ohio River"}, "Wikipedia: Ohio River (a point on its middle course)"},
	{"colorado-river", gazetteer.KindRiver, "", -112.0, 36.2, []string{"Colorado River"}, "Wikipedia: Colorado River (a point on its middle course)"},
	{"columbia-river", gazetteer.KindRiver, "", -120.0, 46.0, []string{"Columbia River"}, "Wikipedia: Columbia River (a point on its middle course)"},
	{"hudson-river", gazetteer.KindRiver, "", -73.95, 41.5, []string{"Hudson River"}, "Wikipedia: Hudson River (a point on its middle course)"},
	{"savannah-river", gazetteer.KindRiver, "", -81.9, 33.0, []string{"Savannah River"}, "Wikipedia: Savannah River (a point on its middle course)"},
	{"st-lawrence", gazetteer.KindRiver, "", -73.0, 45.8, []string{"St. Lawrence River", "Saint Lawrence River"}, "Wikipedia: St. Lawrence River (a point on its middle course)"},
	{"amur", gazetteer.KindRiver, "", 130.0, 49.5, []string{"Amur", "Amur River"}, "Wikipedia: Amur (river) (a point on its middle course)"},
	{"ob", gazetteer.KindRiver, "", 67.0, 62.0, []string{"Ob River"}, "Wikipedia: Ob River (a point on its middle course)"},
	{"yenisei", gazetteer.KindRiver, "", 89.0, 64.0, []string{"Yenisei", "Yenisei River"}, "Wikipedia: Yenisei (river) (a point on its middle course)"},
	{"neva", gazetteer.KindRiver, "", 30.6, 59.85, []string{"Neva", "Neva River"}, "Wikipedia: Neva (river) (a point on its middle course)"},
}

// curatedEntries returns the curated places as entries, in list order.
func curatedEntries() []gazetteer.Entry {
	out := make([]gazetteer.Entry, 0, len(curated))
	for _, c := range curated {
		out = append(out, gazetteer.Entry{ID: gazetteer.ID{Source: gazetteer.SourceCurated, Key: c.key}, Name: c.names[0],
			Kind: c.kind, Country: c.country, Point: orb.Point{c.lon, c.lat}, Names: c.names})
	}
	return out
}
