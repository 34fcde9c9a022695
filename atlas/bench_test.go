package atlas_test

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"sync"
	"testing"
	"time"

	"github.com/paulmach/orb/geojson"

	"reportmap/atlas"
	"reportmap/atlas/atlastest"
)

var (
	genMu    sync.Mutex
	genCache = map[int][]byte{}
)

// generated returns a synthetic places file of n features (fixed seed),
// made once per test binary.
func generated(tb testing.TB, n int) []byte {
	genMu.Lock()
	defer genMu.Unlock()
	if b, ok := genCache[n]; ok {
		return b
	}
	var buf bytes.Buffer
	if err := atlastest.Generate(&buf, n, 1); err != nil {
		tb.Fatal(err)
	}
	genCache[n] = buf.Bytes()
	return buf.Bytes()
}

func benchLoad(b *testing.B, n int) {
	data := generated(b, n)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		a, err := atlas.Load("gen.geojson", data)
		if err != nil {
			b.Fatal(err)
		}
		if len(a.Places) != n {
			b.Fatalf("loaded %d places; want %d", len(a.Places), n)
		}
	}
}

// benchOrb is the baseline: the same bytes through orb's own decoder, which
// fills map[string]any properties and fails the whole file on one bad
// feature.
func benchOrb(b *testing.B, n int) {
	data := generated(b, n)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		fc, err := geojson.UnmarshalFeatureCollection(data)
		if err != nil {
			b.Fatal(err)
		}
		if len(fc.Features) != n {
			b.Fatalf("decoded %d features; want %d", len(fc.Features), n)
		}
	}
}

// BenchmarkLoadProvenance100k loads the places of BenchmarkLoad100k, each
// with the provenance -import writes (about 200 bytes more a feature).
func BenchmarkLoadProvenance100k(b *testing.B) {
	const n = 100_000
	data := bytes.ReplaceAll(generated(b, n), []byte(`","excerpts":[`), []byte(`","confidence":0.87,"gazetteer":"geonames:2988507",`+
		`"alternatives":[{"gazetteer":"geonames:4717560","name":"Paris","country":"US"}],"reasons":["a capital","the text names France"],"excerpts":[`))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		a, err := atlas.Load("gen.geojson", data)
		if err != nil {
			b.Fatal(err)
		}
		if len(a.Places) != n || a.Places[n-1].Provenance == nil || len(a.Warnings) > 0 {
			b.Fatalf("loaded %d places, the last with provenance %v; warnings %v", len(a.Places), a.Places[n-1].Provenance, a.Warnings)
		}
	}
}

func BenchmarkLoad100k(b *testing.B)    { benchLoad(b, 100_000) }
func BenchmarkLoad1M(b *testing.B)      { benchLoad(b, 1_000_000) }
func BenchmarkOrbLoad100k(b *testing.B) { benchOrb(b, 100_000) }
func BenchmarkOrbLoad1M(b *testing.B)   { benchOrb(b, 1_000_000) }

func TestGeneratedLoads(t *testing.T) {
	a, err := atlas.Load("gen.geojson", generated(t, 1000))
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Places) != 1000 || len(a.Warnings) != 0 || len(a.Reports) != 4 {
		t.Errorf("places %d warnings %v reports %d", len(a.Places), a.Warnings, len(a.Reports))
	}
}

// BenchmarkEncode100k writes the places of BenchmarkLoad100k back.
func BenchmarkEncode100k(b *testing.B) {
	a, err := atlas.Load("gen.geojson", generated(b, 100_000))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		data, err := atlas.Encode(a)
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(len(data)))
	}
}

// BenchmarkLoadFile1M loads a generated 1M-place file (376 MB, written
// once to a temporary folder) with LoadFileWith, as the window does. It
// reports, besides the time, peak-heap-MB: the most heap (live and not yet
// collected objects, runtime/metrics /memory/classes/heap/objects:bytes,
// sampled every millisecond by a background goroutine) during a load,
// which starts from a collected heap; and live-MB: the heap the result
// keeps once collected.
func BenchmarkLoadFile1M(b *testing.B) {
	const n = 1_000_000
	path := filepath.Join(b.TempDir(), "p1m.geojson")
	if err := os.WriteFile(path, generated(b, n), 0o644); err != nil {
		b.Fatal(err)
	}
	genMu.Lock()
	delete(genCache, n) // the file is on disk: do not count its bytes
	genMu.Unlock()
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(fi.Size())
	b.ReportAllocs()
	var peak, live uint64
	for b.Loop() {
		b.StopTimer()
		runtime.GC()
		stop := sampleHeap(&peak)
		b.StartTimer()
		a, err := atlas.LoadFileWith(path, atlas.LoadOptions{})
		b.StopTimer()
		stop()
		if err != nil {
			b.Fatal(err)
		}
		if len(a.Places) != n {
			b.Fatalf("loaded %d places; want %d", len(a.Places), n)
		}
		runtime.GC()
		live = max(live, heapObjects())
		runtime.KeepAlive(a)
		b.StartTimer()
	}
	b.ReportMetric(float64(peak)/1e6, "peak-heap-MB")
	b.ReportMetric(float64(live)/1e6, "live-MB")
}

// heapObjects returns the bytes of heap objects, live or not yet swept.
func heapObjects() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// sampleHeap raises *peak to the most heapObjects gives, sampled every
// millisecond until the returned stop is called.
func sampleHeap(peak *uint64) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			*peak = max(*peak, heapObjects())
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	})
	return func() {
		close(done)
		wg.Wait()
		*peak = max(*peak, heapObjects())
	}
}
