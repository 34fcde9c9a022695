package document_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"reportmap/document"
	"reportmap/gazetteer"
	"reportmap/geoparse"
)

// seedReports is the four seed reports' text, about 12 KB.
func seedReports(b *testing.B) []byte {
	files, err := filepath.Glob(filepath.Join("..", "reports", "*.txt"))
	if err != nil || len(files) == 0 {
		b.Fatal("no seed reports", err)
	}
	var s strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		s.Write(data)
	}
	return []byte(s.String())
}

// BenchmarkImportReport is what the window does for one imported report
// once the gazetteer is loaded: geoparse it (document.Parse, on the
// worker) and add it to a document (Document.Add, on the UI goroutine).
func BenchmarkImportReport(b *testing.B) {
	p, err := geoparse.New(mustGazetteer(b))
	if err != nil {
		b.Fatal(err)
	}
	data := seedReports(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		im, err := document.Parse(p, "seed.txt", data, "")
		if err != nil {
			b.Fatal(err)
		}
		document.New(nil, nil, "", false).Add(im)
	}
}

// BenchmarkSave is Save As of a document of the four seed reports
// imported: the places file and the four texts, each written atomically.
func BenchmarkSave(b *testing.B) {
	p, err := geoparse.New(mustGazetteer(b))
	if err != nil {
		b.Fatal(err)
	}
	d := document.New(nil, nil, "", false)
	files, _ := filepath.Glob(filepath.Join("..", "reports", "*.txt"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		im, err := document.Parse(p, f, data, "")
		if err != nil {
			b.Fatal(err)
		}
		d.Add(im)
	}
	dir := b.TempDir()
	b.ReportAllocs()
	for b.Loop() {
		if err := d.SaveAs(filepath.Join(dir, "places.geojson")); err != nil {
			b.Fatal(err)
		}
	}
}

func mustGazetteer(b *testing.B) *gazetteer.Gazetteer {
	g, err := gazetteer.Default()
	if err != nil {
		b.Fatal(err)
	}
	return g
}
