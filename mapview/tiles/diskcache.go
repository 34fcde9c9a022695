package tiles

import (
	"encoding/json"
	"errors"
	"hash/crc32"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// tileKey is a tile address. int32 keeps it small; z ≤ 30.
type tileKey struct{ z, x, y int32 }

// diskMeta is a cached tile's sidecar file, <y>.meta, next to <y>.tile.
type diskMeta struct {
	Expires      time.Time `json:"expires"`                 // fresh until then
	ETag         string    `json:"etag,omitempty"`          // the server's, for If-None-Match
	LastModified string    `json:"last_modified,omitempty"` // the server's, for If-Modified-Since
	Size         int       `json:"size"`                    // of the .tile file, in bytes
	CRC32        uint32    `json:"crc32"`                   // IEEE, of the .tile file
}

// diskCache keeps encoded tiles in a folder: <dir>/<z>/<x>/<y>.tile and
// <y>.meta. Paths are built only from the integers z, x and y and dir, and
// every file operation goes through an [os.Root] on dir: a symbolic link
// inside the folder that points out of it (a z or x folder, a .tile or
// .meta file) is never followed, so nothing outside the folder is read,
// written or deleted (the operation fails: a read is a miss, a write
// leaves the tile uncached).
// Files are written to a temporary file (".tmp-…") in the same folder and
// renamed into place, so a crash never leaves a partial tile; the meta
// file records the tile's size and CRC, so a tile damaged some other way
// (a power cut before the data reached the disk) is noticed and dropped.
//
// The total size of the .tile and .meta files is kept at or under max
// bytes (directories are not counted): when a write takes it over, the
// least recently used tiles (by modification time, which reads refresh at
// most hourly) are deleted until it is under 90% of max. The folder is
// scanned once, in the background from the first use, to learn its size;
// reads do not wait for the scan (the first tile from disk must not wait
// for a walk of a large cache), writes do (so that eviction knows the
// whole folder). The scan also deletes temporary files left over by a
// crash.
//
// A diskCache is safe for concurrent use; the XYZ values of a process that
// use the same folder share one (see openDiskCache).
type diskCache struct {
	dir string

	scanOnce sync.Once
	scanned  chan struct{}  // closed when the scan is done
	stripes  [64]sync.Mutex // per-tile file locks, by hash; taken before mu

	mu       sync.Mutex
	max      int64 // bytes
	total    int64 // bytes of the tiles in index
	index    map[tileKey]diskEntry
	scanning bool             // the scan is under way
	gone     map[tileKey]bool // removed while scanning: the scan must not add them back
	evicting bool
}

// diskEntry is what the cache knows of one stored tile.
type diskEntry struct {
	size int64 // of the .tile and .meta files, bytes
	used int64 // last write or read, Unix nanoseconds
}

// tempPrefix starts the names of temporary files; scans delete those older
// than tempMaxAge (younger ones may belong to another process writing).
const (
	tempPrefix = ".tmp-"
	tempMaxAge = time.Minute
)

var (
	diskCachesMu sync.Mutex
	diskCaches   = map[string]*diskCache{}
)

// openDiskCache returns the cache for folder dir, creating it on first
// use. Callers in the same process that name the same folder share one
// cache (and its size accounting); the latest max applies. It does no
// I/O. It is safe for concurrent use.
func openDiskCache(dir string, max int64) *diskCache {
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	dir = filepath.Clean(dir)
	diskCachesMu.Lock()
	defer diskCachesMu.Unlock()
	c := diskCaches[dir]
	if c == nil {
		c = &diskCache{dir: dir, index: map[tileKey]diskEntry{}, scanned: make(chan struct{})}
		diskCaches[dir] = c
	}
	c.mu.Lock()
	c.max = max
	c.mu.Unlock()
	return c
}

// paths returns the tile and meta file names of k, and their folder,
// relative to the cache folder.
func (c *diskCache) paths(k tileKey) (tile, meta, dir string) {
	dir = filepath.Join(strconv.Itoa(int(k.z)), strconv.Itoa(int(k.x)))
	y := strconv.Itoa(int(k.y))
	return filepath.Join(dir, y+".tile"), filepath.Join(dir, y+".meta"), dir
}

// openRoot opens the cache folder as an [os.Root], creating it first if
// create is set. The caller closes it. (A Root per operation, rather than
// one held for the process, keeps no handle open on the folder, which on
// Windows would stop it from being deleted.)
func (c *diskCache) openRoot(create bool) (*os.Root, error) {
	r, err := os.OpenRoot(c.dir)
	if err != nil && create && errors.Is(err, fs.ErrNotExist) {
		if err := os.MkdirAll(c.dir, 0o755); err != nil {
			return nil, err
		}
		r, err = os.OpenRoot(c.dir)
	}
	return r, err
}

// readFile reads the regular file name in r, at most maxTileBytes.
func readFile(r *os.Root, name string) ([]byte, error) {
	f, err := r.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	switch {
	case err != nil:
		return nil, err
	case !fi.Mode().IsRegular() || fi.Size() > maxTileBytes:
		return nil, errNotCacheFile
	}
	return io.ReadAll(io.LimitReader(f, maxTileBytes))
}

// errNotCacheFile reports a file in the cache folder that the cache did
// not write: not a regular file, or too big.
var errNotCacheFile = errors.New("tiles: not a cache file")

// stripe returns the lock for k's files.
func (c *diskCache) stripe(k tileKey) *sync.Mutex {
	h := uint32(k.x)*2654435761 ^ uint32(k.y)*40503 ^ uint32(k.z)*97
	return &c.stripes[(h^h>>16)%uint32(len(c.stripes))]
}

// get returns k's data and metadata, ok=false when the cache does not have
// it (or has a damaged copy, which it deletes). A tile without metadata
// (a crash between the two renames) comes back with a zero diskMeta:
// stale, without validators.
func (c *diskCache) get(k tileKey) (data []byte, m diskMeta, ok bool) {
	c.startScan()
	defer c.evict() // when another XYZ lowered max
	r, err := c.openRoot(false)
	if err != nil {
		return nil, diskMeta{}, false
	}
	defer r.Close()
	s := c.stripe(k)
	s.Lock()
	defer s.Unlock()
	tp, mp, _ := c.paths(k)
	data, err = readFile(r, tp)
	if err != nil {
		return nil, diskMeta{}, false
	}
	mb, err := readFile(r, mp)
	switch {
	case len(data) == 0:
		c.removeLocked(r, k)
		return nil, diskMeta{}, false
	case err != nil || json.Unmarshal(mb, &m) != nil:
		m = diskMeta{}
	case m.Size != len(data) || m.CRC32 != crc32.ChecksumIEEE(data):
		c.removeLocked(r, k)
		return nil, diskMeta{}, false
	}
	c.touch(r, k, tp, int64(len(data)+len(mb)))
	return data, m, true
}

// put stores data as k's tile with metadata m (whose Size and CRC32 it
// sets), replacing any earlier copy. Data bigger than the whole cache is
// not stored.
func (c *diskCache) put(k tileKey, data []byte, m diskMeta) error {
	c.waitScan()
	c.mu.Lock()
	tooBig := int64(len(data)) > c.max
	c.mu.Unlock()
	if tooBig {
		c.remove(k)
		return nil
	}
	m.Size, m.CRC32 = len(data), crc32.ChecksumIEEE(data)
	return c.write(k, data, m)
}

// write writes k's files (data may be nil: only the meta file m) and
// evicts if need be.
func (c *diskCache) write(k tileKey, data []byte, m diskMeta) error {
	mb, err := json.Marshal(m)
	if err != nil {
		return err
	}
	r, err := c.openRoot(true)
	if err != nil {
		return err
	}
	s := c.stripe(k)
	s.Lock()
	err = c.writeLocked(r, k, data, mb)
	s.Unlock()
	r.Close()
	if err != nil {
		return err
	}
	c.evict()
	return nil
}

// writeLocked writes k's files in r (data may be nil: only the meta
// file), with k's stripe held.
func (c *diskCache) writeLocked(r *os.Root, k tileKey, data, mb []byte) error {
	tp, mp, dir := c.paths(k)
	if err := r.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var tmpTile string
	if data != nil {
		var err error
		if tmpTile, err = writeTemp(r, dir, data); err != nil {
			return err
		}
	}
	tmpMeta, err := writeTemp(r, dir, mb)
	if err != nil {
		if tmpTile != "" {
			r.Remove(tmpTile)
		}
		return err
	}
	size := int64(len(mb))
	if data != nil {
		// Without the old meta file, a crash before the second rename
		// leaves a tile that is merely stale, never one that is paired
		// with another version's ETag.
		r.Remove(mp)
		if err := r.Rename(tmpTile, tp); err != nil {
			r.Remove(tmpTile)
			r.Remove(tmpMeta)
			return err
		}
		size += int64(len(data))
	} else {
		fi, err := r.Lstat(tp)
		if err == nil && !fi.Mode().IsRegular() {
			err = errNotCacheFile
		}
		if err != nil {
			r.Remove(tmpMeta)
			return err
		}
		size += fi.Size()
		now := time.Now()
		r.Chtimes(tp, now, now)
	}
	if err := r.Rename(tmpMeta, mp); err != nil {
		r.Remove(tmpMeta)
		return err
	}
	c.mu.Lock()
	c.total += size - c.index[k].size
	c.index[k] = diskEntry{size: size, used: time.Now().UnixNano()}
	c.mu.Unlock()
	return nil
}

// putMeta replaces k's metadata (after a 304), keeping its tile, whose
// Size and CRC32 m must already carry.
func (c *diskCache) putMeta(k tileKey, m diskMeta) error {
	c.waitScan()
	return c.write(k, nil, m)
}

// remove deletes k's files, if any.
func (c *diskCache) remove(k tileKey) {
	c.startScan()
	r, err := c.openRoot(false)
	if err != nil {
		return
	}
	defer r.Close()
	s := c.stripe(k)
	s.Lock()
	c.removeLocked(r, k)
	s.Unlock()
}

// removeLocked deletes k's files in r (a symbolic link itself, never
// what it points to), with k's stripe held.
func (c *diskCache) removeLocked(r *os.Root, k tileKey) {
	tp, mp, _ := c.paths(k)
	r.Remove(tp)
	r.Remove(mp)
	c.mu.Lock()
	if e, ok := c.index[k]; ok {
		c.total -= e.size
		delete(c.index, k)
	}
	if c.scanning {
		c.gone[k] = true
	}
	c.mu.Unlock()
}

// touch records a read of k (size bytes on disk): it becomes the most
// recently used, and its tile's modification time follows, at most
// hourly, so that the order survives a restart.
func (c *diskCache) touch(r *os.Root, k tileKey, tp string, size int64) {
	now := time.Now()
	c.mu.Lock()
	e, ok := c.index[k]
	persist := ok && now.UnixNano()-e.used > int64(time.Hour)
	if !ok {
		c.total += size // written by another process since the scan
		e.size = size
	}
	e.used = now.UnixNano()
	c.index[k] = e
	c.mu.Unlock()
	if persist {
		r.Chtimes(tp, now, now)
	}
}

// writeTemp writes data to a new temporary file in dir, in r, and returns
// its name (relative to r).
func writeTemp(r *os.Root, dir string, data []byte) (string, error) {
	var (
		f    *os.File
		name string
		err  error
	)
	for range 100 { // as os.CreateTemp: a fresh random name until one is free
		name = filepath.Join(dir, tempPrefix+strconv.FormatUint(rand.Uint64(), 36))
		f, err = r.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if !errors.Is(err, fs.ErrExist) {
			break
		}
	}
	if err != nil {
		return "", err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		r.Remove(name)
		return "", err
	}
	return name, nil
}

// evict deletes the least recently used tiles while the cache is over its
// limit, down to 90% of it. One goroutine evicts at a time; the others
// return at once, as do all until the scan is done.
func (c *diskCache) evict() {
	c.mu.Lock()
	if c.evicting || c.scanning || c.total <= c.max {
		c.mu.Unlock()
		return
	}
	c.evicting = true
	for c.total > c.max {
		type victim struct {
			k    tileKey
			used int64
			size int64
		}
		vs := make([]victim, 0, len(c.index))
		for k, e := range c.index {
			vs = append(vs, victim{k, e.used, e.size})
		}
		slices.SortFunc(vs, func(a, b victim) int {
			switch {
			case a.used < b.used:
				return -1
			case a.used > b.used:
				return 1
			}
			return 0
		})
		target := c.max - c.max/10
		over := c.total - target
		n := 0
		for n < len(vs) && over > 0 {
			over -= vs[n].size
			n++
		}
		vs = vs[:n]
		c.mu.Unlock()

		r, err := c.openRoot(false)
		for _, v := range vs {
			if err != nil {
				break
			}
			s := c.stripe(v.k)
			s.Lock()
			c.mu.Lock()
			e, ok := c.index[v.k]
			c.mu.Unlock()
			if ok && e.used == v.used { // not used again meanwhile
				c.removeLocked(r, v.k)
			}
			s.Unlock()
		}
		if err == nil {
			r.Close()
		}
		c.mu.Lock()
		if err != nil {
			break
		}
		if n == 0 {
			break
		}
	}
	c.evicting = false
	c.mu.Unlock()
}

// startScan starts the scan of the folder, on the first call.
func (c *diskCache) startScan() {
	c.scanOnce.Do(func() {
		c.mu.Lock()
		c.scanning, c.gone = true, map[tileKey]bool{}
		c.mu.Unlock()
		go c.scan()
	})
}

// waitScan starts the scan if need be and waits for it to finish.
func (c *diskCache) waitScan() {
	c.startScan()
	<-c.scanned
}

// scan learns which tiles the folder holds, their sizes and last use, and
// adds them to what the cache learnt meanwhile; it deletes old temporary
// files and meta files without a tile. It then evicts if need be.
func (c *diskCache) scan() {
	defer close(c.scanned)
	index := map[tileKey]diskEntry{}
	type found struct{ tile, meta bool }
	have := map[tileKey]found{}
	old := time.Now().Add(-tempMaxAge)
	r, err := c.openRoot(false)
	if err == nil {
		defer r.Close()
	}
	zs := readDir(r, ".")
	for _, zd := range zs {
		z, ok := parseIndex(zd.Name(), maxZoom)
		if !ok || !zd.IsDir() { // a symbolic link is not a folder here
			continue
		}
		zp := zd.Name()
		xs := readDir(r, zp)
		for _, xd := range xs {
			x, ok := parseIndex(xd.Name(), 1<<z-1)
			if !ok || !xd.IsDir() {
				continue
			}
			xp := filepath.Join(zp, xd.Name())
			files := readDir(r, xp)
			for _, f := range files {
				name := f.Name()
				info, err := f.Info()
				if err != nil || !info.Mode().IsRegular() {
					continue
				}
				if strings.HasPrefix(name, tempPrefix) {
					if info.ModTime().Before(old) {
						r.Remove(filepath.Join(xp, name))
					}
					continue
				}
				base, ext, _ := strings.Cut(name, ".")
				y, ok := parseIndex(base, 1<<z-1)
				if !ok || (ext != "tile" && ext != "meta") {
					continue
				}
				k := tileKey{int32(z), int32(x), int32(y)}
				e, h := index[k], have[k]
				e.size += info.Size()
				if ext == "tile" {
					e.used, h.tile = info.ModTime().UnixNano(), true
				} else {
					h.meta = true
				}
				index[k], have[k] = e, h
			}
		}
	}
	for k, h := range have {
		if !h.tile {
			delete(index, k)
			c.removeOrphanMeta(r, k)
		}
	}

	c.mu.Lock()
	for k, e := range index {
		if _, ok := c.index[k]; !ok && !c.gone[k] { // else: newer news
			c.index[k] = e
		}
	}
	c.total = 0
	for _, e := range c.index {
		c.total += e.size
	}
	c.scanning, c.gone = false, nil
	c.mu.Unlock()
	c.evict()
}

// readDir lists the folder name in r, nil when r is nil or on an error.
func readDir(r *os.Root, name string) []fs.DirEntry {
	if r == nil {
		return nil
	}
	f, err := r.Open(name)
	if err != nil {
		return nil
	}
	defer f.Close()
	ents, _ := f.ReadDir(-1)
	return ents
}

// removeOrphanMeta deletes k's meta file in r if k has no tile file.
func (c *diskCache) removeOrphanMeta(r *os.Root, k tileKey) {
	s := c.stripe(k)
	s.Lock()
	defer s.Unlock()
	tp, mp, _ := c.paths(k)
	if _, err := r.Lstat(tp); errors.Is(err, fs.ErrNotExist) {
		r.Remove(mp)
	}
}

// parseIndex parses s as a tile index in [0, limit]: decimal digits only,
// without leading zeros, so that the name is exactly what paths builds.
func parseIndex(s string, limit int) (int, bool) {
	if s == "" || len(s) > 10 || (len(s) > 1 && s[0] == '0') {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, n <= limit
}
