package userfile_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"reportmap/internal/userfile"
)

func ExampleRead() {
	dir, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(dir)
	name := filepath.Join(dir, "notes.txt")
	os.WriteFile(name, make([]byte, 3<<20), 0o644)

	_, err := userfile.Read(name, 2<<20)
	var ue *userfile.Error
	if errors.As(err, &ue) {
		fmt.Println(errors.Is(err, userfile.ErrTooLarge))
		fmt.Println(ue.Describe("notes.txt"))
	}
	_, err = userfile.Read(dir, 2<<20)
	fmt.Println(errors.Is(err, userfile.ErrNotRegular))
	// Output:
	// true
	// notes.txt is 3 MiB (3145728 bytes), over the limit of 2 MiB
	// true
}

func ExampleDir() {
	dir, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(dir)
	outside, _ := os.CreateTemp("", "secret")
	defer os.Remove(outside.Name())
	os.Symlink(outside.Name(), filepath.Join(dir, "report.txt"))

	_, err := userfile.ReadFS(userfile.Dir(dir), "report.txt", 1<<20)
	fmt.Println(errors.Is(err, userfile.ErrOutside))
	// Output:
	// true
}
