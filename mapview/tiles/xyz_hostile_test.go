package tiles_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/png"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"reportmap/mapview/tiles"
)

// bombSide is the width and height of the decompression bomb.
const bombSide = 20000

var (
	bombOnce sync.Once
	bombData []byte
)

// bombPNG is a valid 20000×20000 greyscale PNG, all black: about 0.5 MB
// that would decode to 400 MB of grey and 1.6 GB of RGBA. It is encoded
// once per test binary (image/png takes ~17 s under -race). The image's
// rows share one row of pixels (Stride 0), so that writing it takes no
// memory to speak of.
func bombPNG(t testing.TB) []byte {
	bombOnce.Do(func() {
		img := &image.Gray{Pix: make([]byte, bombSide), Stride: 0, Rect: image.Rect(0, 0, bombSide, bombSide)}
		var buf bytes.Buffer
		if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, img); err != nil {
			panic(err)
		}
		bombData = buf.Bytes()
	})
	cfg, err := png.DecodeConfig(bytes.NewReader(bombData))
	if err != nil || cfg.Width != bombSide || cfg.Height != bombSide {
		t.Fatalf("bomb PNG: %v, %v", cfg, err)
	}
	return bombData
}

// allocated returns the bytes f allocates (on every goroutine, so that
// the work of a Layer's workers counts).
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// bombBudget is the most a refused bomb may cost in allocations: its
// bytes a few times over, far below the 400 MB a decode would take.
const bombBudget = 16 << 20

// TestDecodeRefusesBomb: the bomb is refused from its header,
// ErrTileTooLarge, allocating about nothing; a tile at the limit decodes,
// one pixel over it does not.
func TestDecodeRefusesBomb(t *testing.T) {
	bomb := bombPNG(t)
	var err error
	n := allocated(func() { _, err = tiles.DecodeTile(bomb, 1024) })
	if !errors.Is(err, tiles.ErrTileTooLarge) {
		t.Fatalf("decoding the bomb: %v, want ErrTileTooLarge", err)
	}
	t.Logf("bomb (%d bytes) refused after %d bytes allocated: %v", len(bomb), n, err)
	if n > 1<<20 {
		t.Errorf("refusing the bomb allocated %d bytes, want < 1 MiB", n)
	}
	for _, c := range []struct {
		w, h int
		ok   bool
	}{{1024, 1024, true}, {1025, 1, false}, {1, 1025, false}, {256, 256, true}} {
		var buf bytes.Buffer
		if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, c.w, c.h))); err != nil {
			t.Fatal(err)
		}
		img, err := tiles.DecodeTile(buf.Bytes(), 1024)
		if c.ok && (err != nil || img.Bounds().Dx() != c.w) {
			t.Errorf("%d×%d: %v", c.w, c.h, err)
		}
		if !c.ok && !errors.Is(err, tiles.ErrTileTooLarge) {
			t.Errorf("%d×%d: %v, want ErrTileTooLarge", c.w, c.h, err)
		}
	}
}

// TestXYZRefusesBomb: a server answering the bomb gives ErrTileTooLarge,
// nothing in the cache, and bounded memory; a declared TileSize sets the
// limit at twice it.
func TestXYZRefusesBomb(t *testing.T) {
	srv := newTileServer(t)
	srv.set(func(s *tileServer) { s.junk = bombPNG(t) })
	src := newSource(t, srv, t.TempDir(), tiles.XYZOptions{})
	var err error
	n := allocated(func() { _, err = src.Get(bg, 3, 2, 1) })
	if !errors.Is(err, tiles.ErrTileTooLarge) {
		t.Fatalf("Get of the bomb: %v, want ErrTileTooLarge", err)
	}
	t.Logf("Get of the bomb: %d bytes allocated: %v", n, err)
	if n > bombBudget {
		t.Errorf("Get of the bomb allocated %d bytes, want < %d", n, bombBudget)
	}
	if files := cacheFiles(t, src.CacheDir()); len(files) != 0 {
		t.Errorf("the bomb was cached: %v", files)
	}

	srv.set(func(s *tileServer) { s.junk = nil })
	for _, c := range []struct {
		tileSize int
		ok       bool
	}{{128, true}, {127, false}, {0, true}} { // the server's tiles are 256×256
		src := newSource(t, srv, t.TempDir(), tiles.XYZOptions{TileSize: c.tileSize})
		_, err := src.Get(bg, 1, 0, 0)
		if c.ok != (err == nil) || !c.ok && !errors.Is(err, tiles.ErrTileTooLarge) {
			t.Errorf("TileSize %d, a 256×256 tile: %v", c.tileSize, err)
		}
	}
}

// TestMBTilesBombThroughLayer: a bomb stored in an MBTiles file is
// refused by the Layer (never shown, retried with backoff) within bounded
// memory, while the file's other tile shows.
func TestMBTilesBombThroughLayer(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bomb.mbtiles")
	writeMBTiles(t, path, map[string]string{"format": "png", "minzoom": "0", "maxzoom": "1"},
		map[xyz][]byte{{0, 0, 0}: bombPNG(t), {1, 0, 0}: pngTile(t, 1, 0, 0)})
	m := open(t, path)
	updates := make(chan struct{}, 16)
	l := newLayer(t, m, tiles.LayerOptions{OnUpdate: func() {
		select {
		case updates <- struct{}{}:
		default:
		}
	}})
	n := allocated(func() {
		l.Tile(0, 0, 0)
		// No tile arrives; the retry timer (1 s) calls OnUpdate once the
		// failure is recorded, so the decode attempt is over.
		select {
		case <-updates:
		case <-time.After(10 * time.Second):
			t.Fatal("no OnUpdate for the retry of the bomb")
		}
	})
	t.Logf("the Layer refused the bomb after %d bytes allocated", n)
	if n > bombBudget {
		t.Errorf("loading the bomb allocated %d bytes, want < %d", n, bombBudget)
	}
	if _, _, ok := l.Peek(0, 0, 0); ok {
		t.Error("the bomb is shown")
	}
	waitUntil(t, 5*time.Second, "the good tile", func() bool {
		_, _, ok := l.Tile(1, 0, 0)
		return ok
	})
}

// junkKinds are answers of status 200 that are not tiles.
var junkKinds = map[string][]byte{
	"png-signature-and-junk": append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte("junk"), 100)...),
	"html":                   []byte("<!DOCTYPE html><html><body><h1>Please log in to the Wi-Fi</h1></body></html>"),
}

// TestXYZJunkNotCached: a 200 that is not an image is ErrNotImage and
// never cached; through a Layer it is a failed load (backoff, Offline),
// and once the server is fixed the tile shows and is cached.
func TestXYZJunkNotCached(t *testing.T) {
	for name, junk := range junkKinds {
		t.Run(name, func(t *testing.T) {
			srv := newTileServer(t)
			srv.set(func(s *tileServer) { s.junk = junk })
			dir := t.TempDir()
			src := newSource(t, srv, dir, tiles.XYZOptions{})
			if _, err := src.Get(bg, 2, 1, 1); !errors.Is(err, tiles.ErrNotImage) {
				t.Fatalf("Get of junk: %v, want ErrNotImage", err)
			} else {
				t.Logf("Get of junk: %v", err)
			}
			if files := cacheFiles(t, dir); len(files) != 0 {
				t.Fatalf("junk cached: %v", files)
			}

			clock := &fakeClock{now: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)}
			l := newLayer(t, src, tiles.LayerOptions{Now: clock.Now})
			k := zxy{4, 3, 2}
			l.Tile(k.z, k.x, k.y)
			waitUntil(t, 5*time.Second, "the failed load", l.Offline)
			for range 50 {
				if _, _, ok := l.Tile(k.z, k.x, k.y); ok {
					t.Fatal("junk shown as a tile")
				}
			}
			time.Sleep(20 * time.Millisecond)
			if n := srv.count(k.z, k.x, k.y); n != 1 {
				t.Errorf("%d requests during the backoff, want 1", n)
			}
			if files := cacheFiles(t, dir); len(files) != 0 {
				t.Fatalf("junk cached through the layer: %v", files)
			}

			srv.set(func(s *tileServer) { s.junk = nil })
			clock.Add(time.Second)
			waitAll(t, l, []zxy{k}, 5*time.Second)
			if l.Offline() {
				t.Error("Offline after the server recovered")
			}
			n := srv.total()
			get(t, newSource(t, srv, dir, tiles.XYZOptions{}), k.z, k.x, k.y)
			if srv.total() != n {
				t.Error("the good tile was not cached")
			}
		})
	}
}

// TestXYZJunkKeepsStaleCopy: when a stale cached tile's refresh answers
// junk, Get returns the cached copy with a StaleError wrapping
// ErrNotImage, and the copy stays as it was.
func TestXYZJunkKeepsStaleCopy(t *testing.T) {
	srv := newTileServer(t)
	srv.set(func(s *tileServer) { s.cacheControl = "max-age=0" })
	dir := t.TempDir()
	src := newSource(t, srv, dir, tiles.XYZOptions{})
	good := get(t, src, 5, 5, 5)
	tilePath := filepath.Join(dir, "5", "5", "5.tile")
	srv.set(func(s *tileServer) { s.junk = junkKinds["html"] })
	data, err := src.Get(bg, 5, 5, 5)
	var stale *tiles.StaleError
	if !errors.As(err, &stale) || !errors.Is(err, tiles.ErrNotImage) || !bytes.Equal(data, good) {
		t.Fatalf("refresh answered junk: %d bytes, %v; want the cached copy, a StaleError, ErrNotImage", len(data), err)
	}
	if strings.Count(err.Error(), "tiles: ") != 1 {
		t.Errorf("error %q: want one \"tiles: \" prefix", err)
	}
	if b, err := os.ReadFile(tilePath); err != nil || !bytes.Equal(b, good) {
		t.Errorf("cached copy changed: %v", err)
	}
}

// TestXYZDropsPoisonedEntry: a cache entry that does not decode (written
// by an older version, with a valid meta file and a fresh expiry) is
// dropped and the tile fetched again, rather than failing for days.
func TestXYZDropsPoisonedEntry(t *testing.T) {
	srv := newTileServer(t)
	dir := t.TempDir()
	leaf := filepath.Join(dir, "3", "1")
	if err := os.MkdirAll(leaf, 0o755); err != nil {
		t.Fatal(err)
	}
	junk := junkKinds["png-signature-and-junk"]
	meta, err := json.Marshal(map[string]any{
		"expires": time.Now().Add(7 * 24 * time.Hour), "size": len(junk), "crc32": crc32.ChecksumIEEE(junk),
	})
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(leaf, "2.tile"), junk, 0o644)
	os.WriteFile(filepath.Join(leaf, "2.meta"), meta, 0o644)

	l := newLayer(t, newSource(t, srv, dir, tiles.XYZOptions{}), tiles.LayerOptions{})
	waitAll(t, l, []zxy{{3, 1, 2}}, 5*time.Second)
	if n := srv.count(3, 1, 2); n != 1 {
		t.Errorf("%d requests, want 1 (the poisoned entry dropped)", n)
	}
	if b, _ := os.ReadFile(filepath.Join(leaf, "2.tile")); !bytes.Equal(b, encodeTile("", srvColour(3, 1, 2))) {
		t.Error("the poisoned entry was not replaced by the tile")
	}
}

// redirectServer answers /loop/… with a redirect to itself, forever, and
// /hops/N/z/x/y with a redirect to /hops/N-1/z/x/y, and /hops/0/z/x/y with
// the tile. It counts requests.
func redirectServer(t *testing.T) (*httptest.Server, *atomic.Int64) {
	var n atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		var hops, z, x, y int
		if strings.HasPrefix(r.URL.Path, "/loop/") {
			http.Redirect(w, r, r.URL.Path+"?again", http.StatusFound)
			return
		}
		if _, err := fmt.Sscanf(r.URL.Path, "/hops/%d/%d/%d/%d", &hops, &z, &x, &y); err != nil {
			http.NotFound(w, r)
			return
		}
		if hops > 0 {
			http.Redirect(w, r, fmt.Sprintf("/hops/%d/%d/%d/%d", hops-1, z, x, y), http.StatusMovedPermanently)
			return
		}
		w.Write(encodeTile("", srvColour(z, x, y)))
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

// TestXYZRedirects: 3 redirects are followed; a loop stops after 4
// requests per attempt with ErrTooManyRedirects, and a Layer backs off.
func TestXYZRedirects(t *testing.T) {
	srv, requests := redirectServer(t)
	opt := tiles.XYZOptions{CacheDir: t.TempDir(), UserAgent: "test"}
	hops, err := tiles.NewXYZ(srv.URL+"/hops/3/{z}/{x}/{y}", "", opt)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := hops.Get(bg, 2, 1, 0); err != nil {
		t.Errorf("3 redirects: %v", err)
	}
	if n := requests.Load(); n != 4 {
		t.Errorf("3 redirects: %d requests, want 4", n)
	}
	hops4, _ := tiles.NewXYZ(srv.URL+"/hops/4/{z}/{x}/{y}", "", opt)
	if _, err := hops4.Get(bg, 2, 1, 1); !errors.Is(err, tiles.ErrTooManyRedirects) {
		t.Errorf("4 redirects: %v, want ErrTooManyRedirects", err)
	}

	opt.CacheDir = t.TempDir()
	loop, _ := tiles.NewXYZ(srv.URL+"/loop/{z}/{x}/{y}", "", opt)
	requests.Store(0)
	if _, err := loop.Get(bg, 2, 1, 0); !errors.Is(err, tiles.ErrTooManyRedirects) {
		t.Fatalf("redirect loop: %v, want ErrTooManyRedirects", err)
	} else {
		t.Logf("redirect loop: %v", err)
	}
	if n := requests.Load(); n != 4 {
		t.Errorf("redirect loop: %d requests, want 4", n)
	}

	requests.Store(0)
	clock := &fakeClock{now: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)}
	l := newLayer(t, loop, tiles.LayerOptions{Now: clock.Now})
	l.Tile(3, 1, 1)
	waitUntil(t, 5*time.Second, "Offline after the loop", l.Offline)
	for range 50 {
		l.Tile(3, 1, 1)
	}
	time.Sleep(20 * time.Millisecond)
	if n := requests.Load(); n != 4 {
		t.Errorf("first attempt and backoff: %d requests, want 4", n)
	}
	clock.Add(time.Second)
	waitUntil(t, 5*time.Second, "the retry after 1 s", func() bool {
		l.Tile(3, 1, 1)
		return requests.Load() == 8
	})
}

// TestLayerCloseStopsEverything: after Close, no goroutine the layer
// started runs (workers, the retry timer) and OnUpdate is not called
// again, even with a retry due.
func TestLayerCloseStopsEverything(t *testing.T) {
	settle := func() int {
		runtime.GC()
		time.Sleep(20 * time.Millisecond)
		return runtime.NumGoroutine()
	}
	before := settle()

	srv := newTileServer(t)
	transport := &http.Transport{}
	src := newSource(t, srv, t.TempDir(), tiles.XYZOptions{Client: &http.Client{Transport: transport}})
	var updates atomic.Int64
	l := tiles.NewLayer(src, tiles.LayerOptions{Workers: 6, OnUpdate: func() { updates.Add(1) }})
	waitAll(t, l, tileBlock(2, 0, 0, 2, 2), 5*time.Second)
	srv.status.Store(500) // a failure arms the retry timer (1 s)
	l.Tile(2, 3, 3)
	waitUntil(t, 5*time.Second, "the failure", l.Offline)
	l.Close()
	n := updates.Load()
	time.Sleep(1200 * time.Millisecond) // past the retry that was due
	if updates.Load() != n {
		t.Errorf("OnUpdate called %d times after Close", updates.Load()-n)
	}
	transport.CloseIdleConnections()
	srv.Close()

	after := settle()
	for end := time.Now().Add(5 * time.Second); after > before && time.Now().Before(end); {
		after = settle()
	}
	if after > before {
		buf := make([]byte, 1<<20)
		t.Fatalf("%d goroutines before, %d after Close:\n%s", before, after, buf[:runtime.Stack(buf, true)])
	}
	t.Logf("goroutines: %d before, %d after Close", before, after)
}
