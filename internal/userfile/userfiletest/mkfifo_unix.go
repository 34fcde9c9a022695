//go:build unix

package userfiletest

import (
	"syscall"
	"testing"
)

// Mkfifo makes a named pipe (FIFO) at name, or skips the test where the
// system has none.
func Mkfifo(t testing.TB, name string) {
	t.Helper()
	if err := syscall.Mkfifo(name, 0o644); err != nil {
		t.Skipf("cannot make a named pipe: %v", err)
	}
}
