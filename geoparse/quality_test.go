package geoparse_test

import (
	"path/filepath"
	"strings"
	"testing"

	"reportmap/atlas"
	"reportmap/geoparse"
)

// qualitySets are hand-made places files whose reports the parser is
// scored on with the embedded gazetteer, each with the precision, recall
// and settings share it must keep. The dev set (the four seed reports)
// was looked at while writing the rules; the held-out set was written by
// someone who had not seen the parser, and the rules were not tuned on it
// (see the README's figures).
var qualitySets = []struct {
	name                    string
	file                    string
	precision, recall, sets float64
}{
	{"dev: the seed reports", filepath.Join("..", "places.geojson"), 0.95, 0.95, 1},
	// Measured at P 0.87, R 0.76, settings 6/26 when first run; the rules
	// were then improved on it (now P 0.96, R 0.88), so it is a dev set.
	// The floors catch a regression.
	{"held out 1, since used for tuning", filepath.Join("testdata", "heldout", "places.geojson"), 0.94, 0.86, 0.4},
	// Written by someone who had seen neither the parser nor the first
	// set; first run, before any rule was changed for it: P 0.92, R 0.83,
	// settings 13/28. Since used for tuning (now P 0.98, R 0.93).
	{"held out 2, since used for tuning", filepath.Join("testdata", "heldout2", "places.geojson"), 0.96, 0.91, 0.5},
	// Twelve texts by a third writer who had seen neither the parser nor
	// the other sets; first run, after all the rules above: P 0.88,
	// R 0.74, settings 9/31. Since used for tuning (now P 0.92, R 0.86).
	{"held out 3, since used for tuning", filepath.Join("testdata", "heldout3", "places.geojson"), 0.90, 0.84, 0.45},
	// Twelve texts by a fourth writer; first run, after every rule
	// above: P 0.87, R 0.77, settings 7/29. Since used for tuning (now
	// P 0.95, R 0.88).
	{"held out 4, since used for tuning", filepath.Join("testdata", "heldout4", "places.geojson"), 0.93, 0.86, 0.3},
	// Twelve texts by a fifth writer; first run, after the rules tuned
	// on set 4: P 0.86, R 0.74, settings 10/26. Since used for tuning
	// (now P 0.92, R 0.77): a sixth set measures unseen text.
	{"held out 5, since used for tuning", filepath.Join("testdata", "heldout5", "places.geojson"), 0.90, 0.75, 0.3},
	// Twelve texts by a sixth writer, with more villages, districts and
	// islands than the others; first run, after every rule above, none
	// changed since: P 0.88, R 0.66, settings 13/32. Tune on it and it
	// stops telling how the parser does on unseen text.
	{"held out 6, unseen", filepath.Join("testdata", "heldout6", "places.geojson"), 0.86, 0.64, 0.35},
}

// The held-out truth is itself checked: every excerpt is verbatim in its
// report, so a typo in the truth cannot pass for a parser error.
func TestHeldOutTruthIsVerbatim(t *testing.T) {
	for _, set := range []string{"heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6"} {
		file := filepath.Join("testdata", set, "places.geojson")
		a, err := atlas.LoadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if probs := append(a.Warnings, atlas.Verify(a, atlas.ReportsDir(file))...); len(probs) > 0 {
			t.Errorf("%s: %d problems, the first: %v", set, len(probs), probs[0])
		}
		if len(a.Reports) < 10 || len(a.Places) < 150 {
			t.Errorf("%s: %d reports, %d places; want ten texts or more and their places", set, len(a.Reports), len(a.Places))
		}
	}
}

func TestQualityWithTheEmbeddedGazetteer(t *testing.T) {
	p := realParser(t)
	for _, set := range qualitySets {
		t.Run(set.name, func(t *testing.T) {
			scores, err := geoparse.EvaluateFile(p, set.file)
			if err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			all := geoparse.Report(&b, scores)
			t.Logf("\n%s", b.String())
			settings := 1.0
			if all.SettingsTrue > 0 {
				settings = float64(all.SettingsRight) / float64(all.SettingsTrue)
			}
			if all.Precision() < set.precision || all.Recall() < set.recall || settings < set.sets {
				t.Errorf("precision %.2f, recall %.2f, settings %.2f; want at least %.2f, %.2f, %.2f",
					all.Precision(), all.Recall(), settings, set.precision, set.recall, set.sets)
			}
		})
	}
}
