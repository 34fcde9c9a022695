package ui_test

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"reportmap/atlas"
	"reportmap/ui"
)

// BenchmarkOpen1M is what the window does with a million places once
// their file has loaded: index them on the loading worker (index), then
// show them on the UI goroutine (show: the window answers nothing
// meanwhile), in a 1280×800 window.
func BenchmarkOpen1M(b *testing.B) {
	a := generated1M(b)
	b.Run("index", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			ui.IndexAtlas(a)
		}
	})
	b.Run("show", func(b *testing.B) {
		ap := test.NewTempApp(b)
		v := ui.NewView(atlas.New("empty", nil, nil), nil)
		w := ap.NewWindow("bench")
		w.SetContent(v.Content)
		w.Resize(fyne.NewSize(1280, 800))
		b.Cleanup(w.Close)
		ix := ui.IndexAtlas(a)
		empty := ui.IndexAtlas(atlas.New("empty", nil, nil))
		b.ReportAllocs()
		for b.Loop() {
			v.SetIndexed(ix, nil)
			b.StopTimer()
			v.SetIndexed(empty, nil)
			b.StartTimer()
		}
	})
}
