// Command bin writes mapview/basemap/data/world.bin.gz, the world
// basemap the app embeds, from the files tools/basemap/build.mjs writes
// (land.geojson.gz, borders.geojson.gz, countries.json.gz): land and
// borders projected to world coordinates and simplified into the map's
// zoom bands, and the country label points, in the compact varint form
// mapview/basemap reads at start-up without any JSON (basemap.Encode).
// Run it through tools/basemap/build.sh, after the npm step; the output
// is byte-for-byte reproducible.
package main

import (
	"bytes"
	"compress/gzip"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"reportmap/mapview/basemap"
)

var (
	src = flag.String("src", "tools/basemap/out", "folder holding build.mjs's land.geojson.gz, borders.geojson.gz and countries.json.gz")
	out = flag.String("out", "mapview/basemap/data/world.bin.gz", "file to write")
)

func main() {
	flag.Parse()
	if err := run(*src, *out); err != nil {
		fmt.Fprintln(os.Stderr, "bin:", err)
		os.Exit(1)
	}
}

func run(src, out string) error {
	var in [3][]byte
	for i, name := range []string{"land.geojson.gz", "borders.geojson.gz", "countries.json.gz"} {
		b, err := readGz(filepath.Join(src, name))
		if err != nil {
			return err
		}
		in[i] = b
	}
	raw, err := basemap.Encode(in[0], in[1], in[2])
	if err != nil {
		return err
	}
	gz, err := gzipBytes(raw)
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, gz, 0o644); err != nil {
		return err
	}
	fmt.Printf("%s: %d bytes raw, %d gzipped\n", out, len(raw), len(gz))
	return nil
}

// readGz returns a gzipped file's contents.
func readGz(path string) ([]byte, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err == nil {
		b, err = io.ReadAll(zr)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return b, nil
}

// gzipBytes compresses data at the best compression, with no name or
// time in the header, so that the bytes depend on data alone.
func gzipBytes(data []byte) ([]byte, error) {
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression) // a valid level: no error
	_, err := zw.Write(data)
	if cerr := zw.Close(); err == nil {
		err = cerr
	}
	return b.Bytes(), err
}
