package geoparse_test

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"reportmap/geoparse"
)

// TestDevSet geoparses the four seed reports and compares them with the
// hand-made places.geojson, printing precision and recall per report and
// overall. With the small test gazetteer it measures the parser's logic,
// not the real gazetteer's coverage.
func TestDevSet(t *testing.T) {
	scores, err := geoparse.EvaluateFile(newParser(t), filepath.Join("..", "places.geojson"))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	total := geoparse.Report(&b, scores)
	t.Log("\n" + b.String())
	if total.Precision() < 0.9 || total.Recall() < 0.85 {
		t.Errorf("dev set: precision %.2f recall %.2f, want ≥ 0.90 and ≥ 0.85", total.Precision(), total.Recall())
	}
	if total.SettingsRight < total.SettingsTrue-1 {
		t.Errorf("settings: %d of %d right", total.SettingsRight, total.SettingsTrue)
	}
}

func TestEvaluateFileMissing(t *testing.T) {
	_, err := geoparse.EvaluateFile(newParser(t), filepath.Join(t.TempDir(), "none.geojson"))
	if err == nil || !strings.HasPrefix(err.Error(), "geoparse: ") || !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("err %v, want a geoparse error wrapping fs.ErrNotExist", err)
	}
}
