package ui

import (
	"image"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/storage"
)

// CaptureContent renders what the canvas c shows of its content (not its
// menu bar or overlays) through Fyne's software painter, at c's scale.
//
// It does not use c.Capture: in the GL driver (Fyne v2.7.1,
// internal/painter/gl/capture.go) that reads the window's front buffer
// with glReadBuffer(GL_FRONT) outside any frame, and with Mesa's fake
// front buffer of a double-buffered window (X11, Xvfb) that buffer is
// never drawn to, so the picture comes back 0,0,0,0 everywhere, however
// long after a frame it is taken. The software painter draws the same
// objects at the same sizes, the way -png does.
//
// The content stays in its window: the memory canvas is only handed the
// same object at its own size, which leaves every widget's size alone,
// and the content is moved back to where its window keeps it.
func CaptureContent(c fyne.Canvas) image.Image {
	content := c.Content()
	pos, size := content.Position(), content.Size()
	sc := software.NewCanvas()
	sc.SetPadded(false)
	sc.SetScale(c.Scale())
	sc.Resize(size) // first, so SetContent keeps this size
	sc.SetContent(content)
	img := sc.Capture()
	content.Move(pos)
	return img
}

// exportDialog asks where to save a PNG of what the window shows, taken
// before the dialog covers it.
func (win *Window) exportDialog() {
	img := CaptureContent(win.W.Canvas())
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			return
		}
		path := wc.URI().Path()
		wc.Close()
		if err := WritePNG(path, img); err != nil {
			win.trace("error %s", err)
			dialog.ShowError(err, win.W)
			return
		}
		win.trace("export %s", path)
	}, win.W)
	d.SetFileName("reportmap.png")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".png"}))
	d.Show()
}
