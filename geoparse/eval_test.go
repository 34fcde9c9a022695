package geoparse_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"reportmap/atlas"
	"reportmap/geoparse"
)

// TestDevSet geoparses the four seed reports and compares them with the
// hand-made places.geojson, printing precision and recall per report and
// overall. With the small test gazetteer it measures the parser's logic,
// not the real gazetteer's coverage.
func TestDevSet(t *testing.T) {
	a, err := atlas.LoadFile(filepath.Join("..", "places.geojson"))
	if err != nil {
		t.Fatal(err)
	}
	p := newParser(t)
	var scores []geoparse.Score
	for _, r := range a.Reports {
		text, err := os.ReadFile(filepath.Join("..", r.File))
		if err != nil {
			t.Fatal(err)
		}
		scores = append(scores, geoparse.Evaluate(p, r.ID, string(text), geoparse.TruthFromAtlas(a, r.ID)))
	}
	var b strings.Builder
	total := geoparse.Report(&b, scores)
	t.Log("\n" + b.String())
	if total.Precision() < 0.9 || total.Recall() < 0.85 {
		t.Errorf("dev set: precision %.2f recall %.2f, want ≥ 0.90 and ≥ 0.85", total.Precision(), total.Recall())
	}
}
