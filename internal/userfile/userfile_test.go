package userfile_test

import (
	"errors"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"reportmap/internal/userfile"
	"reportmap/internal/userfile/userfiletest"
)

// readers are the ways to read a file of dir: by path, through os.DirFS,
// through Dir and through an os.Root's FS.
var readers = []struct {
	name string
	read func(dir, name string, limit int64) ([]byte, error)
}{
	{"Read", func(dir, name string, limit int64) ([]byte, error) {
		return userfile.Read(filepath.Join(dir, name), limit)
	}},
	{"DirFS", func(dir, name string, limit int64) ([]byte, error) {
		return userfile.ReadFS(os.DirFS(dir), name, limit)
	}},
	{"Dir", func(dir, name string, limit int64) ([]byte, error) {
		return userfile.ReadFS(userfile.Dir(dir), name, limit)
	}},
	{"RootFS", func(dir, name string, limit int64) ([]byte, error) {
		r, err := os.OpenRoot(dir)
		if err != nil {
			return nil, err
		}
		defer r.Close()
		return userfile.ReadFS(r.FS(), name, limit)
	}},
	{"Open", func(dir, name string, limit int64) ([]byte, error) {
		f, err := userfile.Open(filepath.Join(dir, name), limit)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return io.ReadAll(iotest.HalfReader(f)) // in small parts
	}},
}

func TestRead(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(outside, []byte("root:x:0:0"), 0o644); err != nil {
		t.Fatal(err)
	}
	type want struct {
		content string        // when it reads
		is      error         // the sentinel, or nil for Unreadable
		msg     string        // a substring of Message, {f} standing for the name
		kind    userfile.Kind // when it fails
	}
	ok := func(s string) want { return want{content: s} }
	notRegular := func(msg string) want { return want{is: userfile.ErrNotRegular, kind: userfile.NotRegular, msg: msg} }
	escapes := want{is: userfile.ErrOutside, kind: userfile.Outside, msg: "leads through a symbolic link to "}
	escapedRoot := want{kind: userfile.Unreadable, msg: "cannot read {f}: path escapes from parent"}
	tests := []struct {
		name  string
		make  func(t *testing.T, path string) // makes the file at path
		limit int64
		want  map[string]want // by reader; "" for all readers
	}{
		{"regular", func(t *testing.T, p string) { write(t, p, "hello") }, 10, map[string]want{"": ok("hello")}},
		{"exactly the limit", func(t *testing.T, p string) { write(t, p, "0123456789") }, 10, map[string]want{"": ok("0123456789")}},
		{"empty", func(t *testing.T, p string) { write(t, p, "") }, 10, map[string]want{"": ok("")}},
		{"over the limit", func(t *testing.T, p string) { write(t, p, "0123456789!") }, 10,
			map[string]want{"": {is: userfile.ErrTooLarge, kind: userfile.TooLarge, msg: "{f} is 11 bytes, over the limit of 10 bytes"}}},
		{"fifo", func(t *testing.T, p string) { userfiletest.Mkfifo(t, p) }, 10,
			map[string]want{"": notRegular("{f} is a named pipe (FIFO), not a regular file")}},
		{"directory", func(t *testing.T, p string) { mkdir(t, p) }, 10,
			map[string]want{"": notRegular("{f} is a directory, not a regular file")}},
		{"socket", func(t *testing.T, p string) { listen(t, p) }, 10,
			map[string]want{"": notRegular("{f} is a socket, not a regular file")}},
		{"symlink to /dev/zero", func(t *testing.T, p string) { userfiletest.DevZeroLink(t, p) }, 10, map[string]want{
			"Read":   notRegular("{f} is a symbolic link to /dev/zero, which is a character device, not a regular file"),
			"DirFS":  notRegular("{f} is a symbolic link to /dev/zero, which is a character device, not a regular file"),
			"Dir":    escapes,
			"RootFS": escapedRoot, // refused, but only Dir says why
		}},
		{"symlink to a file outside", func(t *testing.T, p string) { userfiletest.Symlink(t, outside, p) }, 100, map[string]want{
			"Read":   ok("root:x:0:0"), // a path given by the user may lead anywhere
			"DirFS":  ok("root:x:0:0"), // os.DirFS follows links out: why Dir exists
			"Dir":    escapes,
			"RootFS": escapedRoot,
		}},
		{"symlink inside", func(t *testing.T, p string) {
			write(t, p+".real", "inside")
			userfiletest.Symlink(t, filepath.Base(p)+".real", p)
		}, 100, map[string]want{"": ok("inside")}},
		{"missing", func(t *testing.T, p string) {}, 10,
			map[string]want{"": {kind: userfile.Unreadable, msg: "cannot read {f}: "}}},
	}
	for _, tt := range tests {
		for _, rd := range readers {
			t.Run(tt.name+"/"+rd.name, func(t *testing.T) {
				dir := t.TempDir()
				tt.make(t, filepath.Join(dir, "f"))
				key := rd.name
				if key == "Open" { // by path, as Read
					key = "Read"
				}
				w, found := tt.want[key]
				if !found {
					w = tt.want[""]
				}
				var b []byte
				var err error
				userfiletest.Within(t, rd.name, 1<<20, func() { b, err = rd.read(dir, "f", tt.limit) })
				if w.msg == "" {
					if err != nil || string(b) != w.content {
						t.Fatalf("got %q, %v; want %q", b, err, w.content)
					}
					return
				}
				var ue *userfile.Error
				if !errors.As(err, &ue) {
					t.Fatalf("got %q, %v (%T); want a *userfile.Error", b, err, err)
				}
				if ue.Kind != w.kind || (w.is != nil && !errors.Is(err, w.is)) {
					t.Errorf("kind %d, errors.Is(%v) %v; want kind %d", ue.Kind, w.is, errors.Is(err, w.is), w.kind)
				}
				name := "f"
				if key == "Read" {
					name = filepath.Join(dir, "f")
				}
				if w := strings.ReplaceAll(w.msg, "{f}", name); !strings.Contains(ue.Message(), w) {
					t.Errorf("message %q lacks %q", ue.Message(), w)
				}
				if !strings.HasPrefix(err.Error(), "userfile: ") || !strings.Contains(err.Error(), name) {
					t.Errorf("error %q does not start with the package and the name", err)
				}
				if tt.name == "missing" && !errors.Is(err, fs.ErrNotExist) {
					t.Errorf("errors.Is(%v, fs.ErrNotExist) is false", err)
				}
			})
		}
	}
}

// TestReadGrowing reads a file that says it is empty but is not (as the
// files in /proc do): the limit still holds.
func TestReadGrowing(t *testing.T) {
	const proc = "/proc/self/status"
	if fi, err := os.Stat(proc); err != nil || fi.Size() != 0 {
		t.Skip("no /proc file of size 0")
	}
	_, err := userfile.Read(proc, 10)
	var ue *userfile.Error
	if !errors.As(err, &ue) || ue.Kind != userfile.TooLarge || ue.Size != -1 {
		t.Fatalf("err = %v; want TooLarge with Size -1", err)
	}
	if want := "/proc/self/status is larger than the limit of 10 bytes"; ue.Message() != want {
		t.Errorf("message %q; want %q", ue.Message(), want)
	}
	b, err := userfile.Read(proc, 1<<20)
	if err != nil || !strings.Contains(string(b), "Name:") {
		t.Errorf("with a big limit: %q, %v", b, err)
	}
}

// lyingFS says every file is a small regular file: what a file swapped
// for a named pipe between Stat and Open looks like.
type lyingFS struct{ userfile.Dir }

func (l lyingFS) Stat(name string) (fs.FileInfo, error) {
	return fs.Stat(os.DirFS("testdata"), "regular.txt")
}

func TestReadFSChecksTheOpenedFile(t *testing.T) {
	dir := t.TempDir()
	userfiletest.Mkfifo(t, filepath.Join(dir, "p"))
	var err error
	userfiletest.Within(t, "ReadFS", 1<<20, func() { _, err = userfile.ReadFS(lyingFS{userfile.Dir(dir)}, "p", 100) })
	if !errors.Is(err, userfile.ErrNotRegular) {
		t.Errorf("err = %v; want ErrNotRegular from the opened file's Stat", err)
	}
}

func TestDirRefusesBadNames(t *testing.T) {
	d := userfile.Dir(t.TempDir())
	for _, name := range []string{"../x", "/etc/passwd", "a/../../x", ""} {
		if _, err := d.Open(name); !errors.Is(err, fs.ErrInvalid) {
			t.Errorf("Open(%q): %v; want fs.ErrInvalid", name, err)
		}
		if _, err := d.Stat(name); !errors.Is(err, fs.ErrInvalid) {
			t.Errorf("Stat(%q): %v; want fs.ErrInvalid", name, err)
		}
	}
}

func TestSize(t *testing.T) {
	for n, want := range map[int64]string{
		0: "0 bytes", 1023: "1023 bytes", 1024: "1 KiB", 1536: "1.5 KiB",
		16 << 20: "16 MiB", 4 << 30: "4 GiB", 5<<30 + 1<<29: "5.5 GiB",
	} {
		if got := userfile.Size(n); got != want {
			t.Errorf("Size(%d) = %q; want %q", n, got, want)
		}
	}
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mkdir(t *testing.T, path string) {
	t.Helper()
	if err := os.Mkdir(path, 0o755); err != nil {
		t.Fatal(err)
	}
}

func listen(t *testing.T, path string) {
	t.Helper()
	l, err := net.Listen("unix", path)
	if err != nil {
		t.Skipf("cannot make a socket: %v", err)
	}
	t.Cleanup(func() { l.Close() })
}

// TestOpenGrowing reads, with Open, a file that grows past the limit after
// it was checked: the read that passes the limit fails with TooLarge.
func TestOpenGrowing(t *testing.T) {
	p := filepath.Join(t.TempDir(), "places.geojson")
	if err := os.WriteFile(p, []byte("0123456789"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := userfile.Open(p, 10)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if f.Size() != 10 {
		t.Errorf("Size() = %d; want 10", f.Size())
	}
	if err := os.WriteFile(p, []byte("0123456789abc"), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(f)
	var ue *userfile.Error
	if !errors.As(err, &ue) || ue.Kind != userfile.TooLarge || ue.Size != -1 || !errors.Is(err, userfile.ErrTooLarge) {
		t.Fatalf("read %q, %v; want TooLarge with Size -1", b, err)
	}
	if n, err := f.Read(make([]byte, 4)); n != 0 || !errors.Is(err, userfile.ErrTooLarge) {
		t.Errorf("read again: %d, %v; want 0, TooLarge", n, err)
	}
}
