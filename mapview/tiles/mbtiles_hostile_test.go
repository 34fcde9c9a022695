package tiles_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"reportmap/mapview/tiles"
)

// sqliteExec runs statements on the SQLite file at path (created if need
// be) and closes it.
func sqliteExec(t testing.TB, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", writeDSN(path))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
}

// forever is a recursive query that never ends and yields n, 0, 1, 2…
const forever = `WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c) SELECT n FROM c`

// withinBound runs f, failing the test if it has not returned after a
// generous bound (it must not hang).
func withinBound[T any](t *testing.T, what string, f func() T) T {
	t.Helper()
	done := make(chan T, 1)
	go func() { done <- f() }()
	select {
	case v := <-done:
		return v
	case <-time.After(20 * time.Second):
		t.Fatalf("%s hung", what)
		panic("unreachable")
	}
}

// TestMBTilesNeverEndingView: a tiles view over a query that never ends
// is refused by OpenMBTiles within its deadline (an *OpenError wrapping
// context.DeadlineExceeded); a view whose first row comes at once but
// whose other rows never do opens, and Get gives up at its deadline, and a
// Layer backs off, never hangs.
func TestMBTilesNeverEndingView(t *testing.T) {
	defer tiles.SetMBTilesTimeouts(200*time.Millisecond, 300*time.Millisecond)()
	dir := t.TempDir()
	meta := `CREATE TABLE metadata (name text, value text)`
	zooms := `INSERT INTO metadata VALUES ('format', 'png'), ('minzoom', '0'), ('maxzoom', '5')`
	never := filepath.Join(dir, "never.mbtiles")
	sqliteExec(t, never, meta, zooms,
		`CREATE VIEW tiles AS SELECT n AS zoom_level, n AS tile_column, n AS tile_row, x'00' AS tile_data
			FROM (`+forever+`) WHERE n < 0`)
	noZooms := filepath.Join(dir, "nozooms.mbtiles")
	oneRow := `CREATE VIEW tiles AS SELECT CASE n WHEN 0 THEN 0 ELSE -1 END AS zoom_level, 0 AS tile_column,
			0 AS tile_row, x'89504e470d0a1a0a' AS tile_data FROM (` + forever + `)`
	sqliteExec(t, noZooms, oneRow)

	for _, c := range []struct {
		path, want string
	}{
		{never, "querying the tiles table: no answer within 200ms"},
		{noZooms, "reading zoom levels"},
	} {
		start := time.Now()
		err := withinBound(t, "OpenMBTiles", func() error {
			m, err := tiles.OpenMBTiles(c.path)
			if err == nil {
				m.Close()
			}
			return err
		})
		took := time.Since(start)
		var oe *tiles.OpenError
		if !errors.As(err, &oe) || !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("OpenMBTiles(%s): %v; want an *OpenError saying %q, wrapping DeadlineExceeded", filepath.Base(c.path), err, c.want)
		}
		t.Logf("%s refused after %v: %v", filepath.Base(c.path), took.Round(time.Millisecond), err)
	}

	slow := filepath.Join(dir, "slow.mbtiles")
	sqliteExec(t, slow, meta, zooms, oneRow)
	m := open(t, slow)
	err := withinBound(t, "Get", func() error {
		_, err := m.Get(bg, 3, 0, 7) // tile_column 0, tile_row 0: only zoom_level is left to match
		return err
	})
	if !errors.Is(err, context.DeadlineExceeded) || errors.Is(err, tiles.ErrNoTile) {
		t.Errorf("Get from a never-ending view: %v, want DeadlineExceeded", err)
	}
	t.Logf("Get: %v", err)

	l := tiles.NewLayer(m, tiles.LayerOptions{})
	l.Tile(3, 0, 7)
	waitUntil(t, 5*time.Second, "the failed load", l.Offline)
	withinBound(t, "Layer.Close", func() bool { l.Close(); return true })
}

// TestMBTilesWALUnchanged: a WAL-mode file is read without any file being
// created or changed beside it (no -wal, no -shm): the folder is byte for
// byte as it was.
func TestMBTilesWALUnchanged(t *testing.T) {
	path := dunkirk(t)
	sqliteExec(t, path, `PRAGMA journal_mode=WAL`)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	var h [20]byte
	io.ReadFull(f, h[:])
	f.Close()
	if h[18] != 2 || h[19] != 2 {
		t.Fatalf("setup: file format bytes %d, %d; want 2, 2 (WAL)", h[18], h[19])
	}
	dir := filepath.Dir(path)
	before := snapshot(t, dir)

	m, err := tiles.OpenMBTiles(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range dunkirkTiles() {
		if _, err := m.Get(bg, k.z, k.x, k.y); err != nil {
			t.Fatal(err)
		}
	}
	if mid := snapshot(t, dir); mid != before {
		t.Errorf("the folder changed while the file was open:\n%s", mid)
	}
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	if after := snapshot(t, dir); after != before {
		t.Errorf("the folder changed:\nbefore:\n%s\nafter:\n%s", before, after)
	}
}

// copyFiles copies the files src+suffix to dst+suffix.
func copyFiles(t *testing.T, src, dst string, suffixes ...string) {
	t.Helper()
	for _, s := range suffixes {
		data, err := os.ReadFile(src + s)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst+s, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestMBTilesUnfinishedWrite: a file copied while a program was writing
// it, with its hot rollback journal or its unfinished write-ahead log
// beside it (as a crash leaves them), is refused with a message that says
// so, and the folder is left as it was; once SQLite has recovered it, it
// opens. An empty or zeroed journal (journal_mode=PERSIST) is no reason
// to refuse.
func TestMBTilesUnfinishedWrite(t *testing.T) {
	for _, c := range []struct {
		mode, suffix, want string
	}{
		{"DELETE", "-journal", "has an unfinished SQLite journal (crashed.mbtiles-journal) beside it"},
		{"WAL", "-wal", "has an unfinished SQLite write-ahead log (crashed.mbtiles-wal) beside it"},
	} {
		t.Run(c.mode, func(t *testing.T) {
			orig := filepath.Join(t.TempDir(), "writing.mbtiles")
			writeMBTiles(t, orig, dunkirkMeta(), dunkirkPNGs(t))
			db, err := sql.Open("sqlite", writeDSN(orig))
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			db.SetMaxOpenConns(1)
			for _, q := range []string{
				"PRAGMA journal_mode=" + c.mode, "PRAGMA wal_autocheckpoint=0", "PRAGMA cache_size=2",
				"BEGIN", "DELETE FROM tiles WHERE zoom_level > 8", "UPDATE metadata SET value = 'half written' WHERE name = 'name'",
			} {
				if _, err := db.Exec(q); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			if c.mode == "WAL" {
				if _, err := db.Exec("COMMIT"); err != nil { // in the log, not yet in the file
					t.Fatal(err)
				}
			}
			crashed := filepath.Join(t.TempDir(), "crashed.mbtiles")
			copyFiles(t, orig, crashed, "", c.suffix)
			db.Close()

			before := snapshot(t, filepath.Dir(crashed))
			_, err = tiles.OpenMBTiles(crashed)
			var oe *tiles.OpenError
			if !errors.As(err, &oe) || !strings.Contains(oe.Message(), c.want) {
				t.Fatalf("OpenMBTiles: %v; want an *OpenError saying %q", err, c.want)
			}
			t.Logf("%v", err)
			if after := snapshot(t, filepath.Dir(crashed)); after != before {
				t.Errorf("the folder changed:\nbefore:\n%s\nafter:\n%s", before, after)
			}

			sqliteExec(t, crashed, "SELECT count(*) FROM tiles") // recovers, as sqlite3 would
			m := open(t, crashed)
			want := map[string]string{"DELETE": "Dunkirk test", "WAL": "half written"}[c.mode]
			if m.Name() != want {
				t.Errorf("after recovery: name %q, want %q", m.Name(), want)
			}
		})
	}

	path := dunkirk(t)
	for _, junk := range [][]byte{nil, make([]byte, 512)} {
		if err := os.WriteFile(path+"-journal", junk, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path+"-wal", nil, 0o644); err != nil {
			t.Fatal(err)
		}
		m, err := tiles.OpenMBTiles(path)
		if err != nil {
			t.Errorf("with a %d-byte zeroed journal and an empty log: %v", len(junk), err)
			continue
		}
		m.Close()
	}
}

// TestOpenErrorTyped: the errors of NewXYZ and OpenMBTiles are
// *OpenError: Error is "tiles: " and Message, Message has no prefix, and
// errors.Is sees the cause.
func TestOpenErrorTyped(t *testing.T) {
	_, xerr := tiles.NewXYZ("ftp://tiles.example.org/{z}/{x}/{y}.png", "", tiles.XYZOptions{CacheDir: t.TempDir()})
	missing := filepath.Join(t.TempDir(), "missing.mbtiles")
	_, merr := tiles.OpenMBTiles(missing)
	for _, err := range []error{xerr, merr} {
		var oe *tiles.OpenError
		if !errors.As(err, &oe) {
			t.Fatalf("%v: not an *OpenError", err)
		}
		if err.Error() != "tiles: "+oe.Message() || strings.HasPrefix(oe.Message(), "tiles: ") {
			t.Errorf("Error %q, Message %q", err, oe.Message())
		}
		t.Logf("Message: %s", oe.Message())
	}
	var oe *tiles.OpenError
	errors.As(merr, &oe)
	if oe.Source != missing || !errors.Is(merr, fs.ErrNotExist) {
		t.Errorf("missing file: Source %q, errors.Is(fs.ErrNotExist) %v", oe.Source, errors.Is(merr, fs.ErrNotExist))
	}
	wrapped := fmt.Errorf("the basemap: %w", merr)
	if !errors.As(wrapped, &oe) {
		t.Error("errors.As through a wrapper")
	}
}
