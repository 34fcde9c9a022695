package geoparse_test

import (
	"testing"

	"reportmap/geoparse"
	"reportmap/geoparse/geoparsetest"
)

// newParser returns a parser over the test gazetteer.
func newParser(tb testing.TB) *geoparse.Parser {
	tb.Helper()
	p, err := geoparse.New(geoparsetest.Gazetteer())
	if err != nil {
		tb.Fatal(err)
	}
	return p
}
