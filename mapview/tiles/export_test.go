package tiles

import "time"

// SetMBTilesTimeouts sets the deadlines of MBTiles queries (each query,
// and the one that may scan the whole tiles table) for a test, and
// returns a function that restores them. Tests that call it must not run
// in parallel.
func SetMBTilesTimeouts(query, scan time.Duration) (restore func()) {
	q, s := mbtQueryTimeout, mbtScanTimeout
	mbtQueryTimeout, mbtScanTimeout = query, scan
	return func() { mbtQueryTimeout, mbtScanTimeout = q, s }
}

// DecodeTile is decodeTile, for tests.
var DecodeTile = decodeTile
