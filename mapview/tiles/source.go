// Package tiles fetches, caches and decodes raster map tiles (XYZ, also
// called slippy-map tiles) without ever blocking the caller.
//
// Tiles are addressed by zoom z and column/row x, y in [0, 2^z), with y=0
// at the north. A [Source] produces encoded tiles and may block (network,
// disk); a [Layer] serves decoded tiles to a map from memory and loads
// missing ones on its own worker goroutines. [XYZ] is an HTTP tile server
// with a disk cache.
//
// The package does not depend on any UI toolkit.
package tiles

import (
	"context"
	"errors"
	"image"
	"strings"
)

// maxZoom is the deepest zoom level any tile address may have (2^z and
// tile indexes fit an int32).
const maxZoom = 30

// Source is where tiles come from. Implementations must be safe for
// concurrent use by multiple goroutines.
//
// ID, Attribution, ZoomRange and Covers must be cheap and must not block:
// a [Layer] calls Covers from [Layer.Tile], on the UI's goroutine. Get may
// block (network, disk); only a Layer's workers call it.
type Source interface {
	// ID is a file-system-safe identifier, [a-z0-9-]+, used for the
	// cache folder.
	ID() string
	// Attribution is the text to show on the map while the source's
	// tiles show, e.g. "© OpenStreetMap contributors".
	Attribution() string
	// ZoomRange is the inclusive range of zoom levels with tiles.
	ZoomRange() (min, max int)
	// Covers reports whether there may be a tile at z/x/y; false means
	// there is none (outside the bounds or the zoom range).
	Covers(z, x, y int) bool
	// Get returns the encoded tile (PNG, JPEG or WebP) at z/x/y. It
	// returns ErrNoTile when the source has no tile there. It may
	// return data together with a non-nil error (see [StaleError]).
	Get(ctx context.Context, z, x, y int) ([]byte, error)
}

// ErrNoTile reports that a source has no tile at an address (HTTP 404, or
// absent from an MBTiles file). A [Layer] does not retry it soon.
var ErrNoTile = errors.New("tiles: no tile")

// StaleError is returned by [XYZ.Get] together with non-nil data when the
// tile came from an expired disk-cache copy because refreshing it failed
// (network error, 5xx, an answer that is not a tile…). The data is usable;
// Err is the cause of the failure. A [Layer] shows such a tile and reports
// [Layer.Offline]. Test for it with errors.As.
type StaleError struct {
	Err error // why the refresh failed; XYZ's errors start "tiles: "
}

// Error describes the failed refresh: the cause's text, then
// "(serving the stale cached tile)".
func (e *StaleError) Error() string {
	return e.Err.Error() + " (serving the stale cached tile)"
}

// Unwrap returns the cause of the failed refresh.
func (e *StaleError) Unwrap() error { return e.Err }

// OpenError reports that a basemap source cannot be used at all: an
// MBTiles file that [OpenMBTiles] refuses, or a tile URL template that
// [NewXYZ] refuses. Test for it with errors.As; Err, when set, is the
// cause (fs.ErrNotExist, fs.ErrPermission, context.DeadlineExceeded, …)
// and errors.Is sees through to it.
type OpenError struct {
	Source string // the MBTiles file's path or the URL template, as given
	Reason string // what is wrong with it, e.g. "not an MBTiles file"; may be ""
	Err    error  // the cause, or nil; its text follows Reason
}

// Error is "tiles: " and [OpenError.Message].
func (e *OpenError) Error() string { return "tiles: " + e.Message() }

// Message describes the problem without the package's "tiles: " prefix,
// for a dialog: the source, then the reason and the cause, e.g.
// "/data/x.mbtiles: not an MBTiles file: no tiles table".
func (e *OpenError) Message() string {
	parts := make([]string, 0, 3)
	for _, p := range []string{e.Source, e.Reason} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if e.Err != nil {
		parts = append(parts, e.Err.Error())
	}
	return strings.Join(parts, ": ")
}

// Unwrap returns the cause, or nil.
func (e *OpenError) Unwrap() error { return e.Err }

// Errors a tile can fail with, to test with errors.Is. A [Layer] treats
// them as failed loads and retries with backoff; [XYZ] never caches such
// a tile.
var (
	// ErrNotImage: the tile's bytes are not a PNG, JPEG or WebP image
	// that decodes (an HTML page, a truncated or damaged image…).
	ErrNotImage = errors.New("tiles: not a decodable PNG, JPEG or WebP image")
	// ErrTileTooLarge: the tile's header declares more pixels than a
	// tile may have (see [XYZOptions.TileSize]); it is not decoded, so a
	// small file that would decode to gigabytes (a decompression bomb)
	// costs nothing.
	ErrTileTooLarge = errors.New("tiles: tile too large")
	// ErrTooManyRedirects: a tile server redirected more than
	// maxRedirects times in a row (a redirect loop).
	ErrTooManyRedirects = errors.New("tiles: too many redirects")
)

// validTile reports whether z/x/y is a well-formed tile address:
// 0 ≤ z ≤ maxZoom and 0 ≤ x, y < 2^z.
func validTile(z, x, y int) bool {
	if z < 0 || z > maxZoom {
		return false
	}
	n := 1 << z
	return x >= 0 && x < n && y >= 0 && y < n
}

// getInfo lets a source tell the Layer that called Get that it answered
// without a request to a server (from a fresh disk cache, or a tile it
// knows is absent), so that the answer says nothing about being online.
// It also hands on the image the source decoded to check the tile, so
// that the Layer does not decode it again.
type getInfo struct {
	noRequest bool
	img       *image.RGBA // the decoded tile Get returned, or nil
}

type getInfoKey struct{}

// markNoRequest records in ctx, if it came from a Layer, that Get answered
// without a request.
func markNoRequest(ctx context.Context) {
	if i, ok := ctx.Value(getInfoKey{}).(*getInfo); ok {
		i.noRequest = true
	}
}

// handOn records in ctx, if it came from a Layer, the decoded image of the
// tile Get is about to return.
func handOn(ctx context.Context, img *image.RGBA) {
	if i, ok := ctx.Value(getInfoKey{}).(*getInfo); ok {
		i.img = img
	}
}

// tileSizer is a Source that declares the size of its tiles, which sets
// the largest tile it may serve (see maxTileSide).
type tileSizer interface {
	tileSize() int // pixels; 0: not declared
}

// defaultMaxTileSide is the largest width and height of a tile from a
// source that declares no tile size.
const defaultMaxTileSide = 1024

// maxTileSide is the largest width and height, in pixels, of src's tiles:
// twice its declared tile size, or defaultMaxTileSide.
func maxTileSide(src Source) int {
	if s, ok := src.(tileSizer); ok && s.tileSize() > 0 {
		return 2 * s.tileSize()
	}
	return defaultMaxTileSide
}
