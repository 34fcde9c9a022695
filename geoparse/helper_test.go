package geoparse_test

import (
	"testing"

	"reportmap/gazetteer"
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

// realParser is a parser over the embedded gazetteer, as -import uses.
func realParser(tb testing.TB) *geoparse.Parser {
	tb.Helper()
	g, err := gazetteer.Default()
	if err != nil {
		tb.Fatal(err)
	}
	p, err := geoparse.New(g)
	if err != nil {
		tb.Fatal(err)
	}
	return p
}
