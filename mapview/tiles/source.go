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
// (network error, 5xx, …). The data is usable; Err is the cause of the
// failure. A [Layer] shows such a tile and reports [Layer.Offline].
// Test for it with errors.As.
type StaleError struct {
	Err error // why the refresh failed
}

// Error describes the failed refresh: the cause's text, then
// "(serving the stale cached tile)".
func (e *StaleError) Error() string {
	msg := e.Err.Error()
	if !strings.HasPrefix(msg, "tiles: ") {
		msg = "tiles: " + msg
	}
	return msg + " (serving the stale cached tile)"
}

// Unwrap returns the cause of the failed refresh.
func (e *StaleError) Unwrap() error { return e.Err }

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
type getInfo struct {
	noRequest bool
}

type getInfoKey struct{}

// markNoRequest records in ctx, if it came from a Layer, that Get answered
// without a request.
func markNoRequest(ctx context.Context) {
	if i, ok := ctx.Value(getInfoKey{}).(*getInfo); ok {
		i.noRequest = true
	}
}
