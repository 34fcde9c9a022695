package geoparse_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"reportmap/geoparse"
)

// seedText returns the four seed reports, repeated to at least n bytes.
func seedText(b *testing.B, n int) string {
	files, err := filepath.Glob(filepath.Join("..", "reports", "*.txt"))
	if err != nil || len(files) == 0 {
		b.Fatal("no seed reports", err)
	}
	var s strings.Builder
	for s.Len() < n {
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			s.Write(data)
			s.WriteByte('\n')
		}
	}
	return s.String()[:n]
}

// BenchmarkParse10KB geoparses a 10 KB report with the embedded
// gazetteer (loaded once, before the timer).
func BenchmarkParse10KB(b *testing.B) { benchParse(b, realParser(b)) }

// benchParse geoparses 10 KB of the seed reports with p.
func benchParse(b *testing.B, p *geoparse.Parser) {
	text := seedText(b, 10<<10)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		p.Parse(text)
	}
}

// BenchmarkParse10KBTestGazetteer is the same with the small test
// gazetteer: the parser's own cost, without long candidate lists.
func BenchmarkParse10KBTestGazetteer(b *testing.B) { benchParse(b, newParser(b)) }

// BenchmarkThroughput geoparses reports from every core at once with the
// embedded gazetteer, as an import of many files does.
func BenchmarkThroughput(b *testing.B) {
	p := realParser(b)
	text := seedText(b, 15<<10)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			p.Parse(text)
		}
	})
}

// BenchmarkSentences splits a 10 KB report into sentences.
func BenchmarkSentences(b *testing.B) {
	text := seedText(b, 10<<10)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		geoparse.Sentences(text)
	}
}
