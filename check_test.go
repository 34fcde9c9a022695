package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"reportmap/internal/userfile/userfiletest"
)

// writeFile writes a file into dir and returns its path.
func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good.geojson", `{"type":"FeatureCollection","reports":[{"id":"r","title":"R","source":"S","file":"r.txt","settings":["here"]}],
	 "features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"id":"here","name":"Here","role":"setting","kind":"city","excerpts":[{"report":"r","text":"It happened   here."}]}}]}`)
	writeFile(t, dir, "r.txt", "It happened\nhere.\n")
	mixed := writeFile(t, dir, "mixed.geojson", `{"type":"FeatureCollection","features":[
	 {"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"name":"Here"}},
	 {"type":"Feature","geometry":{"type":"Point","coordinates":[1,200]},"properties":{"name":"There"}}]}`)
	misquoted := writeFile(t, dir, "misquoted.geojson", strings.Replace(mustRead(t, good), "It happened", "It hapened", 1))
	bad := writeFile(t, dir, "bad.geojson", `{"type":"FeatureCollection","features":[`)

	tests := []struct {
		name     string
		args     []string
		status   int
		out, err []string
		noOut    bool
	}{
		{"embedded data", []string{"-check", "places.geojson"}, 0,
			[]string{"places.geojson: ok: 30 places (6 settings), 75 excerpts, 4 reports, 0 warnings\n"}, nil, false},
		{"good", []string{"-check", good}, 0, []string{"good.geojson: ok: 1 place (1 setting), 1 excerpt, 1 report, 0 warnings"}, nil, false},
		{"warnings still valid", []string{"-check", mixed}, 0,
			[]string{"mixed.geojson: ok: 1 place (0 settings), 0 excerpts, 0 reports, 1 warning", "  warning: " + mixed + ": feature 1: latitude 200"}, nil, false},
		{"misquote", []string{"-check", misquoted}, 0,
			[]string{"1 warning", `feature 0: excerpts[0] is not found verbatim in report "r" (r.txt)`}, nil, false},
		{"invalid", []string{"-check", good, bad}, 1,
			[]string{"good.geojson: ok"}, []string{bad + ": invalid", "the JSON is truncated"}, false},
		{"missing file", []string{"-check", filepath.Join(dir, "nope.geojson")}, 1,
			nil, []string{"nope.geojson: cannot read the file: no such file or directory"}, true},
		{"no file", []string{"-check"}, 2, nil, []string{"-check needs at least one FILE"}, true},
		{"unknown flag", []string{"-chek", good}, 2, nil, []string{"flag provided but not defined: -chek"}, true},
		{"two files to open", []string{good, good}, 2, nil, []string{"at most one FILE"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			if got := run(tt.args, &out, &errb); got != tt.status {
				t.Errorf("status %d; want %d\nstdout:\n%s\nstderr:\n%s", got, tt.status, out.String(), errb.String())
			}
			for _, w := range tt.out {
				if !strings.Contains(out.String(), w) {
					t.Errorf("stdout lacks %q:\n%s", w, out.String())
				}
			}
			for _, w := range tt.err {
				if !strings.Contains(errb.String(), w) {
					t.Errorf("stderr lacks %q:\n%s", w, errb.String())
				}
			}
			if tt.noOut && out.Len() > 0 {
				t.Errorf("stdout not empty:\n%s", out.String())
			}
		})
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestNoDisplayMessage(t *testing.T) {
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	var out, errb bytes.Buffer
	if got := run(nil, &out, &errb); got != 1 {
		t.Fatalf("status %d; want 1", got)
	}
	if !strings.Contains(errb.String(), "no display") || !strings.Contains(errb.String(), "-check") {
		t.Errorf("stderr:\n%s", errb.String())
	}
}

// checkWithin runs -check on file and fails the test if it blocks or
// allocates more than maxAlloc bytes.
func checkWithin(t *testing.T, file string, maxAlloc uint64) (status int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	userfiletest.Within(t, "-check "+file, maxAlloc, func() { status = run([]string{"-check", file}, &out, &errb) })
	return status, out.String(), errb.String()
}

func TestCheckHostileFiles(t *testing.T) {
	const place = `{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"name":"A","excerpts":[{"report":"r","text":"root:x:0:0"},{"report":"r","text":"not in that file"}]}}`
	withReport := `{"type":"FeatureCollection","reports":[{"id":"r","title":"R","file":"r.txt"}],"features":[` + place + `]}`
	secret := writeFile(t, t.TempDir(), "passwd", "root:x:0:0:root:/root:/bin/sh\n")
	tests := []struct {
		name   string
		make   func(t *testing.T, dir string) string // makes the files, returns the places file
		status int
		out    []string // in stdout
		err    []string // in stderr
		not    []string // in neither
	}{
		{"fifo places file", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "places.geojson")
			userfiletest.Mkfifo(t, p)
			return p
		}, 1, nil, []string{"places.geojson: invalid", "the file is a named pipe (FIFO), not a regular file"}, nil},
		{"dev zero places file", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "places.geojson")
			userfiletest.DevZeroLink(t, p)
			return p
		}, 1, nil, []string{"the file is a symbolic link to /dev/zero, which is a character device, not a regular file"}, nil},
		{"report linked outside", func(t *testing.T, dir string) string {
			userfiletest.Symlink(t, secret, filepath.Join(dir, "r.txt"))
			return writeFile(t, dir, "places.geojson", withReport)
		}, 0, []string{"1 warning", `report "r": r.txt leads through a symbolic link to ` + secret + ", outside the folder"},
			nil, []string{"not found verbatim"}},
		{"fifo report", func(t *testing.T, dir string) string {
			userfiletest.Mkfifo(t, filepath.Join(dir, "r.txt"))
			return writeFile(t, dir, "places.geojson", withReport)
		}, 0, []string{"1 warning", `report "r": r.txt is a named pipe (FIFO), not a regular file`}, nil, []string{"not found verbatim"}},
		{"dev zero report", func(t *testing.T, dir string) string {
			userfiletest.DevZeroLink(t, filepath.Join(dir, "r.txt"))
			return writeFile(t, dir, "places.geojson", withReport)
		}, 0, []string{"1 warning", `report "r": r.txt leads through a symbolic link to /dev/zero`}, nil, []string{"not found verbatim"}},
		{"utf-16", func(t *testing.T, dir string) string {
			return writeFile(t, dir, "places.geojson", "\xff\xfe{\x00}\x00")
		}, 1, nil, []string{"the file is UTF-16 encoded (little-endian, with a byte-order mark); GeoJSON must be UTF-8 (RFC 8259) — re-save it as UTF-8"}, []string{"invalid character"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := tt.make(t, t.TempDir())
			status, out, errs := checkWithin(t, file, 8<<20)
			if status != tt.status {
				t.Errorf("status %d; want %d", status, tt.status)
			}
			for _, w := range tt.out {
				if !strings.Contains(out, w) {
					t.Errorf("stdout lacks %q:\n%s", w, out)
				}
			}
			for _, w := range tt.err {
				if !strings.Contains(errs, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errs)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(out+errs, w) {
					t.Errorf("output has %q:\n%s%s", w, out, errs)
				}
			}
		})
	}
}

// TestCheckWarningFlood checks that 100k features with null geometry give
// a readable report, not 100k lines, whether or not the file loads.
func TestCheckWarningFlood(t *testing.T) {
	const null = `{"type":"Feature","geometry":null,"properties":{"name":"Ghost"}}`
	nulls := strings.TrimSuffix(strings.Repeat(null+",\n", 100_000), ",\n")
	dir := t.TempDir()
	mixed := writeFile(t, dir, "mixed.geojson", `{"type":"FeatureCollection","features":[
	 {"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"name":"Here"}},`+nulls+`]}`)
	allBad := writeFile(t, dir, "all-bad.geojson", `{"type":"FeatureCollection","features":[`+nulls+`]}`)
	for _, tt := range []struct {
		file   string
		status int
		stream func(out, errs string) string
		first  string
	}{
		{mixed, 0, func(out, _ string) string { return out }, "mixed.geojson: ok: 1 place (0 settings), 0 excerpts, 0 reports, 100000 warnings"},
		{allBad, 1, func(_, errs string) string { return errs }, "all-bad.geojson: invalid"},
	} {
		status, out, errs := checkWithin(t, tt.file, 1<<30)
		text := tt.stream(out, errs)
		lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
		if status != tt.status || len(lines) > 25 || !strings.Contains(lines[0], tt.first) {
			t.Errorf("%s: status %d, %d lines:\n%s", tt.file, status, len(lines), text)
		}
		if last := lines[len(lines)-1]; last != "  … and 99980 more like this" {
			t.Errorf("%s: last line %q", tt.file, last)
		}
		if n := strings.Count(text, "geometry is null"); n != 20 {
			t.Errorf("%s: %d null-geometry lines; want 20", tt.file, n)
		}
	}
}
