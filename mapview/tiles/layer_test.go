package tiles_test

import (
	"context"
	"fmt"
	"image"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"reportmap/mapview/tiles"
)

// newLayer returns a layer on src, closed at the end of the test.
func newLayer(t testing.TB, src tiles.Source, opt tiles.LayerOptions) *tiles.Layer {
	l := tiles.NewLayer(src, opt)
	t.Cleanup(l.Close)
	return l
}

// TestLayerLoadsOnceThenFromDisk: 20 visible tiles, asked for frame after
// frame, are each requested once; a second layer with a fresh memory cache
// on the same cache folder gets them from disk without a request.
func TestLayerLoadsOnceThenFromDisk(t *testing.T) {
	srv := newTileServer(t)
	dir := t.TempDir()
	ts := tileBlock(5, 3, 7, 5, 4)

	var updates atomic.Int64
	l := newLayer(t, newSource(t, srv, dir, tiles.XYZOptions{}), tiles.LayerOptions{
		OnUpdate: func() { updates.Add(1) },
	})
	waitAll(t, l, ts, 10*time.Second)
	if n := srv.total(); n != len(ts) {
		t.Errorf("%d requests for %d tiles", n, len(ts))
	}
	for _, k := range ts {
		if n := srv.count(k.z, k.x, k.y); n != 1 {
			t.Errorf("tile %v requested %d times", k, n)
		}
	}
	if n := updates.Load(); n < int64(len(ts)) {
		t.Errorf("OnUpdate called %d times for %d tiles", n, len(ts))
	}
	if l.Offline() {
		t.Error("Offline after successful loads")
	}
	_, loaded, _ := l.Tile(ts[0].z, ts[0].x, ts[0].y)
	if loaded.IsZero() || time.Since(loaded) > time.Minute {
		t.Errorf("loaded = %v", loaded)
	}
	l.Close()

	before := srv.total()
	l2 := newLayer(t, newSource(t, srv, dir, tiles.XYZOptions{}), tiles.LayerOptions{})
	waitAll(t, l2, ts, 10*time.Second)
	if n := srv.total() - before; n != 0 {
		t.Errorf("second layer made %d requests; want 0 (disk cache)", n)
	}
	if l2.Offline() {
		t.Error("Offline after disk hits")
	}
}

// TestLayerPerHostLimit: with 8 workers and 50 tiles, no more than 2
// requests are ever in flight (counted by the server), and every request
// carries the configured User-Agent.
func TestLayerPerHostLimit(t *testing.T) {
	srv := newTileServer(t)
	srv.set(func(s *tileServer) { s.delay = 10 * time.Millisecond })
	const ua = "reportmap/9.9.9 (+https://github.com/reportmap/reportmap)"
	src := newSource(t, srv, t.TempDir(), tiles.XYZOptions{UserAgent: ua})
	l := newLayer(t, src, tiles.LayerOptions{Workers: 8})
	ts := tileBlock(6, 10, 10, 10, 5)
	waitAll(t, l, ts, 20*time.Second)
	if m := srv.maxInflight.Load(); m > 2 || m < 1 {
		t.Errorf("max requests in flight = %d, want ≤ 2", m)
	} else {
		t.Logf("max requests in flight: %d", m)
	}
	srv.set(func(s *tileServer) {
		if len(s.userAgents) != 1 || s.userAgents[ua] != len(ts) {
			t.Errorf("User-Agents %v, want %d × %q", s.userAgents, len(ts), ua)
		}
	})
}

// TestLayerBackoff: a server answering 500 is not hammered: within a
// second of asking many times, at most two requests; Offline is set.
func TestLayerBackoff(t *testing.T) {
	srv := newTileServer(t)
	srv.status.Store(500)
	l := newLayer(t, newSource(t, srv, t.TempDir(), tiles.XYZOptions{}), tiles.LayerOptions{})
	start := time.Now()
	for time.Since(start) < 1100*time.Millisecond {
		if _, _, ok := l.Tile(4, 3, 2); ok {
			t.Fatal("Tile ok from a failing server")
		}
		time.Sleep(time.Millisecond)
	}
	if n := srv.total(); n < 1 || n > 2 {
		t.Errorf("%d requests in 1.1 s of a failing tile; want 1 or 2", n)
	}
	if !l.Offline() {
		t.Error("Offline false after 500s")
	}
}

// fakeClock is a settable clock for LayerOptions.Now.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Add(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// TestLayerBackoffSchedule: retries come after 1 s, 2 s, 4 s… capped at
// 60 s, and Tile during the backoff queues nothing; the first success
// clears Offline.
func TestLayerBackoffSchedule(t *testing.T) {
	srv := newTileServer(t)
	srv.status.Store(503)
	clock := &fakeClock{now: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)}
	var updates atomic.Int64
	l := newLayer(t, newSource(t, srv, t.TempDir(), tiles.XYZOptions{}), tiles.LayerOptions{
		Now:      clock.Now,
		OnUpdate: func() { updates.Add(1) },
	})
	k := zxy{3, 5, 6}
	l.Tile(k.z, k.x, k.y)
	waitUntil(t, 5*time.Second, "first request", func() bool { return srv.total() == 1 })
	waitUntil(t, 5*time.Second, "Offline after a 503", l.Offline)
	if updates.Load() == 0 {
		t.Error("no OnUpdate when going offline")
	}
	delay := time.Second
	for i := 2; i <= 9; i++ {
		clock.Add(delay - time.Millisecond)
		for range 20 {
			l.Tile(k.z, k.x, k.y)
		}
		time.Sleep(20 * time.Millisecond)
		if n := srv.total(); n != i-1 {
			t.Fatalf("request %d came before its %v backoff (%d requests)", i, delay, n)
		}
		clock.Add(time.Millisecond)
		waitUntil(t, 5*time.Second, fmt.Sprintf("request %d after %v", i, delay), func() bool {
			l.Tile(k.z, k.x, k.y)
			return srv.total() == i
		})
		delay = min(2*delay, time.Minute)
		// Let the failure land before moving the clock.
		time.Sleep(20 * time.Millisecond)
	}
	if delay != time.Minute {
		t.Fatalf("test did not reach the cap: %v", delay)
	}

	srv.status.Store(0)
	clock.Add(delay)
	waitUntil(t, 5*time.Second, "the tile after the server recovered", func() bool {
		_, _, ok := l.Tile(k.z, k.x, k.y)
		return ok
	})
	if l.Offline() {
		t.Error("still Offline after a success")
	}
}

// TestLayerSlowTileDoesNotBlock: while a tile takes 2 s, Tile calls return
// at once, and Close cancels the slow request.
func TestLayerSlowTileDoesNotBlock(t *testing.T) {
	srv := newTileServer(t)
	slow := zxy{7, 20, 30}
	srv.set(func(s *tileServer) { s.slow["7/20/30"] = 2 * time.Second })
	l := tiles.NewLayer(newSource(t, srv, t.TempDir(), tiles.XYZOptions{}), tiles.LayerOptions{})
	defer l.Close()
	ts := append(tileBlock(7, 21, 30, 4, 2), slow)
	var worst time.Duration
	start := time.Now()
	for time.Since(start) < 300*time.Millisecond {
		for _, k := range ts {
			t0 := time.Now()
			l.Tile(k.z, k.x, k.y)
			worst = max(worst, time.Since(t0))
		}
		time.Sleep(time.Millisecond)
	}
	if worst >= 5*time.Millisecond {
		t.Errorf("slowest Tile call took %v, want < 5 ms", worst)
	}
	t.Logf("slowest Tile call: %v", worst)
	waitAll(t, l, ts[:len(ts)-1], 5*time.Second)
	if _, _, ok := l.Tile(slow.z, slow.x, slow.y); ok {
		t.Error("slow tile arrived early")
	}
	t0 := time.Now()
	l.Close()
	if d := time.Since(t0); d > time.Second {
		t.Errorf("Close took %v with a slow request under way", d)
	}
}

// TestLayerOffline: with the server gone, cached tiles still come (from
// disk, not counting as a request); a tile that needs the network sets
// Offline and calls OnUpdate.
func TestLayerOffline(t *testing.T) {
	srv := newTileServer(t)
	dir := t.TempDir()
	cached := zxy{8, 100, 90}
	l := newLayer(t, newSource(t, srv, dir, tiles.XYZOptions{}), tiles.LayerOptions{})
	waitAll(t, l, []zxy{cached}, 5*time.Second)
	l.Close()
	srv.Close()

	var updates atomic.Int64
	l2 := newLayer(t, newSource(t, srv, dir, tiles.XYZOptions{}), tiles.LayerOptions{
		OnUpdate: func() { updates.Add(1) },
	})
	waitAll(t, l2, []zxy{cached}, 5*time.Second)
	if l2.Offline() {
		t.Error("Offline after a disk hit")
	}
	l2.Tile(8, 101, 90)
	waitUntil(t, 5*time.Second, "Offline with the server closed", l2.Offline)
	waitUntil(t, time.Second, "OnUpdate for the offline change", func() bool { return updates.Load() >= 2 })
	if _, _, ok := l2.Tile(8, 101, 90); ok {
		t.Error("uncached tile ok with the server closed")
	}
	if img, _, ok := l2.Tile(cached.z, cached.x, cached.y); !ok {
		t.Error("cached tile gone")
	} else {
		checkTileColour(t, img, cached)
	}
}

// TestLayerStaleThenRecovers: an expired cached tile is shown when the
// server fails (Offline); when the retry is due OnUpdate fires, the map
// asks again, the server answers and Offline clears.
func TestLayerStaleThenRecovers(t *testing.T) {
	srv := newTileServer(t)
	srv.set(func(s *tileServer) { s.cacheControl, s.validators = "max-age=0", true })
	dir := t.TempDir()
	k := zxy{9, 200, 100}
	l := newLayer(t, newSource(t, srv, dir, tiles.XYZOptions{}), tiles.LayerOptions{})
	waitAll(t, l, []zxy{k}, 5*time.Second)
	l.Close()

	srv.status.Store(502)
	redraw := make(chan struct{}, 100)
	l2 := newLayer(t, newSource(t, srv, dir, tiles.XYZOptions{}), tiles.LayerOptions{
		OnUpdate: func() { redraw <- struct{}{} },
	})
	waitAll(t, l2, []zxy{k}, 5*time.Second) // the stale copy
	waitUntil(t, 5*time.Second, "Offline on a 502 with a stale copy", l2.Offline)
	n := srv.total()
	srv.status.Store(0)
	// The map redraws on each OnUpdate, asking for its tiles; within the
	// first backoff (1 s) the retry is due.
	end := time.After(5 * time.Second)
	for l2.Offline() {
		select {
		case <-redraw:
			if _, _, ok := l2.Tile(k.z, k.x, k.y); !ok {
				t.Fatal("stale tile dropped")
			}
		case <-end:
			t.Fatal("still Offline 5 s after the server recovered")
		}
	}
	if srv.total() == n {
		t.Error("no new request")
	}
	srv.set(func(s *tileServer) {
		if s.notModified == 0 {
			t.Error("the refresh was not a 304")
		}
	})
}

// TestLayerNoTile: a 404 is asked for once, not retried soon, and is not
// "offline".
func TestLayerNoTile(t *testing.T) {
	srv := newTileServer(t)
	srv.set(func(s *tileServer) { s.notFound["2/1/1"] = true })
	l := newLayer(t, newSource(t, srv, t.TempDir(), tiles.XYZOptions{}), tiles.LayerOptions{})
	start := time.Now()
	for time.Since(start) < 300*time.Millisecond {
		if _, _, ok := l.Tile(2, 1, 1); ok {
			t.Fatal("Tile ok for a 404")
		}
		time.Sleep(time.Millisecond)
	}
	if n := srv.total(); n != 1 {
		t.Errorf("%d requests for a 404 tile; want 1", n)
	}
	if l.Offline() {
		t.Error("Offline after a 404")
	}
}

// TestLayerNotCovered: tiles outside the source's zoom range or the world
// are not queued.
func TestLayerNotCovered(t *testing.T) {
	srv := newTileServer(t)
	l := newLayer(t, newSource(t, srv, t.TempDir(), tiles.XYZOptions{MinZoom: 2, MaxZoom: 5}), tiles.LayerOptions{})
	for _, k := range []zxy{{1, 0, 0}, {6, 0, 0}, {3, 8, 0}, {3, 0, -1}, {-1, 0, 0}, {40, 0, 0}} {
		if _, _, ok := l.Tile(k.z, k.x, k.y); ok {
			t.Errorf("Tile%v ok", k)
		}
	}
	time.Sleep(50 * time.Millisecond)
	if n := srv.total(); n != 0 {
		t.Errorf("%d requests for tiles the source does not cover", n)
	}
}

// TestLayerMostRecentFirst: with the one worker busy, queued tiles load
// most recently requested first, and asking again for a queued tile moves
// it to the front.
func TestLayerMostRecentFirst(t *testing.T) {
	srv := newTileServer(t)
	gate := make(chan struct{})
	srv.set(func(s *tileServer) { s.gate = gate })
	l := newLayer(t, newSource(t, srv, t.TempDir(), tiles.XYZOptions{}), tiles.LayerOptions{Workers: 1})
	l.Tile(4, 0, 0)
	waitUntil(t, 5*time.Second, "first request", func() bool { return srv.total() == 1 })
	for x := 1; x <= 5; x++ {
		l.Tile(4, x, 0)
	}
	l.Tile(4, 2, 0) // asked again: now the most recent
	close(gate)
	// (Asking for the tiles would reorder the queue: just wait.)
	waitUntil(t, 5*time.Second, "all requests", func() bool { return srv.total() == 6 })
	want := []string{"4/0/0", "4/2/0", "4/5/0", "4/4/0", "4/3/0", "4/1/0"}
	srv.set(func(s *tileServer) {
		if fmt.Sprint(s.order) != fmt.Sprint(want) {
			t.Errorf("request order %v, want %v", s.order, want)
		}
	})
}

// TestLayerQueueCap: the queue keeps the few hundred most recent requests
// and drops older ones.
func TestLayerQueueCap(t *testing.T) {
	gate := make(chan struct{})
	tile := encodeTile("", srvColour(0, 0, 0))
	var mu sync.Mutex
	var xs []int
	src := &funcSource{get: func(ctx context.Context, z, x, y int) ([]byte, error) {
		mu.Lock()
		xs = append(xs, x)
		mu.Unlock()
		<-gate
		return tile, nil
	}}
	l := newLayer(t, src, tiles.LayerOptions{Workers: 1})
	l.Tile(10, 0, 0)
	waitUntil(t, 5*time.Second, "first Get", func() bool { return src.calls.Load() == 1 })
	const n = 1000
	for i := 1; i <= n; i++ {
		l.Tile(10, i, 0)
	}
	close(gate)
	waitUntil(t, 5*time.Second, "the queue to drain", func() bool {
		_, _, ok := l.Peek(10, n-255, 0)
		return ok
	})
	time.Sleep(100 * time.Millisecond)
	mu.Lock()
	defer mu.Unlock()
	if len(xs) > 1+300 || len(xs) < 100 {
		t.Errorf("%d Gets for %d queued tiles; want the queue capped at a few hundred", len(xs), n)
	}
	for i, x := range xs[1:] {
		if x != n-i {
			t.Fatalf("Get %d was tile x=%d, want %d (newest first; older ones dropped)", i+1, x, n-i)
		}
	}
	t.Logf("%d of %d queued tiles loaded", len(xs)-1, n)
}

// TestLayerClose: Close is idempotent and a closed layer queues nothing.
func TestLayerClose(t *testing.T) {
	srv := newTileServer(t)
	l := tiles.NewLayer(newSource(t, srv, t.TempDir(), tiles.XYZOptions{}), tiles.LayerOptions{})
	waitAll(t, l, []zxy{{1, 1, 1}}, 5*time.Second)
	l.Close()
	l.Close()
	if _, _, ok := l.Tile(1, 1, 1); !ok {
		t.Error("a closed layer dropped its tiles")
	}
	l.Tile(1, 0, 0)
	time.Sleep(50 * time.Millisecond)
	if n := srv.total(); n != 1 {
		t.Errorf("%d requests; a closed layer queued a load", n)
	}
	if l.Source() == nil {
		t.Error("Source() nil")
	}
}

// TestLayerMemoryLRU: beyond MemoryTiles, the least recently used tile is
// dropped from memory (and comes back from disk).
func TestLayerMemoryLRU(t *testing.T) {
	srv := newTileServer(t)
	l := newLayer(t, newSource(t, srv, t.TempDir(), tiles.XYZOptions{}), tiles.LayerOptions{MemoryTiles: 4})
	ts := tileBlock(3, 0, 0, 4, 1)
	waitAll(t, l, ts, 5*time.Second)
	l.Peek(3, 0, 0) // touch: now 3/1/0 is the oldest
	waitAll(t, l, []zxy{{3, 0, 1}}, 5*time.Second)
	if _, _, ok := l.Peek(3, 1, 0); ok {
		t.Error("least recently used tile still in memory")
	}
	for _, k := range []zxy{{3, 0, 0}, {3, 2, 0}, {3, 3, 0}, {3, 0, 1}} {
		if _, _, ok := l.Peek(k.z, k.x, k.y); !ok {
			t.Errorf("tile %v dropped", k)
		}
	}
	n := srv.total()
	waitAll(t, l, []zxy{{3, 1, 0}}, 5*time.Second)
	if srv.total() != n {
		t.Error("a tile dropped from memory was fetched again instead of read from disk")
	}
}

// TestLayerDecodesFormats: paletted, RGB and translucent PNGs and JPEGs
// decode to RGBA (premultiplied).
func TestLayerDecodesFormats(t *testing.T) {
	for _, format := range []string{"paletted", "rgba", "nrgba", "jpeg"} {
		t.Run(format, func(t *testing.T) {
			srv := newTileServer(t)
			srv.set(func(s *tileServer) { s.format = format })
			l := newLayer(t, newSource(t, srv, t.TempDir(), tiles.XYZOptions{}), tiles.LayerOptions{})
			k := zxy{6, 12, 34}
			var got *image.RGBA
			waitUntil(t, 5*time.Second, "tile", func() bool {
				img, _, ok := l.Tile(k.z, k.x, k.y)
				got = img
				return ok
			})
			if b := got.Bounds(); b.Dx() != srvTilePx || b.Dy() != srvTilePx {
				t.Fatalf("bounds %v", b)
			}
			c := got.RGBAAt(10, 10)
			want := srvColour(k.z, k.x, k.y)
			tol := 0
			switch format {
			case "nrgba":
				want.R = uint8(int(want.R) * 128 / 255)
				want.G = uint8(int(want.G) * 128 / 255)
				want.B = uint8(int(want.B) * 128 / 255)
				want.A = 128
				tol = 1
			case "jpeg":
				tol = 6
			}
			d := func(a, b uint8) int { return max(int(a)-int(b), int(b)-int(a)) }
			if d(c.R, want.R) > tol || d(c.G, want.G) > tol || d(c.B, want.B) > tol || d(c.A, want.A) > tol {
				t.Errorf("colour %v, want %v ± %d", c, want, tol)
			}
		})
	}
}

// TestLayerUndecodable: data that is not an image is retried with backoff,
// not shown, and does not count as offline.
func TestLayerUndecodable(t *testing.T) {
	src := &funcSource{get: func(ctx context.Context, z, x, y int) ([]byte, error) {
		return []byte("not an image"), nil
	}}
	l := newLayer(t, src, tiles.LayerOptions{})
	start := time.Now()
	for time.Since(start) < 300*time.Millisecond {
		if _, _, ok := l.Tile(1, 0, 0); ok {
			t.Fatal("undecodable tile ok")
		}
		time.Sleep(time.Millisecond)
	}
	if n := src.calls.Load(); n != 1 {
		t.Errorf("%d Gets in 300 ms of an undecodable tile; want 1", n)
	}
	if l.Offline() {
		t.Error("Offline after undecodable data")
	}
}

// TestLayerTileHitNoAlloc: a memory hit does not allocate.
func TestLayerTileHitNoAlloc(t *testing.T) {
	srv := newTileServer(t)
	l := newLayer(t, newSource(t, srv, t.TempDir(), tiles.XYZOptions{}), tiles.LayerOptions{})
	waitAll(t, l, []zxy{{2, 1, 3}}, 5*time.Second)
	if n := testing.AllocsPerRun(1000, func() { l.Tile(2, 1, 3) }); n != 0 {
		t.Errorf("Tile hit: %v allocations, want 0", n)
	}
	if n := testing.AllocsPerRun(1000, func() { l.Peek(2, 1, 3) }); n != 0 {
		t.Errorf("Peek hit: %v allocations, want 0", n)
	}
}

// funcSource is a Source whose Get is a function.
type funcSource struct {
	get   func(ctx context.Context, z, x, y int) ([]byte, error)
	calls atomic.Int64
}

func (s *funcSource) ID() string                { return "func" }
func (s *funcSource) Attribution() string       { return "" }
func (s *funcSource) ZoomRange() (min, max int) { return 0, 20 }
func (s *funcSource) Covers(z, x, y int) bool   { return z <= 20 }
func (s *funcSource) Get(ctx context.Context, z, x, y int) ([]byte, error) {
	s.calls.Add(1)
	return s.get(ctx, z, x, y)
}

// BenchmarkTileHit is a memory-cache hit: a map lookup and an LRU touch.
func BenchmarkTileHit(b *testing.B) {
	srv := newTileServer(b)
	l := newLayer(b, newSource(b, srv, b.TempDir(), tiles.XYZOptions{}), tiles.LayerOptions{})
	waitAll(b, l, tileBlock(3, 0, 0, 4, 4), 5*time.Second)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, _, ok := l.Tile(3, i&3, i>>2&3); !ok {
			b.Fatal("miss")
		}
		i++
	}
}

// BenchmarkDiskToLayer is the latency of a tile from the disk cache to the
// layer: Tile misses, a worker reads and decodes the tile, OnUpdate fires.
// (The target for the first tile from disk on screen is ≤ 50 ms.)
func BenchmarkDiskToLayer(b *testing.B) {
	srv := newTileServer(b)
	dir := b.TempDir()
	src := newSource(b, srv, dir, tiles.XYZOptions{})
	ts := tileBlock(4, 0, 0, 2, 1)
	for _, k := range ts { // fill the disk cache
		if _, err := src.Get(context.Background(), k.z, k.x, k.y); err != nil {
			b.Fatal(err)
		}
	}
	arrived := make(chan struct{}, 1)
	l := newLayer(b, src, tiles.LayerOptions{MemoryTiles: 1, OnUpdate: func() {
		select {
		case arrived <- struct{}{}:
		default:
		}
	}})
	n := srv.total()
	i := 0
	for b.Loop() {
		k := ts[i&1] // with room for one tile, each is evicted by the other
		i++
		if _, _, ok := l.Tile(k.z, k.x, k.y); ok {
			b.Fatal("hit")
		}
		<-arrived
	}
	if srv.total() != n {
		b.Fatal("requests made")
	}
}
