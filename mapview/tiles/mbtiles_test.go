package tiles_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io/fs"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	_ "modernc.org/sqlite"

	"reportmap/mapview/tiles"
)

// The fixture: a box around Dunkirk, zooms 5 to 12.
const (
	dkW, dkS, dkE, dkN = 2.0, 50.8, 2.8, 51.3
	dkMinZ, dkMaxZ     = 5, 12
	dkLon, dkLat       = 2.37, 51.03 // Dunkirk
	parisLon, parisLat = 2.35, 48.86
	tilePixels         = 64 // small: the fixture is encoded fast even under -race
)

// slippy is the XYZ tile holding lon/lat at zoom z (the OSM formula).
func slippy(lon, lat float64, z int) (x, y int) {
	n := math.Exp2(float64(z))
	x = int(math.Floor((lon + 180) / 360 * n))
	r := lat * math.Pi / 180
	y = int(math.Floor((1 - math.Log(math.Tan(r)+1/math.Cos(r))/math.Pi) / 2 * n))
	return x, y
}

// tileColour encodes z/x/y in a 16-bit-per-channel colour.
func tileColour(z, x, y int) color.RGBA64 {
	return color.RGBA64{R: uint16(z), G: uint16(x), B: uint16(y), A: 0xffff}
}

// pngTile is a solid tile of tileColour(z, x, y).
func pngTile(t testing.TB, z, x, y int) []byte {
	img := image.NewRGBA64(image.Rect(0, 0, tilePixels, tilePixels))
	c := tileColour(z, x, y)
	for py := range tilePixels {
		for px := range tilePixels {
			img.SetRGBA64(px, py, c)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// decodeZXY decodes a tile written by pngTile and returns the z/x/y it encodes.
func decodeZXY(t testing.TB, data []byte) (z, x, y int) {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("decoding tile: %v", err)
	}
	if b := img.Bounds(); b.Dx() != tilePixels || b.Dy() != tilePixels {
		t.Fatalf("tile is %v, want %d×%[2]d", b, tilePixels)
	}
	r, g, b, a := img.At(tilePixels-1, tilePixels-1).RGBA()
	if a != 0xffff {
		t.Fatalf("tile alpha %#x, want opaque", a)
	}
	return int(r), int(g), int(b)
}

type xyz struct{ z, x, y int }

// dunkirkTiles lists the XYZ tiles covering the Dunkirk box at zooms 5..12.
func dunkirkTiles() []xyz {
	var ts []xyz
	for z := dkMinZ; z <= dkMaxZ; z++ {
		x0, y0 := slippy(dkW, dkN, z)
		x1, y1 := slippy(dkE, dkS, z)
		for x := x0; x <= x1; x++ {
			for y := y0; y <= y1; y++ {
				ts = append(ts, xyz{z, x, y})
			}
		}
	}
	return ts
}

// writeMBTiles writes an MBTiles file: metadata rows, and tiles keyed by
// XYZ, stored as TMS rows as the format wants.
func writeMBTiles(t testing.TB, path string, meta map[string]string, data map[xyz][]byte) {
	t.Helper()
	db, err := sql.Open("sqlite", writeDSN(path))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`CREATE TABLE metadata (name text, value text)`,
		`CREATE TABLE tiles (zoom_level integer, tile_column integer, tile_row integer, tile_data blob)`,
		`CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)`,
	} {
		if _, err := tx.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	for k, v := range meta {
		if _, err := tx.Exec(`INSERT INTO metadata (name, value) VALUES (?, ?)`, k, v); err != nil {
			t.Fatal(err)
		}
	}
	for k, d := range data {
		row := 1<<k.z - 1 - k.y
		if _, err := tx.Exec(`INSERT INTO tiles VALUES (?, ?, ?, ?)`, k.z, k.x, row, d); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}

// writeDSN is a read-write SQLite URI for path, escaped so that any file
// name works.
func writeDSN(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		panic(err)
	}
	return "file://" + (&url.URL{Path: filepath.ToSlash(abs)}).EscapedPath() + "?mode=rwc"
}

func dunkirkMeta() map[string]string {
	return map[string]string{
		"name":        "Dunkirk test",
		"format":      "png",
		"bounds":      fmt.Sprintf("%g,%g,%g,%g", dkW, dkS, dkE, dkN),
		"minzoom":     fmt.Sprint(dkMinZ),
		"maxzoom":     fmt.Sprint(dkMaxZ),
		"attribution": "© Test",
		"type":        "baselayer",
	}
}

var (
	dunkirkOnce sync.Once
	dunkirkData map[xyz][]byte
)

// dunkirkPNGs is the fixture's tiles, encoded once per test binary.
func dunkirkPNGs(t testing.TB) map[xyz][]byte {
	dunkirkOnce.Do(func() {
		dunkirkData = map[xyz][]byte{}
		for _, k := range dunkirkTiles() {
			dunkirkData[k] = pngTile(t, k.z, k.x, k.y)
		}
	})
	return dunkirkData
}

// dunkirk writes the fixture in a fresh temporary directory and returns its path.
func dunkirk(t testing.TB) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "dunkirk.mbtiles")
	writeMBTiles(t, path, dunkirkMeta(), dunkirkPNGs(t))
	return path
}

func open(t testing.TB, path string) *tiles.MBTiles {
	t.Helper()
	m, err := tiles.OpenMBTiles(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := m.Close(); err != nil {
			t.Error(err)
		}
	})
	return m
}

// TestMBTilesRightTile gets Dunkirk's tile at several zooms and checks it is
// the tile for that z/x/y, which proves the XYZ↔TMS row flip.
func TestMBTilesRightTile(t *testing.T) {
	m := open(t, dunkirk(t))
	ctx := context.Background()
	for _, z := range []int{5, 8, 12} {
		x, y := slippy(dkLon, dkLat, z)
		if !m.Covers(z, x, y) {
			t.Errorf("Covers(%d, %d, %d) = false for Dunkirk", z, x, y)
		}
		data, err := m.Get(ctx, z, x, y)
		if err != nil {
			t.Fatalf("Get(%d, %d, %d): %v", z, x, y, err)
		}
		if gz, gx, gy := decodeZXY(t, data); gz != z || gx != x || gy != y {
			t.Errorf("Get(%d, %d, %d) returned tile %d/%d/%d", z, x, y, gz, gx, gy)
		}

		// The row as stored (TMS), read as if it were XYZ, is another tile.
		tms := 1<<z - 1 - y
		data, err = m.Get(ctx, z, x, tms)
		switch {
		case errors.Is(err, tiles.ErrNoTile):
		case err != nil:
			t.Errorf("Get(%d, %d, %d) (un-flipped): %v", z, x, tms, err)
		default:
			if gz, gx, gy := decodeZXY(t, data); gz == z && gx == x && gy == y {
				t.Errorf("Get(%d, %d, %d) (un-flipped row) returned Dunkirk's tile", z, x, tms)
			}
		}
	}
}

// TestMBTilesEveryTile gets every tile of the fixture.
func TestMBTilesEveryTile(t *testing.T) {
	m := open(t, dunkirk(t))
	for _, k := range dunkirkTiles() {
		data, err := m.Get(context.Background(), k.z, k.x, k.y)
		if err != nil {
			t.Fatalf("Get(%v): %v", k, err)
		}
		if z, x, y := decodeZXY(t, data); (xyz{z, x, y}) != k {
			t.Fatalf("Get(%v) returned tile %d/%d/%d", k, z, x, y)
		}
	}
}

func TestMBTilesBounds(t *testing.T) {
	m := open(t, dunkirk(t))
	if lo, hi := m.ZoomRange(); lo != dkMinZ || hi != dkMaxZ {
		t.Errorf("ZoomRange() = %d, %d; want %d, %d", lo, hi, dkMinZ, dkMaxZ)
	}

	px, py := slippy(parisLon, parisLat, 10)
	if m.Covers(10, px, py) {
		t.Errorf("Covers(10, %d, %d) (Paris) = true, want false", px, py)
	}
	if _, err := m.Get(context.Background(), 10, px, py); !errors.Is(err, tiles.ErrNoTile) {
		t.Errorf("Get(10, %d, %d) (Paris): err = %v, want ErrNoTile", px, py, err)
	}
	dx, dy := slippy(dkLon, dkLat, 10)
	if !m.Covers(10, dx, dy) {
		t.Errorf("Covers(10, %d, %d) (Dunkirk) = false, want true", dx, dy)
	}
	for _, z := range []int{0, dkMinZ - 1, dkMaxZ + 1, 20} {
		x, y := slippy(dkLon, dkLat, z)
		if m.Covers(z, x, y) {
			t.Errorf("Covers(%d, %d, %d) (Dunkirk, out of the zoom range) = true", z, x, y)
		}
	}
	for _, k := range []xyz{{10, -1, dy}, {10, dx, -1}, {10, 1 << 10, dy}, {10, dx, 1 << 10}, {-1, 0, 0}, {99, 0, 0}} {
		if m.Covers(k.z, k.x, k.y) {
			t.Errorf("Covers(%d, %d, %d) = true, want false", k.z, k.x, k.y)
		}
		if _, err := m.Get(context.Background(), k.z, k.x, k.y); !errors.Is(err, tiles.ErrNoTile) {
			t.Errorf("Get(%d, %d, %d): err = %v, want ErrNoTile", k.z, k.x, k.y, err)
		}
	}

	// Exactly the tiles intersecting the box are covered: those of the
	// fixture, and not their neighbours.
	want := dunkirkPNGs(t)
	for z := dkMinZ; z <= dkMaxZ; z++ {
		x0, y0 := slippy(dkW, dkN, z)
		x1, y1 := slippy(dkE, dkS, z)
		for x := x0 - 2; x <= x1+2; x++ {
			for y := y0 - 2; y <= y1+2; y++ {
				_, in := want[xyz{z, x, y}]
				if got := m.Covers(z, x, y); got != in {
					t.Errorf("Covers(%d, %d, %d) = %v, want %v", z, x, y, got, in)
				}
			}
		}
	}
}

// TestMBTilesAntimeridian: bounds with w > e cross the antimeridian.
func TestMBTilesAntimeridian(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pacific.mbtiles")
	writeMBTiles(t, path, map[string]string{
		"format": "png", "minzoom": "0", "maxzoom": "6", "bounds": "170,-10,-170,10",
	}, nil)
	m := open(t, path)
	for _, c := range []struct {
		lon, lat float64
		want     bool
	}{
		{175, 0, true}, {-175, 5, true}, {179.9, -9, true},
		{0, 0, false}, {165, 0, false}, {-165, 0, false}, {175, 20, false},
	} {
		x, y := slippy(c.lon, c.lat, 6)
		if got := m.Covers(6, x, y); got != c.want {
			t.Errorf("Covers(6, %d, %d) (lon %g, lat %g) = %v, want %v", x, y, c.lon, c.lat, got, c.want)
		}
	}
	if !m.Covers(0, 0, 0) {
		t.Error("Covers(0, 0, 0) = false, want true")
	}
}

func TestMBTilesMetadata(t *testing.T) {
	path := dunkirk(t)
	m := open(t, path)
	if got := m.Attribution(); got != "© Test" {
		t.Errorf("Attribution() = %q", got)
	}
	if got := m.Name(); got != "Dunkirk test" {
		t.Errorf("Name() = %q", got)
	}
	if got := m.Format(); got != "png" {
		t.Errorf("Format() = %q", got)
	}

	id := m.ID()
	if !regexp.MustCompile(`^mbtiles-[0-9a-f]{12}$`).MatchString(id) {
		t.Errorf("ID() = %q, want mbtiles- and 12 hex digits", id)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	if sum := sha256.Sum256([]byte(abs)); id != fmt.Sprintf("mbtiles-%x", sum[:6]) {
		t.Errorf("ID() = %q, want it from sha256(%q)", id, abs)
	}
	// Stable across opens, and the same for a relative path to the same file.
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	rel, err := filepath.Rel(wd, path)
	if err != nil {
		t.Fatal(err)
	}
	if got := open(t, rel).ID(); got != id {
		t.Errorf("ID() via %q = %q, want %q", rel, got, id)
	}
	// Another file, another id.
	if other := open(t, dunkirk(t)).ID(); other == id {
		t.Errorf("two files have the same ID %q", id)
	}
}

// TestMBTilesFallbacks: a file without format, name, zooms or bounds in its
// metadata (older writers) still opens, from what its tiles say.
func TestMBTilesFallbacks(t *testing.T) {
	all := dunkirkPNGs(t)
	some := map[xyz][]byte{}
	for k, d := range all {
		if k.z >= 7 && k.z <= 9 {
			some[k] = d
		}
	}
	for _, meta := range []map[string]string{nil, {"attribution": "", "minzoom": "x", "maxzoom": ""}} {
		path := filepath.Join(t.TempDir(), "old.mbtiles")
		writeMBTiles(t, path, meta, some)
		m := open(t, path)
		if got := m.Format(); got != "png" {
			t.Errorf("Format() = %q, want png from the tiles' bytes", got)
		}
		if lo, hi := m.ZoomRange(); lo != 7 || hi != 9 {
			t.Errorf("ZoomRange() = %d, %d; want 7, 9 from the tiles", lo, hi)
		}
		if got := m.Name(); got != "old.mbtiles" {
			t.Errorf("Name() = %q, want the file's base name", got)
		}
		if got := m.Attribution(); got != "" {
			t.Errorf("Attribution() = %q, want \"\"", got)
		}
		px, py := slippy(parisLon, parisLat, 8)
		if !m.Covers(8, px, py) {
			t.Error("without bounds, Covers is false over Paris at z=8")
		}
	}

	// One end from the metadata, the other from the tiles; jpeg is jpg.
	path := filepath.Join(t.TempDir(), "half.mbtiles")
	writeMBTiles(t, path, map[string]string{"format": "JPEG", "maxzoom": "8.0"}, some)
	m := open(t, path)
	if lo, hi := m.ZoomRange(); lo != 7 || hi != 8 {
		t.Errorf("ZoomRange() = %d, %d; want 7, 8", lo, hi)
	}
	if got := m.Format(); got != "jpg" {
		t.Errorf("Format() = %q, want jpg", got)
	}
}

// TestMBTilesView: tiles may be a view, as in the deduplicating layout
// (map + images) that mb-util and TileMill write.
func TestMBTilesView(t *testing.T) {
	path := filepath.Join(t.TempDir(), "dedup.mbtiles")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`CREATE TABLE metadata (name text, value text)`,
		`INSERT INTO metadata VALUES ('format', 'png'), ('minzoom', '5'), ('maxzoom', '12')`,
		`CREATE TABLE map (zoom_level integer, tile_column integer, tile_row integer, tile_id text)`,
		`CREATE TABLE images (tile_data blob, tile_id text)`,
		`CREATE VIEW tiles AS SELECT map.zoom_level AS zoom_level, map.tile_column AS tile_column,
			map.tile_row AS tile_row, images.tile_data AS tile_data
			FROM map JOIN images ON images.tile_id = map.tile_id`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	x, y := slippy(dkLon, dkLat, 12)
	if _, err := db.Exec(`INSERT INTO images VALUES (?, 'a')`, pngTile(t, 12, x, y)); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO map VALUES (12, ?, ?, 'a')`, x, 1<<12-1-y); err != nil {
		t.Fatal(err)
	}
	db.Close()

	m := open(t, path)
	data, err := m.Get(context.Background(), 12, x, y)
	if err != nil {
		t.Fatal(err)
	}
	if gz, gx, gy := decodeZXY(t, data); gz != 12 || gx != x || gy != y {
		t.Errorf("got tile %d/%d/%d, want 12/%d/%d", gz, gx, gy, x, y)
	}
}

func TestOpenMBTilesErrors(t *testing.T) {
	dir := t.TempDir()
	file := func(name string) string { return filepath.Join(dir, name) }

	if err := os.WriteFile(file("notes.mbtiles"), []byte("These are my notes, not a tile set.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file("zero.mbtiles"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file("truncated.mbtiles"), []byte("SQLite format 3\x00\x10\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	sqlite := func(name string, stmts ...string) {
		db, err := sql.Open("sqlite", file(name))
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		for _, q := range stmts {
			if _, err := db.Exec(q); err != nil {
				t.Fatal(err)
			}
		}
	}
	sqlite("other.mbtiles", `CREATE TABLE things (a, b)`)
	sqlite("columns.mbtiles", `CREATE TABLE tiles (zoom_level, tile_column, y, tile_data)`)
	writeMBTiles(t, file("vector.mbtiles"), map[string]string{"format": "pbf", "minzoom": "0", "maxzoom": "14"}, nil)
	writeMBTiles(t, file("mvt.mbtiles"), map[string]string{"format": "mvt"}, nil)
	gz := []byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3}
	writeMBTiles(t, file("vector-noformat.mbtiles"), nil, map[xyz][]byte{{0, 0, 0}: gz})
	writeMBTiles(t, file("tiff.mbtiles"), map[string]string{"format": "tiff"}, nil)
	writeMBTiles(t, file("empty.mbtiles"), nil, nil)
	if err := os.Mkdir(file("dir.mbtiles"), 0o755); err != nil {
		t.Fatal(err)
	}

	for _, c := range []struct {
		name string
		want string
	}{
		{"missing.mbtiles", "no such file"},
		{"notes.mbtiles", "not an MBTiles file: not an SQLite database"},
		{"zero.mbtiles", "not an MBTiles file: empty file"},
		{"truncated.mbtiles", "not an MBTiles file: "},
		{"other.mbtiles", "not an MBTiles file: no tiles table"},
		{"columns.mbtiles", "not an MBTiles file: tiles has no column tile_row"},
		{"vector.mbtiles", "vector tiles (pbf) are not supported; use a raster MBTiles file"},
		{"mvt.mbtiles", "vector tiles (mvt) are not supported; use a raster MBTiles file"},
		{"vector-noformat.mbtiles", "vector tiles (pbf) are not supported"},
		{"tiff.mbtiles", `unsupported tile format "tiff"`},
		{"empty.mbtiles", "no tile format in metadata and no tiles"},
		{"dir.mbtiles", "is a directory"},
	} {
		path := file(c.name)
		m, err := tiles.OpenMBTiles(path)
		if err == nil {
			m.Close()
			t.Errorf("OpenMBTiles(%s): no error", c.name)
			continue
		}
		msg := err.Error()
		if prefix := "tiles: " + path + ": "; !strings.HasPrefix(msg, prefix) {
			t.Errorf("OpenMBTiles(%s): error %q does not start with %q", c.name, msg, prefix)
		}
		if !strings.Contains(msg, c.want) {
			t.Errorf("OpenMBTiles(%s): error %q does not say %q", c.name, msg, c.want)
		}
		t.Logf("%s: %v", c.name, err)
	}

	if _, err := tiles.OpenMBTiles(file("missing.mbtiles")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: errors.Is(%v, fs.ErrNotExist) = false", err)
	}
	if _, err := os.Stat(file("missing.mbtiles")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("OpenMBTiles created the missing file (stat: %v)", err)
	}
}

func TestOpenMBTilesUnreadable(t *testing.T) {
	path := dunkirk(t)
	if err := os.Chmod(path, 0); err != nil {
		t.Fatal(err)
	}
	if f, err := os.Open(path); err == nil {
		f.Close()
		t.Skip("a mode 000 file is readable here (root?)")
	}
	_, err := tiles.OpenMBTiles(path)
	if err == nil || !errors.Is(err, fs.ErrPermission) || !strings.HasPrefix(err.Error(), "tiles: "+path+": ") {
		t.Errorf("OpenMBTiles(unreadable file): err = %v, want a permission error naming the file", err)
	}
}

// TestMBTilesReadOnly: opening and reading leaves the file and its directory
// as they were, and a read-only file opens.
func TestMBTilesReadOnly(t *testing.T) {
	path := dunkirk(t)
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	snapshot := func() string {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		ents, err := os.ReadDir(filepath.Dir(path))
		if err != nil {
			t.Fatal(err)
		}
		names := make([]string, len(ents))
		for i, e := range ents {
			names[i] = e.Name()
		}
		return fmt.Sprintf("%x %v", sha256.Sum256(data), names)
	}
	before := snapshot()
	m, err := tiles.OpenMBTiles(path)
	if err != nil {
		t.Fatal(err)
	}
	x, y := slippy(dkLon, dkLat, 9)
	if _, err := m.Get(context.Background(), 9, x, y); err != nil {
		t.Fatal(err)
	}
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	if after := snapshot(); after != before {
		t.Errorf("file or directory changed:\nbefore %s\nafter  %s", before, after)
	}
}

// TestMBTilesOddPath: a file name with characters that mean something in a URI.
func TestMBTilesOddPath(t *testing.T) {
	path := filepath.Join(t.TempDir(), "my tiles #1 ?mode=rwc&x=100% .mbtiles")
	x, y := slippy(dkLon, dkLat, 6)
	writeMBTiles(t, path, map[string]string{"format": "png", "minzoom": "6", "maxzoom": "6"},
		map[xyz][]byte{{6, x, y}: pngTile(t, 6, x, y)})
	m := open(t, path)
	if _, err := m.Get(context.Background(), 6, x, y); err != nil {
		t.Fatal(err)
	}
	if got := m.Name(); got != filepath.Base(path) {
		t.Errorf("Name() = %q, want %q", got, filepath.Base(path))
	}
}

func TestMBTilesGetContext(t *testing.T) {
	m := open(t, dunkirk(t))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	x, y := slippy(dkLon, dkLat, 8)
	if _, err := m.Get(ctx, 8, x, y); !errors.Is(err, context.Canceled) {
		t.Errorf("Get with a cancelled context: err = %v, want context.Canceled", err)
	}
}

func TestMBTilesClosed(t *testing.T) {
	path := dunkirk(t)
	m, err := tiles.OpenMBTiles(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	x, y := slippy(dkLon, dkLat, 8)
	_, err = m.Get(context.Background(), 8, x, y)
	if err == nil || errors.Is(err, tiles.ErrNoTile) || !strings.Contains(err.Error(), path) {
		t.Errorf("Get after Close: err = %v, want an error naming the file", err)
	}
}

// TestMBTilesConcurrentGet: 8 goroutines get tiles at once (run with -race).
func TestMBTilesConcurrentGet(t *testing.T) {
	m := open(t, dunkirk(t))
	all := dunkirkTiles()
	want := dunkirkPNGs(t) // the bytes written for each tile
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := range 8 {
		wg.Go(func() {
			for i := range 2 * len(all) {
				k := all[(i*7+g*13)%len(all)]
				data, err := m.Get(context.Background(), k.z, k.x, k.y)
				if err != nil {
					errs <- fmt.Errorf("goroutine %d: Get(%v): %w", g, k, err)
					return
				}
				if !bytes.Equal(data, want[k]) {
					errs <- fmt.Errorf("goroutine %d: Get(%v) returned another tile", g, k)
					return
				}
				m.Covers(k.z, k.x, k.y)
				m.ZoomRange()
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func BenchmarkMBTilesGet(b *testing.B) {
	m := open(b, dunkirk(b))
	all := dunkirkTiles()
	// The tiles near Dunkirk, as a map view would ask for them.
	all = slices.DeleteFunc(all, func(k xyz) bool { return k.z < 10 })
	ctx := context.Background()
	b.Run("serial", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			k := all[i%len(all)]
			i++
			if _, err := m.Get(ctx, k.z, k.x, k.y); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("parallel", func(b *testing.B) {
		b.ReportAllocs()
		b.RunParallel(func(pb *testing.PB) {
			i := 0
			for pb.Next() {
				k := all[i%len(all)]
				i++
				if _, err := m.Get(ctx, k.z, k.x, k.y); err != nil {
					b.Error(err)
					return
				}
			}
		})
	})
	b.Run("miss", func(b *testing.B) {
		b.ReportAllocs()
		x, y := slippy(parisLon, parisLat, 10)
		for b.Loop() {
			if _, err := m.Get(ctx, 10, x, y); !errors.Is(err, tiles.ErrNoTile) {
				b.Fatal(err)
			}
		}
	})
}
