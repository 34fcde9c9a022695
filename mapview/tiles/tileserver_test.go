package tiles_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"reportmap/mapview/tiles"
)

// srvTilePx is the size of the test server's tiles.
const srvTilePx = 256

// srvColour is the solid colour of the test server's tile z/x/y.
func srvColour(z, x, y int) color.RGBA {
	return color.RGBA{R: uint8(x*7 + z), G: uint8(y*11 + z*3), B: uint8(z*29 + x + 2*y), A: 255}
}

// tileServer is an httptest tile server: GET /…/{z}/{x}/{y}.png answers a
// solid srvColour tile. It counts requests, records their User-Agent and
// conditional headers, and the most requests in flight at once; it can
// answer an error status, be slow, answer 304 to a matching If-None-Match,
// and set Cache-Control.
type tileServer struct {
	*httptest.Server

	inflight, maxInflight atomic.Int64
	status                atomic.Int32 // answer this status instead, when ≠ 0

	mu           sync.Mutex
	requests     map[string]int // by "z/x/y"
	order        []string       // "z/x/y" in arrival order
	userAgents   map[string]int
	ifNoneMatch  []string // non-empty values received
	ifModSince   []string
	notModified  int                      // 304s sent
	delay        time.Duration            // before every answer
	slow         map[string]time.Duration // before answering one tile
	gate         chan struct{}            // when set, requests wait for it to close
	cacheControl string                   // sent when set
	headers      map[string]string        // sent with 200s and 304s
	hosts        map[string]int           // requests by Host header
	validators   bool                     // send ETag and Last-Modified, answer 304
	format       string                   // "paletted" (default: fast to encode), "rgba", "nrgba", "jpeg"
	notFound     map[string]bool          // tiles answered 404
	encoded      map[string][]byte        // by format and "z/x/y"
	junk         []byte                   // when set, answered (200) instead of every tile
}

func newTileServer(t testing.TB) *tileServer {
	s := &tileServer{
		requests:   map[string]int{},
		userAgents: map[string]int{},
		slow:       map[string]time.Duration{},
		notFound:   map[string]bool{},
		hosts:      map[string]int{},
		encoded:    map[string][]byte{},
	}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

// template is the server's URL template.
func (s *tileServer) template() string { return s.URL + "/{z}/{x}/{y}.png" }

func (s *tileServer) serve(w http.ResponseWriter, r *http.Request) {
	n := s.inflight.Add(1)
	defer s.inflight.Add(-1)
	for {
		m := s.maxInflight.Load()
		if n <= m || s.maxInflight.CompareAndSwap(m, n) {
			break
		}
	}
	parts := strings.Split(strings.TrimSuffix(r.URL.Path, ".png"), "/")
	if len(parts) < 3 {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	var zxy [3]int
	for i, p := range parts[len(parts)-3:] {
		v, err := strconv.Atoi(p)
		if err != nil {
			http.Error(w, "bad path", http.StatusBadRequest)
			return
		}
		zxy[i] = v
	}
	key := fmt.Sprintf("%d/%d/%d", zxy[0], zxy[1], zxy[2])

	s.mu.Lock()
	s.requests[key]++
	s.order = append(s.order, key)
	s.userAgents[r.UserAgent()]++
	s.hosts[r.Host]++
	if v := r.Header.Get("If-None-Match"); v != "" {
		s.ifNoneMatch = append(s.ifNoneMatch, v)
	}
	if v := r.Header.Get("If-Modified-Since"); v != "" {
		s.ifModSince = append(s.ifModSince, v)
	}
	wait := s.delay + s.slow[key]
	gate, cc, headers, validators, format, notFound := s.gate, s.cacheControl, s.headers, s.validators, s.format, s.notFound[key]
	junk := s.junk
	s.mu.Unlock()

	if gate != nil {
		select {
		case <-gate:
		case <-r.Context().Done():
			return
		}
	}
	if wait > 0 {
		select {
		case <-time.After(wait):
		case <-r.Context().Done():
			return
		}
	}
	if st := s.status.Load(); st != 0 {
		http.Error(w, http.StatusText(int(st)), int(st))
		return
	}
	if notFound {
		http.NotFound(w, r)
		return
	}
	if junk != nil {
		w.Write(junk)
		return
	}
	if cc != "" {
		w.Header().Set("Cache-Control", cc)
	}
	for name, v := range headers {
		w.Header().Set(name, v)
	}
	if validators {
		etag := `"` + key + `"`
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", "Mon, 02 Jan 2006 15:04:05 GMT")
		if r.Header.Get("If-None-Match") == etag {
			s.mu.Lock()
			s.notModified++
			s.mu.Unlock()
			w.WriteHeader(http.StatusNotModified)
			return
		}
	}
	data := s.encode(format, zxy[0], zxy[1], zxy[2])
	w.Header().Set("Content-Type", "image/png")
	w.Write(data)
}

// encode returns tile z/x/y in the format, encoded once.
func (s *tileServer) encode(format string, z, x, y int) []byte {
	key := fmt.Sprintf("%s:%d/%d/%d", format, z, x, y)
	s.mu.Lock()
	data, ok := s.encoded[key]
	s.mu.Unlock()
	if ok {
		return data
	}
	data = encodeTile(format, srvColour(z, x, y))
	s.mu.Lock()
	s.encoded[key] = data
	s.mu.Unlock()
	return data
}

// encodeTile encodes a solid srvTilePx² tile of colour c: a PNG of the
// format's kind, or a JPEG.
func encodeTile(format string, c color.RGBA) []byte {
	r := image.Rect(0, 0, srvTilePx, srvTilePx)
	var img image.Image
	switch format {
	default:
		panic("unknown format " + format)
	case "", "paletted", "jpeg":
		img = image.NewPaletted(r, color.Palette{color.Black, c})
		for i := range img.(*image.Paletted).Pix {
			img.(*image.Paletted).Pix[i] = 1
		}
	case "nrgba":
		m := image.NewNRGBA(r)
		for i := 0; i < len(m.Pix); i += 4 {
			m.Pix[i], m.Pix[i+1], m.Pix[i+2], m.Pix[i+3] = c.R, c.G, c.B, 128
		}
		img = m
	case "rgba":
		m := image.NewRGBA(r)
		for i := 0; i < len(m.Pix); i += 4 {
			m.Pix[i], m.Pix[i+1], m.Pix[i+2], m.Pix[i+3] = c.R, c.G, c.B, c.A
		}
		img = m
	}
	var buf bytes.Buffer
	var err error
	if format == "jpeg" {
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: 95})
	} else {
		err = (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, img)
	}
	if err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// total returns the number of requests so far.
func (s *tileServer) total() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.order)
}

// count returns the number of requests for z/x/y so far.
func (s *tileServer) count(z, x, y int) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests[fmt.Sprintf("%d/%d/%d", z, x, y)]
}

// set runs f with the server's lock held, to change its behaviour.
func (s *tileServer) set(f func(s *tileServer)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f(s)
}

// newSource returns an XYZ on srv with a disk cache in dir.
func newSource(t testing.TB, srv *tileServer, dir string, opt tiles.XYZOptions) *tiles.XYZ {
	t.Helper()
	opt.CacheDir = dir
	if opt.UserAgent == "" {
		opt.UserAgent = "reportmap-test/1.0 (+https://example.org)"
	}
	s, err := tiles.NewXYZ(srv.template(), "© test", opt)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// zxy is a tile address.
type zxy struct{ z, x, y int }

// tileBlock returns the tiles of a w×h block at zoom z from (x0, y0).
func tileBlock(z, x0, y0, w, h int) []zxy {
	var ts []zxy
	for y := y0; y < y0+h; y++ {
		for x := x0; x < x0+w; x++ {
			ts = append(ts, zxy{z, x, y})
		}
	}
	return ts
}

// waitAll asks l for the tiles, as frames of a map would, until all have
// arrived or the deadline passes; it checks each tile's colour.
func waitAll(t testing.TB, l *tiles.Layer, ts []zxy, deadline time.Duration) {
	t.Helper()
	end := time.Now().Add(deadline)
	for {
		missing := 0
		for _, k := range ts {
			img, _, ok := l.Tile(k.z, k.x, k.y)
			if !ok {
				missing++
				continue
			}
			checkTileColour(t, img, k)
		}
		if missing == 0 {
			return
		}
		if time.Now().After(end) {
			t.Fatalf("%d of %d tiles still missing after %v", missing, len(ts), deadline)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// checkTileColour checks that img is the server's tile k, 256×256.
func checkTileColour(t testing.TB, img *image.RGBA, k zxy) {
	t.Helper()
	if b := img.Bounds(); b.Dx() != srvTilePx || b.Dy() != srvTilePx {
		t.Fatalf("tile %v is %v, want %d×%[3]d", k, b, srvTilePx)
	}
	if got, want := img.RGBAAt(srvTilePx/2, srvTilePx/2), srvColour(k.z, k.x, k.y); got != want {
		t.Fatalf("tile %v has colour %v, want %v", k, got, want)
	}
}

// waitUntil polls cond until it holds or the deadline passes.
func waitUntil(t testing.TB, deadline time.Duration, what string, cond func() bool) {
	t.Helper()
	end := time.Now().Add(deadline)
	for !cond() {
		if time.Now().After(end) {
			t.Fatalf("after %v: %s", deadline, what)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// redirectAll is a transport that connects to addr whatever the host.
func redirectAll(addr string) *http.Transport {
	return &http.Transport{
		DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, network, addr)
		},
	}
}
