package userfile

import (
	"io"
	"os"
	"path/filepath"
)

// WriteAtomic writes a file the user asked for at path: write fills a
// temporary file in the same folder, which is synced, made readable
// (0644) and renamed over path only when write succeeded, so path holds
// either its old content or the whole new one, never part of it. On
// error the temporary file is removed and path is untouched.
func WriteAtomic(path string, write func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	err = write(f)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}
