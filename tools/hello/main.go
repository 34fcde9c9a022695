// Command hello is the baseline for the window measurements
// (scripts/measure-window.sh): a Fyne window with a label, which prints
// "first-frame Nms" (since the process started) when its first frame is
// painted, as reportmap -trace does.
package main

import (
	"fmt"
	"image/color"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

var start = time.Now()

func main() {
	a := app.NewWithID("io.github.reportmap.hello")
	w := a.NewWindow("hello")
	var once sync.Once
	// A raster is generated when it is painted: its first call is the
	// first frame.
	mark := canvas.NewRasterWithPixels(func(_, _, _, _ int) color.Color {
		once.Do(func() { fmt.Printf("first-frame %dms\n", time.Since(start).Milliseconds()) })
		return color.Transparent
	})
	mark.SetMinSize(fyne.NewSize(1, 1))
	w.SetContent(container.NewVBox(widget.NewLabel("Hello, world"), mark))
	w.Resize(fyne.NewSize(1280, 800))
	w.ShowAndRun()
}
