package tiles_test

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"reportmap/mapview/tiles"
)

var bg = context.Background()

// get calls s.Get and fails the test on an error.
func get(t testing.TB, s *tiles.XYZ, z, x, y int) []byte {
	t.Helper()
	data, err := s.Get(bg, z, x, y)
	if err != nil {
		t.Fatalf("Get(%d, %d, %d): %v", z, x, y, err)
	}
	return data
}

// TestXYZConditional: with max-age=0 and an ETag, the second Get sends
// If-None-Match (and If-Modified-Since) and a 304 keeps the bytes.
func TestXYZConditional(t *testing.T) {
	srv := newTileServer(t)
	srv.set(func(s *tileServer) { s.cacheControl, s.validators = "max-age=0", true })
	src := newSource(t, srv, t.TempDir(), tiles.XYZOptions{})
	first := get(t, src, 5, 6, 7)
	again := get(t, src, 5, 6, 7)
	if !bytes.Equal(first, again) {
		t.Error("a 304 changed the bytes")
	}
	srv.set(func(s *tileServer) {
		if len(s.order) != 2 || s.notModified != 1 {
			t.Errorf("%d requests, %d answered 304; want 2 and 1", len(s.order), s.notModified)
		}
		if len(s.ifNoneMatch) != 1 || s.ifNoneMatch[0] != `"5/6/7"` {
			t.Errorf("If-None-Match sent: %q", s.ifNoneMatch)
		}
		if len(s.ifModSince) != 1 || s.ifModSince[0] != "Mon, 02 Jan 2006 15:04:05 GMT" {
			t.Errorf("If-Modified-Since sent: %q", s.ifModSince)
		}
	})

	// A 304 that makes the tile fresh again: no request next time.
	srv.set(func(s *tileServer) { s.cacheControl = "max-age=3600" })
	get(t, src, 5, 6, 7)
	n := srv.total()
	get(t, src, 5, 6, 7)
	if srv.total() != n {
		t.Error("a 304 with max-age=3600 did not refresh the expiry")
	}

	// The same through a layer with a fresh memory cache.
	srv.set(func(s *tileServer) { s.cacheControl = "max-age=0" })
	get(t, src, 5, 6, 8) // cached, stale at once
	var before int
	srv.set(func(s *tileServer) { before = s.notModified })
	l := newLayer(t, newSource(t, srv, src.CacheDir(), tiles.XYZOptions{}), tiles.LayerOptions{})
	waitAll(t, l, []zxy{{5, 6, 8}}, 5*time.Second)
	srv.set(func(s *tileServer) {
		if s.notModified != before+1 {
			t.Errorf("layer load: %d 304s, want 1", s.notModified-before)
		}
	})
}

// TestXYZFreshness: Cache-Control and Expires decide whether a cached tile
// needs a request; no-store is not cached.
func TestXYZFreshness(t *testing.T) {
	past := time.Now().Add(-time.Hour).UTC().Format(http1123)
	future := time.Now().Add(time.Hour).UTC().Format(http1123)
	for _, tc := range []struct {
		cacheControl, expires, age string
		second                     bool // the second Get makes a request
	}{
		{"", "", "", false}, // 7 days
		{"max-age=3600", "", "", false},
		{"max-age=3600", "", "3000", false},
		{"max-age=3600", "", "3600", true}, // aged in a proxy
		{"max-age=0", "", "", true},
		{"max-age=3600, no-cache", "", "", true},
		{"no-store", "", "", true},
		{"public, max-age=0", future, "", true}, // max-age wins
		{"", past, "", true},
		{"", future, "", false},
		{"", "0", "", true},
	} {
		srv := newTileServer(t)
		srv.set(func(s *tileServer) {
			s.cacheControl = tc.cacheControl
			s.headers = map[string]string{}
			if tc.expires != "" {
				s.headers["Expires"] = tc.expires
			}
			if tc.age != "" {
				s.headers["Age"] = tc.age
			}
		})
		src := newSource(t, srv, t.TempDir(), tiles.XYZOptions{})
		a := get(t, src, 1, 0, 1)
		b := get(t, src, 1, 0, 1)
		if !bytes.Equal(a, b) {
			t.Errorf("%q %q: bytes differ", tc.cacheControl, tc.expires)
		}
		if got := srv.total() == 2; got != tc.second {
			t.Errorf("Cache-Control %q, Expires %q, Age %q: second request %v, want %v", tc.cacheControl, tc.expires, tc.age, got, tc.second)
		}
		if tc.cacheControl == "no-store" {
			if files := cacheFiles(t, src.CacheDir()); len(files) != 0 {
				t.Errorf("no-store: cached %v", files)
			}
		}
	}
}

// http1123 is the HTTP date format.
const http1123 = "Mon, 02 Jan 2006 15:04:05 GMT"

// TestXYZStale: when a stale tile cannot be refreshed, Get returns its
// bytes with a *StaleError; without a cached copy, the plain error.
func TestXYZStale(t *testing.T) {
	srv := newTileServer(t)
	srv.set(func(s *tileServer) { s.cacheControl, s.validators = "max-age=0", true })
	src := newSource(t, srv, t.TempDir(), tiles.XYZOptions{})
	want := get(t, src, 4, 4, 4)

	srv.status.Store(500)
	data, err := src.Get(bg, 4, 4, 4)
	var stale *tiles.StaleError
	if !errors.As(err, &stale) || !bytes.Equal(data, want) {
		t.Fatalf("Get on 500 with a stale copy: %d bytes, %v; want the copy and a *StaleError", len(data), err)
	}
	if !strings.Contains(err.Error(), "500") || !strings.HasPrefix(err.Error(), "tiles: ") {
		t.Errorf("error %q", err)
	}
	data, err = src.Get(bg, 4, 5, 4)
	if err == nil || data != nil || errors.As(err, &stale) {
		t.Errorf("Get on 500 without a copy: %d bytes, %v", len(data), err)
	}

	srv.status.Store(0)
	srv.Close()
	data, err = src.Get(bg, 4, 4, 4)
	if !errors.As(err, &stale) || !bytes.Equal(data, want) {
		t.Fatalf("Get with the server closed: %d bytes, %v; want the copy and a *StaleError", len(data), err)
	}
	t.Logf("stale error: %v", err)
}

// TestXYZNoTile: 404 is ErrNoTile and drops a cached copy; tiles outside
// the zoom range are ErrNoTile without a request.
func TestXYZNoTile(t *testing.T) {
	srv := newTileServer(t)
	src := newSource(t, srv, t.TempDir(), tiles.XYZOptions{MaxZoom: 10, MinZoom: 1})
	srv.set(func(s *tileServer) { s.cacheControl = "max-age=0" })
	get(t, src, 3, 1, 1)
	srv.set(func(s *tileServer) { s.notFound["3/1/1"] = true })
	if _, err := src.Get(bg, 3, 1, 1); !errors.Is(err, tiles.ErrNoTile) {
		t.Errorf("404: %v", err)
	}
	if files := cacheFiles(t, src.CacheDir()); len(files) != 0 {
		t.Errorf("404 left %v in the cache", files)
	}
	n := srv.total()
	for _, k := range []zxy{{0, 0, 0}, {11, 0, 0}, {3, 8, 0}, {3, 0, 8}, {3, -1, 0}} {
		if _, err := src.Get(bg, k.z, k.x, k.y); !errors.Is(err, tiles.ErrNoTile) {
			t.Errorf("Get%v: %v, want ErrNoTile", k, err)
		}
	}
	if srv.total() != n {
		t.Error("requests for tiles outside the source")
	}
}

// TestXYZContext: a cancelled context ends a Get under way.
func TestXYZContext(t *testing.T) {
	srv := newTileServer(t)
	srv.set(func(s *tileServer) { s.delay = 5 * time.Second })
	src := newSource(t, srv, t.TempDir(), tiles.XYZOptions{})
	ctx, cancel := context.WithTimeout(bg, 50*time.Millisecond)
	defer cancel()
	t0 := time.Now()
	if _, err := src.Get(ctx, 1, 1, 1); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err %v, want DeadlineExceeded", err)
	}
	if d := time.Since(t0); d > time.Second {
		t.Errorf("Get took %v after its context ended", d)
	}
}

// TestNewXYZ: templates are checked; defaults are filled in.
func TestNewXYZ(t *testing.T) {
	for _, bad := range []string{
		"",
		"https://tiles.example.org/{z}/{x}.png",
		"https://tiles.example.org/{x}/{y}.png",
		"ftp://tiles.example.org/{z}/{x}/{y}.png",
		"file:///tmp/{z}/{x}/{y}.png",
		"tiles.example.org/{z}/{x}/{y}.png",
		"https://tiles.example.org/{z}/{x}/{y}{r}.png",
		"http:///{z}/{x}/{y}.png",
	} {
		if _, err := tiles.NewXYZ(bad, "", tiles.XYZOptions{CacheDir: t.TempDir()}); err == nil || !strings.HasPrefix(err.Error(), "tiles: ") {
			t.Errorf("NewXYZ(%q): %v", bad, err)
		}
	}
	s, err := tiles.NewXYZ(" https://{s}.tiles.example.org/{z}/{x}/{-y}.png ", "© Example", tiles.XYZOptions{CacheDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^xyz-[0-9a-f]{12}$`).MatchString(s.ID()) {
		t.Errorf("default ID %q", s.ID())
	}
	if min, max := s.ZoomRange(); min != 0 || max != 19 {
		t.Errorf("zoom range %d–%d", min, max)
	}
	if s.Attribution() != "© Example" {
		t.Errorf("attribution %q", s.Attribution())
	}
	if !s.Covers(19, 1<<19-1, 0) || s.Covers(20, 0, 0) || s.Covers(2, 4, 0) {
		t.Error("Covers")
	}

	osm := tiles.OpenStreetMap(tiles.XYZOptions{CacheDir: t.TempDir(), UserAgent: "x"})
	if osm.ID() != "osm" || osm.Attribution() != "© OpenStreetMap contributors" {
		t.Errorf("OSM: %q %q", osm.ID(), osm.Attribution())
	}
	if min, max := osm.ZoomRange(); min != 0 || max != 19 {
		t.Errorf("OSM zoom range %d–%d", min, max)
	}
}

// TestXYZSubdomainsAndTMS: {s} picks a subdomain and {-y} counts rows from
// the south. The subdomains resolve through a client whose dialer sends
// every host to the test server.
func TestXYZSubdomainsAndTMS(t *testing.T) {
	srv := newTileServer(t)
	client := srv.Client()
	client.Transport = redirectAll(srv.Listener.Addr().String())
	s, err := tiles.NewXYZ("http://{s}.tiles.test/{z}/{x}/{-y}.png", "", tiles.XYZOptions{CacheDir: t.TempDir(), Client: client})
	if err != nil {
		t.Fatal(err)
	}
	for x := range 3 {
		get(t, s, 2, x, 0)
	}
	if srv.count(2, 0, 3) != 1 || srv.count(2, 1, 3) != 1 {
		t.Errorf("{-y} not flipped: %v", srv.order)
	}
	srv.set(func(s *tileServer) {
		if len(s.hosts) != 3 || s.hosts["a.tiles.test"] != 1 || s.hosts["b.tiles.test"] != 1 || s.hosts["c.tiles.test"] != 1 {
			t.Errorf("hosts %v, want a, b and c once each", s.hosts)
		}
	})
}

// TestXYZCachePaths: cache files are <dir>/<z>/<x>/<y>.tile and .meta, all
// digits; a template with "../" cannot put anything outside the cache
// folder; and the default folder is <user cache>/reportmap/tiles/<ID>
// with the ID sanitized.
func TestXYZCachePaths(t *testing.T) {
	srv := newTileServer(t)
	root := t.TempDir()
	dir := filepath.Join(root, "a", "b", "cache")
	s, err := tiles.NewXYZ(srv.URL+"/../../{z}/{x}/{y}.png", "", tiles.XYZOptions{CacheDir: dir, ID: "../../x"})
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range tileBlock(3, 2, 2, 2, 2) {
		get(t, s, k.z, k.x, k.y)
	}
	if srv.total() != 4 {
		t.Fatalf("%d requests", srv.total())
	}
	checkConfined(t, root, dir, 8)

	xdg := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", xdg)
	t.Setenv("HOME", t.TempDir())
	s, err = tiles.NewXYZ(srv.URL+"/../../{z}/{x}/{y}.png", "", tiles.XYZOptions{ID: "../../Evil ID/.."})
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(xdg, "reportmap", "tiles", "evil-id")
	if s.ID() != "evil-id" || s.CacheDir() != want {
		t.Fatalf("ID %q, CacheDir %q; want evil-id, %q", s.ID(), s.CacheDir(), want)
	}
	get(t, s, 1, 1, 0)
	checkConfined(t, xdg, want, 2)
}

// checkConfined checks that the only files under root are n cache files
// under dir, named by digits.
func checkConfined(t *testing.T, root, dir string, n int) {
	t.Helper()
	name := regexp.MustCompile(`^[0-9]+/[0-9]+/[0-9]+\.(tile|meta)$`)
	count := 0
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil || !name.MatchString(filepath.ToSlash(rel)) {
			t.Errorf("file outside the cache or misnamed: %s", p)
		}
		count++
		return nil
	})
	if count != n {
		t.Errorf("%d files, want %d", count, n)
	}
}

// TestXYZCrashLeftovers: a temporary file left by a crash is never read as
// a tile and, once old, is deleted; a damaged tile (size or CRC not as its
// meta file says) is dropped and fetched again; a tile without its meta
// file is revalidated.
func TestXYZCrashLeftovers(t *testing.T) {
	srv := newTileServer(t)
	dir := t.TempDir()
	seed := newSource(t, srv, t.TempDir(), tiles.XYZOptions{})
	good := get(t, seed, 3, 1, 2)
	metaOf := func(z, x, y string) []byte {
		b, err := os.ReadFile(filepath.Join(seed.CacheDir(), z, x, y+".meta"))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	meta := metaOf("3", "1", "2")

	leaf := filepath.Join(dir, "3", "1")
	os.MkdirAll(leaf, 0o755)
	write := func(name string, b []byte) string {
		p := filepath.Join(leaf, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	oldTmp := write(".tmp-123456", good[:len(good)/2])
	old := time.Now().Add(-time.Hour)
	os.Chtimes(oldTmp, old, old)
	youngTmp := write(".tmp-654321", good[:len(good)/3])
	write("2.tile", good[:len(good)-10]) // truncated, meta says otherwise
	write("2.meta", meta)
	write("3.tile", encodeTile("", srvColour(0, 0, 0))) // no meta: stale
	write("4.meta", meta)                               // no tile: orphan

	s := newSource(t, srv, dir, tiles.XYZOptions{})
	n := srv.total()
	if data := get(t, s, 3, 1, 2); !bytes.Equal(data, good) {
		t.Error("damaged tile returned")
	}
	if srv.total() != n+1 {
		t.Error("damaged tile not fetched again")
	}
	if _, err := os.Stat(oldTmp); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("old temporary file kept: %v", err)
	}
	if _, err := os.Stat(youngTmp); err != nil {
		t.Errorf("young temporary file (maybe another process's) deleted: %v", err)
	}
	if _, err := os.Stat(filepath.Join(leaf, "4.meta")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("orphan meta file kept: %v", err)
	}
	if data := get(t, s, 3, 1, 3); !bytes.Equal(data, encodeTile("", srvColour(3, 1, 3))) {
		t.Error("tile without meta not refreshed")
	}
	if srv.total() != n+2 {
		t.Error("tile without meta not revalidated")
	}
	n = srv.total()
	get(t, s, 3, 1, 2)
	get(t, s, 3, 1, 3)
	if srv.total() != n {
		t.Error("repaired tiles not cached")
	}
}

// TestXYZEviction: the cache folder stays under MaxCacheBytes; the most
// recently used tiles stay.
func TestXYZEviction(t *testing.T) {
	srv := newTileServer(t)
	dir := t.TempDir()
	const limit = 12_000
	s := newSource(t, srv, dir, tiles.XYZOptions{MaxCacheBytes: limit})
	one := len(get(t, s, 2, 0, 0))
	t.Logf("a tile is %d bytes", one)
	for i, k := range tileBlock(7, 0, 0, 10, 8) {
		get(t, s, k.z, k.x, k.y)
		if i%4 == 0 {
			get(t, s, 2, 0, 0) // kept in use
		}
		if size := dirSize(t, dir); size > limit {
			t.Fatalf("cache is %d bytes after %d tiles, over %d", size, i+1, limit)
		}
	}
	if size := dirSize(t, dir); size < limit/2 {
		t.Errorf("cache is %d bytes; evicted too much", size)
	}
	n := srv.total()
	get(t, s, 2, 0, 0)
	get(t, s, 7, 9, 7)
	if srv.total() != n {
		t.Error("recently used tiles were evicted")
	}
	if srv.count(7, 0, 0) != 1 {
		t.Fatal("setup")
	}
	get(t, s, 7, 0, 0)
	if srv.count(7, 0, 0) != 2 {
		t.Error("the oldest tile was not evicted")
	}

	// Reopened with a smaller limit, the cache shrinks on first use.
	s2 := newSource(t, srv, dir, tiles.XYZOptions{MaxCacheBytes: limit / 3})
	get(t, s2, 7, 9, 7)
	if size := dirSize(t, dir); size > limit/3 {
		t.Errorf("cache is %d bytes, over the new limit %d", size, limit/3)
	}
}

// cacheFiles lists the files under dir.
func cacheFiles(t testing.TB, dir string) []string {
	var files []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	return files
}

// dirSize returns the total size of the files under dir.
func dirSize(t testing.TB, dir string) int64 {
	var n int64
	for _, p := range cacheFiles(t, dir) {
		if fi, err := os.Stat(p); err == nil {
			n += fi.Size()
		}
	}
	return n
}

// BenchmarkDiskHit is XYZ.Get of a fresh tile from the disk cache (two
// small files read through an os.Root, the CRC checked, the tile decoded,
// which a Layer then uses rather than decode it again).
func BenchmarkDiskHit(b *testing.B) {
	srv := newTileServer(b)
	s := newSource(b, srv, b.TempDir(), tiles.XYZOptions{})
	ts := tileBlock(5, 0, 0, 8, 8)
	for _, k := range ts {
		get(b, s, k.z, k.x, k.y)
	}
	n := srv.total()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		k := ts[i%len(ts)]
		i++
		if _, err := s.Get(bg, k.z, k.x, k.y); err != nil {
			b.Fatal(err)
		}
	}
	if srv.total() != n {
		b.Fatal("requests made")
	}
}
