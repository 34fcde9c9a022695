package userfile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"reportmap/internal/userfile/userfiletest"
)

// TestOpenedFIFO checks the second line of defence: a file that was
// regular when stat'ed but is a named pipe when opened (swapped in
// between). Opening it must not block, and the check of the opened file
// must refuse it.
func TestOpenedFIFO(t *testing.T) {
	p := filepath.Join(t.TempDir(), "places.geojson")
	userfiletest.Mkfifo(t, p)
	f, err := os.OpenFile(p, openFlags, 0) // would block without O_NONBLOCK
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_, err = checkOpened("places.geojson", f, 100, func() string { return "" })
	if !errors.Is(err, ErrNotRegular) {
		t.Fatalf("err = %v; want ErrNotRegular", err)
	}
	if want := "userfile: places.geojson is a named pipe (FIFO), not a regular file"; err.Error() != want {
		t.Errorf("error %q; want %q", err, want)
	}
}
