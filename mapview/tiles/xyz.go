package tiles

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// XYZ is an HTTP tile server addressed by a URL template, with a disk
// cache. It is safe for concurrent use by multiple goroutines.
type XYZ struct {
	template    string
	attribution string
	id          string
	userAgent   string
	client      *http.Client
	perHost     int
	minZ, maxZ  int
	tilePx      int        // declared tile size, 0 when unknown
	cacheDir    string     // "" without a disk cache
	cache       *diskCache // nil without a disk cache
}

var _ Source = (*XYZ)(nil)

// XYZOptions configures an [XYZ]. The zero value gives the defaults.
type XYZOptions struct {
	// ID names the source and its cache folder. It is sanitized to
	// [a-z0-9-]+ (other characters become '-'). Default: "xyz-" and the
	// first 12 hex digits of the SHA-256 of the template; "osm" for
	// OpenStreetMap.
	ID string
	// CacheDir is the folder of this source's disk cache. Default:
	// os.UserCacheDir()/reportmap/tiles/<ID>; when the user cache folder
	// is unknown, there is no disk cache.
	CacheDir string
	// MaxCacheBytes bounds the size of the cache's files, in bytes; the
	// least recently used tiles are deleted when it is exceeded. Default
	// (≤ 0): 500 MiB.
	MaxCacheBytes int64
	// UserAgent is sent with every request. Set it: tile servers such as
	// OpenStreetMap's block anonymous clients. E.g. "reportmap/0.1.0
	// (+https://github.com/reportmap/reportmap)". Default: "reportmap".
	UserAgent string
	// Client makes the requests. Default: one with a 15 s timeout.
	// Redirects are followed at most 3 times in a row (a loop is a
	// failed request, [ErrTooManyRedirects]) unless Client has its own
	// CheckRedirect.
	Client *http.Client
	// PerHost is the most requests in flight to one host at once.
	// Default (≤ 0): 2. See [XYZ.Get] for how it is shared.
	PerHost int
	// MinZoom and MaxZoom are the zoom range the server has tiles for.
	// Default: 0 and 19 (MaxZoom 0 means the default).
	MinZoom, MaxZoom int
	// TileSize is the width and height of the server's tiles in pixels,
	// when known (256 for most servers, 512 for high-density ones; at
	// most 1024 counts). A tile wider or taller than twice it is
	// refused ([ErrTileTooLarge]) before it is decoded. Default (≤ 0):
	// undeclared; tiles over 1024×1024 are refused.
	TileSize int
}

// Defaults of XYZOptions.
const (
	defaultMaxCacheBytes = 500 << 20
	defaultPerHost       = 2
	defaultMaxZoom       = 19
	defaultUserAgent     = "reportmap"
	defaultTimeout       = 15 * time.Second
	maxTileBytes         = 8 << 20 // a bigger response is an error
	maxRedirects         = 3       // redirects followed in a row
	maxDeclaredTileSize  = 1024    // the largest TileSize that counts
)

// placeholder matches one {…} in a template.
var placeholder = regexp.MustCompile(`\{[^{}]*\}`)

// NewXYZ returns the tile server whose tile URLs are template with {z},
// {x} and {y} replaced by the tile address ({-y} instead of {y}: the row
// counted from the south, as TMS servers do) and {s}, if present, by one
// of the subdomains a, b and c. It returns an error when the template
// lacks {z}, {x} or {y}, has another placeholder, or is not an http or
// https URL. attribution is the text to show with the tiles. NewXYZ does
// no I/O.
//
// Its errors are *[OpenError]s.
func NewXYZ(template, attribution string, opt XYZOptions) (*XYZ, error) {
	template = strings.TrimSpace(template)
	bad := func(reason string) (*XYZ, error) {
		return nil, &OpenError{Source: template, Reason: "the tile URL template " + reason}
	}
	hasY := strings.Contains(template, "{y}") || strings.Contains(template, "{-y}")
	if !strings.Contains(template, "{z}") || !strings.Contains(template, "{x}") || !hasY {
		return bad("lacks {z}, {x} or {y}")
	}
	for _, p := range placeholder.FindAllString(template, -1) {
		switch p {
		case "{z}", "{x}", "{y}", "{-y}", "{s}":
		default:
			return bad("has an unknown placeholder " + p)
		}
	}
	u, err := url.Parse(expand(template, 0, 0, 0))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return bad("is not an http or https URL")
	}

	s := &XYZ{
		template:    template,
		attribution: attribution,
		id:          sanitizeID(opt.ID),
		userAgent:   opt.UserAgent,
		client:      opt.Client,
		perHost:     opt.PerHost,
		minZ:        max(0, min(opt.MinZoom, maxZoom)),
		maxZ:        max(0, min(opt.MaxZoom, maxZoom)),
		tilePx:      max(0, min(opt.TileSize, maxDeclaredTileSize)),
		cacheDir:    opt.CacheDir,
	}
	if s.id == "" {
		sum := sha256.Sum256([]byte(template))
		s.id = "xyz-" + hex.EncodeToString(sum[:])[:12]
	}
	if s.userAgent == "" {
		s.userAgent = defaultUserAgent
	}
	if s.client == nil {
		s.client = &http.Client{Timeout: defaultTimeout, CheckRedirect: checkRedirect}
	} else if s.client.CheckRedirect == nil {
		c := *s.client
		c.CheckRedirect = checkRedirect
		s.client = &c
	}
	if s.perHost <= 0 {
		s.perHost = defaultPerHost
	}
	if opt.MaxZoom == 0 {
		s.maxZ = defaultMaxZoom
	}
	s.minZ = min(s.minZ, s.maxZ)
	if s.cacheDir == "" {
		if base, err := os.UserCacheDir(); err == nil {
			s.cacheDir = filepath.Join(base, "reportmap", "tiles", s.id)
		}
	}
	if s.cacheDir != "" {
		maxBytes := opt.MaxCacheBytes
		if maxBytes <= 0 {
			maxBytes = defaultMaxCacheBytes
		}
		s.cache = openDiskCache(s.cacheDir, maxBytes)
		s.cacheDir = s.cache.dir
	}
	return s, nil
}

// OpenStreetMap returns the OpenStreetMap standard tile layer,
// https://tile.openstreetmap.org/{z}/{x}/{y}.png, zooms 0 to 19, with
// attribution "© OpenStreetMap contributors" and ID "osm" unless opt
// says otherwise. Its tile usage policy requires a UserAgent that
// identifies the app.
func OpenStreetMap(opt XYZOptions) *XYZ {
	if opt.ID == "" {
		opt.ID = "osm"
	}
	if opt.MaxZoom == 0 {
		opt.MaxZoom = 19
	}
	s, err := NewXYZ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "© OpenStreetMap contributors", opt)
	if err != nil {
		panic(err) // the template is a constant
	}
	return s
}

// sanitizeID lower-cases id and turns every run of characters outside
// [a-z0-9-] into one '-', trimming '-' at the ends; at most 64 characters.
func sanitizeID(id string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(id) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash {
			b.WriteByte('-')
			dash = true
		}
	}
	s := strings.Trim(b.String(), "-")
	if len(s) > 64 {
		s = strings.TrimRight(s[:64], "-")
	}
	return s
}

// expand returns the template's URL for tile z/x/y.
func expand(template string, z, x, y int) string {
	return strings.NewReplacer(
		"{z}", strconv.Itoa(z),
		"{x}", strconv.Itoa(x),
		"{y}", strconv.Itoa(y),
		"{-y}", strconv.Itoa(1<<z-1-y),
		"{s}", string("abc"[(x+y)%3]),
	).Replace(template)
}

// checkRedirect is the clients' CheckRedirect: at most maxRedirects
// redirects in a row, so that a loop costs maxRedirects+1 requests.
func checkRedirect(_ *http.Request, via []*http.Request) error {
	if len(via) > maxRedirects {
		return ErrTooManyRedirects
	}
	return nil
}

// tileSize returns the declared tile size, 0 when unknown.
func (s *XYZ) tileSize() int { return s.tilePx }

// ID returns the sanitized ID, [a-z0-9-]+.
func (s *XYZ) ID() string { return s.id }

// Attribution returns the attribution given to NewXYZ.
func (s *XYZ) Attribution() string { return s.attribution }

// ZoomRange returns the inclusive zoom range, from XYZOptions.
func (s *XYZ) ZoomRange() (min, max int) { return s.minZ, s.maxZ }

// CacheDir returns the absolute folder of the disk cache, or "" when there
// is none.
func (s *XYZ) CacheDir() string { return s.cacheDir }

// Covers reports whether z is in the zoom range and x, y in [0, 2^z).
func (s *XYZ) Covers(z, x, y int) bool {
	return z >= s.minZ && z <= s.maxZ && validTile(z, x, y)
}

// Get returns the encoded tile at z/x/y. It may block on the disk, the
// network and the per-host limit; it honours ctx.
//
//   - A fresh copy in the disk cache (per the response's Cache-Control
//     max-age or Expires; 7 days when neither is given) is returned
//     without a request.
//   - A stale copy is revalidated with a conditional request
//     (If-None-Match with its ETag, If-Modified-Since with its
//     Last-Modified); on 304 its expiry is refreshed and it is returned.
//   - A 200 response is stored (unless Cache-Control says no-store) and
//     returned if it is an image that decodes and is no larger than the
//     tile size allows ([XYZOptions.TileSize]); otherwise it is a failure
//     ([ErrNotImage], [ErrTileTooLarge]) and is not stored. A cached copy
//     that does not decode is dropped. Get therefore decodes every tile
//     it returns; a [Layer] uses that image rather than decode it again.
//   - 404, 410 and 204 (and an empty 200) return ErrNoTile, and drop any
//     cached copy.
//   - Any other failure (network, timeout, 5xx, 429, more than 3
//     redirects…) returns the error;
//     but when a stale copy exists, Get returns its data together with a
//     *[StaleError] wrapping the failure.
//
// No more than PerHost requests are in flight to one host (host:port) at
// once. The limit is shared by all the XYZ values of the process that have
// the same PerHost: a semaphore per host and limit.
func (s *XYZ) Get(ctx context.Context, z, x, y int) ([]byte, error) {
	if !s.Covers(z, x, y) {
		markNoRequest(ctx)
		return nil, ErrNoTile
	}
	k := tileKey{int32(z), int32(x), int32(y)}
	maxSide := maxTileSide(s)
	var (
		cached    []byte
		cachedImg *image.RGBA
		meta      diskMeta
		have      bool
	)
	if s.cache != nil {
		cached, meta, have = s.cache.get(k)
		if have {
			// Only bytes that decoded are stored, but a copy from an
			// older version, or damaged past its CRC, may not decode:
			// drop it rather than serve it until it expires.
			var err error
			if cachedImg, err = decodeTile(cached, maxSide); err != nil {
				s.cache.remove(k)
				cached, meta, have = nil, diskMeta{}, false
			}
		}
		if have && time.Now().Before(meta.Expires) {
			markNoRequest(ctx)
			handOn(ctx, cachedImg)
			return cached, nil
		}
	}
	fail := func(err error) ([]byte, error) {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if have {
			handOn(ctx, cachedImg)
			return cached, &StaleError{Err: err}
		}
		return nil, err
	}

	u := expand(s.template, z, x, y)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return fail(fmt.Errorf("tiles: %w", err))
	}
	req.Header.Set("User-Agent", s.userAgent)
	if have && meta.ETag != "" {
		req.Header.Set("If-None-Match", meta.ETag)
	}
	if have && meta.LastModified != "" {
		req.Header.Set("If-Modified-Since", meta.LastModified)
	}

	sem := hostSemaphore(req.URL.Host, s.perHost)
	select {
	case sem <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	resp, err := s.client.Do(req)
	var body []byte
	if err == nil {
		body, err = io.ReadAll(io.LimitReader(resp.Body, maxTileBytes+1))
		resp.Body.Close()
		if err != nil {
			err = fmt.Errorf("tiles: GET %s: reading the response: %w", u, err)
		}
	} else if errors.Is(err, ErrTooManyRedirects) {
		err = fmt.Errorf("%w: more than %d (GET %s)", ErrTooManyRedirects, maxRedirects, u)
	} else {
		err = fmt.Errorf("tiles: %w", err)
	}
	<-sem
	if err != nil {
		return fail(err)
	}
	now := time.Now()

	switch resp.StatusCode {
	case http.StatusOK:
		if len(body) == 0 {
			break // no tile
		}
		if len(body) > maxTileBytes {
			return fail(fmt.Errorf("tiles: GET %s: the tile is over %d bytes", u, maxTileBytes))
		}
		img, err := decodeTile(body, maxSide)
		if err != nil {
			return fail(fmt.Errorf("%w (GET %s)", err, u))
		}
		expires, store := freshness(resp.Header, now)
		if s.cache != nil {
			if store {
				s.cache.put(k, body, diskMeta{
					Expires:      expires,
					ETag:         resp.Header.Get("ETag"),
					LastModified: resp.Header.Get("Last-Modified"),
				})
			} else if have {
				s.cache.remove(k)
			}
		}
		handOn(ctx, img)
		return body, nil
	case http.StatusNotModified:
		if !have {
			return fail(fmt.Errorf("tiles: GET %s: 304 Not Modified for a tile not asked about", u))
		}
		expires, store := freshness(resp.Header, now)
		handOn(ctx, cachedImg)
		if !store {
			s.cache.remove(k)
			return cached, nil
		}
		meta.Expires = expires
		if e := resp.Header.Get("ETag"); e != "" {
			meta.ETag = e
		}
		if lm := resp.Header.Get("Last-Modified"); lm != "" {
			meta.LastModified = lm
		}
		if meta.Size == len(cached) && meta.Size > 0 {
			s.cache.putMeta(k, meta)
		} else { // a tile that had lost its meta file: rewrite both
			s.cache.put(k, cached, meta)
		}
		return cached, nil
	case http.StatusNotFound, http.StatusGone, http.StatusNoContent:
	default:
		return fail(fmt.Errorf("tiles: GET %s: %s", u, resp.Status))
	}
	if have {
		s.cache.remove(k)
	}
	return nil, ErrNoTile
}

// hostSemaphores limit the requests in flight per host and limit.
var (
	hostSemaphoresMu sync.Mutex
	hostSemaphores   = map[hostLimit]chan struct{}{}
)

type hostLimit struct {
	host  string
	limit int
}

// hostSemaphore returns the process-wide semaphore (a channel with limit
// slots: send to acquire, receive to release) for host and limit. It is
// safe for concurrent use.
func hostSemaphore(host string, limit int) chan struct{} {
	k := hostLimit{strings.ToLower(host), limit}
	hostSemaphoresMu.Lock()
	defer hostSemaphoresMu.Unlock()
	sem := hostSemaphores[k]
	if sem == nil {
		sem = make(chan struct{}, limit)
		hostSemaphores[k] = sem
	}
	return sem
}
