package tiles_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"reportmap/mapview/tiles"
)

// snapshot describes every file and folder under dir, without following
// symbolic links: path, mode, size, modification time and content hash.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, err := os.Lstat(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		fmt.Fprintf(&b, "%s %v %d %d", rel, fi.Mode(), fi.Size(), fi.ModTime().UnixNano())
		if fi.Mode().IsRegular() {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			fmt.Fprintf(&b, " %x", sha256.Sum256(data))
		}
		b.WriteByte('\n')
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestXYZCacheSymlinks: symbolic links in the cache folder pointing out of
// it (a z folder, an x folder, relative or absolute, a .tile and a .meta
// file) are never followed: nothing outside the cache is read, created or
// changed, and the tiles still load, from the network.
func TestXYZCacheSymlinks(t *testing.T) {
	srv := newTileServer(t)
	root := t.TempDir()
	cache := filepath.Join(root, "cache")
	outside := filepath.Join(root, "outside")
	for _, d := range []string{filepath.Join(outside, "zdir"), filepath.Join(outside, "xdir"), filepath.Join(cache, "4"), filepath.Join(cache, "5", "1")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	// A tempting tile outside: another colour, with a matching fresh meta.
	bait := encodeTile("", srvColour(0, 0, 0))
	meta, _ := json.Marshal(map[string]any{
		"expires": time.Now().Add(time.Hour), "size": len(bait), "crc32": crc32.ChecksumIEEE(bait),
	})
	os.WriteFile(filepath.Join(outside, "bait.tile"), bait, 0o644)
	os.WriteFile(filepath.Join(outside, "bait.meta"), meta, 0o644)
	for link, target := range map[string]string{
		filepath.Join(cache, "3"):                filepath.Join(outside, "zdir"),
		filepath.Join(cache, "4", "1"):           filepath.Join("..", "..", "outside", "xdir"),
		filepath.Join(cache, "5", "1", "2.tile"): filepath.Join(outside, "bait.tile"),
		filepath.Join(cache, "5", "1", "2.meta"): filepath.Join(outside, "bait.meta"),
	} {
		if err := os.Symlink(target, link); err != nil {
			t.Skipf("symbolic links: %v", err)
		}
	}
	before := snapshot(t, outside)

	ts := []zxy{{3, 1, 1}, {4, 1, 2}, {5, 1, 2}}
	src := newSource(t, srv, cache, tiles.XYZOptions{})
	for _, k := range ts {
		if data := get(t, src, k.z, k.x, k.y); !bytes.Equal(data, encodeTile("", srvColour(k.z, k.x, k.y))) {
			t.Errorf("Get%v: not the server's tile", k)
		}
		if n := srv.count(k.z, k.x, k.y); n != 1 {
			t.Errorf("Get%v: %d requests, want 1 (from the network)", k, n)
		}
	}
	l := newLayer(t, newSource(t, srv, cache, tiles.XYZOptions{}), tiles.LayerOptions{})
	waitAll(t, l, append(ts, zxy{3, 1, 2}, zxy{4, 1, 3}), 5*time.Second)
	l.Close()

	if after := snapshot(t, outside); after != before {
		t.Errorf("the folder outside the cache changed:\nbefore:\n%s\nafter:\n%s", before, after)
	}
	if fi, err := os.Lstat(filepath.Join(cache, "5", "1", "2.tile")); err != nil || !fi.Mode().IsRegular() {
		t.Errorf("5/1/2.tile: %v, %v; want the link replaced by the cached tile", fi, err)
	}
}
