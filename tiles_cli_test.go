package main

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// TestPNGWithTiles renders with a local tile server and checks its tiles
// are under the places.
func TestPNGWithTiles(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir()) // the disk cache goes here
	var requests atomic.Int32
	var agent atomic.Value
	tile := image.NewRGBA(image.Rect(0, 0, 256, 256))
	for i := 0; i < len(tile.Pix); i += 4 {
		tile.Pix[i], tile.Pix[i+1], tile.Pix[i+2], tile.Pix[i+3] = 0x20, 0xb0, 0x60, 0xff
	}
	var body bytes.Buffer
	png.Encode(&body, tile)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		agent.Store(r.UserAgent())
		w.Header().Set("Content-Type", "image/png")
		w.Write(body.Bytes())
	}))
	defer srv.Close()

	var stdout, stderr bytes.Buffer
	img := renderPNG(t, filepath.Join(t.TempDir(), "tiles.png"), "-size", "1000x700", "-tiles", srv.URL+"/{z}/{x}/{y}.png")
	// Most of the map is now the server's green; the places stay on top.
	green := 0
	for y := 0; y < 700; y += 5 {
		for x := 0; x < 500; x += 5 {
			if c := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA); c.R == 0x20 && c.G == 0xb0 && c.B == 0x60 {
				green++
			}
		}
	}
	if green < 5000 {
		t.Errorf("only %d of 14000 sampled map pixels are the server's tiles", green)
	}
	if requests.Load() == 0 {
		t.Fatal("no tile was requested")
	}
	if ua, _ := agent.Load().(string); !strings.HasPrefix(ua, "reportmap/") || !strings.Contains(ua, "github.com/reportmap") {
		t.Errorf("User-Agent %q", ua)
	}

	// A bad MBTiles file: a clear error, nothing written.
	bad := filepath.Join(t.TempDir(), "bad.mbtiles")
	os.WriteFile(bad, []byte("not sqlite"), 0o644)
	stderr.Reset()
	out2 := filepath.Join(t.TempDir(), "none.png")
	if got := run([]string{"-png", out2, "-mbtiles", bad}, &stdout, &stderr); got != 1 || !strings.Contains(stderr.String(), "bad.mbtiles") {
		t.Errorf("bad MBTiles: status %d, %q", got, stderr.String())
	}
	if _, err := os.Stat(out2); err == nil {
		t.Error("a PNG was written despite the error")
	}
	if got := run([]string{"-png", out2, "-offline", "-tiles", srv.URL + "/{z}/{x}/{y}.png"}, &stdout, &stderr); got != 2 {
		t.Errorf("-offline with -tiles: status %d; want 2", got)
	}
}
