// Package userfiletest makes the special files that tests of file reading
// need (named pipes, symbolic links to devices) and checks that reading
// them neither blocks nor takes much memory. Its functions skip the test
// where the system cannot make such a file. They are safe for concurrent
// use.
package userfiletest

import (
	"os"
	"runtime"
	"testing"
	"time"
)

// Symlink makes a symbolic link at name pointing to target, or skips the
// test where links cannot be made.
func Symlink(t testing.TB, target, name string) {
	t.Helper()
	if err := os.Symlink(target, name); err != nil {
		t.Skipf("cannot make a symbolic link: %v", err)
	}
}

// DevZeroLink makes a symbolic link at name to /dev/zero, a device that
// reads forever, or skips the test where there is none.
func DevZeroLink(t testing.TB, name string) {
	t.Helper()
	if fi, err := os.Stat("/dev/zero"); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		t.Skip("no /dev/zero")
	}
	Symlink(t, "/dev/zero", name)
}

// Timeout is how long Within waits: far longer than any read it guards
// should take, so that only a read that blocks reaches it.
const Timeout = 30 * time.Second

// Within runs f and fails the test if it has not returned within Timeout:
// what it tests must not block at all. It also fails the test if f
// allocates more than maxAlloc bytes (measured with runtime.ReadMemStats,
// so run nothing else meanwhile).
func Within(t testing.TB, what string, maxAlloc uint64, f func()) {
	t.Helper()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(Timeout):
		t.Fatalf("%s has not returned after %v: it blocks", what, Timeout)
	}
	runtime.ReadMemStats(&after)
	if grew := after.TotalAlloc - before.TotalAlloc; grew > maxAlloc {
		t.Errorf("%s allocated %d bytes; want at most %d", what, grew, maxAlloc)
	}
}
