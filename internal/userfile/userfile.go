// Package userfile reads files a user names — a places file, the report
// texts beside it — so that a hostile or mistaken path can neither block
// nor exhaust memory: a named pipe, a device, a socket or a directory is
// refused before it is opened, a file over a size limit is refused before
// it is read, and what is opened is checked again (it may have been swapped
// in between) and read through a limit. Read and ReadFS read a file whole;
// Open gives it to be read in parts, through the same limit. Dir, a folder
// as an fs.FS, also refuses symbolic links that lead out of the folder.
//
// Every error is an *Error; test it with errors.Is against ErrNotRegular,
// ErrTooLarge and ErrOutside, or errors.As for the details, never by its
// text.
//
// The package has no state; everything in it is safe for concurrent use,
// except that a File is read by one goroutine at a time.
package userfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"syscall"
)

// openFlags opens for reading without blocking: opening a named pipe that
// has no writer would otherwise wait for one. Reads from regular files are
// unaffected.
const openFlags = os.O_RDONLY | syscall.O_NONBLOCK

// Read reads the named file, which must be a regular file of at most limit
// bytes (a symbolic link is followed). A named pipe, device, socket or
// directory is refused without blocking. The error is an *Error naming the
// file as given.
func Read(name string, limit int64) ([]byte, error) {
	f, err := Open(name, limit)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.readAll()
}

// Open opens the named file for reading in parts, with Read's checks: it
// must be a regular file of at most limit bytes (a symbolic link is
// followed); a named pipe, device, socket or directory is refused without
// blocking, and the opened file is checked again. Reading it past limit
// bytes (it grew after the checks) fails. The error is an *Error naming
// the file as given. The caller must Close the File.
func Open(name string, limit int64) (*File, error) {
	fi, err := os.Stat(name)
	if err != nil {
		return nil, unreadable(name, err)
	}
	link := func() string { return linkTarget(name) }
	if err := check(name, fi, limit, link); err != nil {
		return nil, err
	}
	return openChecked(name, limit, link, func() (fs.File, error) { return os.OpenFile(name, openFlags, 0) })
}

// ReadFS is Read for the named file of fsys. The file is stat'ed before it
// is opened, so that a non-regular file is refused without being opened,
// and the opened file is checked again. Through Dir nothing can block;
// through an fs.FS whose Open blocks on a named pipe (os.DirFS), a file
// swapped for one between the Stat and the Open still can.
func ReadFS(fsys fs.FS, name string, limit int64) ([]byte, error) {
	fi, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, unreadable(name, err)
	}
	link := func() string {
		if li, err := fs.Lstat(fsys, name); err == nil && li.Mode()&fs.ModeSymlink != 0 {
			t, _ := fs.ReadLink(fsys, name)
			return t
		}
		return ""
	}
	if err := check(name, fi, limit, link); err != nil {
		return nil, err
	}
	f, err := openChecked(name, limit, link, func() (fs.File, error) { return fsys.Open(name) })
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.readAll()
}

// File is a file Open checked, read through its size limit. Its methods
// return *Error errors, except io.EOF at the end. It is not safe for
// concurrent use.
type File struct {
	name  string
	f     fs.File
	size  int64 // as the opened file's Stat gave it
	limit int64
	read  int64 // bytes read so far
}

// openChecked opens a file already checked by name and checks the open
// file again.
func openChecked(name string, limit int64, link func() string, open func() (fs.File, error)) (*File, error) {
	f, err := open()
	if err != nil {
		return nil, unreadable(name, err)
	}
	uf, err := checkOpened(name, f, limit, link)
	if err != nil {
		f.Close()
		return nil, err
	}
	return uf, nil
}

// checkOpened checks the open file f (it may not be the file stat'ed by
// name) and returns it as a File that refuses more than limit bytes.
func checkOpened(name string, f fs.File, limit int64, link func() string) (*File, error) {
	fi, err := f.Stat()
	if err != nil {
		return nil, unreadable(name, err)
	}
	if err := check(name, fi, limit, link); err != nil {
		return nil, err
	}
	return &File{name: name, f: f, size: fi.Size(), limit: min(limit, math.MaxInt-1)}, nil
}

// Size returns the file's size in bytes when it was opened, as its Stat
// gave it: files that report no size (in /proc) say 0, and a file may
// grow or shrink while it is read.
func (f *File) Size() int64 { return f.size }

// Read reads up to len(p) bytes into p, as io.Reader. Once the file has
// given more than its limit (it grew while read), Read fails with an
// *Error of kind TooLarge whose Size is -1.
func (f *File) Read(p []byte) (int, error) {
	tooLarge := func() error { return &Error{Name: f.name, Kind: TooLarge, Size: -1, Limit: f.limit} }
	if f.read > f.limit {
		return 0, tooLarge()
	}
	// Read one byte past the limit at most, to know it was passed.
	if room := f.limit + 1 - f.read; int64(len(p)) > room {
		p = p[:room]
	}
	n, err := f.f.Read(p)
	f.read += int64(n)
	switch {
	case f.read > f.limit:
		return n, tooLarge()
	case err == io.EOF:
		return n, err
	case err != nil:
		return n, unreadable(f.name, err)
	}
	return n, nil
}

// Close closes the file.
func (f *File) Close() error {
	if err := f.f.Close(); err != nil {
		return unreadable(f.name, err)
	}
	return nil
}

// readAll reads what is left of the file.
func (f *File) readAll() ([]byte, error) {
	// One more byte than the size, so that reading to EOF does not grow
	// the buffer; files that report no size (in /proc) grow it as needed.
	buf := make([]byte, 0, f.size+1)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// check refuses fi unless it is a regular file of at most limit bytes.
// link says, for the message, where name leads if it is a symbolic link.
func check(name string, fi fs.FileInfo, limit int64, link func() string) error {
	switch {
	case !fi.Mode().IsRegular():
		return &Error{Name: name, Kind: NotRegular, Mode: fi.Mode().Type(), Link: link()}
	case fi.Size() > limit:
		return &Error{Name: name, Kind: TooLarge, Size: fi.Size(), Limit: limit}
	}
	return nil
}

// linkTarget returns the file a symbolic link leads to, or "" when name is
// not a link.
func linkTarget(name string) string {
	if li, err := os.Lstat(name); err != nil || li.Mode()&fs.ModeSymlink == 0 {
		return ""
	}
	if t, err := filepath.EvalSymlinks(name); err == nil {
		return t
	}
	t, _ := os.Readlink(name)
	return t
}

// unreadable wraps an error from Stat, Open or Read. A *fs.PathError
// repeats the name, so only its cause is kept; an *Error is kept as it is.
func unreadable(name string, err error) error {
	var ue *Error
	if errors.As(err, &ue) {
		return err
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return &Error{Name: name, Kind: Unreadable, Err: err}
}

// Kind says what is wrong with a file.
type Kind int

// The kinds of Error.
const (
	Unreadable Kind = iota // it could not be stat'ed, opened or read; Err says why
	NotRegular             // a named pipe, device, socket, directory or other non-regular file
	TooLarge               // over the size limit
	Outside                // it leads, through a symbolic link, out of the folder it must be in
)

// Errors that an *Error matches with errors.Is, by its Kind.
var (
	ErrNotRegular = errors.New("userfile: not a regular file")
	ErrTooLarge   = errors.New("userfile: file over the size limit")
	ErrOutside    = errors.New("userfile: file outside its folder")
)

// Error is what is wrong with a file the user named.
type Error struct {
	Name  string      // the file's name, as given
	Kind  Kind        // what is wrong
	Mode  fs.FileMode // NotRegular: the file's type bits
	Link  string      // NotRegular, Outside: where Name leads through symbolic links, when it does
	Size  int64       // TooLarge: the file's size, or -1 when it grew past Limit while read
	Limit int64       // TooLarge: the most bytes allowed
	Dir   string      // Outside: the folder Name must stay in
	Err   error       // Unreadable: the cause; Outside: the error that refused it
}

// Error returns Message with the package prefix.
func (e *Error) Error() string { return "userfile: " + e.Message() }

// Message says what is wrong, naming the file, e.g. "places.geojson is a
// named pipe (FIFO), not a regular file".
func (e *Error) Message() string { return e.Describe(e.Name) }

// Describe is Message with subject in place of the file's name, for a
// caller that names the file itself: Describe("the file") is "the file is
// a named pipe (FIFO), not a regular file".
func (e *Error) Describe(subject string) string {
	switch e.Kind {
	case NotRegular:
		if e.Link != "" {
			return fmt.Sprintf("%s is a symbolic link to %s, which is %s, not a regular file", subject, e.Link, typeName(e.Mode))
		}
		return fmt.Sprintf("%s is %s, not a regular file", subject, typeName(e.Mode))
	case TooLarge:
		if e.Size < 0 {
			return fmt.Sprintf("%s is larger than the limit of %s", subject, Size(e.Limit))
		}
		size := Size(e.Size)
		if e.Size >= 1<<10 {
			size += fmt.Sprintf(" (%d bytes)", e.Size)
		}
		return fmt.Sprintf("%s is %s, over the limit of %s", subject, size, Size(e.Limit))
	case Outside:
		return fmt.Sprintf("%s leads through a symbolic link to %s, outside the folder %s; files must be inside it", subject, e.Link, e.Dir)
	}
	return fmt.Sprintf("cannot read %s: %v", subject, e.Err)
}

// Is reports whether target is the sentinel error of e's Kind.
func (e *Error) Is(target error) bool {
	switch target {
	case ErrNotRegular:
		return e.Kind == NotRegular
	case ErrTooLarge:
		return e.Kind == TooLarge
	case ErrOutside:
		return e.Kind == Outside
	}
	return false
}

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// typeName names a file type for a message.
func typeName(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a block device"
	case m&fs.ModeDir != 0:
		return "a directory"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "a special file"
}

// Size formats a byte count for a message: "16 MiB", "4.5 GiB", "300
// bytes".
func Size(n int64) string {
	for _, u := range [...]struct {
		size int64
		name string
	}{{1 << 30, "GiB"}, {1 << 20, "MiB"}, {1 << 10, "KiB"}} {
		switch {
		case n >= u.size && n%u.size == 0:
			return fmt.Sprintf("%d %s", n/u.size, u.name)
		case n >= u.size:
			return fmt.Sprintf("%.1f %s", float64(n)/float64(u.size), u.name)
		}
	}
	return fmt.Sprintf("%d bytes", n)
}
