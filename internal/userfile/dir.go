package userfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Dir is a folder as an fs.FS (and fs.StatFS) whose names cannot lead out
// of it: every Open and Stat goes through an os.Root opened on the folder,
// so a symbolic link to a file outside it (to /etc/passwd, /dev/zero) is
// refused with an *Error of Kind Outside, while links that stay inside
// work. Open does not block on a named pipe. Dir holds nothing open
// between calls, so it needs no Close; the folder is looked up by its path
// at each call.
type Dir string

// Open opens the named file for reading; see Dir.
func (d Dir) Open(name string) (fs.File, error) {
	return inRoot(d, "open", name, func(r *os.Root) (fs.File, error) { return r.OpenFile(name, openFlags, 0) })
}

// Stat returns the named file's information, following symbolic links
// that stay inside the folder; see Dir.
func (d Dir) Stat(name string) (fs.FileInfo, error) {
	return inRoot(d, "stat", name, func(r *os.Root) (fs.FileInfo, error) { return r.Stat(name) })
}

// inRoot checks name and calls op on a Root opened on d for the call.
func inRoot[T any](d Dir, op, name string, f func(*os.Root) (T, error)) (T, error) {
	var zero T
	if !fs.ValidPath(name) {
		return zero, &fs.PathError{Op: op, Path: name, Err: fs.ErrInvalid}
	}
	r, err := os.OpenRoot(string(d))
	if err != nil {
		return zero, err
	}
	defer r.Close()
	v, err := f(r)
	if err != nil {
		return zero, d.explain(name, err)
	}
	return v, nil
}

// explain turns the os.Root's refusal of a name that escapes the folder,
// which os does not export, into an *Error of Kind Outside: the name's
// symbolic links are resolved and the result compared with the folder.
// Other errors are returned as they are.
func (d Dir) explain(name string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return err
	}
	target, terr := filepath.EvalSymlinks(filepath.Join(string(d), filepath.FromSlash(name)))
	dir, derr := filepath.EvalSymlinks(string(d))
	if terr != nil || derr != nil {
		return err
	}
	rel, rerr := filepath.Rel(dir, target)
	if rerr == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return err
	}
	return &Error{Name: name, Kind: Outside, Link: target, Dir: string(d), Err: err}
}
