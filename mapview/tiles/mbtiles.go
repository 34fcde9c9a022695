package tiles

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	_ "modernc.org/sqlite" // pure-Go SQLite driver, registered as "sqlite"
)

// MBTiles is a raster MBTiles file (SQLite) opened read-only. Safe for
// concurrent use.
//
// Tiles are addressed in XYZ (y = 0 at the north edge); the file stores TMS
// rows (tile_row = 2^z − 1 − y), and MBTiles flips between the two.
type MBTiles struct {
	path   string // as given to OpenMBTiles; names the file in errors
	id     string
	name   string
	format string
	attrib string
	minZ   int
	maxZ   int
	bounds mbtBounds

	db  *sql.DB
	get *sql.Stmt
}

var _ Source = (*MBTiles)(nil)

// mbtMaxZoom is the deepest zoom MBTiles accepts (2^z must fit an int
// comfortably; no raster set goes near it).
const mbtMaxZoom = 30

// mbtMaxConns bounds the connection pool: each SQLite connection has its own
// page cache, and Layer's workers are few.
const mbtMaxConns = 4

// mbtError is an error that names the MBTiles file it is about.
type mbtError struct {
	path  string
	msg   string
	err   error // may be nil; its text follows msg
	cause error // may be nil; for errors.Is only, when msg says it already
}

func (e *mbtError) Error() string {
	s := "tiles: " + e.path + ": " + e.msg
	if e.err != nil {
		if e.msg != "" {
			s += ": "
		}
		s += e.err.Error()
	}
	return s
}

func (e *mbtError) Unwrap() error {
	if e.err != nil {
		return e.err
	}
	return e.cause
}

// OpenMBTiles opens the MBTiles file at path read-only and checks right away
// that it is a raster MBTiles file: it exists, is SQLite, has a tiles table
// or view with the four standard columns, and its tiles are PNG, JPEG or
// WebP. Every error it returns names the file.
func OpenMBTiles(path string) (*MBTiles, error) {
	fail := func(msg string, err error) (*MBTiles, error) {
		return nil, &mbtError{path: path, msg: msg, err: err}
	}
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, &mbtError{path: path, msg: "no such file", cause: fs.ErrNotExist}
	case err != nil:
		return fail("", err)
	case fi.IsDir():
		return fail("is a directory, not an MBTiles file", nil)
	case fi.Size() == 0:
		return fail("not an MBTiles file: empty file", nil)
	}
	// Read the header ourselves: an unreadable file gets the system's
	// reason, and a file of another kind a plain answer, rather than
	// SQLite's "unable to open database file".
	if err := mbtCheckHeader(path); err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return fail("", err)
	}
	sum := sha256.Sum256([]byte(abs))

	db, err := sql.Open("sqlite", mbtDSN(abs))
	if err != nil {
		return fail("", err)
	}
	db.SetMaxOpenConns(mbtMaxConns)
	db.SetMaxIdleConns(mbtMaxConns)

	m := &MBTiles{path: path, id: "mbtiles-" + hex.EncodeToString(sum[:])[:12], db: db}
	if err := m.init(); err != nil {
		db.Close()
		return nil, err
	}
	return m, nil
}

// mbtCheckHeader checks that the file at path is readable and starts like
// an SQLite database.
func mbtCheckHeader(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return &mbtError{path: path, err: err}
	}
	defer f.Close()
	var h [16]byte
	if _, err := io.ReadFull(f, h[:]); err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return &mbtError{path: path, err: err}
	}
	if string(h[:]) != "SQLite format 3\x00" {
		return &mbtError{path: path, msg: "not an MBTiles file: not an SQLite database"}
	}
	return nil
}

// mbtDSN is a read-only SQLite URI for the absolute path abs. mode=ro opens
// the file without ever creating or writing it (a missing file fails rather
// than being created empty). The path is percent-escaped so that '?', '#'
// and '%' in a file name reach SQLite as part of the name.
func mbtDSN(abs string) string {
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows: file:///C:/dir/file.mbtiles
	}
	return "file://" + (&url.URL{Path: p}).EscapedPath() + "?mode=ro"
}

// init reads and checks the schema and metadata, and prepares the tile query.
func (m *MBTiles) init() error {
	ctx := context.Background()
	bad := func(err error) error {
		return &mbtError{path: m.path, msg: "not an MBTiles file", err: err}
	}

	// The first statement reads the header: a file that is not SQLite fails here.
	kinds := map[string]string{}
	rows, err := m.db.QueryContext(ctx,
		`SELECT name, type FROM sqlite_master WHERE name IN ('tiles', 'metadata') AND type IN ('table', 'view')`)
	if err != nil {
		return bad(err)
	}
	for rows.Next() {
		var name, kind string
		if err := rows.Scan(&name, &kind); err != nil {
			rows.Close()
			return bad(err)
		}
		kinds[name] = kind
	}
	if err := mbtRowsDone(rows); err != nil {
		return bad(err)
	}
	if kinds["tiles"] == "" {
		return bad(errors.New("no tiles table"))
	}
	if err := m.checkColumns(ctx); err != nil {
		return err
	}

	meta := map[string]string{}
	if kinds["metadata"] != "" {
		rows, err := m.db.QueryContext(ctx, `SELECT name, value FROM metadata`)
		if err != nil {
			return bad(fmt.Errorf("reading metadata: %w", err))
		}
		for rows.Next() {
			var name, value sql.NullString
			if err := rows.Scan(&name, &value); err != nil {
				rows.Close()
				return bad(fmt.Errorf("reading metadata: %w", err))
			}
			meta[strings.ToLower(strings.TrimSpace(name.String))] = strings.TrimSpace(value.String)
		}
		if err := mbtRowsDone(rows); err != nil {
			return bad(fmt.Errorf("reading metadata: %w", err))
		}
	}

	if err := m.initFormat(ctx, meta["format"]); err != nil {
		return err
	}
	if err := m.initZoom(ctx, meta["minzoom"], meta["maxzoom"]); err != nil {
		return err
	}
	m.bounds = mbtParseBounds(meta["bounds"])
	m.attrib = meta["attribution"]
	m.name = meta["name"]
	if m.name == "" {
		m.name = filepath.Base(m.path)
	}

	m.get, err = m.db.PrepareContext(ctx,
		`SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?`)
	if err != nil {
		return bad(err)
	}
	return nil
}

// checkColumns checks that tiles (a table or a view) has the four columns
// Get and initZoom use.
func (m *MBTiles) checkColumns(ctx context.Context) error {
	rows, err := m.db.QueryContext(ctx, `SELECT name FROM pragma_table_info('tiles')`)
	if err != nil {
		return &mbtError{path: m.path, msg: "not an MBTiles file", err: err}
	}
	have := map[string]bool{}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return &mbtError{path: m.path, msg: "not an MBTiles file", err: err}
		}
		have[strings.ToLower(name)] = true
	}
	if err := mbtRowsDone(rows); err != nil {
		return &mbtError{path: m.path, msg: "not an MBTiles file", err: err}
	}
	var missing []string
	for _, c := range []string{"zoom_level", "tile_column", "tile_row", "tile_data"} {
		if !have[c] {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		return &mbtError{path: m.path, msg: "not an MBTiles file",
			err: fmt.Errorf("tiles has no column %s", strings.Join(missing, ", "))}
	}
	return nil
}

// initFormat sets m.format from the metadata value, or, when the metadata
// has none (older files), from the magic bytes of one tile.
func (m *MBTiles) initFormat(ctx context.Context, format string) error {
	f := strings.ToLower(strings.TrimSpace(format))
	f = strings.TrimPrefix(f, "image/")
	if f == "" {
		var data []byte
		err := m.db.QueryRowContext(ctx, `SELECT tile_data FROM tiles LIMIT 1`).Scan(&data)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			return &mbtError{path: m.path, msg: "no tile format in metadata and no tiles to tell it from"}
		case err != nil:
			return &mbtError{path: m.path, msg: "not an MBTiles file", err: err}
		}
		f = mbtSniff(data)
		if f == "" {
			return &mbtError{path: m.path, msg: "no tile format in metadata and the tiles are not PNG, JPEG or WebP"}
		}
	}
	switch f {
	case "png", "jpg", "webp":
	case "jpeg":
		f = "jpg"
	case "pbf", "mvt", "x-protobuf", "application/x-protobuf", "application/vnd.mapbox-vector-tile":
		return &mbtError{path: m.path, msg: "vector tiles (" + f + ") are not supported; use a raster MBTiles file"}
	default:
		return &mbtError{path: m.path, msg: fmt.Sprintf("unsupported tile format %q; use a raster MBTiles file (png, jpg or webp)", f)}
	}
	m.format = f
	return nil
}

// mbtSniff names a tile's format from its first bytes: "png", "jpg",
// "webp", "pbf" for gzip- or zlib-compressed data (vector tiles), or "".
func mbtSniff(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")):
		return "png"
	case bytes.HasPrefix(b, []byte{0xff, 0xd8, 0xff}):
		return "jpg"
	case len(b) >= 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WEBP":
		return "webp"
	case bytes.HasPrefix(b, []byte{0x1f, 0x8b}), len(b) >= 2 && b[0] == 0x78 && (uint16(b[0])<<8|uint16(b[1]))%31 == 0:
		return "pbf"
	}
	return ""
}

// initZoom sets the zoom range from the metadata, or, for whichever end it
// lacks, from the tiles themselves.
func (m *MBTiles) initZoom(ctx context.Context, minS, maxS string) error {
	minZ, okMin := mbtParseZoom(minS)
	maxZ, okMax := mbtParseZoom(maxS)
	if !okMin || !okMax {
		var lo, hi sql.NullInt64
		err := m.db.QueryRowContext(ctx, `SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles`).Scan(&lo, &hi)
		if err != nil {
			return &mbtError{path: m.path, msg: "reading zoom levels", err: err}
		}
		if !lo.Valid || !hi.Valid {
			return &mbtError{path: m.path, msg: "no zoom range in metadata and no tiles"}
		}
		if !okMin {
			minZ = int(max(0, min(lo.Int64, mbtMaxZoom)))
		}
		if !okMax {
			maxZ = int(max(0, min(hi.Int64, mbtMaxZoom)))
		}
	}
	if minZ > maxZ {
		minZ, maxZ = maxZ, minZ
	}
	m.minZ, m.maxZ = minZ, maxZ
	return nil
}

// mbtParseZoom parses a minzoom/maxzoom metadata value ("5", or "5.0" as
// some writers store it).
func mbtParseZoom(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != math.Trunc(f) || f < 0 || f > mbtMaxZoom {
		return 0, false
	}
	return int(f), true
}

// mbtBounds is the area a file covers, in degrees; ok is false when the
// metadata gave none (or none usable): the whole world, then.
type mbtBounds struct {
	ok         bool
	w, s, e, n float64
}

// mbtMaxLat is the latitude of Web Mercator's north and south edges.
const mbtMaxLat = 85.0511287798066

// mbtParseBounds parses the metadata "bounds" value, "w,s,e,n" in degrees.
// w > e is an area across the antimeridian.
func mbtParseBounds(v string) mbtBounds {
	parts := strings.Split(v, ",")
	if len(parts) != 4 {
		return mbtBounds{}
	}
	var f [4]float64
	for i, p := range parts {
		x, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
			return mbtBounds{}
		}
		f[i] = x
	}
	b := mbtBounds{
		ok: true,
		w:  max(-180, min(f[0], 180)),
		s:  max(-mbtMaxLat, min(f[1], mbtMaxLat)),
		e:  max(-180, min(f[2], 180)),
		n:  max(-mbtMaxLat, min(f[3], mbtMaxLat)),
	}
	if b.s >= b.n || b.w == b.e {
		return mbtBounds{} // degenerate: ignore it rather than show nothing
	}
	return b
}

// intersects reports whether the tile z/x/y (XYZ) overlaps b, edges that
// only touch not counting.
func (b mbtBounds) intersects(z, x, y int) bool {
	if !b.ok {
		return true
	}
	n := float64(uint64(1) << z)
	tw := float64(x)/n*360 - 180
	te := float64(x+1)/n*360 - 180
	tn := mbtTileLat(y, n)
	ts := mbtTileLat(y+1, n)
	if !(ts < b.n && tn > b.s) {
		return false
	}
	if b.w < b.e {
		return tw < b.e && te > b.w
	}
	// Across the antimeridian: [w, 180] and [-180, e].
	return te > b.w || tw < b.e
}

// mbtTileLat is the latitude of the north edge of tile row y out of n.
func mbtTileLat(y int, n float64) float64 {
	return math.Atan(math.Sinh(math.Pi*(1-2*float64(y)/n))) * 180 / math.Pi
}

// mbtValid reports whether z/x/y is a tile address: 0 ≤ z ≤ mbtMaxZoom and
// 0 ≤ x, y < 2^z.
func mbtValid(z, x, y int) bool {
	if z < 0 || z > mbtMaxZoom {
		return false
	}
	n := 1 << z
	return x >= 0 && x < n && y >= 0 && y < n
}

// mbtRowsDone closes rows and returns the error that ended the iteration.
func mbtRowsDone(rows *sql.Rows) error {
	err := rows.Err()
	if cerr := rows.Close(); err == nil {
		err = cerr
	}
	return err
}

// Close closes the file. Get fails after Close.
func (m *MBTiles) Close() error {
	err := m.get.Close()
	if cerr := m.db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return &mbtError{path: m.path, msg: "close", err: err}
	}
	return nil
}

// ID is "mbtiles-" and the first 12 hex digits of the SHA-256 of the file's
// absolute path: stable across runs, distinct between files, file-system-safe.
func (m *MBTiles) ID() string { return m.id }

// Attribution is the metadata "attribution" value, possibly "".
func (m *MBTiles) Attribution() string { return m.attrib }

// ZoomRange is the metadata minzoom and maxzoom, or, for whichever is
// missing, the lowest or highest zoom_level of the tiles.
func (m *MBTiles) ZoomRange() (min, max int) { return m.minZ, m.maxZ }

// Name is the metadata "name" value or, without one, the file's base name.
func (m *MBTiles) Name() string { return m.name }

// Format is the tiles' image format: "png", "jpg" or "webp". Decoding them
// is up to the caller.
func (m *MBTiles) Format() string { return m.format }

// Covers reports whether the file may have the XYZ tile z/x/y: z is in the
// zoom range and the tile intersects the metadata bounds (if any).
func (m *MBTiles) Covers(z, x, y int) bool {
	return z >= m.minZ && z <= m.maxZ && mbtValid(z, x, y) && m.bounds.intersects(z, x, y)
}

// Get returns the encoded image (see Format) of the XYZ tile z/x/y, or
// ErrNoTile if the file has none there. It honours ctx.
func (m *MBTiles) Get(ctx context.Context, z, x, y int) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if !mbtValid(z, x, y) {
		return nil, ErrNoTile
	}
	var data []byte
	err := m.get.QueryRowContext(ctx, z, x, 1<<z-1-y).Scan(&data)
	switch {
	case err == nil:
		return data, nil
	case errors.Is(err, sql.ErrNoRows):
		return nil, ErrNoTile
	case ctx.Err() != nil:
		return nil, ctx.Err()
	}
	return nil, &mbtError{path: m.path, msg: fmt.Sprintf("tile %d/%d/%d", z, x, y), err: err}
}
