package atlas

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A file with more than MaxFeatures features is refused, on the streamed
// path and the whole-file one, with a message that says why; one with
// exactly that many loads. Tiny features ([1,1,…]) are what made the
// limit necessary: each costs a place and a warning.
func TestMaxFeatures(t *testing.T) {
	defer func(n int) { maxFeatures = n }(maxFeatures)
	maxFeatures = 5000
	point := `{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"name":"P"}}`
	file := func(n int, feature string) []byte {
		return []byte(`{"type":"FeatureCollection","features":[` + strings.TrimSuffix(strings.Repeat(feature+",", n), ",") + `]}`)
	}
	dir := t.TempDir()
	for _, tt := range []struct {
		name    string
		data    []byte
		refused bool
	}{
		{"points at the limit", file(5000, point), false},
		{"points over it", file(5001, point), true},
		{"tiny features over it", file(20000, "1"), true},
	} {
		path := filepath.Join(dir, "f.geojson")
		if err := os.WriteFile(path, tt.data, 0o644); err != nil {
			t.Fatal(err)
		}
		streamed, serr := LoadFile(path)
		whole, werr := Load(path, tt.data)
		for way, err := range map[string]error{"LoadFile": serr, "Load": werr} {
			var e *Error
			switch {
			case !tt.refused && err != nil:
				t.Errorf("%s, %s: %v", tt.name, way, err)
			case tt.refused && (!errors.As(err, &e) || !strings.Contains(err.Error(), "more than 5000 features")):
				t.Errorf("%s, %s: got %v; want the file refused for its feature count", tt.name, way, err)
			}
		}
		if !tt.refused && (len(streamed.Places) != 5000 || len(whole.Places) != 5000) {
			t.Errorf("%s: %d and %d places; want 5000", tt.name, len(streamed.Places), len(whole.Places))
		}
	}
}
