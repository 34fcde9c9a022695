package atlas_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"reportmap/atlas"
	"reportmap/internal/userfile"
	"reportmap/internal/userfile/userfiletest"
)

// sparse makes a file of size bytes that takes no room on disk.
func sparse(t *testing.T, path string, size int64) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.Truncate(size); err != nil {
		t.Skipf("cannot make a sparse file: %v", err)
	}
}

func TestLoadFileRefuses(t *testing.T) {
	tests := []struct {
		name string
		make func(t *testing.T, path string)
		is   error
		msg  string // what follows "atlas: PATH: "
	}{
		{"fifo", func(t *testing.T, p string) { userfiletest.Mkfifo(t, p) }, userfile.ErrNotRegular,
			"the file is a named pipe (FIFO), not a regular file"},
		{"dev zero", func(t *testing.T, p string) { userfiletest.DevZeroLink(t, p) }, userfile.ErrNotRegular,
			"the file is a symbolic link to /dev/zero, which is a character device, not a regular file"},
		{"directory", func(t *testing.T, p string) { os.Mkdir(p, 0o755) }, userfile.ErrNotRegular,
			"the file is a directory, not a regular file"},
		{"too large", func(t *testing.T, p string) { sparse(t, p, atlas.MaxPlacesFileSize+1) }, userfile.ErrTooLarge,
			"the file is 4.0 GiB (4294967297 bytes), over the limit of 4 GiB"},
		{"missing", func(t *testing.T, p string) {}, fs.ErrNotExist,
			"cannot read the file: no such file or directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "places.geojson")
			tt.make(t, path)
			var err error
			userfiletest.Within(t, "LoadFile", 1<<20, func() { _, err = atlas.LoadFile(path) })
			var ae *atlas.Error
			if !errors.As(err, &ae) || !errors.Is(err, tt.is) {
				t.Fatalf("err = %v (%T); want an *atlas.Error matching %v", err, err, tt.is)
			}
			if want := path + ": " + tt.msg; ae.Message() != want {
				t.Errorf("Message()\n%q; want\n%q", ae.Message(), want)
			}
			if !strings.HasPrefix(err.Error(), "atlas: ") || len(ae.Problems) != 1 || ae.Problems[0].Kind != atlas.ProblemFile {
				t.Errorf("err %q, problems %+v", err, ae.Problems)
			}
		})
	}
}

// reportsFixture is a places folder whose one report, r, is the file
// reports/r.txt, made by the test.
func reportsFixture(t *testing.T) (dir string, r *atlas.Report) {
	dir = t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "reports"), 0o755); err != nil {
		t.Fatal(err)
	}
	return dir, &atlas.Report{ID: "r", File: "reports/r.txt"}
}

func TestReadTextRefuses(t *testing.T) {
	secret := filepath.Join(t.TempDir(), "passwd")
	if err := os.WriteFile(secret, []byte("root:x:0:0:root:/root:/bin/sh\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	type want struct {
		is  error  // nil: it reads
		msg string // the ReportError's Message
	}
	tests := []struct {
		name  string
		make  func(t *testing.T, path string)
		dir   want // through ReportsDir
		dirFS want // through os.DirFS
	}{
		{"regular", func(t *testing.T, p string) { os.WriteFile(p, []byte("It happened."), 0o644) }, want{}, want{}},
		{"link inside", func(t *testing.T, p string) {
			os.WriteFile(p+".real", []byte("It happened."), 0o644)
			userfiletest.Symlink(t, "r.txt.real", p)
		}, want{}, want{}},
		{"fifo", func(t *testing.T, p string) { userfiletest.Mkfifo(t, p) },
			want{userfile.ErrNotRegular, `report "r": reports/r.txt is a named pipe (FIFO), not a regular file`},
			want{userfile.ErrNotRegular, `report "r": reports/r.txt is a named pipe (FIFO), not a regular file`}},
		{"dev zero", func(t *testing.T, p string) { userfiletest.DevZeroLink(t, p) },
			want{userfile.ErrOutside, `report "r": reports/r.txt leads through a symbolic link to /dev/zero, outside the folder `},
			want{userfile.ErrNotRegular, `report "r": reports/r.txt is a symbolic link to /dev/zero, which is a character device, not a regular file`}},
		{"link outside", func(t *testing.T, p string) { userfiletest.Symlink(t, secret, p) },
			want{userfile.ErrOutside, `report "r": reports/r.txt leads through a symbolic link to ` + secret + ", outside the folder "},
			want{}}, // os.DirFS follows it: why ReportsDir exists
		{"folder link outside", func(t *testing.T, p string) {
			os.Remove(filepath.Dir(p))
			userfiletest.Symlink(t, filepath.Dir(secret), filepath.Dir(p))
			os.Rename(secret, filepath.Join(filepath.Dir(secret), "r.txt"))
			t.Cleanup(func() { os.Rename(filepath.Join(filepath.Dir(secret), "r.txt"), secret) })
		}, want{userfile.ErrOutside, `report "r": reports/r.txt leads through a symbolic link to `}, want{}},
		{"directory", func(t *testing.T, p string) { os.Mkdir(p, 0o755) },
			want{userfile.ErrNotRegular, `report "r": reports/r.txt is a directory, not a regular file`},
			want{userfile.ErrNotRegular, `report "r": reports/r.txt is a directory, not a regular file`}},
		{"too large", func(t *testing.T, p string) { sparse(t, p, atlas.MaxReportFileSize+1) },
			want{userfile.ErrTooLarge, `report "r": reports/r.txt is 16.0 MiB (16777217 bytes), over the limit of 16 MiB`},
			want{userfile.ErrTooLarge, `report "r": reports/r.txt is 16.0 MiB (16777217 bytes), over the limit of 16 MiB`}},
		{"missing", func(t *testing.T, p string) {},
			want{fs.ErrNotExist, `report "r": cannot read reports/r.txt: no such file or directory`},
			want{fs.ErrNotExist, `report "r": cannot read reports/r.txt: no such file or directory`}},
	}
	for _, tt := range tests {
		for _, via := range []struct {
			name string
			fsys func(dir string) fs.FS
			want want
		}{
			{"ReportsDir", func(dir string) fs.FS { return atlas.ReportsDir(filepath.Join(dir, "places.geojson")) }, tt.dir},
			{"DirFS", os.DirFS, tt.dirFS},
		} {
			t.Run(tt.name+"/"+via.name, func(t *testing.T) {
				dir, r := reportsFixture(t)
				tt.make(t, filepath.Join(dir, "reports", "r.txt"))
				var ps []atlas.Paragraph
				var err error
				userfiletest.Within(t, "ReadText", 1<<20, func() { ps, err = r.ReadText(via.fsys(dir)) })
				if via.want.is == nil {
					if err != nil || len(ps) != 1 {
						t.Fatalf("got %v, %v; want the text", ps, err)
					}
					return
				}
				var re *atlas.ReportError
				if !errors.As(err, &re) || !errors.Is(err, via.want.is) {
					t.Fatalf("err = %v (%T); want a *atlas.ReportError matching %v", err, err, via.want.is)
				}
				if !strings.HasPrefix(re.Message(), via.want.msg) || err.Error() != "atlas: "+re.Message() {
					t.Errorf("Message()\n%q; want it to start\n%q", re.Message(), via.want.msg)
				}
			})
		}
	}
}

func TestReadTextPaths(t *testing.T) {
	for _, tt := range []struct {
		file, msg string
	}{
		{"", `report "r": names no file`},
		{"../outside.txt", `report "r": file "../outside.txt" is not a path inside the places file's folder`},
		{"/etc/passwd", `report "r": file "/etc/passwd" is not a path inside the places file's folder`},
	} {
		r := &atlas.Report{ID: "r", File: tt.file}
		_, err := r.ReadText(atlas.ReportsDir("places.geojson"))
		var re *atlas.ReportError
		if !errors.As(err, &re) || re.Message() != tt.msg || re.Err != nil {
			t.Errorf("file %q: err %v; want %q", tt.file, err, tt.msg)
		}
	}
}

// TestVerifyTellsNothingOfOutsideFiles checks that a report file linked
// to a file outside the folder is refused, so that Verify's "not found
// verbatim" cannot tell whether a string occurs in that file.
func TestVerifyTellsNothingOfOutsideFiles(t *testing.T) {
	secret := filepath.Join(t.TempDir(), "passwd")
	if err := os.WriteFile(secret, []byte("root:x:0:0:root:/root:/bin/sh\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	userfiletest.Symlink(t, secret, filepath.Join(dir, "r.txt"))
	places := filepath.Join(dir, "places.geojson")
	data := `{"type":"FeatureCollection","reports":[{"id":"r","file":"r.txt"}],"features":[` +
		pt(`[1,2]`, `{"name":"A","excerpts":[{"report":"r","text":"root:x:0:0"},{"report":"r","text":"daemon:x:1:1"}]}`) + `]}`
	if err := os.WriteFile(places, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	a, err := atlas.LoadFile(places)
	if err != nil {
		t.Fatal(err)
	}
	probs := atlas.Verify(a, atlas.ReportsDir(places))
	if len(probs) != 1 || probs[0].Kind != atlas.ProblemReportUnreadable || !strings.Contains(probs[0].Msg, "leads through a symbolic link to "+secret) {
		t.Fatalf("Verify = %v; want only the refusal of r.txt", probs)
	}
	if strings.HasPrefix(probs[0].Msg, "atlas: ") {
		t.Errorf("problem %q keeps the package prefix", probs[0].Msg)
	}
}
