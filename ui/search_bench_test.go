package ui_test

import (
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"reportmap/atlas"
	"reportmap/atlas/atlastest"
	"reportmap/ui"
)

// generated1M returns the million generated places of atlastest.Million.
func generated1M(b *testing.B) *atlas.Atlas {
	a, err := atlastest.Million()
	if err != nil {
		b.Fatal(err)
	}
	return a
}

// searchView is a 1280×800 window showing a view of a million places.
func searchView(b *testing.B) *ui.View {
	ap := test.NewTempApp(b)
	v := ui.NewView(generated1M(b), nil)
	ui.FrameSearch(v)
	w := ap.NewWindow("bench")
	w.SetContent(v.Content)
	w.Resize(fyne.NewSize(1280, 800))
	b.Cleanup(w.Close)
	return v
}

// typeQuery sets the search box's text as typing it does, one key after
// another, and waits for the view to show each query's rows.
func typeQuery(v *ui.View, q string) {
	typeKeys(v, q, func(int) {})
}

// typeKeys is typeQuery calling after(k) once key k has been searched for.
func typeKeys(v *ui.View, q string, after func(k int)) {
	for i := range q {
		v.Search.SetText(q[:i+1])
		ui.FlushSearch(v)
		after(i)
	}
}

// slowestKey measures the slowest key of typing q, for "max-ms/key"; its
// clock stops for what between(k) does after key k.
type slowestKey struct {
	start time.Time
	max   time.Duration
}

func (s *slowestKey) key(b *testing.B, between func()) {
	if d := time.Since(s.start); d > s.max {
		s.max = d
	}
	b.StopTimer()
	between()
	b.StartTimer()
	s.start = time.Now()
}

// BenchmarkViewSearch1M is the search box at a million places, through
// the code the window runs: the entry's OnChanged, the filter, the
// list's rows and the map's shown places. Each op is one keystroke
// (ms/key is the same per key), and clearing the search.
func BenchmarkViewSearch1M(b *testing.B) {
	v := searchView(b)
	b.Run("all", func(b *testing.B) { // "a" matches every place
		b.ReportAllocs()
		for b.Loop() {
			typeQuery(v, "a")
			b.StopTimer()
			v.Search.SetText("")
			ui.FlushSearch(v)
			b.StartTimer()
		}
	})
	b.Run("narrow", func(b *testing.B) { // 1M, …, 111,111, 11,111, …, 1 rows
		const q = "place 12345"
		var slow slowestKey
		b.ReportAllocs()
		for b.Loop() {
			slow.start = time.Now()
			typeKeys(v, q, func(int) { slow.key(b, func() {}) })
			b.StopTimer()
			if n := len(v.State.Rows()); n != 11 { // 12345 and 123450…123459
				b.Fatalf("%d rows for %q", n, q)
			}
			v.Search.SetText("")
			ui.FlushSearch(v)
			b.StartTimer()
		}
		b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*len(q)), "ms/key")
		b.ReportMetric(float64(slow.max.Microseconds())/1000, "max-ms/key")
	})
	// As the window types: a search keeping 20,000 places or more
	// re-clusters them on a worker (Map.Background), so a key costs the
	// UI goroutine only the search, the list and the frame; the time the
	// builds take after each key, off the UI goroutine, is not counted.
	b.Run("narrow-window", func(b *testing.B) {
		const q = "place 12345"
		var builds sync.WaitGroup
		var mu sync.Mutex
		var done []func()
		v.Map.Background = func(build, then func()) {
			builds.Go(func() {
				build()
				mu.Lock()
				done = append(done, then)
				mu.Unlock()
			})
		}
		defer func() { v.Map.Background = nil }()
		var slow slowestKey
		b.ReportAllocs()
		for b.Loop() {
			slow.start = time.Now()
			typeKeys(v, q, func(int) {
				slow.key(b, func() {
					builds.Wait()
					for _, f := range done {
						f() // on this goroutine, which plays the UI's
					}
					done = done[:0]
				})
			})
			b.StopTimer()
			v.Search.SetText("")
			ui.FlushSearch(v)
			b.StartTimer()
		}
		b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*len(q)), "ms/key")
		b.ReportMetric(float64(slow.max.Microseconds())/1000, "max-ms/key")
	})
	b.Run("clear", func(b *testing.B) { // from one row back to a million
		b.ReportAllocs()
		for b.Loop() {
			b.StopTimer()
			v.Search.SetText("place 12345")
			ui.FlushSearch(v)
			b.StartTimer()
			v.Search.SetText("")
			ui.FlushSearch(v)
		}
		if n := len(v.State.Rows()); n != 1_000_000 {
			b.Fatalf("%d rows after clearing", n)
		}
	})
}
