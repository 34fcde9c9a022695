package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// pngAllocs renders -png of a one-place file whose place is called name
// and returns the bytes allocated.
func pngAllocs(t *testing.T, name string) uint64 {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, "long.geojson")
	doc := fmt.Sprintf(`{"type":"FeatureCollection","features":[
	 {"type":"Feature","geometry":{"type":"Point","coordinates":[2.37,51.03]},
	  "properties":{"id":"a","name":%q,"role":"setting","excerpts":[{"report":"r","text":%q}]}}]}`, name, "They met in "+name+".")
	if err := os.WriteFile(file, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var stdout, stderr bytes.Buffer
	if got := run([]string{"-png", filepath.Join(dir, "out.png"), "-select", "a", file}, &stdout, &stderr); got != 0 {
		t.Fatalf("status %d: %s", got, stderr.String())
	}
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// A long place name (quoted too) is cut for display, so what rendering
// costs does not grow with it: a 2 MB name costs about what a 100 KB one
// does, and that about what a short one does plus one long quote's layout.
// (Before labels and titles were bounded, 100 KB cost 478 MB and 5 MB ran
// out of memory.)
func TestPNGLongNameBounded(t *testing.T) {
	pngAllocs(t, "Dunkirk") // the first render loads fonts and themes once
	short := pngAllocs(t, "Dunkirk")
	long := pngAllocs(t, strings.Repeat("Dunkirk ", 100_000/8))
	huge := pngAllocs(t, strings.Repeat("Dunkirk ", 2_000_000/8))
	t.Logf("allocated: short name %d MB, 100 KB name %d MB, 2 MB name %d MB", short>>20, long>>20, huge>>20)
	if long > short+96<<20 {
		t.Errorf("a 100 KB name allocated %d MB, a short one %d MB; want at most 96 MB more", long>>20, short>>20)
	}
	// The extra 1.9 MB of name, written twice in a 4 MB file, is decoded,
	// indexed for search and lower-cased: some 15–20 bytes a byte, not the
	// thousands a byte that laying it all out cost.
	if huge > long+64<<20 {
		t.Errorf("a 2 MB name allocated %d MB, a 100 KB one %d MB; want at most 64 MB more", huge>>20, long>>20)
	}
}
