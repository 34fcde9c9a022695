package gazetteer

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"testing"

	"github.com/paulmach/orb"
)

// TestShapesRoundTrip checks that outlines come back as WriteShapes wrote
// them, quantised, with their bounds, one key decoded at a time.
func TestShapesRoundTrip(t *testing.T) {
	in := map[string]orb.MultiPolygon{
		"B": {{{{10, 10}, {11, 10}, {11, 11.0004}, {10, 10}}, {{10.2, 10.2}, {10.3, 10.2}, {10.3, 10.3}, {10.2, 10.2}}},
			{{{-5, -5}, {-4, -5}, {-4, -4}, {-5, -5}}}},
		"A":     {{{{0, 0}, {1, 0}, {1, 1}, {0, 0}}}},
		"EMPTY": {},
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "s.bin.gz")
	if err := WriteShapes(path, in); err != nil {
		t.Fatal(err)
	}
	s, err := openShapes(os.DirFS(dir), "s.bin.gz", false)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.keys) != 3 || s.keys[0] != "A" || s.keys[1] != "B" || s.keys[2] != "EMPTY" {
		t.Fatalf("keys %v", s.keys)
	}
	for i, k := range s.keys {
		mp, err := s.outline(i)
		if err != nil {
			t.Fatal(err)
		}
		want := in[k]
		for _, p := range want {
			for _, r := range p {
				for j := range r {
					r[j] = orb.Point{float64(Quantise(r[j][0])) / shapeScale, float64(Quantise(r[j][1])) / shapeScale}
				}
			}
		}
		if !mp.Equal(want) {
			t.Errorf("%s: %v, want %v", k, mp, want)
		}
		if s.bounds[i] != want.Bound() {
			t.Errorf("%s: bound %v, want %v", k, s.bounds[i], want.Bound())
		}
		if again, _ := s.outline(i); len(mp) > 0 && &again[0] != &mp[0] {
			t.Errorf("%s: decoded twice", k)
		}
	}
	if mp, err := polygon(ID{SourceCountry, "C"}, nil, func() (*shapeSet, error) { return s, nil }); mp != nil || err != nil {
		t.Errorf("an unknown key: %v, %v", mp, err)
	}
	// Every cut of the file is an error, not a panic, at once or when
	// its last outline is decoded.
	gz, _ := os.ReadFile(path)
	zr, _ := gzip.NewReader(bytes.NewReader(gz))
	var raw bytes.Buffer
	raw.ReadFrom(zr)
	for n := 1; n < raw.Len(); n++ {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write(raw.Bytes()[:n])
		zw.Close()
		s, err := decodeShapes(&b, 0)
		if err == nil && len(s.keys) == 3 {
			_, err = s.outline(2)
		}
		if err == nil && len(s.keys) == 3 {
			t.Errorf("the file cut to %d of %d bytes decoded", n, raw.Len())
		}
	}
}

// TestEmbeddedShapes decodes every embedded outline and checks its bound.
func TestEmbeddedShapes(t *testing.T) {
	for _, set := range []func() (*shapeSet, error){embeddedAdmin1, embeddedCountries} {
		s, err := set()
		if err != nil {
			t.Fatal(err)
		}
		if len(s.keys) < 200 {
			t.Fatalf("%d outlines", len(s.keys))
		}
		for i, k := range s.keys {
			mp, err := s.outline(i)
			if err != nil {
				t.Fatal(err)
			}
			if len(mp) == 0 || mp.Bound() != s.bounds[i] {
				t.Errorf("%s: %d polygons, bound %v, want %v", k, len(mp), s.bounds[i], mp.Bound())
			}
		}
	}
}

// BenchmarkShapes reads the embedded admin-1 outlines' file and two
// outlines from it, as the app's first frame of the embedded places does.
func BenchmarkShapes(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		s, err := openShapes(embedded, "data/"+shapesFile, false)
		if err != nil {
			b.Fatal(err)
		}
		for _, k := range []string{"RU-KRS", "PS-GZZ"} {
			if mp, err := polygon(ID{SourceNaturalEarth, k}, func() (*shapeSet, error) { return s, nil }, nil); len(mp) == 0 || err != nil {
				b.Fatal(k, err)
			}
		}
	}
}
