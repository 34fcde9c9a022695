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
	"time"

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

	timeout time.Duration // of each query
	db      *sql.DB
	get     *sql.Stmt
}

var _ Source = (*MBTiles)(nil)

// mbtMaxZoom is the deepest zoom MBTiles accepts (2^z must fit an int
// comfortably; no raster set goes near it).
const mbtMaxZoom = 30

// mbtMaxConns bounds the connection pool: each SQLite connection has its own
// page cache, and Layer's workers are few.
const mbtMaxConns = 4

// mbtQueryTimeout bounds every query: one tile, or one step of
// OpenMBTiles. A lookup by the standard index takes milliseconds; a
// tiles view that never ends (a recursive query) is cut off. A variable
// for tests.
var mbtQueryTimeout = 2 * time.Second

// mbtScanTimeout bounds the one query that may read the whole tiles table:
// the lowest and highest zoom_level, when the metadata lacks minzoom or
// maxzoom. A variable for tests.
var mbtScanTimeout = 10 * time.Second

// notMBTiles is the OpenError reason of a file that is not a raster
// MBTiles file.
const notMBTiles = "not an MBTiles file"

// OpenMBTiles opens the MBTiles file at path read-only and checks right away
// that it is a raster MBTiles file: it exists, is SQLite, has a tiles table
// or view with the four standard columns that answers a query in time
// (2 s), and its tiles are PNG, JPEG or WebP. Every error it returns is an
// *[OpenError] naming the file.
//
// It never creates or changes a file: the file is opened immutable (no
// lock, no -wal or -shm file beside it, even for a WAL-mode file), so it
// must not change while it is open. A file with an unfinished write beside
// it (a non-empty -journal or -wal file: a program crashed while writing
// it, or is writing it now) is refused with a message that says so, since
// its pages may be inconsistent until SQLite recovers it.
func OpenMBTiles(path string) (*MBTiles, error) {
	fail := func(reason string, err error) (*MBTiles, error) {
		return nil, &OpenError{Source: path, Reason: reason, Err: err}
	}
	fi, err := os.Stat(path)
	switch {
	case err != nil:
		return fail("", unwrapPath(err)) // "no such file or directory"
	case fi.IsDir():
		return fail("is a directory, not an MBTiles file", nil)
	case !fi.Mode().IsRegular():
		return fail("not a regular file", nil)
	case fi.Size() == 0:
		return fail(notMBTiles+": empty file", nil)
	}
	// Read the header ourselves: an unreadable file gets the system's
	// reason, and a file of another kind a plain answer, rather than
	// SQLite's "unable to open database file".
	if err := mbtCheckHeader(path); err != nil {
		return nil, err
	}
	if err := mbtCheckUnfinished(path); err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return fail("", err)
	}
	sum := sha256.Sum256([]byte(abs))

	db, err := sql.Open("sqlite", mbtDSN(abs))
	if err != nil {
		return fail(notMBTiles, err)
	}
	db.SetMaxOpenConns(mbtMaxConns)
	db.SetMaxIdleConns(mbtMaxConns)

	m := &MBTiles{path: path, id: "mbtiles-" + hex.EncodeToString(sum[:])[:12], db: db, timeout: mbtQueryTimeout}
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
		return &OpenError{Source: path, Err: unwrapPath(err)}
	}
	defer f.Close()
	var h [16]byte
	if _, err := io.ReadFull(f, h[:]); err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return &OpenError{Source: path, Err: unwrapPath(err)}
	}
	if string(h[:]) != "SQLite format 3\x00" {
		return &OpenError{Source: path, Reason: notMBTiles + ": not an SQLite database"}
	}
	return nil
}

// unwrapPath returns the cause of a *fs.PathError (whose text repeats the
// path an OpenError names already), or err.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// mbtCheckUnfinished refuses a file that SQLite would have to recover
// before reading it: beside it, a rollback journal that is not empty and
// whose header is not zeroed (SQLite's test for a hot journal, less the
// lock, which an immutable open does not take), or a write-ahead log that
// is not empty. Opened immutable, SQLite would ignore them and read pages
// that may be half written or out of date.
func mbtCheckUnfinished(path string) error {
	name := filepath.Base(path)
	if b, ok := mbtSidecar(path + "-journal"); ok && b != 0 {
		return &OpenError{Source: path, Reason: fmt.Sprintf(
			"has an unfinished SQLite journal (%s-journal) beside it, left by a program that crashed while writing it "+
				"(or is writing it now); open it once in sqlite3, or in the program that made it, to recover it, "+
				"or delete the journal if you are sure", name)}
	}
	if _, ok := mbtSidecar(path + "-wal"); ok {
		return &OpenError{Source: path, Reason: fmt.Sprintf(
			"has an unfinished SQLite write-ahead log (%s-wal) beside it, with changes not yet in the file: "+
				"a program is writing it, or crashed while writing it; close that program, or open the file once "+
				"in sqlite3 to finish the log", name)}
	}
	return nil
}

// mbtSidecar reports whether path is a non-empty regular file, and its
// first byte.
func mbtSidecar(path string) (first byte, ok bool) {
	fi, err := os.Stat(path)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() == 0 {
		return 0, false
	}
	f, err := os.Open(path)
	if err != nil {
		return 0, true // there, unreadable: assume the worst
	}
	defer f.Close()
	var b [1]byte
	if _, err := io.ReadFull(f, b[:]); err != nil {
		return 0xff, true
	}
	return b[0], true
}

// mbtDSN is a read-only SQLite URI for the absolute path abs. mode=ro opens
// the file without ever creating or writing it (a missing file fails rather
// than being created empty); immutable=1 tells SQLite the file cannot
// change, so that it takes no lock and creates no -wal, -shm or -journal
// file beside it, not even for a WAL-mode file. The path is
// percent-escaped so that '?', '#' and '%' in a file name reach SQLite as
// part of the name.
func mbtDSN(abs string) string {
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows: file:///C:/dir/file.mbtiles
	}
	return "file://" + (&url.URL{Path: p}).EscapedPath() + "?mode=ro&immutable=1"
}

// timed runs f under a context that ends after d, and when that deadline
// is what failed it, returns an error that says so, wrapping
// context.DeadlineExceeded.
func timed(parent context.Context, d time.Duration, f func(ctx context.Context) error) error {
	ctx, cancel := context.WithTimeout(parent, d)
	defer cancel()
	err := f(ctx)
	if err != nil && parent.Err() == nil && errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("no answer within %v: %w", d, context.DeadlineExceeded)
	}
	return err
}

// init reads and checks the schema and metadata, and prepares the tile
// query. Every query runs under a deadline.
func (m *MBTiles) init() error {
	ctx := context.Background()
	bad := func(reason string, err error) error {
		return &OpenError{Source: m.path, Reason: reason, Err: err}
	}
	// query runs q under the deadline and calls row for each row.
	query := func(q string, row func(*sql.Rows) error) error {
		return timed(ctx, m.timeout, func(ctx context.Context) error {
			rows, err := m.db.QueryContext(ctx, q)
			if err != nil {
				return err
			}
			for rows.Next() {
				if err := row(rows); err != nil {
					rows.Close()
					return err
				}
			}
			return mbtRowsDone(rows)
		})
	}

	// The first statement reads the header: a file that is not SQLite fails here.
	kinds := map[string]string{}
	err := query(`SELECT name, type FROM sqlite_master WHERE name IN ('tiles', 'metadata') AND type IN ('table', 'view')`,
		func(rows *sql.Rows) error {
			var name, kind string
			err := rows.Scan(&name, &kind)
			kinds[name] = kind
			return err
		})
	if err != nil {
		return bad(notMBTiles, err)
	}
	if kinds["tiles"] == "" {
		return bad(notMBTiles, errors.New("no tiles table"))
	}
	have := map[string]bool{}
	err = query(`SELECT name FROM pragma_table_info('tiles')`, func(rows *sql.Rows) error {
		var name string
		err := rows.Scan(&name)
		have[strings.ToLower(name)] = true
		return err
	})
	if err != nil {
		return bad(notMBTiles, err)
	}
	var missing []string
	for _, c := range []string{"zoom_level", "tile_column", "tile_row", "tile_data"} {
		if !have[c] {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		return bad(notMBTiles, fmt.Errorf("tiles has no column %s", strings.Join(missing, ", ")))
	}

	// One tile, in time: a tiles view that never ends is refused here
	// rather than hang every tile.
	var first []byte
	err = timed(ctx, m.timeout, func(ctx context.Context) error {
		return m.db.QueryRowContext(ctx, `SELECT tile_data FROM tiles LIMIT 1`).Scan(&first)
	})
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return bad("querying the tiles table", err)
	}
	noTiles := errors.Is(err, sql.ErrNoRows)

	meta := map[string]string{}
	if kinds["metadata"] != "" {
		err := query(`SELECT name, value FROM metadata`, func(rows *sql.Rows) error {
			var name, value sql.NullString
			err := rows.Scan(&name, &value)
			meta[strings.ToLower(strings.TrimSpace(name.String))] = strings.TrimSpace(value.String)
			return err
		})
		if err != nil {
			return bad(notMBTiles, fmt.Errorf("reading metadata: %w", err))
		}
	}

	if err := m.initFormat(meta["format"], first, noTiles); err != nil {
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

	err = timed(ctx, m.timeout, func(ctx context.Context) error {
		m.get, err = m.db.PrepareContext(ctx,
			`SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?`)
		return err
	})
	if err != nil {
		return bad(notMBTiles, err)
	}
	return nil
}

// initFormat sets m.format from the metadata value, or, when the metadata
// has none (older files), from the magic bytes of the first tile (none if
// noTiles).
func (m *MBTiles) initFormat(format string, first []byte, noTiles bool) error {
	bad := func(reason string) error { return &OpenError{Source: m.path, Reason: reason} }
	f := strings.ToLower(strings.TrimSpace(format))
	f = strings.TrimPrefix(f, "image/")
	if f == "" {
		if noTiles {
			return bad("no tile format in metadata and no tiles to tell it from")
		}
		f = mbtSniff(first)
		if f == "" {
			return bad("no tile format in metadata and the tiles are not PNG, JPEG or WebP")
		}
	}
	switch f {
	case "png", "jpg", "webp":
	case "jpeg":
		f = "jpg"
	case "pbf", "mvt", "x-protobuf", "application/x-protobuf", "application/vnd.mapbox-vector-tile":
		return bad("vector tiles (" + f + ") are not supported; use a raster MBTiles file")
	default:
		return bad(fmt.Sprintf("unsupported tile format %q; use a raster MBTiles file (png, jpg or webp)", f))
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
		err := timed(ctx, mbtScanTimeout, func(ctx context.Context) error {
			return m.db.QueryRowContext(ctx, `SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles`).Scan(&lo, &hi)
		})
		if err != nil {
			return &OpenError{Source: m.path, Reason: "reading zoom levels (minzoom and maxzoom in the metadata would spare it)", Err: err}
		}
		if !lo.Valid || !hi.Valid {
			return &OpenError{Source: m.path, Reason: "no zoom range in metadata and no tiles"}
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
		return fmt.Errorf("tiles: %s: close: %w", m.path, err)
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
// ErrNoTile if the file has none there. It honours ctx, and gives up
// after 2 s (an error wrapping context.DeadlineExceeded).
func (m *MBTiles) Get(ctx context.Context, z, x, y int) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if !mbtValid(z, x, y) {
		return nil, ErrNoTile
	}
	var data []byte
	err := timed(ctx, m.timeout, func(ctx context.Context) error {
		return m.get.QueryRowContext(ctx, z, x, 1<<z-1-y).Scan(&data)
	})
	switch {
	case err == nil:
		return data, nil
	case errors.Is(err, sql.ErrNoRows):
		return nil, ErrNoTile
	case ctx.Err() != nil:
		return nil, ctx.Err()
	}
	return nil, fmt.Errorf("tiles: %s: tile %d/%d/%d: %w", m.path, z, x, y, err)
}
