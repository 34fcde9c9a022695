package atlas_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"reportmap/atlas"
)

// bigFile writes a FeatureCollection of n points and returns its path.
func bigFile(t *testing.T, n int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString(`{"type":"FeatureCollection","features":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"type":"Feature","geometry":{"type":"Point","coordinates":[%d.5,%d.25]},"properties":{"name":"Place %d"}}`, i%170, i%80, i)
	}
	b.WriteString(`]}`)
	path := filepath.Join(t.TempDir(), "big.geojson")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestLoadFileWithProgress(t *testing.T) {
	path := bigFile(t, 20000)
	var mu sync.Mutex
	var calls, last, total int
	a, err := atlas.LoadFileWith(path, atlas.LoadOptions{Progress: func(done, n int) {
		mu.Lock()
		defer mu.Unlock()
		calls++
		last, total = max(last, done), n
	}})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Places) != 20000 {
		t.Fatalf("%d places, want 20000", len(a.Places))
	}
	if calls < 2 || last != 20000 || total != 20000 {
		t.Errorf("progress: %d calls, last %d of %d; want several, ending at 20000 of 20000", calls, last, total)
	}
	b, err := atlas.LoadFile(path)
	if err != nil || len(b.Places) != len(a.Places) || b.Places[19999].ID != a.Places[19999].ID {
		t.Errorf("LoadFile and LoadFileWith differ: %v", err)
	}
}

func TestLoadFileWithCancelled(t *testing.T) {
	path := bigFile(t, 20000)
	ctx, cancel := context.WithCancel(context.Background())
	a, err := atlas.LoadFileWith(path, atlas.LoadOptions{Context: ctx, Progress: func(int, int) { cancel() }})
	if !errors.Is(err, context.Canceled) || a != nil {
		t.Fatalf("cancelled during decoding: %v, %v; want context.Canceled and no atlas", a, err)
	}
	a, err = atlas.LoadFileWith(path, atlas.LoadOptions{Context: ctx})
	if !errors.Is(err, context.Canceled) || a != nil {
		t.Fatalf("cancelled before: %v, %v; want context.Canceled", a, err)
	}
}
