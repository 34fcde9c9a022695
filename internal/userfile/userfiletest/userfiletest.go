// Package userfiletest makes the special files that tests of file reading
// need: named pipes and symbolic links to devices. Its functions skip the
// test where the system cannot make them. They are safe for concurrent
// use.
package userfiletest

import (
	"os"
	"testing"
)

// Symlink makes a symbolic link at name pointing to target, or skips the
// test where links cannot be made.
func Symlink(t testing.TB, target, name string) {
	t.Helper()
	if err := os.Symlink(target, name); err != nil {
		t.Skipf("cannot make a symbolic link: %v", err)
	}
}

// DevZero is a device that reads forever, or "" where there is none.
func DevZero() string {
	if fi, err := os.Stat("/dev/zero"); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return ""
	}
	return "/dev/zero"
}
