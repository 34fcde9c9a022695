package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestReproducible rebuilds world.bin.gz from tools/basemap/out, when
// build.sh has left it there, and checks that it is the committed file.
func TestReproducible(t *testing.T) {
	const src = "../out"
	if _, err := os.Stat(src); err != nil {
		t.Skip("no tools/basemap/out: run tools/basemap/build.sh first")
	}
	out := filepath.Join(t.TempDir(), "world.bin.gz")
	if err := run(src, out); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../../mapview/basemap/data/world.bin.gz")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("built %d bytes unlike the committed %d: commit the new file, or find what made the build differ", len(got), len(want))
	}
}
