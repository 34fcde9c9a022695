//go:build !unix

package userfiletest

import "testing"

// Mkfifo skips the test: this system has no named pipes in its file system.
func Mkfifo(t testing.TB, name string) {
	t.Helper()
	t.Skip("no named pipes on this system")
}
