package tiles

import (
	"context"
	"errors"
	"image"
	"sync"
	"time"
)

// Layer serves decoded tiles of a [Source] to a map without blocking:
// [Layer.Tile] returns what it has in memory and queues what it lacks for
// its worker goroutines, which call [Source.Get] and decode the result.
// All its methods are safe for concurrent use.
type Layer struct {
	src      Source
	onUpdate func()
	now      func() time.Time
	maxSide  int // the largest tile width and height decoded, pixels

	ctx    context.Context // cancelled by Close
	cancel context.CancelFunc
	wg     sync.WaitGroup // the workers and a running retryDue

	mu       sync.Mutex
	cond     *sync.Cond // signalled when the queue grows or the layer closes
	tiles    *lru[tileKey, *layerTile]
	queue    *lru[tileKey, struct{}] // most recently requested first
	inflight map[tileKey]struct{}
	offline  bool
	closed   bool
	timer    *time.Timer // calls OnUpdate when a retry is due
	timerAt  time.Time   // when timer fires; zero when it is not armed
}

// LayerOptions configures a [Layer]. The zero value gives the defaults.
type LayerOptions struct {
	// MemoryTiles is how many tiles the layer keeps in memory, least
	// recently used dropped first. Default (≤ 0): 512, about 128 MiB of
	// 256×256 tiles.
	MemoryTiles int
	// Workers is how many goroutines load tiles. Default (≤ 0): 4.
	Workers int
	// OnUpdate, if set, is called after a tile arrives, after the
	// offline state changes, and when a failed tile's retry is due: the
	// map should redraw (and so ask again for the tiles it lacks). It is
	// called from a worker or timer goroutine, never with a lock held; it
	// must not block on the goroutine that calls Close.
	OnUpdate func()
	// Now is the clock, for tests. Default: time.Now.
	Now func() time.Time
}

// Layer defaults and limits.
const (
	defaultMemoryTiles = 512
	defaultWorkers     = 4
	maxQueue           = 256              // queued requests; the oldest are dropped
	firstBackoff       = time.Second      // the wait after a first failure
	maxBackoff         = 60 * time.Second // the longest wait between retries
	noTileRetry        = time.Hour        // the wait after ErrNoTile
)

// layerTile is what the layer knows of one tile.
type layerTile struct {
	img     *image.RGBA   // nil: none (yet)
	loaded  time.Time     // when img arrived
	stale   bool          // img is an expired copy the source could not refresh
	absent  bool          // the source said ErrNoTile
	retryAt time.Time     // no new load before (img == nil or stale)
	delay   time.Duration // the last backoff
}

// NewLayer returns a layer of src's tiles and starts its workers; Close
// stops them.
func NewLayer(src Source, opt LayerOptions) *Layer {
	if opt.MemoryTiles <= 0 {
		opt.MemoryTiles = defaultMemoryTiles
	}
	if opt.Workers <= 0 {
		opt.Workers = defaultWorkers
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	l := &Layer{
		src:      src,
		onUpdate: opt.OnUpdate,
		now:      opt.Now,
		maxSide:  maxTileSide(src),
		tiles:    newLRU[tileKey, *layerTile](opt.MemoryTiles),
		queue:    newLRU[tileKey, struct{}](maxQueue),
		inflight: map[tileKey]struct{}{},
	}
	l.cond = sync.NewCond(&l.mu)
	l.ctx, l.cancel = context.WithCancel(context.Background())
	l.wg.Add(opt.Workers)
	for range opt.Workers {
		go l.work()
	}
	return l
}

// Source returns the layer's source.
func (l *Layer) Source() Source { return l.src }

// Tile returns the decoded tile z/x/y and when it first arrived (a
// refresh keeps that time), or ok=false when the layer does not have it.
// The image is shared: do not modify it. It never blocks and does no I/O: on a
// miss it queues a load (at most one per tile; the most recently
// requested tiles load first) unless the source does not cover the tile,
// the source has said it has no tile there (asked again after an hour),
// or an earlier load failed and its retry is not due yet (backoff: 1 s,
// 2 s, 4 s… up to 60 s). A tile that came from an expired cache copy the
// source could not refresh is returned, and a refresh queued when due. A
// hit does not allocate.
func (l *Layer) Tile(z, x, y int) (img *image.RGBA, loaded time.Time, ok bool) {
	if !validTile(z, x, y) || !l.src.Covers(z, x, y) {
		return nil, time.Time{}, false
	}
	k := tileKey{int32(z), int32(x), int32(y)}
	l.mu.Lock()
	defer l.mu.Unlock()
	t, have := l.tiles.get(k)
	if have && (t.img == nil || t.stale) && l.now().Before(t.retryAt) {
		have = t.img != nil // backing off: no new load
	} else if !have || t.img == nil || t.stale {
		l.enqueue(k)
	}
	if have && t.img != nil {
		return t.img, t.loaded, true
	}
	return nil, time.Time{}, false
}

// Peek returns the decoded tile z/x/y like Tile, but never queues a load.
// It never blocks, does no I/O and does not allocate.
func (l *Layer) Peek(z, x, y int) (img *image.RGBA, loaded time.Time, ok bool) {
	if !validTile(z, x, y) {
		return nil, time.Time{}, false
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	t, have := l.tiles.get(tileKey{int32(z), int32(x), int32(y)})
	if !have || t.img == nil {
		return nil, time.Time{}, false
	}
	return t.img, t.loaded, true
}

// Offline reports whether the source's last request failed (a network
// error, a server error…; not ErrNoTile): true after such a failure,
// until a request succeeds. Answers the source gives without a request
// (XYZ's fresh disk-cache hits) do not change it.
func (l *Layer) Offline() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.offline
}

// Close stops the workers and the retry timer and waits for them to
// return (a load under way is cancelled through its context): once Close
// returns, no goroutine of the layer runs and OnUpdate is not called
// again. Safe to call more than once and from several goroutines. Tile
// still returns what the layer holds, but queues nothing more.
func (l *Layer) Close() {
	l.mu.Lock()
	if !l.closed {
		l.closed = true
		if l.timer != nil {
			l.timer.Stop()
		}
		l.cond.Broadcast()
	}
	l.mu.Unlock()
	l.cancel()
	l.wg.Wait()
}

// enqueue queues a load of k, or moves it to the front if queued, unless
// it is loading or the layer is closed. l.mu is held.
func (l *Layer) enqueue(k tileKey) {
	if l.closed {
		return
	}
	if _, ok := l.inflight[k]; ok {
		return
	}
	if _, ok := l.queue.get(k); ok {
		return
	}
	l.queue.add(k, struct{}{}) // over maxQueue: the oldest request is dropped
	l.cond.Signal()
}

// work loads queued tiles until the layer closes.
func (l *Layer) work() {
	defer l.wg.Done()
	for {
		l.mu.Lock()
		for !l.closed && l.queue.len() == 0 {
			l.cond.Wait()
		}
		if l.closed {
			l.mu.Unlock()
			return
		}
		k, _, _ := l.queue.popFront()
		l.inflight[k] = struct{}{}
		l.mu.Unlock()
		l.load(k)
	}
}

// load gets, decodes and stores tile k, and tells OnUpdate.
func (l *Layer) load(k tileKey) {
	info := &getInfo{}
	data, err := l.src.Get(context.WithValue(l.ctx, getInfoKey{}, info), int(k.z), int(k.x), int(k.y))
	var (
		img   *image.RGBA
		stale *StaleError
	)
	isStale := err != nil && errors.As(err, &stale)
	if len(data) > 0 && (err == nil || isStale) {
		img = info.img // decoded by the source to check it
		if img == nil {
			img, _ = decodeTile(data, l.maxSide) // undecodable or too large: retried like a failure
		}
	}

	l.mu.Lock()
	delete(l.inflight, k)
	if l.closed {
		l.mu.Unlock()
		return
	}
	now := l.now()
	t, _ := l.tiles.peek(k)
	if t == nil {
		t = &layerTile{}
	}
	hadImg, wasOffline := t.img != nil, l.offline
	switch {
	case err == nil && img != nil:
		loaded := now
		if hadImg {
			loaded = t.loaded // a refresh: no new fade-in
		}
		*t = layerTile{img: img, loaded: loaded}
		if !info.noRequest {
			l.offline = false
		}
	case errors.Is(err, ErrNoTile):
		*t = layerTile{absent: true, retryAt: now.Add(noTileRetry)}
		if !info.noRequest {
			l.offline = false
		}
	case isStale && img != nil:
		if !hadImg {
			t.img, t.loaded = img, now
		}
		t.stale = true
		t.backoff(now)
		l.offline = true
	case err == nil:
		t.backoff(now) // undecodable data, or no data and no error
	default:
		t.backoff(now)
		l.offline = true
	}
	l.tiles.add(k, t)
	if !t.absent && (t.img == nil || t.stale) {
		l.armTimer(t.retryAt, now)
	}
	arrived := err == nil && img != nil || t.img != nil && !hadImg
	changed := arrived || hadImg && t.img == nil || l.offline != wasOffline
	l.mu.Unlock()
	if changed && l.onUpdate != nil {
		l.onUpdate()
	}
}

// backoff doubles t's delay (first 1 s, at most 60 s) and sets its retry
// time after now.
func (t *layerTile) backoff(now time.Time) {
	t.delay = min(max(2*t.delay, firstBackoff), maxBackoff)
	t.retryAt = now.Add(t.delay)
}

// armTimer makes the retry timer fire at the latest at, so that OnUpdate
// has the map ask again. l.mu is held.
func (l *Layer) armTimer(at, now time.Time) {
	if l.onUpdate == nil || l.closed || (!l.timerAt.IsZero() && !at.Before(l.timerAt)) {
		return
	}
	l.timerAt = at
	d := at.Sub(now) + time.Millisecond
	if l.timer == nil {
		l.timer = time.AfterFunc(d, l.retryDue)
	} else {
		l.timer.Reset(d)
	}
}

// retryDue runs when a retry is due: it re-arms the timer for the next
// one and calls OnUpdate.
func (l *Layer) retryDue() {
	l.mu.Lock()
	if l.closed {
		l.mu.Unlock()
		return
	}
	// Close waits for this call: it sets closed, under l.mu, before it
	// waits, so this Add comes before the Wait.
	l.wg.Add(1)
	defer l.wg.Done()
	now := l.now()
	l.timerAt = time.Time{}
	var next time.Time
	l.tiles.each(func(_ tileKey, t *layerTile) {
		if !t.absent && (t.img == nil || t.stale) && t.retryAt.After(now) &&
			(next.IsZero() || t.retryAt.Before(next)) {
			next = t.retryAt
		}
	})
	if !next.IsZero() {
		l.armTimer(next, now)
	}
	l.mu.Unlock()
	l.onUpdate()
}
